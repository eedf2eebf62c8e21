package orgserver

import (
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

const emergencyGroups = "/api/v2/architect/emergencygroups"

// Emergency groups refer to flows and IVRs by id: both must exist in the org, and the
// answer names them as the API does.
func TestEmergencyGroupReferences(t *testing.T) {
	_, c := parallelDevOrg(t)
	flow := c.must(200, "POST", "/api/v2/flows", map[string]any{"name": "Evacuation", "type": "INBOUNDCALL"})["id"].(string)
	ivr := c.must(200, "POST", "/api/v2/architect/ivrs", map[string]any{"name": "Main line"})["id"].(string)
	callFlows := func(flowID, ivrID string) []any {
		return []any{map[string]any{"emergencyFlow": map[string]any{"id": flowID}, "ivrs": []any{map[string]any{"id": ivrID}}}}
	}
	c.wantFieldRefusals(emergencyGroups, []fieldRefusal{
		{map[string]any{"name": "E", "emergencyCallFlows": callFlows("no-such-flow", ivr)}, "emergencyFlow.id"},
		{map[string]any{"name": "E", "emergencyCallFlows": callFlows(flow, "no-such-ivr")}, "ivrs[].id"},
		{map[string]any{"name": "E", "division": map[string]any{"id": "no-such-division"}}, "[division.id]"},
		// An IVR id is not a flow id, even though both exist.
		{map[string]any{"name": "E", "emergencyCallFlows": callFlows(ivr, ivr)}, "emergencyFlow.id"},
	})

	g := c.must(200, "POST", emergencyGroups, map[string]any{"name": "Fire", "enabled": true, "emergencyCallFlows": callFlows(flow, ivr)})
	cf := g["emergencyCallFlows"].([]any)[0].(map[string]any)
	ef, ivrs := cf["emergencyFlow"].(map[string]any), cf["ivrs"].([]any)
	if ef["id"] != flow || ef["name"] != "Evacuation" || ef["selfUri"] != "/api/v2/flows/"+flow || len(ivrs) != 1 ||
		ivrs[0].(map[string]any)["name"] != "Main line" || ivrs[0].(map[string]any)["selfUri"] != "/api/v2/architect/ivrs/"+ivr ||
		g["enabled"] != true {
		t.Errorf("created emergency group = %v", g)
	}

	// A PUT replaces: without the call flows the group has none; the division stays.
	id := g["id"].(string)
	put := c.must(200, "PUT", emergencyGroups+"/"+id, map[string]any{"name": "Fire", "version": 1})
	if put["emergencyCallFlows"] != nil || put["division"] == nil || put["dateCreated"] != g["dateCreated"] {
		t.Errorf("after PUT = %v", put)
	}
}

// The model and the catalogue decide what a body may hold, for every generic kind.
func TestGenericEntityValidation(t *testing.T) {
	_, c := parallelDevOrg(t)
	for _, k := range genericKinds() {
		k := c.underParent(k)
		coll := k.API.Collection
		for _, tc := range []struct {
			body  any
			field string
		}{
			{map[string]any{}, "[name]"},
			{map[string]any{"name": "   "}, "[name]"},
			{map[string]any{"name": 7}, "[name]"},
			{map[string]any{"name": "tab\tname"}, "[name]"},
			{[]any{"name"}, "JSON object"},
			{"null", "JSON object"},
		} {
			if nameOptional(k) && (tc.field == "[name]" && !hasName(tc.body)) {
				// A kind whose name the API does not require (a credential) is refused for
				// another missing field; its name's type and characters are still checked.
				continue
			}
			m := c.wantError(400, "bad.request", "POST", coll, tc.body)
			if msg := m["message"].(string); !strings.Contains(msg, tc.field) {
				t.Errorf("POST %s %v: message %q does not name %s", coll, tc.body, msg, tc.field)
			}
		}
		if f := k.Field("name"); f != nil && f.MaxLength > 0 {
			m := c.wantError(400, "bad.request", "POST", coll, map[string]any{"name": strings.Repeat("n", 300)})
			if msg := m["message"].(string); !strings.Contains(msg, "[name]") || !strings.Contains(msg, "300") {
				t.Errorf("POST %s with a 300-character name: message %q", coll, msg)
			}
			c.must(200, "POST", coll, map[string]any{"name": strings.Repeat("n", f.MaxLength)})
		}
	}

	// JSON types per model field, nested models and arrays included.
	c.wantFieldRefusals(emergencyGroups, []fieldRefusal{
		{map[string]any{"name": "E", "enabled": "yes"}, "[enabled]"},
		{map[string]any{"name": "E", "description": false}, "[description]"},
		{map[string]any{"name": "E", "division": "home"}, "[division]"},
		{map[string]any{"name": "E", "emergencyCallFlows": map[string]any{}}, "[emergencyCallFlows]"},
		{map[string]any{"name": "E", "emergencyCallFlows": []any{"x"}}, "[emergencyCallFlows[0]]"},
		{map[string]any{"name": "E", "emergencyCallFlows": []any{map[string]any{"ivrs": "x"}}}, "[emergencyCallFlows[0].ivrs]"},
		{map[string]any{"name": "E", "emergencyCallFlows": []any{map[string]any{"emergencyFlow": map[string]any{"id": 5}}}}, "[emergencyCallFlows[0].emergencyFlow.id]"},
	})
	// Fields outside the model are dropped, not refused; the version is the server's.
	lib := c.must(200, "POST", "/api/v2/responsemanagement/libraries", map[string]any{"name": "Replies", "color": "red", "version": 42})
	if _, ok := lib["color"]; ok || lib["version"] != float64(1) {
		t.Errorf("created library = %v", lib)
	}
	c.wantError(400, "bad.request", "PUT", "/api/v2/responsemanagement/libraries/"+lib["id"].(string), map[string]any{"name": "Replies", "version": 1.5})
}

// nameOptional reports a kind whose create model does not require a name and whose names
// identify nothing.
func nameOptional(k *kinds.Kind) bool {
	f := kinds.FieldOf(k.RequestModel(http.MethodPost), "name")
	return k.Names != kinds.UniqueName && (f == nil || !f.Required)
}

// hasName reports a body that sends a name that is not blank.
func hasName(body any) bool {
	m, _ := body.(map[string]any)
	s, isString := m["name"].(string)
	return m["name"] != nil && (!isString || strings.TrimSpace(s) != "")
}
