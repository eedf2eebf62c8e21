package orgserver

import (
	"strings"
	"testing"
)

// Responses are listed library by library, as the real API does: a listing without libraryId
// is refused naming the parameter, and one library's listing pages over its responses only. A
// response must be in a library that exists, and its texts are checked against the model.
func TestResponsesListedByLibrary(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	c := newRawClient(t, ts, "dev", "deploy")
	const responses = "/api/v2/responsemanagement/responses"
	lib := func(name string) string {
		return c.must(200, "POST", "/api/v2/responsemanagement/libraries", map[string]any{"name": name})["id"].(string)
	}
	support, sales := lib("Support"), lib("Sales")
	respond := func(name string, libs ...string) map[string]any {
		refs := []any{}
		for _, l := range libs {
			refs = append(refs, map[string]any{"id": l})
		}
		return c.must(200, "POST", responses, map[string]any{"name": name, "libraries": refs,
			"texts": []any{map[string]any{"content": "Hello", "contentType": "text/plain"}}})
	}
	respond("Greeting", support)
	respond("Goodbye", support)
	both := respond("Shared", support, sales)

	m := c.wantError(400, "bad.request", "GET", responses, nil)
	if !strings.Contains(m["message"].(string), "libraryId") {
		t.Errorf("listing without a library: %v, want the parameter named", m["message"])
	}
	l := c.must(200, "GET", responses+q("libraryId", support, "pageSize", "2"), nil)
	if l["total"].(float64) != 3 || l["pageCount"].(float64) != 2 || len(l["entities"].([]any)) != 2 {
		t.Errorf("support's page 1 = %v", l)
	}
	l = c.must(200, "GET", responses+q("libraryId", sales), nil)
	if es := l["entities"].([]any); len(es) != 1 || es[0].(map[string]any)["id"] != both["id"] {
		t.Errorf("sales' responses = %v, want only the shared one", es)
	}
	c.must(204, "DELETE", responses+"/"+both["id"].(string), nil)
	if l := c.must(200, "GET", responses+q("libraryId", sales), nil); len(l["entities"].([]any)) != 0 || l["total"].(float64) != 0 {
		t.Errorf("sales' responses after the deletion = %v", l)
	}

	m = c.wantError(400, "bad.request", "POST", responses, map[string]any{"name": "Lost",
		"libraries": []any{map[string]any{"id": "00000000-0000-0000-0000-000000000000"}},
		"texts":     []any{map[string]any{"content": "Hello"}}})
	if !strings.Contains(m["message"].(string), "libraries") {
		t.Errorf("response in a missing library: %v, want the field named", m["message"])
	}
	m = c.wantError(400, "bad.request", "POST", responses, map[string]any{"name": "No library",
		"texts": []any{map[string]any{"content": "Hello"}}})
	if !strings.Contains(m["message"].(string), "libraries") {
		t.Errorf("response without a library: %v, want the field named", m["message"])
	}
	m = c.wantError(400, "bad.request", "POST", responses, map[string]any{"name": "No content",
		"libraries": []any{map[string]any{"id": support}}, "texts": []any{map[string]any{"contentType": "text/plain"}}})
	if !strings.Contains(m["message"].(string), "content") {
		t.Errorf("text without content: %v, want the field named", m["message"])
	}
}
