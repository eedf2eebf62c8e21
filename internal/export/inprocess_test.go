package export

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/target"
)

// TestGenerateInProcess generates the block of a skill, and of objects that cannot be read, with
// the provider in process against a local org: the skill's block is what OpenTofu would write
// (its computed-only id left out), and the failure names the object — type, label, project,
// id — and says what the provider said.
func TestGenerateInProcess(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	env, err := target.OrgEnv(ts.URL, cred.ClientID, cred.ClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	api, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	name := "Billing"
	var skill platform.RoutingSkill
	if err := api.Do(ctx, http.MethodPost, "/api/v2/routing/skills", nil, platform.CreateRoutingSkill{Name: &name}, &skill); err != nil {
		t.Fatal(err)
	}
	var imported int
	blocks, text, err := generateInProcess(ctx, env, platform.NewListings(), []scratchImport{
		{typ: "genesyscloud_routing_skill", label: "billing", id: *skill.ID, home: "genesyscloud_routing_skill.billing of project shared-skills"},
	}, nil, func(n int) { imported += n })
	if err != nil {
		t.Fatal(err)
	}
	want := "resource \"genesyscloud_routing_skill\" \"billing\" {\n  name = \"Billing\"\n}\n"
	if string(text) != want || len(blocks) != 1 || imported != 1 {
		t.Errorf("generated %d block(s), %d told, as\n%s\nwant\n%s", len(blocks), imported, text, want)
	}

	for _, tt := range []struct {
		typ, id, says string
	}{
		{"genesyscloud_routing_skill", "00000000-0000-0000-0000-000000000000", "no object exists"},
		// The provider's own diagnostic: a row's id is its table's and its key.
		{"genesyscloud_architect_datatable_row", "no-table-or-key", "no-table-or-key"},
	} {
		home := tt.typ + ".gone of project shared"
		_, _, err = generateInProcess(ctx, env, platform.NewListings(), []scratchImport{{typ: tt.typ, label: "gone", id: tt.id, home: home}}, nil, nil)
		for _, want := range []string{home, `"` + tt.id + `"`, tt.says} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("generating %s %s: %v; want an error naming %q", tt.typ, tt.id, err, want)
			}
		}
		t.Log(err)
	}
}
