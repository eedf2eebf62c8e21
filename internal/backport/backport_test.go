package backport

import (
	"context"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"
)

func TestMergeFlow(t *testing.T) {
	t.Parallel()
	orig := "# greeting first\ninboundCall:\n  name: {{name}}\n  greeting:\n    tts: {{greeting}} # env specific\n  menu:\n    tts: Press 1.\n"
	subs := map[string]string{"name": "Billing", "greeting": "Hello from prod"}
	tests := []struct {
		name, published, want string
		kept                  []string
	}{
		{
			name:      "changed line without placeholder",
			published: "inboundCall:\n  name: Billing\n  greeting:\n    tts: Hello from prod # env specific\n  menu:\n    tts: Press 1 or 2.\n",
			want:      "# greeting first\ninboundCall:\n  name: {{name}}\n  greeting:\n    tts: {{greeting}} # env specific\n  menu:\n    tts: Press 1 or 2.\n",
			kept:      []string{"greeting", "name"},
		},
		{
			name:      "changed line keeps its placeholder",
			published: "inboundCall:\n  name: Billing\n  greeting:\n    tts: Hello from prod, welcome # env specific\n  menu:\n    tts: Press 1.\n",
			want:      "# greeting first\ninboundCall:\n  name: {{name}}\n  greeting:\n    tts: {{greeting}}, welcome # env specific\n  menu:\n    tts: Press 1.\n",
			kept:      []string{"greeting", "name"},
		},
		{
			name:      "value gone",
			published: "inboundCall:\n  name: Sales\n",
			want:      "# greeting first\ninboundCall:\n  name: Sales\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, kept := MergeFlow([]byte(orig), []byte(tt.published), subs)
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("merged (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.kept, kept); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
			// Whatever it keeps, the file must substitute to exactly the published flow.
			back, _ := archy.Substitute(got, subs)
			if string(back) != tt.published && !sameFlow(back, []byte(tt.published)) {
				t.Errorf("merged file substitutes to\n%s\nnot the published\n%s", back, tt.published)
			}
		})
	}
}

func TestUnifiedDiff(t *testing.T) {
	t.Parallel()
	old := "a\nb\nc\nd\ne\nf\ng\nh\n"
	new := "a\nb\nc\nD\ne\nf\ng\nh\ni\n"
	want := `diff --git a/p/x.tf b/p/x.tf
--- a/p/x.tf
+++ b/p/x.tf
@@ -1,8 +1,9 @@
 a
 b
 c
-d
+D
 e
 f
 g
 h
+i
`
	if diff := cmp.Diff(want, unifiedDiff("p/x.tf", []byte(old), []byte(new), false)); diff != "" {
		t.Errorf("diff (-want +got):\n%s", diff)
	}
	created := unifiedDiff("p/new.tf", nil, []byte("x\n"), true)
	if !strings.Contains(created, "--- /dev/null\n+++ b/p/new.tf\n@@ -0,0 +1 @@\n+x\n") {
		t.Errorf("new file diff:\n%s", created)
	}
}

const queueProject = `# Billing queue and its agent.
resource "genesyscloud_routing_queue" "billing" {
  name = "Billing"

  media_settings_call {
    alerting_timeout_sec = 8 # short on purpose
  }
}

resource "genesyscloud_user" "agent" {
  email = "agent@example.com"
  name  = "Agent"

  routing_skills {
    skill_id    = genesyscloud_routing_skill.billing.id
    proficiency = 3
  }
  routing_skills {
    skill_id    = genesyscloud_routing_skill.retired.id
    proficiency = 1
  }
}

resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}

resource "genesyscloud_routing_skill" "retired" {
  name = "Retired"
}
`

