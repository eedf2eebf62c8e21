package drift

import (
	"context"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// A user prompt made by hand is found unmanaged and attributed to whoever made it.
func TestUserPromptUnmanaged(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	ctx := context.Background()
	k := kinds.Genesys().Named(kinds.UserPrompt)
	var made map[string]any
	if err := o.console.Do(ctx, http.MethodPost, k.API.Collection, nil, map[string]any{"name": "Hand_made"}, &made); err != nil {
		t.Fatalf("create prompt: %v", err)
	}
	found, errs := FindUnmanaged(ctx, UnmanagedOptions{Client: o.deploy, Types: []string{k.Resource}})
	if len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
	if len(found) != 1 || found[0].ID != made["id"] || found[0].Name != "Hand_made" {
		t.Fatalf("findings = %+v, want the hand-made prompt", found)
	}
	o.wantMadeByConsole(t, found, "the hand-made prompt")
}
