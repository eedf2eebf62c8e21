package architect

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Data tables (/api/v2/flows/datatables): lookup tables flows read by key. They are
// written through the generic entity's rules (names, division, versions, audit); what is
// their own is the schema (datatable_schema.go). A table's columns are the properties of a
// JSON schema, of which "key" (a string) is every row's key; the API answers the schema only
// with expand=schema, on reads of one table and on listings alike. Deleting a table deletes
// its rows.
//
// Rows (/api/v2/flows/datatables/{datatableId}/rows): a row is one JSON object of the
// table's columns, whose "key" column is the row's id in the table. A row is checked
// against its table's schema as the API does: the key is required and unique in the table,
// every value has its column's type, and columns the schema does not have are refused.
// Reads answer only the key unless showbrief=false. Rows go with their table.
func (s *api) dataTableRoutes() {
	s.EntityKindRoutes(kinds.DataTable, host.KindHandlers{List: s.listDataTables, Get: s.getDataTable,
		Delete: s.deleteDataTable}, host.WriteRules{Check: checkDataTableSchema})
	s.KindRoutes(kinds.DataTableRow, host.KindHandlers{List: s.listDataTableRows, Create: s.writeDataTableRow,
		Get: s.getDataTableRow, Update: s.writeDataTableRow, Delete: s.deleteDataTableRow})
}

// KindDataTableRow holds one row's JSON; ID = kinds.ChildID(table id, key), Parent = the
// table's id, Name = the key.
const KindDataTableRow store.Kind = kinds.DataTableRow

// The path values of a row's routes (kinds.ParentID and the item's {id}).
const (
	rowTableParam = "parentId"
	rowKeyParam   = "id"
)

// writeViews answers a page of stored objects, each as view makes it.
func writeViews(w http.ResponseWriter, r *http.Request, pageSize int, objs []*store.Object,
	view func(o *store.Object) ([]byte, error)) error {
	p, err := apihttp.ParsePage(r, pageSize)
	if err != nil {
		return err
	}
	items := [][]byte{}
	for _, o := range objs {
		item, err := view(o)
		if err != nil {
			return err
		}
		items = append(items, item)
	}
	return apihttp.WritePage(w, r, p, items)
}

// writeView answers one stored object as view makes it.
func writeView(w http.ResponseWriter, o *store.Object, view func(o *store.Object) ([]byte, error)) error {
	out, err := view(o)
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, out)
}

func (s *api) listDataTables(w http.ResponseWriter, r *http.Request) error {
	k := kinds.Genesys().Named(kinds.DataTable)
	var named []*store.Object
	for _, o := range s.ListVisible(r, host.KindDataTable) {
		if apihttp.NameMatches(r.URL.Query().Get(k.API.NameFilter), o.Name, false) {
			named = append(named, o)
		}
	}
	return writeViews(w, r, k.API.PageSize(), named, dataTableView(expands(r, "schema")))
}

func (s *api) getDataTable(w http.ResponseWriter, r *http.Request) error {
	o, err := s.Lookup(r, host.KindDataTable, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeView(w, o, dataTableView(expands(r, "schema")))
}

// deleteDataTable deletes a table and its rows in one change.
func (s *api) deleteDataTable(w http.ResponseWriter, r *http.Request) error {
	return s.DeleteEntity(w, r, kinds.Genesys().Named(kinds.DataTable), func(tx *store.Tx, tableID string) {
		for _, o := range tx.List(KindDataTableRow, tableID) {
			tx.Delete(KindDataTableRow, o.ID)
		}
	})
}

// expands reports whether the request's expand parameter (comma-separated, or repeated)
// asks for what.
func expands(r *http.Request, what string) bool {
	for _, v := range apihttp.MultiParam(r, "expand") {
		if v == what {
			return true
		}
	}
	return false
}

// dataTableView is a stored table as a read answers it: without its schema unless asked.
func dataTableView(withSchema bool) func(o *store.Object) ([]byte, error) {
	return func(o *store.Object) ([]byte, error) {
		if withSchema {
			return o.Data, nil
		}
		var doc map[string]any
		if err := json.Unmarshal(o.Data, &doc); err != nil {
			return nil, fmt.Errorf("decode stored data table: %w", err)
		}
		delete(doc, "schema")
		return json.Marshal(doc)
	}
}

// rowView is a stored row as a read answers it: only its key when brief (the showbrief
// parameter is not "false").
func rowView(r *http.Request) func(o *store.Object) ([]byte, error) {
	brief := r.URL.Query().Get("showbrief") != "false"
	return func(o *store.Object) ([]byte, error) {
		if !brief {
			return o.Data, nil
		}
		return json.Marshal(map[string]any{kinds.DataTableKeyColumn: o.Name})
	}
}

func (s *api) listDataTableRows(w http.ResponseWriter, r *http.Request) error {
	table, err := s.Lookup(r, host.KindDataTable, r.PathValue(rowTableParam))
	if err != nil {
		return err
	}
	rows := s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, KindDataTableRow, table.ID)
	return writeViews(w, r, kinds.Genesys().Named(kinds.DataTableRow).API.PageSize(), rows, rowView(r))
}

