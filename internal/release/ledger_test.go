package release

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
)

const planOutput = `OpenTofu will perform the following actions:

  # genesyscloud_routing_queue.billing will be updated in-place
  ~ resource "genesyscloud_routing_queue" "billing" {
    }

  # genesyscloud_routing_queue.vip will be created
  + resource "genesyscloud_routing_queue" "vip" {
    }

  # genesyscloud_routing_skill.old will be destroyed
  # (because genesyscloud_routing_skill.old is not in configuration)
  - resource "genesyscloud_routing_skill" "old" {
    }

  # module.m.genesyscloud_group.g must be replaced
  # data.genesyscloud_routing_skill.s will be read during apply

Plan: 2 to add, 1 to change, 2 to destroy.
`

func TestNoteFromPlanOutput(t *testing.T) {
	t.Parallel()
	n := NoteFromPlanOutput("shared", planOutput)
	addrs := func(os []Object) string {
		var s []string
		for _, o := range os {
			s = append(s, o.Kind+"="+o.Address)
		}
		return strings.Join(s, ",")
	}
	if got := addrs(n.Added); got != "genesyscloud_routing_queue=genesyscloud_routing_queue.vip,genesyscloud_group=module.m.genesyscloud_group.g" {
		t.Errorf("added %s", got)
	}
	if got := addrs(n.Changed); got != "genesyscloud_routing_queue=genesyscloud_routing_queue.billing" {
		t.Errorf("changed %s", got)
	}
	if got := addrs(n.Destroyed); got != "genesyscloud_routing_skill=genesyscloud_routing_skill.old,genesyscloud_group=module.m.genesyscloud_group.g" {
		t.Errorf("destroyed %s", got)
	}
	var md strings.Builder
	Note{Projects: []ProjectNote{n}}.WriteMarkdown(&md, "Release 1")
	for _, want := range []string{"### Release 1", "**shared**: 2 added, 1 changed, 2 destroyed", "| added | `genesyscloud_routing_queue` | `vip` |"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
}

// A killed apply leaves its mark: nothing is released until an apply finishes; a finished
// apply's note becomes the next release's, numbered on.
func TestLedgerReleasesOnlyFinishedApplies(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	cfg, err := workspace.ParseConfig("cx.hcl", []byte("environment \"dev\" {\n  org = \"local:dev\"\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ForEnv(&workspace.Workspace{Root: root, Config: cfg}, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, ".cx", "state", "dev"); l.Dir != want {
		t.Errorf("ledger in %s, want beside the state in %s", l.Dir, want)
	}
	checkReleasesOnlyFinishedApplies(t, l)
	if _, err := os.Stat(l.path("apply-started")); !os.IsNotExist(err) {
		t.Errorf("the apply mark is still there: %v", err)
	}
}

// checkReleasesOnlyFinishedApplies walks a fresh ledger of dev through a killed apply, the
// apply finishing its job, and two releases, whatever store keeps it.
func checkReleasesOnlyFinishedApplies(t *testing.T, l *Ledger) {
	t.Helper()
	var tags []string
	tag := func(name, commit string) error { tags = append(tags, name+"@"+commit); return nil }

	if _, _, err := StartApply(l, "c1"); err != nil { // then killed: never finished
		t.Fatal(err)
	}
	if _, err := l.Append(0, tag); !errors.Is(err, ErrUnfinished) || !strings.Contains(err.Error(), "cx apply --env dev again") {
		t.Fatalf("release after a killed apply: %v", err)
	}
	rec, previous, err := StartApply(l, "c1")
	if err != nil || previous == nil || previous.Commit != "c1" {
		t.Fatalf("the next apply should see the killed one: %+v %v", previous, err)
	}
	rec.OnPlan(t.Context(), "shared", &tofu.SavedPlan{Output: planOutput}, nil)
	if err := rec.Finish([]string{"shared"}, true); err != nil {
		t.Fatal(err)
	}
	r, err := l.Append(0, tag)
	if err != nil || r.Number != 1 || r.Tag != "cx/dev/1" || r.Commit != "c1" || len(r.Note.Projects) != 1 {
		t.Fatalf("release %+v %v", r, err)
	}
	if _, err := l.Append(0, tag); err == nil {
		t.Error("a second release with nothing applied since should be refused")
	}
	rec, _, _ = StartApply(l, "c2")
	rec.Finish(nil, true)
	r, err = l.Append(1, tag)
	if err != nil || r.Number != 2 || r.RollbackOf != 1 || !r.Note.Empty() {
		t.Fatalf("second release %+v %v", r, err)
	}
	rs, _ := l.Releases()
	if len(rs) != 2 || strings.Join(tags, " ") != "cx/dev/1@c1 cx/dev/2@c2" {
		t.Errorf("releases %+v, tags %v", rs, tags)
	}
	if s, err := l.Unfinished(); s != nil || err != nil {
		t.Errorf("the apply mark is still there: %+v %v", s, err)
	}
}
