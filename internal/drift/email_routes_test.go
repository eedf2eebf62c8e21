package drift

import (
	"context"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// Email routes are listed domain by domain (a domain's id is its name) and found under the
// id the provider keeps in state (domain id / route id): a managed route is recognised by it
// and a hand-made one is reported, attributed to whoever made it.
func TestEmailRoutesUnmanaged(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	ctx := context.Background()
	domains := kinds.Genesys().Named(kinds.EmailDomain)
	routes := kinds.Genesys().Named(kinds.EmailRoute)
	if err := o.console.Do(ctx, http.MethodPost, domains.API.Collection, nil, map[string]any{"id": "support.example.com"}, nil); err != nil {
		t.Fatalf("create email domain: %v", err)
	}
	ids := map[string]string{}
	for _, pattern := range []string{"help", "sales"} {
		var made map[string]any
		if err := o.console.Do(ctx, http.MethodPost, routes.API.CollectionOf("support.example.com"), nil,
			map[string]any{"pattern": pattern, "fromName": "Support"}, &made); err != nil {
			t.Fatalf("create route %s: %v", pattern, err)
		}
		ids[pattern] = kinds.ChildID("support.example.com", made["id"].(string))
	}
	found, errs := FindUnmanaged(ctx, UnmanagedOptions{Client: o.deploy, Types: []string{routes.Resource},
		ManagedIDs: map[string]bool{ids["sales"]: true}})
	if len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
	if len(found) != 1 || found[0].ID != ids["help"] || found[0].Name != "help" || found[0].Type != routes.Resource {
		t.Fatalf("findings = %+v, want the one unmanaged route %s", found, ids["help"])
	}
	o.wantMadeByConsole(t, found, "the hand-made route")
}