func (s *api) getDataTableRow(w http.ResponseWriter, r *http.Request) error {
	table, err := s.Lookup(r, host.KindDataTable, r.PathValue(rowTableParam))
	if err != nil {
		return err
	}
	o := s.Store.Get(apihttp.PrincipalOf(r.Context()).OrgID, KindDataTableRow, kinds.ChildID(table.ID, r.PathValue(rowKeyParam)))
	if o == nil {
		return apihttp.NotFound()
	}
	return writeView(w, o, rowView(r))
}

// writeDataTableRow creates a row (POST on the table's rows) or replaces the row in the
// path (PUT).
func (s *api) writeDataTableRow(w http.ResponseWriter, r *http.Request) error {
	key := r.PathValue(rowKeyParam) // "" on a create
	table, err := s.Lookup(r, host.KindDataTable, r.PathValue(rowTableParam))
	if err != nil {
		return err
	}
	body, err := host.DecodeEntityBody(r)
	if err != nil {
		return err
	}
	if key != "" {
		// An update names its row in the path; a body key, when sent, must agree.
		if sent, present := body[kinds.DataTableKeyColumn]; present && sent != key {
			return apihttp.BadRequest("The field [%s] is [%v], but the row updated is [%s]; a row's key cannot change.", kinds.DataTableKeyColumn, sent, key)
		}
		body[kinds.DataTableKeyColumn] = key
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		current := tx.Get(host.KindDataTable, table.ID)
		if current == nil {
			return nil, apihttp.NotFound()
		}
		if err := checkRowAgainstSchema(current.Data, body); err != nil {
			return nil, err
		}
		rowKey := body[kinds.DataTableKeyColumn].(string)
		id := kinds.ChildID(table.ID, rowKey)
		old := tx.Get(KindDataTableRow, id)
		ev := audit.Event{Service: "Architect", EntityType: "DataTableRow", ID: id, Name: rowKey}
		switch {
		case key == "" && old != nil:
			return nil, apihttp.Conflict("The data table [%s] has a row with the key [%s] already.", table.Name, rowKey)
		case key != "" && old == nil:
			return nil, apihttp.NotFound()
		case key == "":
			ev.Action = "Create"
		default:
			ev.Action, ev.Old = "Update", old.Data
		}
		raw, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("encode data table row: %w", err)
		}
		tx.Put(&store.Object{Kind: KindDataTableRow, ID: id, Parent: table.ID, Name: rowKey, Data: raw})
		ev.New = raw
		audit.Record(tx, p, ev)
		return raw, nil
	})
}

func (s *api) deleteDataTableRow(w http.ResponseWriter, r *http.Request) error {
	table, err := s.Lookup(r, host.KindDataTable, r.PathValue(rowTableParam))
	if err != nil {
		return err
	}
	id := kinds.ChildID(table.ID, r.PathValue(rowKeyParam))
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o := tx.Get(KindDataTableRow, id)
		if o == nil {
			return apihttp.NotFound()
		}
		tx.Delete(KindDataTableRow, id)
		audit.Record(tx, p, audit.Event{Service: "Architect", EntityType: "DataTableRow", Action: "Delete", ID: id, Name: o.Name, Old: o.Data})
		return nil
	})
}
