package test

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/zclconf/go-cty/cty"
)

const stateTests = `object "desk hours" {
  type = "genesyscloud_architect_schedulegroups"
  name = "Desk Hours"
  state_at {
    at        = "2026-03-10T10:00:00"
    time_zone = "America/New_York"
    state     = "open"
  }
  state_at {
    at        = "2026-03-10T20:00:00"
    time_zone = "America/New_York"
    state     = "open"
  }
}

object "mini flow is deployed" {
  type              = "genesyscloud_flow"
  name              = "Mini IVR"
  matches_workspace = true
}
`

// TestRunObjectStatesAndPublishedFlows: a schedule group's state at a time is evaluated from
// its schedules in the org (a wrong expectation names the time, the state and the schedule);
// a flow's published version matches the workspace's file until it is edited in the org.
func TestRunObjectStatesAndPublishedFlows(t *testing.T) {
	_, c, suite := miniOrg(t)
	ctx := t.Context()
	var sched map[string]any
	if err := c.Do(ctx, "POST", "/api/v2/architect/schedules", nil, map[string]any{"name": "Weekdays",
		"start": "2026-01-05T08:00:00.000", "end": "2026-01-05T17:00:00.000", "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}, &sched); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, "POST", "/api/v2/architect/schedulegroups", nil, map[string]any{"name": "Desk Hours",
		"timeZone": "America/New_York", "openSchedules": []any{map[string]any{"id": sched["id"]}}}, nil); err != nil {
		t.Fatal(err)
	}
	tests, err := ParseFile("mini/tests/state.cxtest.hcl", "mini", []byte(stateTests), map[string]cty.Value{})
	if err != nil {
		t.Fatal(err)
	}
	suite.Tests["mini"] = tests
	suite.FlowSources = map[string][]byte{"Mini IVR": []byte(miniFlow)}
	run := func() map[string]Result {
		out := map[string]Result{}
		for _, r := range Run(ctx, Options{Suite: suite, Env: "dev", Client: c}).Results {
			out[r.Test.Name] = r
		}
		return out
	}
	res := run()
	hours := res["desk hours"]
	if hours.Status != StatusFail || len(hours.Failures) != 1 ||
		!strings.Contains(hours.Failures[0], "state at 2026-03-10T20:00:00 Tue EDT: expected open, got closed (no schedule covers it) (mini/tests/state.cxtest.hcl:9)") {
		t.Errorf("desk hours: %s %q %s", hours.Status, hours.Failures, hours.Err)
	}
	if r := res["mini flow is deployed"]; r.Status != StatusPass {
		t.Errorf("the deployed flow: %s %q %s", r.Status, r.Failures, r.Err)
	}

	// The console edit: the org's flow no longer says what the file says.
	edited := strings.Replace(miniFlow, "Press 1 for the front desk.", "Press 1 for reception.", 1)
	if _, err := orgseed.PublishFlow(ctx, c, nil, []byte(edited)); err != nil {
		t.Fatal(err)
	}
	r := run()["mini flow is deployed"]
	if r.Status != StatusFail || len(r.Failures) != 1 || !strings.Contains(r.Failures[0], `is not mini/flows/mini.yaml: first difference`) ||
		!strings.Contains(r.Failures[0], "reception") || !strings.Contains(r.Failures[0], "(mini/tests/state.cxtest.hcl:19)") {
		t.Errorf("after the console edit: %s %q %s", r.Status, r.Failures, r.Err)
	}
}
