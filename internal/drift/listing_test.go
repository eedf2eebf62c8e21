package drift

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/go-cmp/cmp"
)

// An inventory lists each collection once, also one it needs as a kind of its own and as the
// parent of another (data tables and their rows), and records the bulk-readable listings as
// the provider reads them: sent with the kind's read query (a data table's schema), so the
// entries are what GET by id answers.
func TestInventoryListsOnceAndRecords(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	ctx := context.Background()
	table := kinds.Genesys().Named(kinds.DataTable)
	rows := kinds.Genesys().Named(kinds.DataTableRow)
	tableID := makeDataTable(t, o, "46278")

	record := platform.NewListings()
	before := o.deploy.RequestCount()
	listed, errs := Inventory(ctx, InventoryOptions{Client: o.deploy, Types: []string{table.Resource, rows.Resource}, Record: record})
	if len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
	if len(listed) != 2 {
		t.Fatalf("listed %+v, want the table and its row", listed)
	}
	// One listing of the tables (for the kind and as the rows' parent), one of the rows.
	if got := o.deploy.RequestCount() - before; got != 2 {
		t.Errorf("the inventory made %d requests, want 2", got)
	}
	read, _ := url.ParseQuery(table.API.ReadQuery)
	var tables []json.RawMessage
	record.Each(func(key string, entries []json.RawMessage) {
		if key == platform.ListingKey(table.API.Collection, read) {
			tables = entries
		}
	})
	if len(tables) != 1 {
		t.Fatalf("recorded %d listings, none of %s with %s holding the table", record.Len(), table.API.Collection, table.API.ReadQuery)
	}
	var got map[string]any
	if err := json.Unmarshal(tables[0], &got); err != nil {
		t.Fatal(err)
	}
	var byID map[string]any
	if err := o.deploy.Do(ctx, http.MethodGet, table.API.Item(tableID), read, nil, &byID); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(byID, got); diff != "" {
		t.Errorf("the recorded entry is not what GET by id answers (-GET +recorded):\n%s", diff)
	}
}
