package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/orgserver"
)

// settingsProjectTF declares the org's outbound settings and routing utilization, singleton
// kinds.
const settingsProjectTF = sharedProvider + `
# Dialing limits agreed with compliance.
resource "genesyscloud_outbound_settings" "org" {
  max_calls_per_agent = 6
  abandon_seconds     = 2
}

resource "genesyscloud_routing_utilization" "org" {
  call {
    maximum_capacity = 1
  }
  email {
    maximum_capacity = 2
  }
}
`

// TestAccSingletonDriftAndBackport: the org's settings are managed only — a console change is
// managed drift attributed to the console, nothing is ever unmanaged — and cx backport writes
// the change into the project, after which drift and the plan are clean.
func TestAccSingletonDriftAndBackport(t *testing.T) {
	root := t.TempDir()
	ts := orgserver.NewTestServer(t, orgserver.WithOrgs(orgserver.OrgSpec{Name: "prod", Clients: []orgserver.ClientSpec{
		{Name: "deploy", Role: orgserver.RoleAdmin}, {Name: "console", Role: orgserver.RoleAdmin}}}))
	cx := newAccCX(t, root, ts)
	files := map[string]string{
		".gitignore": ".cx/\n",
		"cx.hcl": `workspace {
  name = "settings"
}

environment "prod" {
  org = "local:prod"
}

projects {
  include = ["shared-*"]
}
`,
		"shared-settings/main.tf": settingsProjectTF,
	}
	for name, content := range files {
		writeTestFile(t, filepath.Join(root, filepath.FromSlash(name)), content)
	}
	cx.git("init", "--quiet", "--initial-branch=main")
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "workspace")

	if _, _, code := cx.run("apply", "--env", "prod"); code != 0 {
		t.Fatalf("apply prod: exit %d", code)
	}
	if out, _, code := cx.run("drift", "--env", "prod"); code != drift.ExitInSync {
		t.Fatalf("drift right after apply: exit %d\n%s", code, out)
	}

	console := orgClientFor(t, ts, "prod", "console")
	must(t, console.Do(context.Background(), http.MethodPatch, "/api/v2/outbound/settings", nil,
		map[string]any{"abandonSeconds": 4}, nil))
	must(t, console.Do(context.Background(), http.MethodPut, "/api/v2/routing/utilization", nil,
		map[string]any{"utilization": map[string]any{"call": map[string]any{"maximumCapacity": 1},
			"email": map[string]any{"maximumCapacity": 3}}}, nil))

	out, _, code := cx.run("drift", "--env", "prod", "--json")
	if code != drift.ExitDrift {
		t.Fatalf("drift after the console's change: exit %d, want %d", code, drift.ExitDrift)
	}
	var rep drift.Report
	must(t, json.Unmarshal([]byte(out), &rep))
	want := map[string]bool{"genesyscloud_outbound_settings.org": false, "genesyscloud_routing_utilization.org": false}
	for _, f := range rep.Findings {
		if _, ok := want[f.Address]; !ok || f.Kind != drift.KindManaged {
			t.Errorf("unexpected finding %+v", f)
			continue
		}
		want[f.Address] = true
		if a := f.Attribution; a == nil || a.Who != "console" || a.When.IsZero() {
			t.Errorf("%s: attribution %+v, want console with a time", f.Address, a)
		}
	}
	for addr, seen := range want {
		if !seen {
			t.Errorf("drift did not report %s", addr)
		}
	}

	if _, _, code := cx.run("backport", "--env", "prod", "--into", "shared-settings"); code != 0 {
		t.Fatalf("backport: exit %d", code)
	}
	mainTF := readTestFile(t, filepath.Join(root, "shared-settings", "main.tf"))
	for _, re := range []string{`abandon_seconds\s+= 4`, `max_calls_per_agent\s+= 6`, "# Dialing limits agreed",
		`email {\s+maximum_capacity = 3`} {
		if !regexp.MustCompile(re).MatchString(mainTF) {
			t.Errorf("shared-settings/main.tf does not match %s:\n%s", re, mainTF)
		}
	}
	if out, _, code := cx.run("drift", "--env", "prod"); code != drift.ExitInSync {
		t.Errorf("drift after backport: exit %d\n%s", code, out)
	}
	if _, _, code := cx.run("plan", "--env", "prod"); code != 0 {
		t.Errorf("plan after backport: exit %d, want 0 (no changes)", code)
	}
}
