package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/cxascode/cxascode/internal/envdiff"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// TestAccDiffNamesAHandEdit: cx diff of two local orgs seeded alike exits 0; once a queue's
// description is edited by hand in test, it exits 2 and its JSON names that queue and that
// attribute alone.
func TestAccDiffNamesAHandEdit(t *testing.T) {
	root := t.TempDir()
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	writeTestFile(t, filepath.Join(root, "cx.hcl"), `workspace {
  name = "two-orgs"
}

environment "dev" {
  org = "local:dev"
}

environment "test" {
  org = "local:test"
}
`)
	ctx := context.Background()
	clients := map[string]*platform.Client{}
	for _, org := range []string{"dev", "test"} {
		cred := ts.Credential(t, org, "deploy")
		c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
		must(t, err)
		if _, err := orgseed.Seed(ctx, c, orgseed.Options{Objects: 100}); err != nil {
			t.Fatalf("seed %s: %v", org, err)
		}
		clients[org] = c
	}
	if _, _, code := cx.run("diff", "--env", "dev", "--env", "test"); code != 0 {
		t.Fatalf("orgs seeded alike: exit %d, want 0", code)
	}

	queue := kinds.Genesys().Named(kinds.Queue)
	queues, err := platform.ListAll[map[string]any](ctx, clients["test"], queue.API.Collection, nil, queue.API.PageSize())
	if err != nil || len(queues) == 0 {
		t.Fatalf("list the queues: %v (%d)", err, len(queues))
	}
	edited := queues[0]
	edited["description"] = "Changed by hand"
	must(t, clients["test"].Do(ctx, http.MethodPut, queue.API.Item(edited["id"].(string)), nil, edited, nil))

	stdout, _, code := cx.run("diff", "--env", "dev", "--env", "test", "--json")
	if code != 2 {
		t.Fatalf("after a hand edit: exit %d, want 2", code)
	}
	var rep envdiff.Report
	must(t, json.Unmarshal([]byte(stdout), &rep))
	if len(rep.Changed) != 1 || len(rep.OnlyInA)+len(rep.OnlyInB) != 0 {
		t.Fatalf("report %s: want one changed object", stdout)
	}
	c := rep.Changed[0]
	if c.Type != queue.Resource || c.Name != edited["name"] || len(c.Changes) != 1 || c.Changes[0].Path != "description" || c.Changes[0].New != "Changed by hand" {
		t.Errorf("changed %+v, want queue %q's description", c, edited["name"])
	}
}
