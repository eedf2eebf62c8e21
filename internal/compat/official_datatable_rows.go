package compat

// dataTableRowEntries covers genesyscloud_architect_datatable_row, written by hand because
// a row's columns are one JSON string in the official schema.
func dataTableRowEntries() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_architect_datatable_row", Attributes: []Attribute{
			sup("id", "string", "computed; `<datatable id>/<key value>`, also the import id"),
			sup("datatable_id", "string", "required; changing it replaces the row"),
			sup("key_value", "string", "required; changing it replaces the row"),
			sup("properties_json", "string (JSON)", "the row's other columns; equivalent JSON is no diff; the local org checks them against the table's schema"),
		}},
	}
}
