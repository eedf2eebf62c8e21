package kinds

import (
	"cmp"
	"slices"
	"strconv"
)

// A data table's columns live in its JSON schema (DataTable.schema, a JsonSchemaDocument):
// schema.properties maps each column's name to its type, title, default and display order.
// The official schema has them as an ordered block list, properties { name, type, title,
// default }, with the default written as a string whatever the column's type. dataTableShape
// turns one into the other, so the rest of the kind is regular.

// DataTableKeyColumn is the column every data table has: the row's key, a string.
const DataTableKeyColumn = "key"

// dataTableSchemaDialect is the JSON Schema draft data table schemas are written in.
const dataTableSchemaDialect = "http://json-schema.org/draft-04/schema#"

func dataTableShape() *Shape {
	return &Shape{FromAPI: dataTableColumns, ToAPI: dataTableSchema,
		Always: map[string]any{"properties": []any{map[string]any{"name": DataTableKeyColumn, "type": "string"}}}}
}

// dataTableColumns is a data table with its schema's properties as a "properties" array of
// {name, type, title, default}, in display order.
func dataTableColumns(obj map[string]any) map[string]any {
	view := make(map[string]any, len(obj)+1)
	for key, v := range obj {
		view[key] = v
	}
	props, _ := Get(obj, "schema.properties").(map[string]any)
	type column struct {
		order float64
		value map[string]any
	}
	columns := make([]column, 0, len(props))
	for name, raw := range props {
		p, _ := raw.(map[string]any)
		c := map[string]any{"name": name}
		for _, f := range []string{"type", "title"} {
			if s, ok := p[f].(string); ok {
				c[f] = s
			}
		}
		if d, ok := defaultText(p["default"]); ok {
			c["default"] = d
		}
		order, _ := p["displayOrder"].(float64)
		columns = append(columns, column{order, c})
	}
	// The display order decides; names break ties (and order columns that have none).
	slices.SortFunc(columns, func(a, b column) int {
		if c := cmp.Compare(a.order, b.order); c != 0 {
			return c
		}
		return cmp.Compare(a.value["name"].(string), b.value["name"].(string))
	})
	list := make([]any, 0, len(columns))
	for _, c := range columns {
		list = append(list, c.value)
	}
	view["properties"] = list
	return view
}

// dataTableSchema turns a body's "properties" array into the table's JSON schema: one
// property per column, numbered in the order written, each default typed as its column.
// A default that does not parse as its column's type is sent as written, for the API to
// refuse naming it.
func dataTableSchema(body map[string]any) map[string]any {
	out := make(map[string]any, len(body))
	for key, v := range body {
		if key != "properties" {
			out[key] = v
		}
	}
	list, _ := body["properties"].([]any)
	props := make(map[string]any, len(list))
	for i, el := range list {
		c, _ := el.(map[string]any)
		name, _ := c["name"].(string)
		p := map[string]any{"displayOrder": i}
		for _, f := range []string{"type", "title"} {
			if s, ok := c[f].(string); ok && s != "" {
				p[f] = s
			}
		}
		if d, ok := c["default"].(string); ok {
			typ, _ := c["type"].(string)
			p["default"] = typedDefault(typ, d)
		}
		props[name] = p
	}
	out["schema"] = map[string]any{
		"$schema":              dataTableSchemaDialect,
		"type":                 "object",
		"required":             []any{DataTableKeyColumn},
		"properties":           props,
		"additionalProperties": false,
	}
	return out
}

// defaultText is a column default as the official schema writes it: a string.
func defaultText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case bool:
		return strconv.FormatBool(v), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	}
	return "", false
}

// typedDefault is a default's text as the JSON value of its column's type.
func typedDefault(typ, text string) any {
	switch typ {
	case "boolean":
		if b, err := strconv.ParseBool(text); err == nil {
			return b
		}
	case "integer":
		if n, err := strconv.ParseInt(text, 10, 64); err == nil {
			return n
		}
	case "number":
		if n, err := strconv.ParseFloat(text, 64); err == nil {
			return n
		}
	}
	return text
}
