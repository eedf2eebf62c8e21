package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// Bulk reads: refreshing N objects of one type costs ceil(N/500) list calls instead of N GETs.
//
// The rules, and why they keep reads correct:
//   - Lazy: the first Read of a type in a provider process is a plain GET; the second Read of a
//     different object of the same type lists the whole type (pageSize 500, every page) once.
//     A plan touching one object never pays for a listing; a plan touching many pays one
//     listing instead of many GETs. Concurrent Reads wait for that one listing (singleflight).
//   - Writes win: Create, Update and Delete through entityAPI mark the id; a snapshot whose
//     listing started before the mark never answers for that id again (the next Read GETs).
//   - Absence proves nothing: an object missing from the snapshot (or soft-deleted in it) is
//     read with GET, so "gone" is only ever reported from a GET.
//   - Short life: a snapshot serves for bulkReadTTL after its listing started, then the next
//     Read lists again; a failed listing makes Reads fall back to GET until it expires.
//   - Opt out with CX_PROVIDER_BULK_READ=0 (every Read is a GET, as before).
//   - Handed listings: CX_PROVIDER_LISTINGS names a file of listings cx has just read
//     (platform.Listings). They answer from the first Read and do not expire, because cx
//     sets it only for the one plan that imports the objects it has just listed (an export's
//     configuration generation), never for a plan, apply or refresh of a project. The rules
//     above still hold: writes win and absence is confirmed by GET. A provider cx hosts in
//     process is handed the listings themselves (WithListings) while they are still being
//     read: a collection's listing is taken at its first Read after it is there.
//
// Only types whose list entries are exactly what GET by id returns, and whose every write in
// this provider marks the cache (entityAPI does it; writes that bypass it call noteWrite), are
// cached (see bulkReadable). A type read with a query (users with expand=skills,languages) is
// listed with the same query, and a listed entry missing an expanded field is read by GET: a
// real org resolves a listing's expansions on a best-effort basis. The cache lives on the
// provider's client (one per configured provider instance), never in package state.

const (
	// envBulkRead turns bulk reads off when set to 0 or false.
	envBulkRead = "CX_PROVIDER_BULK_READ"
	// envListings names a file of listings handed to the provider (see above).
	envListings = "CX_PROVIDER_LISTINGS"
	// bulkReadPageSize is the page size of a listing the catalogue does not know.
	bulkReadPageSize = 500
	// bulkReadTTL bounds how old a snapshot may be when it answers a Read: one plan's refresh
	// fits in it, and drift made by others during a long session is still seen soon.
	bulkReadTTL = 60 * time.Second
)

// bulkReadable reports whether the collection at path may be served from a listing snapshot:
// the catalogue says so (kinds.Kind.BulkRead) for kinds listed by page number.
func bulkReadable(path string) bool {
	k := kinds.Genesys().ByCollection(path)
	return k != nil && k.BulkRead && k.API.Paging == kinds.PageNumber
}

// bulkReadsKey is the key under which a provider's bulkReads is attached to its client.
type bulkReadsKey struct{}

// bulkReads is one provider instance's read cache, one entry per collection path.
type bulkReads struct {
	ttl time.Duration
	now func() time.Time

	// handed are listings handed over in memory (WithListings), taken when first read.
	handed *platform.Listings

	mu    sync.Mutex
	seq   uint64                // orders listing starts and writes
	types map[string]*typeReads // by read key: collection path and read query
	// written is, per collection path, id → seq of the provider's last write to it. It is
	// kept by path, not read key: a write makes every listing of the collection stale.
	written map[string]map[string]uint64
}

// typeReads is the cache state of one collection read with one query.
type typeReads struct {
	firstID string    // the first id read; a Read of another id turns bulk reads on
	enabled bool      // a second distinct id was read: Reads go through snapshots
	snap    *snapshot // the current (maybe still loading) snapshot; nil before the first
}

// snapshot is one listing of a whole collection. done is closed when objects or err are set.
type snapshot struct {
	done    chan struct{}
	seq     uint64 // bulkReads.seq when the listing started
	started time.Time
	objects map[string]json.RawMessage
	err     error
	// handed: read from listings cx handed over, which serve for the provider's life.
	handed bool
}

// newBulkReads returns the cache for one provider instance, or nil when getenv turns bulk
// reads off.
func newBulkReads(getenv func(string) (string, bool)) *bulkReads {
	if envOff(getenv, envBulkRead) {
		return nil
	}
	return &bulkReads{ttl: bulkReadTTL, now: time.Now, types: map[string]*typeReads{}, written: map[string]map[string]uint64{}}
}

// attachBulkReads creates the provider's cache (unless turned off) and hangs it on client, the
// handle every resource of this provider instance shares.
func attachBulkReads(client *platform.Client, getenv func(string) (string, bool)) *bulkReads {
	b := newBulkReads(getenv)
	if b != nil {
		client.Attach(bulkReadsKey{}, b)
	}
	return b
}

// bulkReadsOf returns the cache attached to client, or nil (bulk reads off, or a client that
// no provider configured, e.g. in tests).
func bulkReadsOf(client *platform.Client) *bulkReads {
	if client == nil {
		return nil
	}
	b, _ := client.Attached(bulkReadsKey{}).(*bulkReads)
	return b
}

// takeHandedListings loads the listings that envListings names, if any, as snapshots that
// answer from the first Read. A file that cannot be read is an error the caller reports; the
// cache then works as without it.
func (b *bulkReads) takeHandedListings(getenv func(string) (string, bool)) error {
	name, ok := getenv(envListings)
	if b == nil || !ok || name == "" {
		return nil
	}
	l, err := platform.ReadListingsFile(name)
	if err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	l.Each(func(key string, entries []json.RawMessage) {
		path, rawQuery, _ := strings.Cut(key, "?")
		query, err := url.ParseQuery(rawQuery)
		if err != nil {
			return // not a key ListingKey makes: nothing reads it
		}
		b.takeHanded(key, path, query, entries)
	})
	return nil
}

