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
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Data tables (/api/v2/flows/datatables): lookup tables flows read by key. They are
// written through the generic entity's rules (names, division, versions, audit); what is
// their own is the schema. A table's columns are the properties of a JSON schema, of which
// "key" (a string) is every row's key; the API answers the schema only with expand=schema,
// on reads of one table and on listings alike. Deleting a table deletes its rows.
func (s *Server) dataTableRoutes() {
	k := kinds.Genesys().Named(kinds.DataTable)
	h := entityHandler{s: s, kind: k, check: checkDataTableSchema}
	coll := k.API.Collection
	s.route("GET "+coll, k.PermissionFor("GET"), s.listDataTables)
	s.route("POST "+coll, k.PermissionFor("POST"), h.create)
	s.route("GET "+coll+"/{id}", k.PermissionFor("GET"), s.getDataTable)
	s.route("PUT "+coll+"/{id}", k.PermissionFor("PUT"), h.update)
	s.route("DELETE "+coll+"/{id}", k.PermissionFor("DELETE"), s.deleteDataTable)
	s.dataTableRowRoutes() // architect_datatable_rows.go
}

// kindDataTable holds DataTable JSON, schema included.
const kindDataTable = host.KindDataTable

// dataTableColumnTypes are the JSON types a data table column may have.
func dataTableColumnTypes() []string { return []string{"boolean", "string", "integer", "number"} }

func (s *Server) listDataTables(w http.ResponseWriter, r *http.Request) error {
	k := kinds.Genesys().Named(kinds.DataTable)
	p, err := apihttp.ParsePage(r, k.API.PageSize())
	if err != nil {
		return err
	}
	items := [][]byte{}
	withSchema := expands(r, "schema")
	for _, o := range s.host.ListVisible(r, kindDataTable) {
		if !apihttp.NameMatches(r.URL.Query().Get(k.API.NameFilter), o.Name, false) {
			continue
		}
		item, err := dataTableView(o.Data, withSchema)
		if err != nil {
			return err
		}
		items = append(items, item)
	}
	apihttp.WriteJSON(w, http.StatusOK, apihttp.NewListing(r, p, items))
	return nil
}

func (s *Server) getDataTable(w http.ResponseWriter, r *http.Request) error {
	o, err := s.host.Lookup(r, kindDataTable, r.PathValue("id"))
	if err != nil {
		return err
	}
	out, err := dataTableView(o.Data, expands(r, "schema"))
	if err != nil {
		return err
	}
	apihttp.WriteRaw(w, http.StatusOK, out)
	return nil
}

// deleteDataTable deletes a table and its rows in one change.
func (s *Server) deleteDataTable(w http.ResponseWriter, r *http.Request) error {
	k := kinds.Genesys().Named(kinds.DataTable)
	err := s.store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
		ev, err := s.entities.Delete(tx, k, r.PathValue("id"))
		if err != nil {
			return err
		}
		deleteTableRows(tx, ev.ID)
		host.Record(tx, r, ev)
		return nil
	})
	if err != nil {
		return err
	}
	return host.NoContent(w)
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
func dataTableView(stored []byte, withSchema bool) ([]byte, error) {
	if withSchema {
		return stored, nil
	}
	var doc map[string]any
	if err := json.Unmarshal(stored, &doc); err != nil {
		return nil, fmt.Errorf("decode stored data table: %w", err)
	}
	delete(doc, "schema")
	return json.Marshal(doc)
}

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
