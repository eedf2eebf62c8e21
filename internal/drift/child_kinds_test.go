package drift

import (
	"context"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// A child kind's objects (a data table's rows) are listed parent by parent and found under
// the id the provider keeps in state (table id / key), so a managed row is recognised by
// it and a hand-made one is reported, attributed to whoever made it.
func TestChildKindUnmanaged(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	ctx := context.Background()
	rows := kinds.Genesys().Named(kinds.DataTableRow)
	tableID := makeDataTable(t, o, "46278", "10001")
	managed := kinds.ChildID(tableID, "10001")
	found, errs := FindUnmanaged(ctx, UnmanagedOptions{Client: o.deploy, Types: []string{rows.Resource},
		ManagedIDs: map[string]bool{managed: true}})
	if len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
	want := kinds.ChildID(tableID, "46278")
	if len(found) != 1 || found[0].ID != want || found[0].Name != "46278" || found[0].Type != rows.Resource {
		t.Fatalf("findings = %+v, want the one unmanaged row %s", found, want)
	}
	o.wantMadeByConsole(t, found, "the hand-made row")
}

// makeDataTable makes a data table "Postcodes" with a row per key, through the console, and
// returns the table's id.
func makeDataTable(t *testing.T, o *testOrg, keys ...string) string {
	t.Helper()
	ctx := context.Background()
	table := kinds.Genesys().Named(kinds.DataTable)
	rows := kinds.Genesys().Named(kinds.DataTableRow)
	var made map[string]any
	body := table.APIRequest(map[string]any{"name": "Postcodes", "properties": table.Shape.Always["properties"]})
	if err := o.console.Do(ctx, http.MethodPost, table.API.Collection, nil, body, &made); err != nil {
		t.Fatalf("create data table: %v", err)
	}
	tableID := made["id"].(string)
	for _, key := range keys {
		if err := o.console.Do(ctx, http.MethodPost, rows.API.CollectionOf(tableID), nil, map[string]any{"key": key}, nil); err != nil {
			t.Fatalf("create row %s: %v", key, err)
		}
	}
	return tableID
}