// takeHanded makes a handed listing the snapshot that answers reads of key; b.mu is held.
func (b *bulkReads) takeHanded(key, path string, query url.Values, entries []json.RawMessage) {
	// Numbered like a listing started now: a later write by this provider wins over it.
	b.seq++
	s := &snapshot{done: make(chan struct{}), seq: b.seq, started: b.now(), objects: indexByID(path, entries, query), handed: true}
	close(s.done)
	t := b.typeFor(key)
	t.enabled, t.snap = true, s
}

func (b *bulkReads) typeFor(key string) *typeReads {
	t := b.types[key]
	if t == nil {
		t = &typeReads{}
		b.types[key] = t
	}
	return t
}

// invalidate records a write by the provider to id: snapshots of path listed before now stop
// answering for it.
func (b *bulkReads) invalidate(path, id string) {
	if b == nil || id == "" {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.seq++
	if b.written[path] == nil {
		b.written[path] = map[string]uint64{}
	}
	b.written[path][id] = b.seq
}

// noteWrite marks id as written by the provider in the collection at path, for writes that
// do not go through entityAPI (a user's routing skills, a group's members, a division move):
// the next Read of id GETs it instead of answering from an older listing.
func noteWrite(c *platform.Client, path, id string) {
	bulkReadsOf(c).invalidate(path, id)
}

// lookup returns id's JSON from a snapshot of path read with query, listing the collection
// with list when needed; ok is false when the caller must GET (bulk reads not on yet for the
// type, the id was written since the listing, it is not in the listing, or the listing failed).
func (b *bulkReads) lookup(ctx context.Context, path string, query url.Values, id string, list func(context.Context) (map[string]json.RawMessage, error)) (json.RawMessage, bool) {
	if b == nil || id == "" {
		return nil, false
	}
	b.mu.Lock()
	key := platform.ListingKey(path, query)
	t := b.typeFor(key)
	if t.snap == nil && b.handed != nil {
		if entries, ok := b.handed.Get(key); ok {
			b.takeHanded(key, path, query, entries)
		}
	}
	if !t.enabled {
		if t.firstID == "" || t.firstID == id {
			t.firstID = id
			b.mu.Unlock()
			return nil, false
		}
		t.enabled = true
	}
	s := t.snap
	if s == nil || !s.handed && b.now().Sub(s.started) >= b.ttl {
		b.seq++
		s = &snapshot{done: make(chan struct{}), seq: b.seq, started: b.now()}
		t.snap = s
		b.mu.Unlock()
		// The listing outlives the Read that started it (other Reads wait for it), but not
		// the provider call as a whole; it is no part of that Read's own answers either.
		s.objects, s.err = list(platform.WithoutReadRecorder(context.WithoutCancel(ctx)))
		close(s.done)
	} else {
		b.mu.Unlock()
	}
	select {
	case <-s.done:
	case <-ctx.Done():
		return nil, false
	}
	if s.err != nil {
		return nil, false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.written[path][id] >= s.seq {
		return nil, false
	}
	raw, ok := s.objects[id]
	return raw, ok
}

// listByID reads every page of the collection at path with query (the query GET by id is
// sent with), in the largest pages the catalogue says it takes, as raw JSON keyed by id. An
// entry that lacks a field the query expands is left out, so that its Read GETs it.
func listByID(ctx context.Context, c *platform.Client, path string, query url.Values) (map[string]json.RawMessage, error) {
	pageSize := bulkReadPageSize
	if k := kinds.Genesys().ByCollection(path); k != nil {
		pageSize = k.API.PageSize()
	}
	all, err := platform.ListAll[json.RawMessage](ctx, c, path, query, pageSize)
	if err != nil {
		return nil, fmt.Errorf("list %s for bulk reads: %w", path, err)
	}
	return indexByID(path, all, query), nil
}

// indexByID keys the entries of a listing of the collection at path by their own id (the
// catalogue's IDKey: a data table row's key). An entry that lacks a field the query expands
// is left out, so that its Read GETs it.
func indexByID(path string, all []json.RawMessage, query url.Values) map[string]json.RawMessage {
	idKey := "id"
	if k := kinds.Genesys().ByCollection(path); k != nil && k.IDKey != "" {
		idKey = k.IDKey
	}
	expanded := expandedFields(query)
	out := make(map[string]json.RawMessage, len(all))
	for _, raw := range all {
		var fields map[string]json.RawMessage
		var id string
		if json.Unmarshal(raw, &fields) == nil && json.Unmarshal(fields[idKey], &id) == nil && id != "" && hasFields(raw, expanded) {
			out[id] = raw
		}
	}
	return out
}

// expandedFields are the fields query's expand parameter asks for (one name per field:
// expand=skills,languages adds "skills" and "languages").
func expandedFields(query url.Values) []string {
	var fields []string
	for _, v := range query["expand"] {
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f != "" {
				fields = append(fields, f)
			}
		}
	}
	return fields
}

// hasFields reports whether the JSON object raw has every one of fields (null counts as
// absent: the expansion was not resolved).
func hasFields(raw json.RawMessage, fields []string) bool {
	if len(fields) == 0 {
		return true
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return false
	}
	for _, f := range fields {
		if v, ok := obj[f]; !ok || string(v) == "null" {
			return false
		}
	}
	return true
}
