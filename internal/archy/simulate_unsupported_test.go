package archy

import (
	"testing"
)

// unsupportedFlow runs a data action, then an action the simulator does not model, then
// transfers by the data action's output.
const unsupportedFlow = `inboundCall:
  name: Lookup
  startUpRef: "/inboundCall/tasks/task[Main_1]"
  tasks:
    - task:
        name: Main
        refId: Main_1
        actions:
          - setParticipantData:
              name: Remember
          - callData:
              name: Lookup caller
              outputs:
                success:
                  actions:
                    - transferToAcd:
                        name: Known
                        targetQueue:
                          lit:
                            name: Known Callers
                failure:
                  actions:
                    - getExternalContact:
                        name: Mystery
                    - transferToAcd:
                        name: Unknown
                        targetQueue:
                          lit:
                            name: Everyone
`

// TestSimulateDataActionOutputAndUnsupported: a call can pick a data action's output; an
// action the simulator does not model is marked Unsupported with its line, while actions that
// only set data are not.
func TestSimulateDataActionOutputAndUnsupported(t *testing.T) {
	f, err := Parse("lookup.yaml", []byte(unsupportedFlow))
	if err != nil {
		t.Fatal(err)
	}
	res, err := SimulateFlow(t.Context(), nil, f, Call{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Queue != "Known Callers" {
		t.Errorf("default output: queue = %q, want the success output's", res.Queue)
	}
	for _, st := range res.Steps {
		if st.Unsupported {
			t.Errorf("step %q marked unsupported on the success path", st.Detail)
		}
	}

	res, err = SimulateFlow(t.Context(), nil, f, Call{Decisions: map[string]string{"Lookup caller": "failure"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Queue != "Everyone" {
		t.Errorf("forced failure output: queue = %q, want Everyone", res.Queue)
	}
	var unsupported []Step
	for _, st := range res.Steps {
		if st.Unsupported {
			unsupported = append(unsupported, st)
		}
	}
	if len(unsupported) != 1 || unsupported[0].Name != "Mystery" || unsupported[0].Pos.Line != 23 {
		t.Errorf("unsupported steps = %+v, want getExternalContact at line 23", unsupported)
	}
}
