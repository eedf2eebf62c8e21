package provider

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// JSON text attributes (kinds.JSONText): the configuration holds JSON as a string (usually
// from jsonencode), the API the decoded value. Requests send the value; state keeps the
// configured spelling while the org's value means the same, whatever its key order or
// spacing.

// decodeJSONText decodes a JSON text attribute for a request.
func decodeJSONText(text string) (any, error) {
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return nil, fmt.Errorf("not JSON: %w", err)
	}
	return v, nil
}

// jsonTextValidator checks at plan time that the text is JSON.
func jsonTextValidator() validator.String {
	return parseCheck("must be JSON text, e.g. from jsonencode()", "Invalid JSON", decodeJSONText,
		func(_ string, err error) string {
			return fmt.Sprintf("The value is not JSON (%v). Write it with jsonencode({...}).", err)
		})
}

// jsonTextFromAPI maps the API's decoded value: the prior text when it means the same,
// else the value encoded (keys sorted, as jsonencode writes them). No value is null, unless
// the attribute must have one.
func jsonTextFromAPI(f kinds.Field, raw any, prior attr.Value) attr.Value {
	if raw == nil {
		return scalarFromAPI(f, nil, prior)
	}
	if p, ok := prior.(types.String); ok && isSet(p) {
		if want, err := decodeJSONText(p.ValueString()); err == nil && reflect.DeepEqual(want, raw) {
			return p
		}
	}
	b, err := json.Marshal(raw)
	if err != nil {
		// A value decoded from JSON always encodes again.
		return types.StringNull()
	}
	return types.StringValue(string(b))
}
