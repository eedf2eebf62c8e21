package orgserver

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

const inputSchema = `{"$schema":"http://json-schema.org/draft-04/schema#","title":"Lookup","type":"object","required":["phone"],"properties":{"phone":{"type":"string","description":"E.164"},"opts":{"type":"object","properties":{"deep":{"type":"boolean"}},"additionalProperties":false}},"additionalProperties":true}`

func newAction(integrationID, name string) map[string]any {
	return map[string]any{
		"name": name, "integrationId": integrationID,
		"contract": map[string]any{
			"input":  map[string]any{"inputSchema": json.RawMessage(inputSchema)},
			"output": map[string]any{"successSchema": map[string]any{"type": "object", "properties": map[string]any{"id": map[string]any{"type": "string"}}}},
		},
		"config": map[string]any{
			"timeoutSeconds": 10,
			"request":        map[string]any{"requestUrlTemplate": "https://crm.example/lookup/${input.phone}", "requestType": "GET", "requestTemplate": "${input.rawRequest}", "headers": map[string]any{"X-A": "1"}},
			"response":       map[string]any{"translationMap": map[string]any{"id": "$.id"}, "successTemplate": "{\"id\": ${id}}"},
		},
	}
}

func TestIntegrationActionLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)
	ig := c.must(200, "POST", "/api/v2/integrations", map[string]any{"name": "CRM", "integrationType": map[string]any{"id": "custom-rest-actions"}})["id"].(string)
	app := c.must(200, "POST", "/api/v2/integrations", map[string]any{"name": "App", "integrationType": map[string]any{"id": "embedded-client-app"}})["id"].(string)

	a := c.must(200, "POST", "/api/v2/integrations/actions", newAction(ig, "Lookup"))
	id := a["id"].(string)
	if a["version"].(float64) != 1 || a["category"] != "CRM" || a["secure"] != false || a["integrationId"] != ig || a["selfUri"] != "/api/v2/integrations/actions/"+id {
		t.Errorf("created action = %v", a)
	}
	// Plain GET leaves out contract and config; TF's expand=contract&includeConfig=true gets both,
	// with the schema exactly as sent.
	plain := c.must(200, "GET", "/api/v2/integrations/actions/"+id, nil)
	if plain["contract"] != nil || plain["config"] != nil || plain["name"] != "Lookup" {
		t.Errorf("plain GET = %v", plain)
	}
	raw := c.do("GET", "/api/v2/integrations/actions/"+id+"?expand=contract&includeConfig=true", nil)
	var full struct {
		Contract struct {
			Input struct {
				InputSchema json.RawMessage `json:"inputSchema"`
			} `json:"input"`
		} `json:"contract"`
		Config struct {
			Request struct {
				RequestTemplateURI string `json:"requestTemplateUri"`
			} `json:"request"`
		} `json:"config"`
	}
	if err := json.Unmarshal(raw.Body, &full); err != nil || string(full.Contract.Input.InputSchema) != inputSchema {
		t.Errorf("input schema = %s, want %s (%v)", full.Contract.Input.InputSchema, inputSchema, err)
	}
	if full.Config.Request.RequestTemplateURI != "/api/v2/integrations/actions/"+id+"/templates/requesttemplate.vm" {
		t.Errorf("requestTemplateUri = %q", full.Config.Request.RequestTemplateURI)
	}
	if got := c.must(200, "GET", "/api/v2/integrations/actions/"+id+"?includeConfig=true", nil); got["contract"] != nil || got["config"] == nil {
		t.Errorf("includeConfig only = %v", got)
	}
	for file, want := range map[string]string{"requesttemplate.vm": "${input.rawRequest}", "successtemplate.vm": `{"id": ${id}}`} {
		if got := getText(t, c, "/api/v2/integrations/actions/"+id+"/templates/"+file); got != want {
			t.Errorf("template %s = %q, want %q", file, got, want)
		}
	}
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/actions/"+id+"/templates/other.vm", nil)

	c.wantError(409, "general.conflict", "POST", "/api/v2/integrations/actions", newAction(ig, "LOOKUP"))
	for _, tc := range []struct {
		edit   func(m map[string]any)
		status int
		field  string
	}{
		{func(m map[string]any) { delete(m, "integrationId") }, 400, "[integrationId]"},
		{func(m map[string]any) { m["integrationId"] = "nope" }, 400, "[integrationId]"},
		{func(m map[string]any) { m["integrationId"] = app }, 400, "[integrationId]"},
		{func(m map[string]any) { delete(m, "name") }, 400, "[name]"},
		{func(m map[string]any) { delete(m, "contract") }, 400, "[contract]"},
		{func(m map[string]any) { m["contract"].(map[string]any)["input"] = map[string]any{} }, 400, "[contract.input.inputSchema]"},
		{func(m map[string]any) { m["contract"].(map[string]any)["input"] = map[string]any{"inputSchema": "x"} }, 400, "[contract.input.inputSchema]"},
		{func(m map[string]any) { m["config"].(map[string]any)["timeoutSeconds"] = 99 }, 400, "[config.timeoutSeconds]"},
	} {
		body := newAction(ig, "Other")
		tc.edit(body)
		m := c.wantError(tc.status, "bad.request", "POST", "/api/v2/integrations/actions", body)
		if !strings.Contains(m["message"].(string), tc.field) {
			t.Errorf("POST: message %q does not name %s", m["message"], tc.field)
		}
	}
	bad := newAction(ig, "Other")
	bad["config"].(map[string]any)["request"].(map[string]any)["requestType"] = "FETCH"
	c.wantError(400, "invalid.value", "POST", "/api/v2/integrations/actions", bad)
	// The same name is fine in another integration.
	ig2 := c.must(200, "POST", "/api/v2/integrations", map[string]any{"name": "Platform", "integrationType": map[string]any{"id": "purecloud-data-actions"}})["id"].(string)
	second := newAction(ig2, "Lookup")
	second["category"], second["secure"] = "People", true
	id2 := c.must(200, "POST", "/api/v2/integrations/actions", second)["id"].(string)

	// PATCH needs the current version.
	c.wantError(400, "bad.request", "PATCH", "/api/v2/integrations/actions/"+id, map[string]any{"name": "Lookup 2"})
	c.wantError(409, "general.conflict", "PATCH", "/api/v2/integrations/actions/"+id, map[string]any{"name": "Lookup 2", "version": 4})
	got := c.must(200, "PATCH", "/api/v2/integrations/actions/"+id, map[string]any{"name": "Lookup 2", "version": 1, "config": map[string]any{"request": map[string]any{"requestType": "POST"}}})
	if got["version"].(float64) != 2 || got["name"] != "Lookup 2" || got["category"] != "CRM" || got["config"].(map[string]any)["timeoutSeconds"] != nil {
		t.Errorf("after PATCH = %v", got)
	}
	if s := getText(t, c, "/api/v2/integrations/actions/"+id+"/templates/requesttemplate.vm"); s != "" {
		t.Errorf("template after config replace = %q", s)
	}
	c.wantError(404, "not.found", "PATCH", "/api/v2/integrations/actions/00000000-0000-0000-0000-000000000000", map[string]any{"version": 1})
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/actions/00000000-0000-0000-0000-000000000000", nil)

	c.wantListedNames("/api/v2/integrations/actions", []listingCase{
		{"", "Lookup,Lookup 2"},
		{q("name", "KUP 2"), "Lookup 2"},
		{q("category", "People"), "Lookup"},
		{q("secure", "true"), "Lookup"},
		{q("ids", id), "Lookup 2"},
		{q("sortOrder", "desc"), "Lookup 2,Lookup"},
	})
	l := c.must(200, "GET", "/api/v2/integrations/actions?pageSize=1&pageNumber=2", nil)
	if l["total"].(float64) != 2 || l["pageCount"].(float64) != 2 || l["entities"].([]any)[0].(map[string]any)["config"] != nil {
		t.Errorf("page 2 = %v", l)
	}
	if l := c.must(200, "GET", "/api/v2/integrations/actions?includeConfig=true", nil); l["entities"].([]any)[0].(map[string]any)["config"] == nil {
		t.Errorf("includeConfig listing = %v", l)
	}

	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", "/api/v2/integrations/actions/"+id, nil)
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/integrations/actions", newAction(ig, "x"))
	ro.wantError(403, "missing.permissions", "PATCH", "/api/v2/integrations/actions/"+id, map[string]any{"version": 2})
	ro.wantError(403, "missing.permissions", "DELETE", "/api/v2/integrations/actions/"+id, nil)

	c.must(204, "DELETE", "/api/v2/integrations/actions/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/actions/"+id, nil)
	// Deleting an integration takes its actions with it.
	c.must(200, "DELETE", "/api/v2/integrations/"+ig2, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/actions/"+id2, nil)
	if got := auditActions(routingAudits(t, ts, "dev", "Action")); strings.Join(got, ",") != "Create,Create,Update,Delete,Delete" {
		t.Errorf("audit actions = %v", got)
	}
}

