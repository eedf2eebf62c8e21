package provider

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// TestBulkReadHandedListings: listings cx hands over (CX_PROVIDER_LISTINGS) answer reads from
// the first one, with no request and past the TTL; a write by the provider still wins, and an
// object they do not hold is read by GET.
func TestBulkReadHandedListings(t *testing.T) {
	o, log := newCountingOrg(t)
	ids := createWrapupCodes(t, o, "Code", 3)
	ctx := context.Background()
	raw, err := platform.ListAll[json.RawMessage](ctx, o.api, wrapupcodesAPIPath, nil, 500)
	if err != nil {
		t.Fatal(err)
	}
	handed := platform.NewListings()
	handed.Add(wrapupcodesAPIPath, nil, raw)
	file := filepath.Join(t.TempDir(), "listings.json")
	if err := handed.WriteFile(file); err != nil {
		t.Fatal(err)
	}
	getenv := func(name string) (string, bool) { return file, name == envListings }
	client, reads := providerClient(t, o, getenv)
	if err := reads.takeHandedListings(getenv); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	reads.now = func() time.Time { return now.Add(2 * bulkReadTTL) }
	api := wrapupcodeAPI(client)

	log.start("handed")
	for _, id := range ids {
		if w, err := api.get(ctx, id); err != nil || w == nil || deref(w.Description) != "seed" {
			t.Fatalf("get %s: %+v, %v", id, w, err)
		}
	}
	if got := log.total("handed"); got != 0 {
		t.Errorf("reads answered by handed listings made %d requests, want none: %v", got, log.phases["handed"])
	}

	if _, err := api.update(ctx, http.MethodPut, ids[1], platform.WrapupCodeRequest{Name: ptr("Mine"), Description: ptr("mine")}); err != nil {
		t.Fatal(err)
	}
	fresh := createWrapupCodes(t, o, "Late code", 1)[0]
	log.start("after")
	if w, err := api.get(ctx, ids[1]); err != nil || w == nil || deref(w.Description) != "mine" {
		t.Fatalf("own update read back as %+v, %v; want the provider's update", w, err)
	}
	if w, err := api.get(ctx, fresh); err != nil || w == nil {
		t.Fatalf("code the listings do not hold: %+v, %v", w, err)
	}
	if got := log.count("after", http.MethodGet, ""); got != 2 {
		t.Errorf("GETs after the write = %d, want 2 (the written code and the one not handed): %v", got, log.phases["after"])
	}
	if got := log.count("after", http.MethodGet, wrapupcodesAPIPath); got != 0 {
		t.Errorf("listings after the write = %d, want 0", got)
	}
}

// TestBulkReadHandedListingsUnreadable: a file that cannot be read is an error to report, and
// reads go to the org as without it.
func TestBulkReadHandedListingsUnreadable(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.json")
	b := newBulkReads(noEnv)
	if err := b.takeHandedListings(func(name string) (string, bool) { return missing, name == envListings }); err == nil {
		t.Fatal("a missing listings file was taken without an error")
	}
	if len(b.types) != 0 {
		t.Errorf("a failed hand-over left %d snapshots", len(b.types))
	}
}

// TestBulkReadDataTableRows: a table's rows are bulk-read from the table's listing, keyed by
// their key column, and a row the provider creates is marked by that key, so a listing made
// before the create never answers for it.
func TestBulkReadDataTableRows(t *testing.T) {
	o, log := newCountingOrg(t)
	table := kinds.Genesys().Named(kinds.DataTable)
	var made map[string]any
	o.do(http.MethodPost, table.API.Collection, table.APIRequest(map[string]any{"name": "Postcodes", "properties": table.Shape.Always["properties"]}), &made)
	tableID := made["id"].(string)
	keys := []string{"10001", "46278", "60601"}
	for _, key := range keys {
		o.do(http.MethodPost, kinds.Genesys().Named(kinds.DataTableRow).API.CollectionOf(tableID), map[string]any{"key": key}, nil)
	}
	client, _ := providerClient(t, o, noEnv)
	api := dataTableRowAPI(client, tableID)
	ctx := context.Background()

	log.start("reads")
	for _, key := range keys {
		if row, err := api.get(ctx, key); err != nil || row == nil || rowKey(row) != key {
			t.Fatalf("get row %s: %v, %v", key, row, err)
		}
	}
	// The first read is a GET, the second lists the table's rows, the third costs nothing.
	if got := log.count("reads", http.MethodGet, ""); got != 2 {
		t.Errorf("reading %d rows made %d GETs, want 2: %v", len(keys), got, log.phases["reads"])
	}

	if _, err := api.update(ctx, http.MethodPut, keys[2], map[string]any{"key": keys[2]}); err != nil {
		t.Fatal(err)
	}
	log.start("after write")
	if _, err := api.get(ctx, keys[2]); err != nil {
		t.Fatal(err)
	}
	if got := log.count("after write", http.MethodGet, api.path+"/"+keys[2]); got != 1 {
		t.Errorf("the written row was read with %d GETs, want 1 (not from the listing)", got)
	}
	if got := api.idOf(&dataTableRow{"key": json.RawMessage(`"46278"`)}); got != "46278" {
		t.Errorf("a row's id for the cache = %q, want its key", got)
	}
}

// TestBulkReadListingsHandedInMemory: listings handed in memory (WithListings) are taken
// when a read first needs them, so a listing recorded after the provider was configured
// still answers reads with no request; until it is there, reads go to the org.
func TestBulkReadListingsHandedInMemory(t *testing.T) {
	o, log := newCountingOrg(t)
	ids := createWrapupCodes(t, o, "Code", 3)
	ctx := context.Background()
	client, reads := providerClient(t, o, noEnv)
	handed := platform.NewListings()
	reads.handed = handed
	api := wrapupcodeAPI(client)

	log.start("before")
	if w, err := api.get(ctx, ids[0]); err != nil || w == nil {
		t.Fatalf("get %s before the listing is handed: %+v, %v", ids[0], w, err)
	}
	if got := log.count("before", http.MethodGet, ""); got != 1 {
		t.Errorf("GETs before the listing is there = %d, want 1: %v", got, log.phases["before"])
	}

	raw, err := platform.ListAll[json.RawMessage](ctx, o.api, wrapupcodesAPIPath, nil, 500)
	if err != nil {
		t.Fatal(err)
	}
	handed.Add(wrapupcodesAPIPath, nil, raw)
	log.start("handed")
	for _, id := range ids[1:] {
		if w, err := api.get(ctx, id); err != nil || w == nil || deref(w.Description) != "seed" {
			t.Fatalf("get %s: %+v, %v", id, w, err)
		}
	}
	if got := log.total("handed"); got != 0 {
		t.Errorf("reads answered by the listing handed in memory made %d requests, want none: %v", got, log.phases["handed"])
	}
}
