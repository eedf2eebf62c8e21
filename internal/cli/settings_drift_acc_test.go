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

// settingsProjectTF declares the org's outbound settings, a singleton kind.
const settingsProjectTF = sharedProvider + `
# Dialing limits agreed with compliance.
resource "genesyscloud_outbound_settings" "org" {
  max_calls_per_agent = 6
  abandon_seconds     = 2
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

	out, _, code := cx.run("drift", "--env", "prod", "--json")
	if code != drift.ExitDrift {
		t.Fatalf("drift after the console's change: exit %d, want %d", code, drift.ExitDrift)
	}
	var rep drift.Report
	must(t, json.Unmarshal([]byte(out), &rep))
	if len(rep.Findings) != 1 || rep.Findings[0].Kind != drift.KindManaged || rep.Findings[0].Address != "genesyscloud_outbound_settings.org" {
		t.Fatalf("findings = %+v, want the settings' managed drift only", rep.Findings)
	}
	if a := rep.Findings[0].Attribution; a == nil || a.Who != "console" || a.When.IsZero() {
		t.Errorf("attribution %+v, want console with a time", a)
	}

	if _, _, code := cx.run("backport", "--env", "prod", "--into", "shared-settings"); code != 0 {
		t.Fatalf("backport: exit %d", code)
	}
	mainTF := readTestFile(t, filepath.Join(root, "shared-settings", "main.tf"))
	for _, re := range []string{`abandon_seconds\s+= 4`, `max_calls_per_agent\s+= 6`, "# Dialing limits agreed"} {
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