// TestBuildManaged backports an alerting timeout in a nested block and a set of skill
// blocks that gained one skill (known to another project's state) and lost another.
func TestBuildManaged(t *testing.T) {
	t.Parallel()
	ws := testWorkspace(t, map[string]string{
		"cx.hcl":                prodCXHCL,
		"flow-billing/main.tf":  queueProject,
		"shared-skills/main.tf": "resource \"genesyscloud_routing_skill\" \"spanish\" {\n  name = \"Spanish\"\n}\n",
	})
	const (
		billing = "11111111-1111-1111-1111-111111111111"
		retired = "22222222-2222-2222-2222-222222222222"
		spanish = "33333333-3333-3333-3333-333333333333"
	)
	state := func(rs ...*tfjson.StateResource) *tfjson.Plan {
		return &tfjson.Plan{PriorState: &tfjson.State{Values: &tfjson.StateValues{RootModule: &tfjson.StateModule{Resources: rs}}}}
	}
	res := func(addr, typ string, values map[string]any) *tfjson.StateResource {
		return &tfjson.StateResource{Address: addr, Type: typ, Mode: tfjson.ManagedResourceMode, AttributeValues: values}
	}
	plans := map[string]*tfjson.Plan{
		"flow-billing": state(
			res("genesyscloud_routing_skill.billing", "genesyscloud_routing_skill", map[string]any{"id": billing, "name": "Billing"}),
			res("genesyscloud_routing_skill.retired", "genesyscloud_routing_skill", map[string]any{"id": retired, "name": "Retired"})),
		"shared-skills": state(res("genesyscloud_routing_skill.spanish", "genesyscloud_routing_skill", map[string]any{"id": spanish, "name": "Spanish"})),
	}
	rep := &drift.Report{Env: "prod", Findings: []drift.Finding{
		{Kind: drift.KindManaged, Project: "flow-billing", Address: "genesyscloud_routing_queue.billing", Type: "genesyscloud_routing_queue",
			Attributes: []drift.AttrChange{{Path: "media_settings_call[0].alerting_timeout_sec", Old: 8.0, New: 30.0}}},
		{Kind: drift.KindManaged, Project: "flow-billing", Address: "genesyscloud_user.agent", Type: "genesyscloud_user",
			Attributes: []drift.AttrChange{{Path: "routing_skills",
				Old: []any{map[string]any{"skill_id": billing, "proficiency": 3.0}, map[string]any{"skill_id": retired, "proficiency": 1.0}},
				New: []any{map[string]any{"skill_id": spanish, "proficiency": 2.0}, map[string]any{"skill_id": billing, "proficiency": 3.0}}}}},
		{Kind: drift.KindManaged, Project: "flow-billing", Address: "genesyscloud_routing_skill.gone", Type: "genesyscloud_routing_skill", Deleted: true},
		{Kind: drift.KindUnmanaged, Type: "genesyscloud_routing_queue", Name: "Hand Made", ID: "44444444-4444-4444-4444-444444444444"},
	}}
	out, err := Build(context.Background(), Options{Workspace: ws, Env: "prod", Report: rep, Plans: plans})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Changes) != 1 || out.Changes[0].Path != "flow-billing/main.tf" {
		t.Fatalf("changes %+v", out.Changes)
	}
	got := string(out.Changes[0].New)
	want := strings.NewReplacer(
		"alerting_timeout_sec = 8 # short", "alerting_timeout_sec = 30 # short",
		`  routing_skills {
    skill_id    = genesyscloud_routing_skill.retired.id
    proficiency = 1
  }
}`, `  routing_skills {
    proficiency = 2
    skill_id    = data.genesyscloud_routing_skill.spanish.id
  }
}`).Replace(queueProject) + `
data "genesyscloud_routing_skill" "spanish" {
  name = "Spanish"
}
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("main.tf (-want +got):\n%s", diff)
	}
	if len(out.Done) != 2 || len(out.Skipped) != 2 {
		t.Errorf("done %+v\nskipped %+v", out.Done, out.Skipped)
	}
	if diff := cmp.Diff([]string{"flow-billing"}, out.Refresh); diff != "" {
		t.Errorf("refresh (-want +got):\n%s", diff)
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"Cx Backport Hand Made": "cx_backport_hand_made", "1st line": "x_1st_line", "  ": "x_", "Spanish": "spanish"} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
