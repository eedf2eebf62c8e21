package export

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/zclconf/go-cty/cty"
)

// localOrg is a fresh local org, a credential of its dev org and the provider's environment
// for it.
func localOrg(t *testing.T) (*orgserver.TestServer, orgserver.Credential, map[string]string) {
	t.Helper()
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	env, err := target.OrgEnv(ts.URL, cred.ClientID, cred.ClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	return ts, cred, env
}

// TestGenerateInProcess generates the block of a skill, and of objects that cannot be read, with
// the provider in process against a local org: the skill's block is what OpenTofu would write
// (its computed-only id left out), and the failure names the object — type, label, project,
// id — and says what the provider said.
func TestGenerateInProcess(t *testing.T) {
	t.Parallel()
	ts, cred, env := localOrg(t)
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

// TestGenerateInProcessValidates: a configuration written from a state the provider's own
// validation rejects fails the generation, as OpenTofu's plan of it does, naming the
// provider's diagnostic.
func TestGenerateInProcessValidates(t *testing.T) {
	t.Parallel()
	_, _, env := localOrg(t)
	ctx := context.Background()
	r, err := startReads(ctx, env, platform.NewListings())
	if err != nil {
		t.Fatal(err)
	}
	defer r.stop()
	schema := r.schemas["genesyscloud_user"].Block
	ty, err := ctyType(schema.ValueType())
	if err != nil {
		t.Fatal(err)
	}
	attrs := map[string]cty.Value{}
	for name, at := range ty.AttributeTypes() {
		attrs[name] = cty.NullVal(at)
	}
	attrs["name"], attrs["email"] = cty.StringVal("Ann"), cty.StringVal("ann@example.com")
	if err := r.validate(ctx, "genesyscloud_user", schema, ty, cty.ObjectVal(attrs)); err != nil {
		t.Fatalf("a valid user: %v", err)
	}
	attrs["state"] = cty.StringVal("retired")
	if err := r.validate(ctx, "genesyscloud_user", schema, ty, cty.ObjectVal(attrs)); err == nil || !strings.Contains(err.Error(), "retired") {
		t.Errorf("a user whose state the provider refuses: %v; want its diagnostic", err)
	}
}
