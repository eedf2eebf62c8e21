package runner_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/tofu"
)

// TestAccApplyAfterKilledApplyAdoptsItsObjects: an apply killed with kill -9 leaves objects
// in the org that OpenTofu never wrote to the state (it persists a local state at most every
// 20s). The next apply of that project must adopt them instead of failing on their unique
// names forever; an ordinary apply must not adopt an object someone else made under a
// declared name.
func TestAccApplyAfterKilledApplyAdoptsItsObjects(t *testing.T) {
	tofuBin := accTofu(t)
	ctx := context.Background()
	orgEnv, api := devOrg(t)
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl": "environment \"dev\" {\n  org = \"local:dev\"\n}\n",
		"skills/main.tf": providerBlock + `
resource "genesyscloud_routing_skill" "a" {
  name = "Cx Orphan A"
}

resource "genesyscloud_routing_skill" "b" {
  name = "Cx Orphan B"
}
`,
	})
	tg := &target.Target{Client: api}
	h := &harness{t: t, root: root, tofu: tofuBin, providerDir: buildProvider(t), orgEnv: orgEnv, findByName: tg.FindByName}

	// An object made outside the workspace under a declared name: an ordinary apply refuses
	// it (the org's 409) rather than take it over.
	name := "Cx Orphan A"
	var orphan platform.RoutingSkill
	if err := api.Do(ctx, http.MethodPost, "/api/v2/routing/skills", nil, platform.CreateRoutingSkill{Name: &name}, &orphan); err != nil {
		t.Fatal(err)
	}
	res := h.run(runner.ActionApply, 1)
	h.want(res, 1, map[string]runner.Status{"skills": runner.StatusFailed})
	if !strings.Contains(res.Project("skills").Error, "409") {
		t.Errorf("the ordinary apply should fail on the existing name: %s", res.Project("skills").Error)
	}

	// The same object left by an apply of this project that was killed: adopted. (The
	// failed apply above created B, so adopting A leaves nothing to change.)
	mark := filepath.Join(tofu.Path(root, "runs", "dev"), "skills.applying")
	writeFiles(t, filepath.Dir(mark), map[string]string{filepath.Base(mark): "killed\n"})
	h.want(h.run(runner.ActionApply, 1), 0, map[string]runner.Status{"skills": runner.StatusNoChanges})
	if _, err := os.Stat(mark); !os.IsNotExist(err) {
		t.Errorf("the applying mark should be gone after the apply: %v", err)
	}
	h.want(h.run(runner.ActionPlan, 1), 0, map[string]runner.Status{"skills": runner.StatusNoChanges})
	skills, err := platform.ListAll[platform.RoutingSkill](ctx, api, "/api/v2/routing/skills", nil, 500)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, s := range skills {
		count[*s.Name]++
		if *s.Name == name && *s.ID != *orphan.ID {
			t.Errorf("%s was created again (id %s), not adopted (id %s)", name, *s.ID, *orphan.ID)
		}
	}
	if count["Cx Orphan A"] != 1 || count["Cx Orphan B"] != 1 {
		t.Errorf("each declared skill once: %v", count)
	}
}
