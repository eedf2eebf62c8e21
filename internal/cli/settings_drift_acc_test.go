package cli

import (
	"context"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
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
	cx, ts, root := prodWorkspace{name: "settings", protected: false, include: `"shared-*"`, files: map[string]string{
		"shared-settings/main.tf": settingsProjectTF,
	}}.apply(t)

	console := orgClientFor(t, ts, "prod", "console")
	must(t, console.Do(context.Background(), http.MethodPatch, "/api/v2/outbound/settings", nil,
		map[string]any{"abandonSeconds": 4}, nil))
	must(t, console.Do(context.Background(), http.MethodPut, "/api/v2/routing/utilization", nil,
		map[string]any{"utilization": map[string]any{"call": map[string]any{"maximumCapacity": 1},
			"email": map[string]any{"maximumCapacity": 3}}}, nil))

	wantConsoleFindings(t, cx, []string{"managed genesyscloud_outbound_settings.org", "managed genesyscloud_routing_utilization.org"},
		findingByAddressOrID)

	if _, _, code := cx.run("backport", "--env", "prod", "--into", "shared-settings"); code != 0 {
		t.Fatalf("backport: exit %d", code)
	}
	wantFileMatches(t, root, "shared-settings/main.tf", `abandon_seconds\s+= 4`, `max_calls_per_agent\s+= 6`, "# Dialing limits agreed",
		`email {\s+maximum_capacity = 3`)
	if out, _, code := cx.run("drift", "--env", "prod"); code != drift.ExitInSync {
		t.Errorf("drift after backport: exit %d\n%s", code, out)
	}
	if _, _, code := cx.run("plan", "--env", "prod"); code != 0 {
		t.Errorf("plan after backport: exit %d, want 0 (no changes)", code)
	}
}
