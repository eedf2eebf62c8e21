package provider

import (
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// JSON text keeps its configured spelling while the org's value means the same, and reads
// the org's value (keys sorted) when it does not.
func TestJSONTextFromAPI(t *testing.T) {
	f := kinds.Field{Attr: "properties", JSON: "jsonSchema.properties", Type: kinds.String, Format: kinds.JSONText}
	written := types.StringValue(`{ "b": {"max": 12}, "a": [1, "x"] }`)
	same := map[string]any{"a": []any{1.0, "x"}, "b": map[string]any{"max": 12.0}}
	if got := jsonTextFromAPI(f, same, written); !got.Equal(written) {
		t.Errorf("same value: got %v, want the configured text", got)
	}
	changed := map[string]any{"b": map[string]any{"max": 20.0}, "a": []any{}}
	if got := jsonTextFromAPI(f, changed, written); !got.Equal(types.StringValue(`{"a":[],"b":{"max":20}}`)) {
		t.Errorf("changed value: got %v", got)
	}
	if got := jsonTextFromAPI(f, nil, types.StringNull()); !got.IsNull() {
		t.Errorf("no value: got %v, want null", got)
	}
	if _, err := decodeJSONText(`{"a":`); err == nil {
		t.Error("broken JSON decoded")
	}
}

// A request model's required nested object is sent empty when no attribute fills it.
func TestAddRequiredEnclosures(t *testing.T) {
	k := kinds.Genesys().Named(kinds.WorkitemSchema)
	body := apiObject{"name": "Claim"}
	addRequiredEnclosures(k, body)
	if _, ok := body["jsonSchema"].(map[string]any); !ok {
		t.Errorf("body without properties = %v, want an empty jsonSchema", body)
	}
	body = apiObject{"name": "Claim", "jsonSchema": map[string]any{"description": "x"}}
	addRequiredEnclosures(k, body)
	if kinds.Get(body, "jsonSchema.description") != "x" {
		t.Errorf("body with a description = %v", body)
	}
}

// An array the request model requires is sent empty when its optional block list has no
// blocks (a rule set without rules), and left as configured otherwise.
func TestAddRequiredEmptyArrays(t *testing.T) {
	k := kinds.Genesys().Named(kinds.RuleSet)
	body := apiObject{"name": "Rules"}
	addRequiredEnclosures(k, body)
	if rules, ok := body["rules"].([]any); !ok || len(rules) != 0 {
		t.Errorf("body without rules = %v, want an empty rules array", body)
	}
	body = apiObject{"name": "Rules", "rules": []any{map[string]any{"name": "R"}}}
	addRequiredEnclosures(k, body)
	if rules, _ := body["rules"].([]any); len(rules) != 1 {
		t.Errorf("body with a rule = %v", body)
	}
}
