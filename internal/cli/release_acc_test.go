package cli

import (
	"context"
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/release"
)

// releaseQueues is a one-project workspace of queues; extra is appended to its main.tf.
func releaseQueues(description, extra string) string {
	return providerHead + `
resource "genesyscloud_routing_queue" "billing" {
  name        = "Cx Release Billing"
  description = "` + description + `"
}
` + extra
}

const vipQueue = `
resource "genesyscloud_routing_queue" "vip" {
  name = "Cx Release VIP"
}
`

// TestAccReleaseAndGuardedRollback is the first acceptance: apply dev and release;
// change a queue and add one, apply and release; a rollback to the first release refuses,
// naming the new queue and why; with --allow-destroy it deletes it and records a third
// release going forward to the first one's commit.
func TestAccReleaseAndGuardedRollback(t *testing.T) {
	root := t.TempDir()
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	writeTestFile(t, filepath.Join(root, ".gitignore"), ".cx/\n")
	writeTestFile(t, filepath.Join(root, "cx.hcl"), "workspace {\n  name = \"releases\"\n}\n\nenvironment \"dev\" {\n  org = \"local:dev\"\n}\n")
	main := filepath.Join(root, "shared-queues", "main.tf")
	writeTestFile(t, main, releaseQueues("first", ""))
	cx.git("init", "--quiet", "--initial-branch=main")
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "billing queue")
	first := strings.TrimSpace(cx.git("rev-parse", "HEAD"))

	out, _, code := cx.run("apply", "--env", "dev", "--release")
	if code != 0 || !strings.Contains(out, "Release 1 of dev (cx/dev/1") || !strings.Contains(out, "added     genesyscloud_routing_queue.billing") {
		t.Fatalf("apply --release: exit %d\n%s", code, out)
	}

	writeTestFile(t, main, releaseQueues("second", vipQueue))
	cx.git("commit", "--quiet", "-am", "vip queue")
	if _, _, code := cx.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply: exit %d", code)
	}
	out, _, code = cx.run("release", "--env", "dev", "--markdown")
	if code != 0 || !strings.Contains(out, "### Release 2 of dev (cx/dev/2") ||
		!strings.Contains(out, "| added | `genesyscloud_routing_queue` | `vip` |") || !strings.Contains(out, "| changed | `genesyscloud_routing_queue` | `billing` |") {
		t.Fatalf("release: exit %d\n%s", code, out)
	}

	out, errOut, code := cx.run("rollback", "--env", "dev", "--to", "1")
	if code != 1 || !strings.Contains(errOut, "refused: shared-queues: genesyscloud_routing_queue.vip: created after release 1 (added in release 2, cx/dev/2)") {
		t.Fatalf("rollback without --allow-destroy: exit %d, want 1 naming the vip queue\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "destroyed genesyscloud_routing_queue.vip") || !strings.Contains(out, "changed   genesyscloud_routing_queue.billing") {
		t.Errorf("the rollback's plan note:\n%s", out)
	}
	if vipID := queueID(t, ts, "Cx Release VIP"); vipID == "" {
		t.Fatal("the refused rollback deleted the vip queue")
	}

	// Allowed but not applied: plan's exit code, 2 = the rollback would change the environment.
	if out, errOut, code := cx.run("rollback", "--env", "dev", "--to", "1", "--allow-destroy", "genesyscloud_routing_queue.vip"); code != 2 {
		t.Fatalf("rollback --allow-destroy without --apply: exit %d, want 2 (changes)\n%s%s", code, out, errOut)
	}
	if queueID(t, ts, "Cx Release VIP") == "" {
		t.Fatal("the rollback without --apply deleted the vip queue")
	}

	if _, _, code := cx.run("rollback", "--env", "dev", "--to", "cx/dev/1", "--allow-destroy", "genesyscloud_routing_queue.vip", "--apply"); code != 0 {
		t.Fatalf("rollback --allow-destroy --apply: exit %d", code)
	}
	if queueID(t, ts, "Cx Release VIP") != "" {
		t.Error("the rollback left the vip queue")
	}
	out, _, code = cx.run("releases", "--env", "dev", "--json")
	var rs []release.Release
	if code != 0 || json.Unmarshal([]byte(out), &rs) != nil || len(rs) != 3 {
		t.Fatalf("releases --json: exit %d\n%s", code, out)
	}
	if r := rs[2]; r.Number != 3 || r.RollbackOf != 1 || r.Commit != first || r.Tag != "cx/dev/3" ||
		len(r.Note.Projects) != 1 || len(r.Note.Projects[0].Destroyed) != 1 || r.Note.Projects[0].Destroyed[0].Address != "genesyscloud_routing_queue.vip" {
		t.Errorf("the rollback's release: %+v", r)
	}
	if tags := strings.Fields(cx.git("tag", "--list", "cx/dev/*")); strings.Join(tags, " ") != "cx/dev/1 cx/dev/2 cx/dev/3" {
		t.Errorf("tags %v", tags)
	}
	if head := strings.TrimSpace(cx.git("rev-parse", "HEAD")); head == first {
		t.Error("the rollback moved the working tree back; history must go forward")
	}

	// With --json, the release is part of the run's JSON, for machines; nothing on stdout
	// but that JSON.
	out, _, code = cx.run("apply", "--env", "dev", "--release", "--json")
	var run struct {
		Projects []json.RawMessage `json:"projects"`
		Release  *release.Release  `json:"release"`
	}
	if err := json.Unmarshal([]byte(out), &run); code != 0 || err != nil || len(run.Projects) != 1 || run.Release == nil ||
		run.Release.Number != 4 || run.Release.Tag != "cx/dev/4" {
		t.Errorf("apply --release --json: exit %d, %v\n%s", code, err, out)
	}
}

// queueID is the id of the dev org's queue named name, or "".
func queueID(t *testing.T, ts *orgserver.TestServer, name string) string {
	t.Helper()
	var page struct {
		Entities []struct {
			ID string `json:"id"`
		} `json:"entities"`
	}
	if err := orgClientFor(t, ts, "dev", "deploy").Do(context.Background(), "GET", "/api/v2/routing/queues", url.Values{"name": {name}}, nil, &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Entities) == 0 {
		return ""
	}
	return page.Entities[0].ID
}
