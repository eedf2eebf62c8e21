package archy

import (
	"testing"
)

// emergencyFlow answers the emergency line: one prompt, then a disconnect.
const emergencyFlow = `inboundCall:
  name: Emergency
  startUpRef: "/inboundCall/tasks/task[Closed_1]"
  tasks:
    - task:
        name: Closed
        refId: Closed_1
        actions:
          - playAudio:
              name: Sorry
              audio:
                tts: We are closed due to an emergency.
          - disconnect:
              name: Bye
`

// checkFlow evaluates a schedule group that names an emergency group, then an emergency
// group on its own with evaluateSchedule.
const checkFlow = `inboundCall:
  name: Check
  startUpRef: "/inboundCall/tasks/task[Check_1]"
  tasks:
    - task:
        name: Check
        refId: Check_1
        actions:
          - evaluateSchedule:
              name: Storm
              emergencyGroup:
                lit:
                  name: Storm
              outputs:
                active:
                  actions:
                    - playAudio:
                        name: Storm notice
                        audio:
                          tts: A storm closes some offices.
          - evaluateScheduleGroup:
              name: Hours
              scheduleGroup:
                lit:
                  name: Main Office Hours
              emergencyGroup:
                lit:
                  name: Storm
              outputs:
                emergency:
                  actions:
                    - disconnect:
                        name: Emergency
                open:
                  actions:
                    - transferToAcd:
                        name: Open
                        targetQueue:
                          lit:
                            name: Billing
`

// emergencyOrg is simpleOrg with emergency groups.
type emergencyOrg struct {
	*memOrg
	groups []EmergencyGroup
}

func (o *emergencyOrg) EmergencyGroups() []EmergencyGroup { return o.groups }

// TestSimulateEmergencyGroups: an active emergency group listing the IVR sends calls to its
// emergency flow at any time, before the schedule group (even on open hours); inactive, or
// not listing the IVR, it changes nothing. Inside flows, evaluateScheduleGroup takes its
// emergency output and evaluateSchedule its active output while the group is active.
func TestSimulateEmergencyGroups(t *testing.T) {
	t.Parallel()
	open := ny(t, 2026, 3, 10, 10, 0)
	parse := func(name, src string) *Flow {
		f, err := Parse(name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	org := func(enabled bool, ivrs ...string) *emergencyOrg {
		o := &emergencyOrg{memOrg: simpleOrg(t)}
		o.flows["flow-emergency"] = parse("emergency.yaml", emergencyFlow)
		o.groups = []EmergencyGroup{{ID: "eg-1", Name: "Storm", Enabled: enabled,
			CallFlows: []EmergencyCallFlow{{Flow: "flow-emergency", IVRs: ivrs}}}}
		return o
	}
	for _, tc := range []struct {
		name      string
		org       Org
		state     GroupState
		firstFlow string
	}{
		{"active", org(true, "ivr-1"), StateEmergency, "Emergency"},
		{"inactive", org(false, "ivr-1"), StateOpen, "Simple IVR"},
		{"another IVR's", org(true, "ivr-2"), StateOpen, "Simple IVR"},
	} {
		res, err := Simulate(t.Context(), tc.org, Call{DNIS: "+13175550001", Time: open})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if res.ScheduleState != tc.state || len(res.FlowsEntered) == 0 || res.FlowsEntered[0] != tc.firstFlow {
			t.Errorf("%s: state %s, flows %q", tc.name, res.ScheduleState, res.FlowsEntered)
		}
	}

	check := parse("check.yaml", checkFlow)
	for _, tc := range []struct {
		enabled bool
		final   string
		prompts int
	}{{true, StepDisconnect, 1}, {false, StepTransfer, 0}} {
		res, err := SimulateFlow(t.Context(), org(tc.enabled, "ivr-1"), check, Call{Time: open})
		if err != nil {
			t.Fatal(err)
		}
		if res.Final.Kind != tc.final || len(res.PromptsSpoken) != tc.prompts {
			t.Errorf("emergency group enabled=%t: final %+v, prompts %q", tc.enabled, res.Final, res.PromptsSpoken)
		}
	}
	// A flow naming an emergency group the org lacks fails as the org's flow would.
	res, err := SimulateFlow(t.Context(), &emergencyOrg{memOrg: simpleOrg(t)}, check, Call{Time: open})
	if err != nil {
		t.Fatal(err)
	}
	if res.Final.Kind != StepDisconnect || res.Steps[len(res.Steps)-2].Kind != StepError {
		t.Errorf("unknown emergency group: %+v", res.Steps)
	}
}
