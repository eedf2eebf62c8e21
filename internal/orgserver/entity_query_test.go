package orgserver

import (
	"strings"
	"testing"
)

// A kind listed by query answers filters on its fields and pages by the cursor it hands out;
// a query the API would refuse is refused naming the field.
func TestEntityQuery(t *testing.T) {
	_, c := parallelDevOrg(t)
	const workbins = "/api/v2/taskmanagement/workbins"
	for _, name := range []string{"Claims", "Billing", "Appeals"} {
		c.must(200, "POST", workbins, map[string]any{"name": name})
	}
	names := func(page map[string]any) []string {
		var out []string
		for _, e := range page["entities"].([]any) {
			out = append(out, e.(map[string]any)["name"].(string))
		}
		return out
	}
	first := c.must(200, "POST", workbins+"/query", map[string]any{"filters": []any{}, "pageSize": 2})
	after, _ := first["after"].(string)
	if got := strings.Join(names(first), ","); got != "Appeals,Billing" || after == "" || first["count"] != 2.0 {
		t.Fatalf("first page = %v", first)
	}
	second := c.must(200, "POST", workbins+"/query", map[string]any{"filters": []any{}, "pageSize": 2, "after": after})
	if got := strings.Join(names(second), ","); got != "Claims" || second["after"] != nil {
		t.Errorf("second page = %v", second)
	}
	byName := c.must(200, "POST", workbins+"/query", map[string]any{"filters": []any{
		map[string]any{"name": "name", "type": "String", "operator": "IN", "values": []any{"Claims", "Appeals"}}}})
	if got := strings.Join(names(byName), ","); got != "Appeals,Claims" {
		t.Errorf("IN query = %v", byName)
	}
	c.wantFieldRefusals(workbins+"/query", []fieldRefusal{
		{map[string]any{}, "[filters]"},
		{map[string]any{"filters": []any{map[string]any{"type": "String", "operator": "EQ", "values": []any{"x"}}}}, "[filters[0].name]"},
		{map[string]any{"filters": []any{map[string]any{"name": "colour", "type": "String", "operator": "EQ", "values": []any{"x"}}}}, "[filters[0].name]"},
		{map[string]any{"filters": []any{}, "pageSize": 0}, "[pageSize]"},
		{map[string]any{"filters": []any{}, "after": "not a cursor"}, "[after]"},
	})
	c.wantError(400, "invalid.value", "POST", workbins+"/query", map[string]any{"filters": []any{
		map[string]any{"name": "name", "type": "String", "operator": "LIKE", "values": []any{"x"}}}})
	// The collection itself has no GET listing.
	if r := c.do("GET", workbins, nil); r.Status != 405 {
		t.Errorf("GET %s = %d, want 405", workbins, r.Status)
	}
}
