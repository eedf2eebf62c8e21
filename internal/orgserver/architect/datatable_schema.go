package architect

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// The API's rules for a data table's schema and for a row against it.

// dataTableColumnTypes are the JSON types a data table column may have.
func dataTableColumnTypes() []string { return []string{"boolean", "string", "integer", "number"} }

// checkDataTableSchema is the API's rule for a table's schema: it is required, its columns
// have one of the column types and a default of that type, and it has the string column
// "key" that keys the rows.
func checkDataTableSchema(body map[string]any) error {
	schema, ok := body["schema"].(map[string]any)
	if !ok {
		if body["schema"] == nil {
			return apihttp.Required("schema")
		}
		return apihttp.BadRequest("The field [schema] must be an object.")
	}
	props, ok := schema["properties"].(map[string]any)
	if !ok || len(props) == 0 {
		return apihttp.Required("schema.properties")
	}
	for _, name := range slices.Sorted(maps.Keys(props)) {
		path := "schema.properties." + name
		if strings.TrimSpace(name) == "" {
			return apihttp.BadRequest("The field [schema.properties] holds a column without a name.")
		}
		p, ok := props[name].(map[string]any)
		if !ok {
			return apihttp.BadRequest("The field [%s] must be an object.", path)
		}
		typ, _ := p["type"].(string)
		if typ == "" {
			return apihttp.Required(path + ".type")
		}
		if !slices.Contains(dataTableColumnTypes(), typ) {
			return apihttp.InvalidValue(path+".type", typ, dataTableColumnTypes())
		}
		if d, present := p["default"]; present && d != nil && !columnValueFits(typ, d) {
			return apihttp.BadRequest("The field [%s.default] must be of the column's type %s, not [%v].", path, typ, d)
		}
	}
	key, _ := props[kinds.DataTableKeyColumn].(map[string]any)
	if key == nil {
		return apihttp.BadRequest("The field [schema.properties] must hold the column [%s], the key of every row.", kinds.DataTableKeyColumn)
	}
	if key["type"] != "string" {
		return apihttp.BadRequest("The field [schema.properties.%s.type] must be [string]: the key of every row is a string.", kinds.DataTableKeyColumn)
	}
	return nil
}

// columnValueFits reports whether a JSON value is of a data table column's type.
func columnValueFits(typ string, v any) bool {
	switch typ {
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "integer":
		n, ok := v.(float64)
		return ok && n == float64(int64(n))
	case "number":
		_, ok := v.(float64)
		return ok
	}
	return false
}

// checkRowAgainstSchema checks a row against its table's schema: the key is a non-blank
// string, every other value belongs to a column of the schema and has its type.
func checkRowAgainstSchema(storedTable []byte, row map[string]any) error {
	var table struct {
		Schema struct {
			Properties map[string]struct {
				Type string `json:"type"`
			} `json:"properties"`
		} `json:"schema"`
	}
	if err := json.Unmarshal(storedTable, &table); err != nil {
		return fmt.Errorf("decode stored data table: %w", err)
	}
	key, present := row[kinds.DataTableKeyColumn]
	if !present || key == nil {
		return apihttp.Required(kinds.DataTableKeyColumn)
	}
	if s, ok := key.(string); !ok || strings.TrimSpace(s) == "" {
		if !ok {
			return apihttp.BadRequest("The field [%s] must be a string, not [%v].", kinds.DataTableKeyColumn, key)
		}
		return apihttp.Required(kinds.DataTableKeyColumn)
	}
	for _, col := range slices.Sorted(maps.Keys(row)) {
		prop, known := table.Schema.Properties[col]
		if !known {
			return apihttp.BadRequest("The field [%s] is not a column of the data table; its columns are: %s.", col,
				strings.Join(slices.Sorted(maps.Keys(table.Schema.Properties)), ", "))
		}
		if v := row[col]; v != nil && !columnValueFits(prop.Type, v) {
			return apihttp.BadRequest("The field [%s] must be of the column's type %s, not [%v].", col, prop.Type, v)
		}
	}
	return nil
}
