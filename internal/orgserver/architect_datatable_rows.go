package orgserver

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Data table rows (/api/v2/flows/datatables/{datatableId}/rows): a row is one JSON object of
// the table's columns, whose "key" column is the row's id in the table. A row is checked
// against its table's schema as the API does: the key is required and unique in the table,
// every value has its column's type, and columns the schema does not have are refused.
// Reads answer only the key unless showbrief=false. Rows go with their table.
func (s *Server) dataTableRowRoutes() {
	k := kinds.Genesys().Named(kinds.DataTableRow)
	rows := "/api/v2/flows/datatables/{datatableId}/rows"
	s.route("GET "+rows, k.PermissionFor("GET"), s.listDataTableRows)
	s.route("POST "+rows, k.PermissionFor("POST"), s.createDataTableRow)
	s.route("GET "+rows+"/{rowId}", k.PermissionFor("GET"), s.getDataTableRow)
	s.route("PUT "+rows+"/{rowId}", k.PermissionFor("PUT"), s.updateDataTableRow)
	s.route("DELETE "+rows+"/{rowId}", k.PermissionFor("DELETE"), s.deleteDataTableRow)
}

// kindDataTableRow holds one row's JSON; ID = kinds.ChildID(table id, key), Parent = the
// table's id, Name = the key.
const kindDataTableRow store.Kind = kinds.DataTableRow

func (s *Server) listDataTableRows(w http.ResponseWriter, r *http.Request) error {
	table, err := s.host.Lookup(r, kindDataTable, r.PathValue("datatableId"))
	if err != nil {
		return err
	}
	p, err := apihttp.ParsePage(r, kinds.Genesys().Named(kinds.DataTableRow).API.PageSize())
	if err != nil {
		return err
	}
	brief := showBrief(r)
	items := [][]byte{}
	for _, o := range s.store.List(apihttp.PrincipalOf(r.Context()).OrgID, kindDataTableRow, table.ID) {
		item, err := rowView(o, brief)
		if err != nil {
			return err
		}
		items = append(items, item)
	}
	apihttp.WriteJSON(w, http.StatusOK, apihttp.NewListing(r, p, items))
	return nil
}

func (s *Server) getDataTableRow(w http.ResponseWriter, r *http.Request) error {
	table, err := s.host.Lookup(r, kindDataTable, r.PathValue("datatableId"))
	if err != nil {
		return err
	}
	o := s.store.Get(apihttp.PrincipalOf(r.Context()).OrgID, kindDataTableRow, kinds.ChildID(table.ID, r.PathValue("rowId")))
	if o == nil {
		return apihttp.NotFound()
	}
	out, err := rowView(o, showBrief(r))
	if err != nil {
		return err
	}
	apihttp.WriteRaw(w, http.StatusOK, out)
	return nil
}

func (s *Server) createDataTableRow(w http.ResponseWriter, r *http.Request) error {
	return s.writeDataTableRow(w, r, "")
}

func (s *Server) updateDataTableRow(w http.ResponseWriter, r *http.Request) error {
	return s.writeDataTableRow(w, r, r.PathValue("rowId"))
}

// writeDataTableRow creates a row (key "") or replaces the row with key.
func (s *Server) writeDataTableRow(w http.ResponseWriter, r *http.Request, key string) error {
	table, err := s.host.Lookup(r, kindDataTable, r.PathValue("datatableId"))
	if err != nil {
		return err
	}
	body, err := decodeEntityBody(r)
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
	p := apihttp.PrincipalOf(r.Context())
	var out []byte
	err = s.store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		current := tx.Get(kindDataTable, table.ID)
		if current == nil {
			return apihttp.NotFound()
		}
		if err := checkRowAgainstSchema(current.Data, body); err != nil {
			return err
		}
		rowKey := body[kinds.DataTableKeyColumn].(string)
		id := kinds.ChildID(table.ID, rowKey)
		old := tx.Get(kindDataTableRow, id)
		ev := audit.Event{Service: "Architect", EntityType: "DataTableRow", ID: id, Name: rowKey}
		switch {
		case key == "" && old != nil:
			return apihttp.Conflict("The data table [%s] has a row with the key [%s] already.", table.Name, rowKey)
		case key != "" && old == nil:
			return apihttp.NotFound()
		case key == "":
			ev.Action = "Create"
		default:
			ev.Action, ev.Old = "Update", old.Data
		}
		raw, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("encode data table row: %w", err)
		}
		tx.Put(&store.Object{Kind: kindDataTableRow, ID: id, Parent: table.ID, Name: rowKey, Data: raw})
		ev.New, out = raw, raw
		host.Record(tx, r, ev)
		return nil
	})
	if err != nil {
		return err
	}
	apihttp.WriteRaw(w, http.StatusOK, out)
	return nil
}

func (s *Server) deleteDataTableRow(w http.ResponseWriter, r *http.Request) error {
	table, err := s.host.Lookup(r, kindDataTable, r.PathValue("datatableId"))
	if err != nil {
		return err
	}
	id := kinds.ChildID(table.ID, r.PathValue("rowId"))
	err = s.store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
		o := tx.Get(kindDataTableRow, id)
		if o == nil {
			return apihttp.NotFound()
		}
		tx.Delete(kindDataTableRow, id)
		host.Record(tx, r, audit.Event{Service: "Architect", EntityType: "DataTableRow", Action: "Delete", ID: id, Name: o.Name, Old: o.Data})
		return nil
	})
	if err != nil {
		return err
	}
	return host.NoContent(w)
}

// deleteTableRows deletes a table's rows with the table.
func deleteTableRows(tx *store.Tx, tableID string) {
	for _, o := range tx.List(kindDataTableRow, tableID) {
		tx.Delete(kindDataTableRow, o.ID)
	}
}

// showBrief reads the showbrief parameter: true (only the key) unless "false".
func showBrief(r *http.Request) bool { return r.URL.Query().Get("showbrief") != "false" }

// rowView is a stored row as a read answers it: only its key when brief.
func rowView(o *store.Object, brief bool) ([]byte, error) {
	if !brief {
		return o.Data, nil
	}
	return json.Marshal(map[string]any{kinds.DataTableKeyColumn: o.Name})
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
