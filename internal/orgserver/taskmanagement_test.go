package orgserver

import "testing"

// A workitem schema's model requires a version on every request, but a create has none to
// send: the org gives the first, and an update must send the current one.
func TestWorkitemSchemaVersions(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	c := newRawClient(t, ts, "dev", "deploy")
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
