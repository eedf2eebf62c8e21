package provider

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// TestAccShortcutsAnswerNoOpPlansAndSeeEveryChange: once a refresh has kept the read memo of a
// skill, a wrap-up code and a queue with a member, a no-op plan answers their reads and plans
// without the framework — and a change made in the org behind OpenTofu's back (a renamed
// code, a queue's description and member, a deleted skill) is still seen by the next plan,
// exactly as without the shortcuts.
func TestAccShortcutsAnswerNoOpPlansAndSeeEveryChange(t *testing.T) {
	o := newAccOrg(t)
	users := o.agents(2)
	const (
		skill = "genesyscloud_routing_skill.s"
		code  = "genesyscloud_routing_wrapupcode.w"
		queue = "genesyscloud_routing_queue.q"
	)
	cfg := o.config(fmt.Sprintf(`
resource "genesyscloud_routing_skill" "s" {
  name = "Memo skill"
}

resource "genesyscloud_routing_wrapupcode" "w" {
  name = "Memo code"
}

resource "genesyscloud_routing_queue" "q" {
  name         = "Memo queue"
  description  = "Tier 1"
  wrapup_codes = [genesyscloud_routing_wrapupcode.w.id]
  members {
    user_id = %q
  }
}
`, users[0]))
	stats := &shortcutStats{}
	st := &lastState{}
	answered := func(wantPlans, wantReads int64) plancheck.PlanCheck {
		return statsCheck{stats: stats, plans: wantPlans, reads: wantReads}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){"genesyscloud": newServer("test", stats)},
		CheckDestroy:             o.checkDestroyed("genesyscloud_routing_queue", queuesPath),
		Steps: []resource.TestStep{
			{Config: cfg, Check: st.capture},
			// The refresh keeps each resource's read memo in the state.
			{RefreshState: true},
			{
				PreConfig:        func() { stats.plans.Store(0); stats.reads.Store(0) },
				Config:           cfg,
				ConfigPlanChecks: expectPlan(plancheck.ExpectEmptyPlan(), answered(3, 3)),
			},
			{
				PreConfig: func() {
					o.do(http.MethodPut, "/api/v2/routing/wrapupcodes/"+st.id(code), map[string]string{"name": "Renamed in the UI"}, nil)
					id := st.id(queue)
					q, err := queueRequest(context.Background(), o.api, id)
					if err != nil {
						t.Fatal(err)
					}
					q.Description = ptr("edited in the UI")
					o.do(http.MethodPut, queuesPath+"/"+id, q, nil)
					o.do(http.MethodPost, queuesPath+"/"+id+"/members", []platform.WritableEntity{{ID: ptr(users[1])}}, nil)
					o.do(http.MethodDelete, skillsPath+"/"+st.id(skill), nil, nil)
				},
				Config: cfg,
				ConfigPlanChecks: expectPlan(plancheck.ExpectNonEmptyPlan(),
					plancheck.ExpectResourceAction(code, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(queue, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(skill, plancheck.ResourceActionCreate)),
			},
		},
	})
}

// statsCheck checks that the servers answered at least plans plans and reads reads
// themselves since the counts were reset.
type statsCheck struct {
	stats        *shortcutStats
	plans, reads int64
}

func (c statsCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if p, r := c.stats.plans.Load(), c.stats.reads.Load(); p < c.plans || r < c.reads {
		resp.Error = fmt.Errorf("the servers answered %d plans and %d reads themselves, want at least %d and %d", p, r, c.plans, c.reads)
	}
}

// TestPlanShortcutRules: which resource types a no-op plan may skip the framework for, and
// that an attribute away from its default sends the plan through the framework.
func TestPlanShortcutRules(t *testing.T) {
	ctx := context.Background()
	s := &server{p: New("test")().(*genesysProvider), on: true, stats: &shortcutStats{}}
	for typeName, want := range map[string]bool{
		"genesyscloud_routing_queue":         true,
		"genesyscloud_routing_skill":         true,
		"genesyscloud_user":                  true,
		"genesyscloud_flow":                  false, // ModifyPlan checks references against the org
		"genesyscloud_script":                false, // the file's hash is planned
		"genesyscloud_integration_action":    false, // ModifyPlan hashes a function package
		"genesyscloud_routing_wrapupcode":    true,
		"genesyscloud_architect_user_prompt": true,
	} {
		t.Run(typeName, func(t *testing.T) {
			info := s.info(ctx, typeName)
			if info == nil {
				t.Fatalf("%s: no type info", typeName)
			}
			if info.plan != want {
				t.Errorf("%s: plan shortcut %v, want %v", typeName, info.plan, want)
			}
		})
	}
	if s.info(ctx, "genesyscloud_flow").memo {
		t.Error("a flow's reads download its export outside the client: no read memo")
	}
	info := s.info(ctx, "genesyscloud_group")
	if len(info.defaults) == 0 {
		t.Fatal("a group has defaults (rules_visible, type, visibility)")
	}
	obj := func(visibility string) *tfprotov6.DynamicValue {
		attrs := map[string]tftypes.Value{}
		for name, typ := range info.tfType.(tftypes.Object).AttributeTypes {
			attrs[name] = tftypes.NewValue(typ, nil)
		}
		for _, d := range info.defaults {
			attrs[d.name] = *d.value
		}
		attrs["id"] = tftypes.NewValue(tftypes.String, "g1")
		attrs["name"] = tftypes.NewValue(tftypes.String, "Group")
		attrs["visibility"] = tftypes.NewValue(tftypes.String, visibility)
		dv, err := tfprotov6.NewDynamicValue(info.tfType, tftypes.NewValue(info.tfType, attrs))
		if err != nil {
			t.Fatal(err)
		}
		return &dv
	}
	if !planUnchanged(info, obj("public"), obj("public")) {
		t.Error("a group holding every default, proposed unchanged: want the shortcut")
	}
	if planUnchanged(info, obj("members"), obj("members")) {
		t.Error("visibility away from its default may be about to return to it: want the framework")
	}
	if planUnchanged(info, obj("public"), obj("members")) {
		t.Error("a change is never shortcut")
	}
}
