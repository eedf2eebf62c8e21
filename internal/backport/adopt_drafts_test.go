package backport

import (
	"context"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// A drafted object made by hand (a Messenger configuration) has no GET of its own: backport
// reads it at its draft, which holds what the next publish deploys.
func TestReadUnmanagedDraftedObject(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	k := kinds.Genesys().Named(kinds.WebConfiguration)
	var made map[string]any
	body := map[string]any{"name": "Hand made messenger", "languages": []string{"en-us"}, "defaultLanguage": "en-us"}
	if err := c.Do(context.Background(), http.MethodPost, k.API.Collection, nil, body, &made); err != nil {
		t.Fatal(err)
	}
	id, _ := made["id"].(string)
	b := &builder{o: Options{Client: c}}
	objs, err := b.readUnmanaged(context.Background(), []drift.Finding{{Kind: drift.KindUnmanaged, Type: k.Resource, Name: "Hand made messenger", ID: id}})
	if err != nil {
		t.Fatal(err)
	}
	if got := objs[id]; got["name"] != "Hand made messenger" || got["defaultLanguage"] != "en-us" {
		t.Errorf("read %v, want the hand-made configuration", got)
	}
}
