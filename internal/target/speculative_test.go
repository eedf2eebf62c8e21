package target

import (
	"context"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/workspace"
)

// TestSpeculativeOrg copies a local environment's org: the copy holds the org's skill under
// the same id, its credentials work until it is discarded, and a real org offers no copy.
func TestSpeculativeOrg(t *testing.T) {
	ctx := context.Background()
	st := serveLocalOrg(t)
	dev := workspace.Environment{Name: "dev", Org: "local:dev"}
	tg, err := Resolve(ctx, Options{Root: t.TempDir(), Env: dev, Tofu: "/opt/tofu", ProviderDir: "/opt/provider",
		LocalOrg: InProcess(st), ClientUserAgent: "cx-test"})
	if err != nil {
		t.Fatal(err)
	}
	name := "Cx Speculative Skill"
	var skill platform.RoutingSkill
	if err := tg.Client.Do(ctx, "POST", "/api/v2/routing/skills", nil, platform.RoutingSkill{Name: &name}, &skill); err != nil {
		t.Fatal(err)
	}

	speculate := tg.Speculation()
	if speculate == nil {
		t.Fatal("a local environment should offer a speculative org")
	}
	spec, err := speculate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(spec.Name, "dev~speculative-") {
		t.Errorf("the copy is named %q", spec.Name)
	}
	copyClient, err := platform.New(platform.Config{BaseURL: st.URL, ClientID: spec.OrgEnv["GENESYSCLOUD_OAUTHCLIENT_ID"],
		ClientSecret: spec.OrgEnv["GENESYSCLOUD_OAUTHCLIENT_SECRET"], UserAgent: "cx-test"})
	if err != nil {
		t.Fatal(err)
	}
	var copied platform.RoutingSkill
	if err := copyClient.Do(ctx, "GET", "/api/v2/routing/skills/"+*skill.ID, nil, nil, &copied); err != nil || *copied.Name != name {
		t.Errorf("the copy's skill %s: %+v %v", *skill.ID, copied, err)
	}
	// A copy a killed cx left behind goes when the next copy is made.
	next, err := speculate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := spec.Discard(ctx); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("the stale copy should be gone once the next is made: %v", err)
	}
	if err := next.Discard(ctx); err != nil {
		t.Fatal(err)
	}
	if err := next.Discard(ctx); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("a second discard should find nothing: %v", err)
	}

	region := &Target{Env: workspace.Environment{Name: "prod", Org: "region:us-east-1"}}
	if region.Speculation() != nil {
		t.Error("a real org cannot be copied, so it offers no speculative org")
	}
}
