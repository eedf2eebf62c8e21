package drift

import (
	"context"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// A log level set on a flow by hand is found unmanaged, under the flow's id (the id the
// provider keeps for it) and named after the flow; one in a state is not.
func TestFlowLogLevelUnmanaged(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	ctx := context.Background()
	k := kinds.Genesys().Named(kinds.FlowLogLevel)
	var ids []string
	for _, name := range []string{"Main IVR", "After hours"} {
		var flow map[string]any
		if err := o.console.Do(ctx, http.MethodPost, "/api/v2/flows", nil, map[string]any{"name": name, "type": "INBOUNDCALL"}, &flow); err != nil {
			t.Fatalf("create flow %s: %v", name, err)
		}
		id := flow["id"].(string)
		body := map[string]any{"logLevelCharacteristics": map[string]any{"level": "Notes"}}
		if err := o.console.Do(ctx, http.MethodPost, k.API.Item(id), nil, body, nil); err != nil {
			t.Fatalf("set the log level of %s: %v", name, err)
		}
		ids = append(ids, id)
	}
	found, errs := FindUnmanaged(ctx, UnmanagedOptions{Client: o.deploy, Types: []string{k.Resource},
		ManagedIDs: map[string]bool{ids[1]: true}})
	if len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
	if len(found) != 1 || found[0].ID != ids[0] || found[0].Name != "Main IVR" {
		t.Fatalf("findings = %+v, want the log level of Main IVR (%s)", found, ids[0])
	}
}
