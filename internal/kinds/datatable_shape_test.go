package kinds

import (
	"encoding/json"
	"reflect"
	"testing"
)

// A data table's columns go out as its JSON schema's properties (numbered in the order
// written, defaults typed as their columns) and come back as the same list, whatever order
// the API's map has.
func TestDataTableShapeRoundTrip(t *testing.T) {
	k := Genesys().Named(DataTable)
	columns := []any{
		map[string]any{"name": "key", "type": "string", "title": "Postcode"},
		map[string]any{"name": "open", "type": "boolean", "default": "true"},
		map[string]any{"name": "agents", "type": "integer", "default": "12"},
		map[string]any{"name": "ratio", "type": "number", "default": "0.5"},
		map[string]any{"name": "region", "type": "string", "default": "north"},
	}
	body := k.APIRequest(map[string]any{"name": "Postcodes", "properties": columns})
	if _, ok := body["properties"]; ok {
		t.Errorf("request still has the block list: %v", body)
	}
	// Through JSON, as the API would answer it.
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	var answered map[string]any
	if err := json.Unmarshal(raw, &answered); err != nil {
		t.Fatal(err)
	}
	props := Get(answered, "schema.properties").(map[string]any)
	if d := Get(props, "agents.default"); d != float64(12) {
		t.Errorf("integer default sent as %#v", d)
	}
	if d := Get(props, "open.default"); d != true {
		t.Errorf("boolean default sent as %#v", d)
	}
	if req := Get(answered, "schema.required"); !reflect.DeepEqual(req, []any{"key"}) {
		t.Errorf("schema.required = %v", req)
	}
	view := k.FieldView(answered)
	if !reflect.DeepEqual(view["properties"], columns) {
		t.Errorf("columns read back as %v, want %v", view["properties"], columns)
	}
	if _, ok := answered["properties"]; ok {
		t.Error("FieldView changed the API object")
	}
}
