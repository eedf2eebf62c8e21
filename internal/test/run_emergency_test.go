package test

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/zclconf/go-cty/cty"
)

const stormFlow = `inboundCall:
  name: Storm IVR
  startUpRef: "/inboundCall/tasks/task[Storm_1]"
  defaultLanguage: en-us
  tasks:
    - task:
        name: Storm
        refId: Storm_1
        actions:
          - playAudio:
              name: Notice
              audio:
                tts: Our offices are closed by a storm.
          - disconnect:
              name: Bye
`

const stormTest = `call "a storm closes the line" {
  dial = var.dnis
  at   = "2026-03-10T10:00:00Z"
  expect {
    schedule   = "emergency"
    flows      = ["Storm IVR"]
    prompts    = ["closed by a storm"]
    disconnect = true
  }
}
`

// TestRunEmergencyGroup: a call test can expect an emergency; it fails while the group is
// inactive (the IVR's open-hours flow answers) and passes once the group is activated through
// the API, in the local org's simulator and on the exported flows alike.
func TestRunEmergencyGroup(t *testing.T) {
	ts, c, suite := miniOrg(t)
	ctx := t.Context()
	tests, err := ParseFile("mini/tests/storm.cxtest.hcl", "mini", []byte(stormTest), map[string]cty.Value{"dnis": cty.StringVal("+13175550001")})
	if err != nil {
		t.Fatal(err)
	}
	suite.Tests["mini"] = tests
	flowID, err := orgseed.PublishFlow(ctx, c, nil, []byte(stormFlow))
	if err != nil {
		t.Fatal(err)
	}
	var ivrs struct {
		Entities []struct {
			ID string `json:"id"`
		} `json:"entities"`
	}
	if err := c.Do(ctx, "GET", "/api/v2/architect/ivrs", nil, nil, &ivrs); err != nil || len(ivrs.Entities) != 1 {
		t.Fatalf("list IVRs: %v %v", err, ivrs.Entities)
	}
	group := map[string]any{"name": "Storm", "enabled": false, "emergencyCallFlows": []any{map[string]any{
		"emergencyFlow": map[string]any{"id": flowID}, "ivrs": []any{map[string]any{"id": ivrs.Entities[0].ID}}}}}
	var created map[string]any
	if err := c.Do(ctx, "POST", "/api/v2/architect/emergencygroups", nil, group, &created); err != nil {
		t.Fatal(err)
	}
	sims := []Simulator{&LocalSimulator{URL: ts.URL, AdminKey: ts.AdminKey(), Org: "dev"}, &ExportedSimulator{Client: c}}
	for _, sim := range sims {
		r := Run(ctx, Options{Suite: suite, Env: "dev", Client: c, Simulator: sim}).Results[0]
		if r.Status != StatusFail || !strings.Contains(strings.Join(r.Failures, "\n"), "schedule: expected emergency, got open") {
			t.Errorf("inactive group (%T): %s %q %s", sim, r.Status, r.Failures, r.Err)
		}
	}
	group["enabled"], group["version"] = true, created["version"]
	if err := c.Do(ctx, "PUT", "/api/v2/architect/emergencygroups/"+created["id"].(string), nil, group, nil); err != nil {
		t.Fatal(err)
	}
	// A new ExportedSimulator: one reads the org once per run.
	sims[1] = &ExportedSimulator{Client: c}
	for _, sim := range sims {
		r := Run(ctx, Options{Suite: suite, Env: "dev", Client: c, Simulator: sim}).Results[0]
		if r.Status != StatusPass {
			t.Errorf("active group (%T): %s %q %s", sim, r.Status, r.Failures, r.Err)
		}
	}
}
