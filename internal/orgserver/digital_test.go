package orgserver

import (
	"strings"
	"testing"
)

// Responses are listed library by library, as the real API does: a listing without libraryId
// is refused naming the parameter, and one library's listing pages over its responses only. A
// response must be in a library that exists, and its texts are checked against the model.
func TestResponsesListedByLibrary(t *testing.T) {
	_, c := parallelDevOrg(t)
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

// A knowledge base needs its core language; the cursor
// listing filters by it. The dependency tracking build the official provider checks around
// knowledge bases is always operational, since the local org derives dependencies on demand.
func TestKnowledgeBases(t *testing.T) {
	_, c := parallelDevOrg(t)
	const bases = "/api/v2/knowledge/knowledgebases"
	m := c.wantError(400, "bad.request", "POST", bases, map[string]any{"name": "No language"})
	if !strings.Contains(m["message"].(string), "coreLanguage") {
		t.Errorf("knowledge base without a language: %v, want the field named", m["message"])
	}
	us := c.must(200, "POST", bases, map[string]any{"name": "Billing", "coreLanguage": "en-US"})
	c.must(200, "POST", bases, map[string]any{"name": "Abrechnung", "coreLanguage": "de-DE"})
	l := c.must(200, "GET", bases+q("coreLanguage", "en-US"), nil)
	if es := l["entities"].([]any); len(es) != 1 || es[0].(map[string]any)["id"] != us["id"] {
		t.Errorf("en-US knowledge bases = %v", es)
	}

	if b := c.must(200, "GET", "/api/v2/architect/dependencytracking/build", nil); b["status"] != "OPERATIONAL" {
		t.Errorf("build status = %v", b)
	}
	if code := c.do("POST", "/api/v2/architect/dependencytracking/build", nil).Status; code != 202 {
		t.Errorf("rebuild answered %d, want 202", code)
	}
}

// Messaging settings take only the documented switch values, naming the field refused; the
// org has no default setting until one is chosen. A supported content profile is created and
// patched without an id, although its one model marks the id required.
func TestMessagingSettingsAndSupportedContent(t *testing.T) {
	_, c := parallelDevOrg(t)
	const settings = "/api/v2/conversations/messaging/settings"
	m := c.wantError(400, "invalid.value", "POST", settings, map[string]any{"name": "Social",
		"event": map[string]any{"typing": map[string]any{"on": map[string]any{"inbound": "Sometimes"}}}})
	if !strings.Contains(m["message"].(string), "event.typing.on.inbound") {
		t.Errorf("bad switch value: %v, want the field named", m["message"])
	}
	c.wantError(400, "bad.request", "POST", settings, map[string]any{"content": map[string]any{}})
	c.wantError(404, "not.found", "GET", settings+"/default", nil)

	const profiles = "/api/v2/conversations/messaging/supportedcontent"
	p := c.must(200, "POST", profiles, map[string]any{"name": "Pictures",
		"mediaTypes": map[string]any{"allow": map[string]any{"inbound": []any{map[string]any{"type": "image/*"}}}}})
	if u := c.must(200, "PATCH", profiles+"/"+p["id"].(string), map[string]any{"name": "Pictures only"}); u["name"] != "Pictures only" || u["mediaTypes"] == nil {
		t.Errorf("patched profile = %v", u)
	}
}

// A trigger needs its target, topic and enabled flag, and an update the current version; the
// cursor listing filters by topic.
func TestTriggers(t *testing.T) {
	_, c := parallelDevOrg(t)
	const triggers = "/api/v2/processautomation/triggers"
	target := map[string]any{"id": "7c3a9f2e-51d4-4b8e-9a61-0f2d8c4e3b17", "type": "Workflow"}
	for field, body := range map[string]map[string]any{
		"target":    {"name": "No target", "enabled": true, "topicName": "v2.a"},
		"topicName": {"name": "No topic", "enabled": true, "target": target},
		"enabled":   {"name": "No flag", "topicName": "v2.a", "target": target},
	} {
		m := c.wantError(400, "bad.request", "POST", triggers, body)
		if !strings.Contains(m["message"].(string), "["+field+"]") {
			t.Errorf("trigger without %s: %v, want the field named", field, m["message"])
		}
	}
	a := c.must(200, "POST", triggers, map[string]any{"name": "A", "enabled": true, "topicName": "v2.a", "target": target,
		"matchCriteria": []any{map[string]any{"jsonPath": "mediaType", "operator": "Equal", "value": "CHAT"}}})
	c.must(200, "POST", triggers, map[string]any{"name": "B", "enabled": true, "topicName": "v2.b", "target": target})
	l := c.must(200, "GET", triggers+q("topicName", "v2.a"), nil)
	if es := l["entities"].([]any); len(es) != 1 || es[0].(map[string]any)["id"] != a["id"] {
		t.Errorf("triggers of topic v2.a = %v", es)
	}
	upd := map[string]any{"name": "A", "enabled": false, "topicName": "v2.a", "target": target}
	c.wantError(400, "bad.request", "PUT", triggers+"/"+a["id"].(string), upd) // no version
	upd["version"] = 1
	if u := c.must(200, "PUT", triggers+"/"+a["id"].(string), upd); u["enabled"] != false || u["version"] != 2.0 {
		t.Errorf("updated trigger = %v", u)
	}
}
