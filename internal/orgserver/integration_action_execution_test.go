package orgserver

import (
	"strings"
	"testing"
)

// TestIntegrationActionTestExecution: the test endpoint validates the input against the input
// contract as a flow's call is validated, and answers a TestExecutionResult whose output is
// shaped by the success contract (defaults and examples, else zero values); it says the
// remote request was not sent.
func TestIntegrationActionTestExecution(t *testing.T) {
	ts, c := parallelDevOrg(t)
	ig := c.must(200, "POST", "/api/v2/integrations", map[string]any{"name": "CRM", "integrationType": map[string]any{"id": "custom-rest-actions"}})["id"].(string)
	body := newAction(ig, "Lookup")
	body["contract"].(map[string]any)["output"] = map[string]any{"successSchema": map[string]any{"type": "object", "properties": map[string]any{
		"id":     map[string]any{"type": "string", "examples": []any{"T-1"}},
		"count":  map[string]any{"type": "integer", "default": 2},
		"closed": map[string]any{"type": "boolean"},
	}}}
	id := c.must(200, "POST", "/api/v2/integrations/actions", body)["id"].(string)

	res := c.must(200, "POST", "/api/v2/integrations/actions/"+id+"/test?flatten=false", map[string]any{"phone": "+13175550100"})
	final, _ := res["finalResult"].(map[string]any)
	if res["success"] != true || final["id"] != "T-1" || final["count"] != float64(2) || final["closed"] != false {
		t.Errorf("test execution = %v", res)
	}
	ops, _ := res["operations"].([]any)
	if len(ops) != 3 || !strings.Contains(ops[1].(map[string]any)["result"].(string), "not sent") {
		t.Errorf("operations = %v", ops)
	}

	for _, tc := range []struct {
		input map[string]any
		want  string
	}{
		{map[string]any{}, "[phone]"},
		{map[string]any{"phone": 3175550100}, "must be of type string, not integer"},
	} {
		res := c.must(200, "POST", "/api/v2/integrations/actions/"+id+"/test", tc.input)
		e, _ := res["error"].(map[string]any)
		if res["success"] != false || res["finalResult"] != nil || e == nil || !strings.Contains(e["message"].(string), tc.want) {
			t.Errorf("input %v: %v, want an error naming %s", tc.input, res, tc.want)
		}
	}

	c.must(200, "POST", "/api/v2/integrations/actions/"+id+"/draft", nil)
	if res := c.must(200, "POST", "/api/v2/integrations/actions/"+id+"/draft/test", map[string]any{"phone": "x"}); res["success"] != true {
		t.Errorf("draft test execution = %v", res)
	}
	c.wantError(404, "not.found", "POST", "/api/v2/integrations/actions/nope/test", map[string]any{})
	c.wantError(400, "bad.request", "POST", "/api/v2/integrations/actions/"+id+"/test?flatten=maybe", map[string]any{})
	ro := newRawClient(t, ts, "dev", "readonly")
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/integrations/actions/"+id+"/test", map[string]any{})
}
