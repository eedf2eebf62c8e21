package drift

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// A response asset uploaded by hand is found unmanaged (listed through the asset search, the
// kind's only listing) and attributed to whoever uploaded it.
func TestResponseAssetUnmanaged(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	ctx := context.Background()
	k := kinds.Genesys().Named(kinds.ResponseAsset)
	var up struct {
		ID, URL string
	}
	if err := o.console.Do(ctx, http.MethodPost, k.API.CreateAt(), nil, map[string]any{"name": "hand-made.txt"}, &up); err != nil {
		t.Fatalf("register the upload: %v", err)
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, up.URL, strings.NewReader("made by hand"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d", res.StatusCode)
	}
	found, errs := FindUnmanaged(ctx, UnmanagedOptions{Client: o.deploy, Types: []string{k.Resource}})
	if len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
	if len(found) != 1 || found[0].ID != up.ID || found[0].Name != "hand-made.txt" {
		t.Fatalf("findings = %+v, want the hand-made asset", found)
	}
	o.wantMadeByConsole(t, found, "the hand-made asset")
}
