package archy

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// dataFlow calls a data action in the export form, mapping an input and an output.
const dataFlow = `inboundCall:
  name: Data
  startUpRef: "/inboundCall/tasks/task[Main_1]"
  tasks:
    - task:
        name: Main
        refId: Main_1
        actions:
          - callData:
              name: Lookup caller
              category:
                CRM:
                  dataAction:
                    Get Caller:
                      inputs:
                        phone:
                          exp: Call.Ani
                      successOutputs:
                        tier:
                          var: Task.Tier
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
                    - disconnect:
                        name: Bye
`

// dataOrg is an org whose only data action is the one given (none when nil).
type dataOrg struct {
	memOrg
	action *DataAction
}

func (o *dataOrg) DataAction(integration, name string) (DataAction, bool) {
	if o.action == nil || !strings.EqualFold(o.action.Integration, integration) || !strings.EqualFold(o.action.Name, name) {
		return DataAction{}, false
	}
	return *o.action, true
}

// TestSimulateChecksDataActionContracts: a callData is checked against the org's action — a
// missing action takes the failure output, and an input or output the contract lacks is an
// Invalid step at the key's line; an org that cannot show its actions leaves the call unchecked.
func TestSimulateChecksDataActionContracts(t *testing.T) {
	f, err := Parse("data.yaml", []byte(dataFlow))
	if err != nil {
		t.Fatal(err)
	}
	queues := memOrg{queues: []string{"Known Callers"}}
	good := &DataAction{Name: "Get Caller", Integration: "crm", Inputs: []string{"phone"}, Outputs: []string{"tier"}}
	renamed := &DataAction{Name: "Get Caller", Integration: "CRM", Inputs: []string{"phone"}, Outputs: []string{"level"}}
	for _, tc := range []struct {
		name     string
		org      Org
		invalid  []string // details of the Invalid steps, with their lines
		endsWith string
	}{
		{"no action check", &queues, nil, "Known Callers"},
		{"the action fits", &dataOrg{memOrg: queues, action: good}, nil, "Known Callers"},
		{"the action is missing", &dataOrg{memOrg: queues}, []string{`data action "Get Caller" of integration "CRM" does not exist in the org@14`}, "disconnect"},
		{"an output was renamed", &dataOrg{memOrg: queues, action: renamed}, []string{`has no output "tier" in its contract (it has ["level"])@19`}, "Known Callers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := SimulateFlow(t.Context(), tc.org, f, Call{ANI: "+13175550100"})
			if err != nil {
				t.Fatal(err)
			}
			var invalid []string
			for _, st := range res.Steps {
				if st.Invalid {
					invalid = append(invalid, fmt.Sprintf("%s@%d", st.Detail, st.Pos.Line))
				}
			}
			if len(invalid) != len(tc.invalid) {
				t.Fatalf("invalid steps = %q, want %q", invalid, tc.invalid)
			}
			for i, want := range tc.invalid {
				detail, line, _ := strings.Cut(want, "@")
				if !strings.Contains(invalid[i], detail) || !strings.HasSuffix(invalid[i], "@"+line) {
					t.Errorf("invalid step %q, want %q", invalid[i], want)
				}
			}
			if !strings.Contains(res.Final.Detail, tc.endsWith) && res.Final.Kind != tc.endsWith {
				t.Errorf("the call ended with %s %q, want %s", res.Final.Kind, res.Final.Detail, tc.endsWith)
			}
		})
	}
}

// TestContractFields: properties and the dotted paths of nested objects, sorted; a schema
// that is no object offers none.
func TestContractFields(t *testing.T) {
	schema := json.RawMessage(`{"type":"object","properties":{"id":{"type":"string"},"owner":{"type":"object","properties":{"name":{"type":"string"}}}}}`)
	if got, want := ContractFields(schema), []string{"id", "owner", "owner.name"}; !slices.Equal(got, want) {
		t.Errorf("ContractFields = %q, want %q", got, want)
	}
	for _, bad := range []string{``, `null`, `[1]`, `{"properties":3}`} {
		if got := ContractFields(json.RawMessage(bad)); len(got) != 0 {
			t.Errorf("ContractFields(%s) = %q", bad, got)
		}
	}
}
