package release

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// refusedThenApplied are the two rollback results a pull-request comment shows: one the
// guard refused, one applied onto a branch.
func refusedThenApplied() (refused, applied *RollbackResult) {
	to := Release{Number: 1, Env: "prod", Tag: "cx/prod/1", Commit: "1111111111111111"}
	plan := Note{Projects: []ProjectNote{{Project: "shared-queues",
		Destroyed: []Object{{Kind: "genesyscloud_routing_queue", Address: "genesyscloud_routing_queue.vip"}}}}}
	refused = &RollbackResult{Env: "prod", To: to, Plan: plan, LeftAlone: []string{"flow-claims"},
		Refusals: []Refusal{{Project: "shared-queues", Object: plan.Projects[0].Destroyed[0],
			Reasons: []string{"created after release 1 (added in release 2, cx/prod/2)", "the queue has 3 members"}}}}
	applied = &RollbackResult{Env: "prod", To: to, Plan: plan,
		Release: &Release{Number: 3, Env: "prod", Tag: "cx/prod/3", Commit: "3333333333333333", RollbackOf: 1,
			Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Note: plan},
		Git: &RollbackCommit{Mode: GitBranch, Commit: "3333333333333333", Branch: "cx/rollback/prod/1", Base: "main",
			Subject: "cx rollback: prod back to release 1 (cx/prod/1)"}}
	return refused, applied
}

// TestRollbackReportFormats: a rollback reads the same in every form: Markdown for a
// pull-request comment (refusals with their reasons, projects left alone, the new release,
// how to merge the branch), text, and JSON with the same facts.
func TestRollbackReportFormats(t *testing.T) {
	refused, applied := refusedThenApplied()
	tests := []struct {
		name  string
		write func(*RollbackResult, *bytes.Buffer)
		res   *RollbackResult
		want  []string
	}{
		{"markdown refused", func(r *RollbackResult, b *bytes.Buffer) { r.WriteMarkdown(b) }, refused, []string{
			"### Rollback of prod to release 1 (cx/prod/1, commit 111111111111)\n",
			"| destroyed | `genesyscloud_routing_queue` | `vip` |\n",
			"**Refused** (name each with `--allow-destroy` to let it go):\n\n" +
				"- `genesyscloud_routing_queue.vip` in shared-queues: created after release 1 (added in release 2, cx/prod/2); the queue has 3 members\n",
			"Left as they are (they did not exist at release 1): `flow-claims`\n",
		}},
		{"markdown applied", func(r *RollbackResult, b *bytes.Buffer) { r.WriteMarkdown(b) }, applied, []string{
			"### Release 3 of prod (cx/prod/3, commit 333333333333, 2026-01-02T03:04:05Z), rollback to release 1\n",
			"Branch cx/rollback/prod/1 holds the rollback commit 333333333333 (cx rollback: prod back to release 1 (cx/prod/1)); main is untouched. " +
				"Merge it with `git merge cx/rollback/prod/1`, or push it (`git push origin cx/rollback/prod/1`) and open a pull request.\n",
		}},
		{"text applied", func(r *RollbackResult, b *bytes.Buffer) { r.WriteText(b) }, applied, []string{
			"Rollback of prod to release 1 (cx/prod/1, commit 111111111111)\n",
			"\nRelease 3 of prod (cx/prod/3, commit 333333333333, 2026-01-02T03:04:05Z), rollback to release 1\n",
			"Branch cx/rollback/prod/1 holds the rollback commit 333333333333",
		}},
		{"text refused", func(r *RollbackResult, b *bytes.Buffer) { r.WriteText(b) }, refused, []string{
			"note: project flow-claims did not exist at release 1; it is left as it is\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			tt.write(tt.res, &b)
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("missing %q in:\n%s", w, b.String())
				}
			}
		})
	}

	for _, res := range []*RollbackResult{refused, applied} {
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		var back RollbackResult
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if len(back.Refusals) != len(res.Refusals) || len(back.LeftAlone) != len(res.LeftAlone) ||
			(res.Git != nil) != (back.Git != nil) || (res.Release != nil) != (back.Release != nil) {
			t.Errorf("JSON lost facts:\n%s", b)
		}
	}
	if b, _ := json.Marshal(applied); !strings.Contains(string(b), `"git":{"mode":"branch","commit":"3333333333333333","branch":"cx/rollback/prod/1"`) {
		t.Errorf("JSON of the git commit:\n%s", b)
	}
}