func TestIntegrationActionDrafts(t *testing.T) {
	ts, c := parallelDevOrg(t)
	ig := c.must(200, "POST", "/api/v2/integrations", map[string]any{"name": "CRM", "integrationType": map[string]any{"id": "custom-rest-actions"}})["id"].(string)

	// A draft may start incomplete; publishing needs a full action.
	d := c.must(200, "POST", "/api/v2/integrations/actions/drafts", map[string]any{"name": "Create ticket", "integrationId": ig})
	id := d["id"].(string)
	if d["selfUri"] != "/api/v2/integrations/actions/"+id+"/draft" || d["version"].(float64) != 1 {
		t.Errorf("draft = %v", d)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/actions/"+id, nil)
	c.wantError(400, "bad.request", "POST", "/api/v2/integrations/actions/"+id+"/draft/publish", map[string]any{"version": 1})
	full := newAction(ig, "Create ticket")
	c.wantError(409, "general.conflict", "PATCH", "/api/v2/integrations/actions/"+id+"/draft", map[string]any{"version": 9, "config": full["config"]})
	d = c.must(200, "PATCH", "/api/v2/integrations/actions/"+id+"/draft", map[string]any{"version": 1, "config": full["config"], "contract": full["contract"]})
	if d["version"].(float64) != 2 {
		t.Errorf("patched draft = %v", d)
	}
	if s := getText(t, c, "/api/v2/integrations/actions/"+id+"/draft/templates/requesttemplate.vm"); s != "${input.rawRequest}" {
		t.Errorf("draft template = %q", s)
	}
	if l := c.must(200, "GET", "/api/v2/integrations/actions/drafts", nil); strings.Join(names(l), ",") != "Create ticket" {
		t.Errorf("drafts = %v", l)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/integrations/actions/"+id+"/draft/publish", map[string]any{"version": 1})
	a := c.must(200, "POST", "/api/v2/integrations/actions/"+id+"/draft/publish", map[string]any{"version": 2})
	if a["id"] != id || a["version"].(float64) != 1 || a["selfUri"] != "/api/v2/integrations/actions/"+id {
		t.Errorf("published = %v", a)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/actions/"+id+"/draft", nil)

	// A new draft of the published action, then publish again: the action's version moves on.
	c.must(200, "POST", "/api/v2/integrations/actions/"+id+"/draft", nil)
	c.wantError(409, "general.conflict", "POST", "/api/v2/integrations/actions/"+id+"/draft", nil)
	c.must(200, "PATCH", "/api/v2/integrations/actions/"+id+"/draft", map[string]any{"version": 1, "category": "Tickets"})
	a = c.must(200, "POST", "/api/v2/integrations/actions/"+id+"/draft/publish", map[string]any{"version": 2})
	if a["version"].(float64) != 2 || a["category"] != "Tickets" {
		t.Errorf("republished = %v", a)
	}
	c.must(200, "POST", "/api/v2/integrations/actions/"+id+"/draft", nil)
	c.must(204, "DELETE", "/api/v2/integrations/actions/"+id+"/draft", nil)
	c.must(200, "GET", "/api/v2/integrations/actions/"+id, nil)

	ro := newRawClient(t, ts, "dev", "readonly")
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/integrations/actions/drafts", map[string]any{"name": "x", "integrationId": ig})
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/integrations/actions/"+id+"/draft/publish", map[string]any{"version": 1})
}

// getText GETs a text resource (Accept */*, as TF asks for templates).
func getText(t *testing.T, c *rawClient, path string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "*/*")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("GET %s: %d %s %s", path, resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	return string(b)
}
