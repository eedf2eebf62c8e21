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

	out, _, code = cx.run("releases", "--env", "dev", "--json")
	var rs []release.Release
	if code != 0 || json.Unmarshal([]byte(out), &rs) != nil || len(rs) != 2 || rs[0].Commit != first {
		t.Fatalf("releases --json: exit %d\n%s", code, out)
	}
	if tags := strings.Fields(cx.git("tag", "--list", "cx/dev/*")); strings.Join(tags, " ") != "cx/dev/1 cx/dev/2" {
		t.Errorf("tags %v", tags)
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
