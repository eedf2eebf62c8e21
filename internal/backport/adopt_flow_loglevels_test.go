package backport

import (
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/google/go-cmp/cmp"
)

// A log level set by hand is adopted with its flow as a reference and its level.
func TestFlowLogLevelAdoption(t *testing.T) {
	t.Parallel()
	m, ok := mapperFor("genesyscloud_flow_loglevel")
	if !ok {
		t.Fatal("genesyscloud_flow_loglevel has no mapper")
	}
	got := m.attrs(decodeObject(t, `{"id":"f1","name":"Main IVR","logLevelCharacteristics":{"level":"Notes","characteristics":{"names":true}}}`))
	want := []attribute{
		{name: "flow_id", value: "f1", ref: kinds.Genesys().Named(kinds.Flow)},
		{name: "flow_log_level", value: "Notes"},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(attribute{}), cmp.Comparer(func(a, b *kinds.Kind) bool { return a == b })); diff != "" {
		t.Errorf("log level attributes (-want +got):\n%s", diff)
	}
}
