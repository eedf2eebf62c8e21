package orgserver

import (
	"strings"
	"testing"
)

// A user's locations name existing locations by id and are answered with the location's
// definition; an unknown location is refused naming the field.
func TestUserLocations(t *testing.T) {
	_, c := parallelDevOrg(t)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Lou", "email": "lou@example.com"})["id"].(string)
	loc := c.must(200, "POST", "/api/v2/locations", map[string]any{"name": "Indianapolis"})["id"].(string)
	version := func() float64 { return c.must(200, "GET", "/api/v2/users/"+u, nil)["version"].(float64) }

	got := c.must(200, "PATCH", "/api/v2/users/"+u, map[string]any{"version": version(),
		"locations": []any{map[string]any{"id": loc, "notes": "desk 12"}}})
	locs, _ := got["locations"].([]any)
	if len(locs) != 1 {
		t.Fatalf("locations after PATCH = %v", got["locations"])
	}
	l := locs[0].(map[string]any)
	def, _ := l["locationDefinition"].(map[string]any)
	if def["id"] != loc || def["name"] != "Indianapolis" || l["notes"] != "desk 12" {
		t.Errorf("location = %v, want the definition of %s and the notes", l, loc)
	}

	e := c.wantError(400, "bad.request", "PATCH", "/api/v2/users/"+u, map[string]any{"version": version(),
		"locations": []any{map[string]any{"id": "no-such-location"}}})
	if msg, _ := e["message"].(string); !strings.Contains(msg, "locations") {
		t.Errorf("error for an unknown location = %v, want it to name the field", e)
	}
	c.wantError(400, "bad.request", "PATCH", "/api/v2/users/"+u, map[string]any{"version": version(),
		"locations": []any{map[string]any{"notes": "no id"}}})
}
