package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A data table row: one JSON object of the table's columns, identified in its table by the
// "key" column. The official schema splits it into key_value (the key) and properties_json
// (the other columns, as JSON text), and ids it as "<datatable id>/<key>", which is also
// the import id (kinds.ChildID).

// dataTableRow is a row as the API answers it with showbrief=false: column → value.
type dataTableRow = map[string]json.RawMessage

// dataTableRowAPI is the API seam for the rows of one table.
func dataTableRowAPI(c *platform.Client, tableID string) entityAPI[dataTableRow] {
	k := kinds.Genesys().Named(kinds.DataTableRow)
	query, _ := url.ParseQuery(k.API.ReadQuery) // a literal; TestKindQueriesParse keeps it parseable
	return entityAPI[dataTableRow]{
		client:        c,
		path:          k.API.CollectionOf(tableID),
		name:          rowKey,
		readQuery:     query,
		deleteTimeout: 30 * time.Second,
	}
}

// rowKey reads a row's key.
func rowKey(row *dataTableRow) string {
	var key string
	_ = json.Unmarshal((*row)[kinds.DataTableKeyColumn], &key)
	return key
}

type dataTableRowModel struct {
	ID             types.String `tfsdk:"id"`
	DatatableID    types.String `tfsdk:"datatable_id"`
	KeyValue       types.String `tfsdk:"key_value"`
	PropertiesJSON types.String `tfsdk:"properties_json"`
}

type dataTableRowResource struct {
	crudResource[dataTableRowModel, dataTableRow]
}

func newDataTableRowResource() resource.Resource {
	return &dataTableRowResource{crudResource[dataTableRowModel, dataTableRow]{
		resourceBase: resourceBase{typeSuffix: "_architect_datatable_row"}, what: "data table row", errorAttr: "properties_json",
		label:  func(m *dataTableRowModel) string { return fmt.Sprintf("%q", m.KeyValue.ValueString()) },
		create: createDataTableRow,
		update: func(ctx context.Context, c *platform.Client, plan *dataTableRowModel, diags *diag.Diagnostics) (*dataTableRow, error) {
			body, ok := plan.request(diags)
			if !ok {
				return nil, nil
			}
			return dataTableRowAPI(c, plan.DatatableID.ValueString()).update(ctx, http.MethodPut, plan.KeyValue.ValueString(), body)
		},
		read: func(ctx context.Context, c *platform.Client, id string) (*dataTableRow, error) {
			table, key, err := splitRowID(id)
			if err != nil {
				return nil, err
			}
			return dataTableRowAPI(c, table).get(ctx, key) // from a listing when many rows of the table are read (bulk_cache.go)
		},
		remove: func(ctx context.Context, c *platform.Client, state *dataTableRowModel) error {
			table, key, err := splitRowID(state.ID.ValueString())
			if err != nil {
				return err
			}
			return dataTableRowAPI(c, table).delete(ctx, key)
		},
		fromAPI: (*dataTableRowModel).fromAPI,
	}}
}

// createDataTableRow adds the planned row to its table. A create whose answer was lost is
// found by its key (a second POST of the key would be refused, never duplicated).
func createDataTableRow(ctx context.Context, c *platform.Client, plan *dataTableRowModel, diags *diag.Diagnostics) (*dataTableRow, error) {
	body, ok := plan.request(diags)
	if !ok {
		return nil, nil
	}
	table, key := plan.DatatableID.ValueString(), plan.KeyValue.ValueString()
	api := dataTableRowAPI(c, table)
	out, err := api.createFoundBy(ctx, body, func(ctx context.Context) (*dataTableRow, error) { return api.getByID(ctx, key) })
	if err != nil {
		return nil, err
	}
	plan.ID = types.StringValue(kinds.ChildID(table, key))
	return out, nil
}

// splitRowID splits a row's id (also its import id) into its table's id and its key.
func splitRowID(id string) (table, key string, err error) {
	table, key, ok := kinds.SplitChildID(id)
	if !ok {
		return "", "", fmt.Errorf("a data table row's id is <datatable id>/<key value>, not %q", id)
	}
	return table, key, nil
}

func (r *dataTableRowResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud data table row: one row of an Architect data table, found by its key. " +
			"Import it by `<datatable id>/<key value>`.",
		Attributes: map[string]schema.Attribute{
			"id":           idAttribute(),
			"datatable_id": requiredReplacing("Datatable ID that contains this row. Changing it moves the row: a new row is made in the other table."),
			"key_value":    requiredReplacing("Value for this row's key. Changing it replaces the row."),
			"properties_json": schema.StringAttribute{Optional: true,
				Validators:    []validator.String{jsonObjectValidator()},
				PlanModifiers: []planmodifier.String{jsonSemanticPlan{}},
				Description: "JSON object of the row's other columns and their values, e.g. " +
					"`jsonencode({ region = \"north\", agents = 12 })`. Each must be a column of the table, of its type."},
		},
	}
}

// request is the row the API takes: the other columns with the key.
func (m *dataTableRowModel) request(diags *diag.Diagnostics) (map[string]any, bool) {
	body := map[string]any{}
	if isSet(m.PropertiesJSON) {
		if err := json.Unmarshal([]byte(m.PropertiesJSON.ValueString()), &body); err != nil {
			diags.AddError("Invalid properties_json", fmt.Sprintf("properties_json must be a JSON object: %v", err))
			return nil, false
		}
	}
	body[kinds.DataTableKeyColumn] = m.KeyValue.ValueString()
	return body, true
}

// fromAPI reads a row: its table from the id (set by create, or by an import), its key, and
// its other columns as JSON (the configured text kept while it means the same).
func (m *dataTableRowModel) fromAPI(row *dataTableRow) {
	if table, _, ok := kinds.SplitChildID(m.ID.ValueString()); ok {
		m.DatatableID = types.StringValue(table)
	}
	key := rowKey(row)
	m.KeyValue = types.StringValue(key)
	m.ID = types.StringValue(kinds.ChildID(m.DatatableID.ValueString(), key))
	rest := make(dataTableRow, len(*row))
	for col, v := range *row {
		if col != kinds.DataTableKeyColumn {
			rest[col] = v
		}
	}
	if len(rest) == 0 && !isSet(m.PropertiesJSON) {
		// No other column set, and none configured: null, as configured.
		m.PropertiesJSON = types.StringNull()
		return
	}
	raw, err := json.Marshal(rest)
	if err != nil {
		return
	}
	m.PropertiesJSON = jsonFromAPI(raw, m.PropertiesJSON)
}
