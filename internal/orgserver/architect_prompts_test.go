package orgserver

import (
	"strings"
	"testing"
)

// A user prompt is made, given one resource per language, changed, listed by name and
// deleted with its resources.
func TestUserPrompts(t *testing.T) {
	_, c := parallelDevOrg(t)
	made := c.must(200, "POST", "/api/v2/architect/prompts", map[string]any{"name": "Welcome_greeting", "description": "First words"})
	id := made["id"].(string)
	item := "/api/v2/architect/prompts/" + id
	c.must(200, "POST", item+"/resources", map[string]any{"language": "en-us", "text": "Welcome", "ttsString": "Welcome to support"})
	c.must(200, "POST", item+"/resources", map[string]any{"language": "de-de", "text": "Willkommen"})
	c.wantError(409, "general.conflict", "POST", item+"/resources", map[string]any{"language": "EN-US"})
	c.must(200, "PUT", item+"/resources/de-de", map[string]any{"text": "Willkommen", "ttsString": "Willkommen beim Support"})
	got := c.must(200, "GET", item, nil)
	res := got["resources"].([]any)
	if len(res) != 2 || res[1].(map[string]any)["ttsString"] != "Willkommen beim Support" || got["description"] != "First words" {
		t.Errorf("prompt = %v", got)
	}
	if r := c.must(200, "GET", item+"/resources/en-us", nil); r["text"] != "Welcome" || r["promptId"] != id {
		t.Errorf("resource = %v", r)
	}
	if l := c.must(200, "GET", item+"/resources", nil); l["total"].(float64) != 2 {
		t.Errorf("resources listing = %v", l)
	}
	c.do("DELETE", item+"/resources/en-us", nil)
	c.wantError(404, "not.found", "GET", item+"/resources/en-us", nil)
	c.must(200, "PUT", item, map[string]any{"name": "Welcome_greeting", "description": "Changed"})
	if l := c.must(200, "GET", "/api/v2/architect/prompts"+q("name", "welcome*"), nil); l["total"].(float64) != 1 {
		t.Errorf("listing by name = %v", l)
	}
	c.do("DELETE", item, nil)
	c.wantError(404, "not.found", "GET", item, nil)
	c.wantError(404, "not.found", "GET", item+"/resources/de-de", nil)
}

// The API refuses a prompt without a name, with a name flows cannot refer to, with another
// prompt's name, and a resource without a language, naming the field.
func TestUserPromptRules(t *testing.T) {
	_, c := parallelDevOrg(t)
	id := c.must(200, "POST", "/api/v2/architect/prompts", map[string]any{"name": "Taken"})["id"].(string)
	for _, tc := range []struct {
		what, path string
		body       map[string]any
		status     int
		text       string
	}{
		{"no name", "/api/v2/architect/prompts", map[string]any{"description": "x"}, 400, "[name] is required"},
		{"a name with spaces", "/api/v2/architect/prompts", map[string]any{"name": "Main menu"}, 400, "[name] must start with a letter"},
		{"a name starting with a digit", "/api/v2/architect/prompts", map[string]any{"name": "1st"}, 400, "[name] must start with a letter"},
		{"another prompt's name", "/api/v2/architect/prompts", map[string]any{"name": "TAKEN"}, 409, "named [TAKEN] exists already"},
		{"a resource without a language", "/api/v2/architect/prompts/" + id + "/resources", map[string]any{"text": "x"}, 400, "[language] is required"},
	} {
		r := c.do("POST", tc.path, tc.body)
		if r.Status != tc.status || !strings.Contains(string(r.Body), tc.text) {
			t.Errorf("%s: %d %s, want %d naming %q", tc.what, r.Status, r.Body, tc.status, tc.text)
		}
	}
}
