package orgserver

import "testing"

// dataTableBody is a create request for a table with the key column and one more.
func dataTableBody(name string, extra map[string]any) map[string]any {
	props := map[string]any{
		"key":    map[string]any{"type": "string", "title": "Postcode", "displayOrder": 0},
		"region": map[string]any{"type": "string", "displayOrder": 1},
	}
	for k, v := range extra {
		props[k] = v
	}
	return map[string]any{"name": name, "schema": map[string]any{"type": "object", "required": []any{"key"},
		"properties": props, "additionalProperties": false}}
}

// A data table is written with its schema and answers it only with expand=schema, on reads
// of one table and on listings.
func TestDataTableSchemaOnlyWhenExpanded(t *testing.T) {
	_, c := parallelDevOrg(t)
	made := c.must(200, "POST", "/api/v2/flows/datatables", dataTableBody("Postcodes", nil))
	id := made["id"].(string)
	if made["schema"] == nil || made["division"] == nil {
		t.Fatalf("create answered %v, want the schema and the home division", made)
	}
	if got := c.must(200, "GET", "/api/v2/flows/datatables/"+id, nil); got["schema"] != nil || got["name"] != "Postcodes" {
		t.Errorf("GET without expand = %v, want no schema", got)
	}
	got := c.must(200, "GET", "/api/v2/flows/datatables/"+id+q("expand", "schema"), nil)
	if _, ok := got["schema"].(map[string]any)["properties"].(map[string]any)["region"]; !ok {
		t.Errorf("GET with expand=schema = %v, want the region column", got)
	}
	l := c.must(200, "GET", "/api/v2/flows/datatables"+q("expand", "schema", "name", "Post*"), nil)
	if ents := l["entities"].([]any); len(ents) != 1 || ents[0].(map[string]any)["schema"] == nil {
		t.Errorf("listing with expand=schema = %v", l)
	}
	l = c.must(200, "GET", "/api/v2/flows/datatables", nil)
	if ents := l["entities"].([]any); len(ents) != 1 || ents[0].(map[string]any)["schema"] != nil {
		t.Errorf("listing without expand = %v", l)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/flows/datatables", dataTableBody("POSTCODES", nil))
	update := dataTableBody("Postcodes", map[string]any{"open": map[string]any{"type": "boolean", "default": true}})
	c.must(200, "PUT", "/api/v2/flows/datatables/"+id, update)
	c.do("DELETE", "/api/v2/flows/datatables/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/flows/datatables/"+id, nil)
}

// The API refuses a table without a schema, without its string key column, with a column
// of an unknown type or a default of the wrong type, naming the field.
func TestDataTableSchemaRules(t *testing.T) {
	_, c := parallelDevOrg(t)
	noKey := dataTableBody("No key", nil)
	delete(noKey["schema"].(map[string]any)["properties"].(map[string]any), "key")
	numberKey := dataTableBody("Number key", map[string]any{"key": map[string]any{"type": "integer"}})
	c.wantRefusals("/api/v2/flows/datatables", []refusal{
		{"no schema", map[string]any{"name": "No schema"}, "bad.request", "[schema] is required"},
		{"no key column", noKey, "bad.request", "[schema.properties] must hold the column [key]"},
		{"a key that is no string", numberKey, "bad.request", "[schema.properties.key.type] must be [string]"},
		{"a column of an unknown type", dataTableBody("Bad type", map[string]any{"when": map[string]any{"type": "date"}}),
			"invalid.value", "[schema.properties.when.type]"},
		{"a default of the wrong type", dataTableBody("Bad default", map[string]any{"size": map[string]any{"type": "integer", "default": "big"}}),
			"bad.request", "[schema.properties.size.default]"},
		{"no name", dataTableBody("", nil), "bad.request", "[name] is required"},
	})
}

// A flow's import fails on a data table that does not exist, naming it and its YAML line as
// Architect does; once the table exists the flow publishes and consumes it.
func TestFlowImportResolvesDataTables(t *testing.T) {
	ts, c := parallelDevOrg(t)
	yaml := readFlowFixture(t, "caller_lookup.yaml")
	wantUnresolvedName(t, ts, c, yaml, "data table", "Known Callers")
	table := c.must(200, "POST", "/api/v2/flows/datatables", dataTableBody("Known Callers", nil))
	st := uploadFlowJob(t, ts, c, yaml)
	if st["status"] != "Success" {
		t.Fatalf("job = %v", st)
	}
	flowID := st["flow"].(map[string]any)["id"].(string)
	deps := c.must(200, "GET", "/api/v2/architect/dependencytracking/consumedresources"+
		q("id", flowID, "version", "1.0", "objectType", "INBOUNDCALLFLOW"), nil)
	found := false
	for _, e := range deps["entities"].([]any) {
		e := e.(map[string]any)
		found = found || (e["type"] == "DATATABLE" && e["id"] == table["id"])
	}
	if !found {
		t.Errorf("consumed resources = %v, want the data table", deps)
	}
}
