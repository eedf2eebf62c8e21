package backport

import (
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/google/go-cmp/cmp"
)

// A hand-made row is adopted with its table as a reference, its key, and its other columns
// as JSON text.
func TestDataTableRowAdoption(t *testing.T) {
	t.Parallel()
	m, ok := mapperFor("genesyscloud_architect_datatable_row")
	if !ok {
		t.Fatal("genesyscloud_architect_datatable_row has no mapper")
	}
	got := m.attrs(decodeObject(t, `{"id":"t1/46278 north","key":"46278 north","region":"North","agents":12}`))
	want := []attribute{
		{name: "datatable_id", value: "t1", ref: kinds.Genesys().Named(kinds.DataTable)},
		{name: "key_value", value: "46278 north"},
		{name: "properties_json", value: `{"agents":12,"region":"North"}`},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(attribute{}), cmp.Comparer(func(a, b *kinds.Kind) bool { return a == b })); diff != "" {
		t.Errorf("row attributes (-want +got):\n%s", diff)
	}
	if got := m.attrs(decodeObject(t, `{"key":"k"}`)); got != nil {
		t.Errorf("a row read without its id: %v, want nothing", got)
	}
}
