package orgserver

import "testing"

// A workitem schema's model requires a version on every request, but a create has none to
// send: the org gives the first, and an update must send the current one.
func TestWorkitemSchemaVersions(t *testing.T) {
	_, c := parallelDevOrg(t)
	const schemas = "/api/v2/taskmanagement/workitems/schemas"
	c.wantError(400, "bad.request", "POST", schemas, map[string]any{"name": "Claim"}) // no jsonSchema
	s := c.must(200, "POST", schemas, map[string]any{"name": "Claim", "jsonSchema": map[string]any{
		"properties": map[string]any{"policy_text": map[string]any{"title": "Policy"}}}})
	if s["version"] != 1.0 {
		t.Errorf("created schema = %v", s)
	}
	item := schemas + "/" + s["id"].(string)
	c.wantError(400, "bad.request", "PUT", item, map[string]any{"name": "Claim", "jsonSchema": map[string]any{}})
	if u := c.must(200, "PUT", item, map[string]any{"name": "Claim", "version": 1, "jsonSchema": map[string]any{}}); u["version"] != 2.0 {
		t.Errorf("updated schema = %v", u)
	}
}

// A work type needs its default workbin, and every id it is written with must name an object
// of the right kind; the refusal names the request's field.
func TestWorktypeReferences(t *testing.T) {
	_, c := parallelDevOrg(t)
	const worktypes = "/api/v2/taskmanagement/worktypes"
	workbin := c.must(200, "POST", "/api/v2/taskmanagement/workbins", map[string]any{"name": "Claims"})["id"].(string)
	c.wantFieldRefusals(worktypes, []fieldRefusal{
		{map[string]any{"name": "Claim"}, "[defaultWorkbinId]"},
		{map[string]any{"name": "Claim", "defaultWorkbinId": "no-such-workbin"}, "[defaultWorkbinId]"},
		{map[string]any{"name": "Claim", "defaultWorkbinId": workbin, "defaultSkillIds": []any{"no-such-skill"}}, "no-such-skill"},
		{map[string]any{"name": "Claim", "defaultWorkbinId": workbin, "defaultQueueId": workbin}, "[defaultQueueId]"},
	})
	w := c.must(200, "POST", worktypes, map[string]any{"name": "Claim", "defaultWorkbinId": workbin, "defaultPriority": 5})
	if ref := w["defaultWorkbin"].(map[string]any); ref["id"] != workbin || ref["name"] != "Claims" || w["defaultWorkbinId"] != nil {
		t.Errorf("created work type = %v", w)
	}
}
