package backport

import (
	"encoding/json"

	"github.com/cxascode/cxascode/internal/kinds"
)

// dataTableRowAttributes maps a data table row read with its id (kinds.ChildID: the table's
// id and the key): the table as a reference, the key, and the other columns as JSON text,
// keys sorted as jsonencode writes them.
func dataTableRowAttributes(obj map[string]any) []attribute {
	id, _ := obj["id"].(string)
	table, key, ok := kinds.SplitChildID(id)
	if !ok {
		return nil
	}
	out := []attribute{
		{name: "datatable_id", value: table, ref: kinds.Genesys().Named(kinds.DataTable)},
		{name: "key_value", value: key},
	}
	rest := map[string]any{}
	for col, v := range obj {
		if col != kinds.DataTableKeyColumn && col != "id" {
			rest[col] = v
		}
	}
	if len(rest) > 0 {
		if b, err := json.Marshal(rest); err == nil {
			out = append(out, attribute{name: "properties_json", value: string(b)})
		}
	}
	return out
}
