package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// entityAPI is the thin API seam for one object type (platform models in, platform models
// out; no Terraform type crosses it). Resources and data sources map their models to T.
type entityAPI[T any] struct {
	client *platform.Client
	// path is the collection, e.g. "/api/v2/routing/skills"; objects live at path + "/" + id.
	path string
	// name reads an object's name (for lookups by name).
	name func(*T) string
	// readQuery is sent with every read of one object and with the bulk listing that may
	// answer it instead (users: expand=skills,languages); may be nil.
	readQuery url.Values
	// softDeleted reports a deleted object that GET still returns (state "deleted"); may be nil.
	softDeleted func(*T) bool
	// deleteTimeout bounds the wait for a delete to be visible.
	deleteTimeout time.Duration
	// deleteQuery is sent with DELETE (e.g. forceDelete=true for queues); may be nil.
	deleteQuery url.Values
	// retryDelete reports a DELETE failure that goes away by itself (e.g. a division that still
	// thinks objects are attached); may be nil.
	retryDelete func(error) bool
	// query is the type's list-by-query endpoint when it has no GET listing (workbins); lookups
	// by name post a name filter there ("" lists by GET on path).
	query string
	// item is the path an object is read and updated at when it is not path + "/" + id (a
	// Drafts kind's draft); nil for that.
	item func(id string) string
	// removeAt is where DELETE goes when not path + "/" + id (an object kept under another
	// object's path, such as a flow's log level); nil for that. A draft is deleted with its
	// object, at path + "/" + id.
	removeAt func(id string) string
	// search is the type's search endpoint when it has no GET listing (response assets);
	// lookups by name post a name criterion there ("" none).
	search string
	// listQuery is sent with every listing by name: a listing's required scope (responses by
	// libraryId) and a data source's further lookup attributes (kinds.Kind.LookupBy); may be nil.
	listQuery url.Values
}

// get returns the object, or nil when it does not exist (404 or soft-deleted). When the
// provider reads many objects of the type, it is answered from a listing (see bulk_cache.go);
// "does not exist" always comes from a GET.
func (a entityAPI[T]) get(ctx context.Context, id string) (*T, error) {
	if raw, ok := a.bulk().lookup(ctx, a.path, a.readQuery, id, func(ctx context.Context) (map[string]json.RawMessage, error) {
		return listByID(ctx, a.client, a.path, a.readQuery)
	}); ok {
		platform.NoteRead(ctx, a.path, id, a.itemPath(id), a.readQuery, raw)
		var out T
		if err := json.Unmarshal(raw, &out); err == nil && (a.softDeleted == nil || !a.softDeleted(&out)) {
			return &out, nil
		}
	}
	return a.getByID(ctx, id)
}

// getWithIDs returns the object and the ids of a list the API keeps beside it, which ids
// reads by a call of its own (a group's members, a skill group's member divisions); nil when
// the object does not exist.
func (a entityAPI[T]) getWithIDs(ctx context.Context, id string, ids func(context.Context, *platform.Client, string) ([]string, error)) (*T, []string, error) {
	obj, err := a.get(ctx, id)
	if err != nil || obj == nil {
		return nil, nil, err
	}
	list, err := ids(ctx, a.client, id)
	if err != nil {
		return nil, nil, err
	}
	return obj, list, nil
}

// bulk is the provider's read cache when this type may use it, else nil (which never caches).
func (a entityAPI[T]) bulk() *bulkReads {
	if !bulkReadable(a.path) {
		return nil
	}
	return bulkReadsOf(a.client)
}

// getByID is get with one GET, whatever the cache holds.
func (a entityAPI[T]) getByID(ctx context.Context, id string) (*T, error) {
	var out T
	if err := a.client.Do(ctx, http.MethodGet, a.itemPath(id), a.readQuery, nil, &out); err != nil {
		if platform.IsNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	if a.softDeleted != nil && a.softDeleted(&out) {
		return nil, nil
	}
	return &out, nil
}

// itemPath is where the object with id is read and updated.
func (a entityAPI[T]) itemPath(id string) string {
	if a.item != nil {
		return a.item(url.PathEscape(id))
	}
	return a.path + "/" + url.PathEscape(id)
}

// create POSTs body; a create whose response was lost is found by name, never repeated.
func (a entityAPI[T]) create(ctx context.Context, name string, body any) (*T, error) {
	return a.createFoundBy(ctx, body, func(ctx context.Context) (*T, error) { return a.findByName(ctx, name) })
}

// createFoundBy POSTs body; a create whose response was lost is looked up with findLost
// (nil, nil: not there, so the POST is sent again) instead of being repeated blindly. Kinds
// whose name filter or uniqueness rule is irregular bring their own lookup.
func (a entityAPI[T]) createFoundBy(ctx context.Context, body any, findLost func(context.Context) (*T, error)) (*T, error) {
	var out T
	err := a.client.CreateUnique(ctx, a.path, body, &out, func(ctx context.Context) (bool, error) {
		found, err := findLost(ctx)
		if err != nil || found == nil {
			return false, err
		}
		out = *found
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	a.bulk().invalidate(a.path, a.idOf(&out))
	return &out, nil
}

// idOf reads an object's own id from its JSON: "id", or the field the catalogue names.
func (a entityAPI[T]) idOf(obj *T) string {
	b, err := json.Marshal(obj)
	if err != nil {
		return ""
	}
	// A kind whose objects hold their own id elsewhere (a data table row's key) says so in
	// the catalogue: a create must mark that id for the bulk-read cache.
	idKey := "id"
	if k := kinds.Genesys().ByCollection(a.path); k != nil && k.IDKey != "" {
		idKey = k.IDKey
	}
	var fields map[string]json.RawMessage
	var id string
	if json.Unmarshal(b, &fields) == nil {
		_ = json.Unmarshal(fields[idKey], &id)
	}
	return id
}

// update sends body to the object with method (PUT or PATCH) and returns the result.
func (a entityAPI[T]) update(ctx context.Context, method, id string, body any) (*T, error) {
	var out T
	// Marked even on failure: the write may have happened.
	defer a.bulk().invalidate(a.path, id)
	if err := a.client.Do(ctx, method, a.itemPath(id), nil, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// delete deletes the object and waits until GET no longer returns it, so that a destroy
// that reports success really is done. An object that is gone already is not an error.
func (a entityAPI[T]) delete(ctx context.Context, id string) error {
	err := poll(ctx, a.deleteTimeout, func(ctx context.Context) (bool, error) {
		at := a.path + "/" + url.PathEscape(id)
		if a.removeAt != nil {
			at = a.removeAt(url.PathEscape(id))
		}
		err := a.client.Do(ctx, http.MethodDelete, at, a.deleteQuery, nil, nil)
		switch {
		case err == nil, platform.IsNotFound(err):
			return true, nil
		case a.retryDelete != nil && a.retryDelete(err):
			return false, err
		default:
			return false, permanent(err)
		}
	})
	// Marked even on failure: the delete may have happened.
	a.bulk().invalidate(a.path, id)
	if err != nil {
		return err
	}
	return poll(ctx, a.deleteTimeout, func(ctx context.Context) (bool, error) {
		obj, err := a.getByID(ctx, id)
		if err != nil {
			return false, permanent(err)
		}
		if obj != nil {
			return false, fmt.Errorf("%s/%s is still returned after its deletion", a.path, id)
		}
		return true, nil
	})
}

// findByName returns the (not deleted) object whose name is exactly name, or nil. The
// server's name filter narrows the list; the exact comparison happens here because the
// filter is a prefix or wildcard match.
func (a entityAPI[T]) findByName(ctx context.Context, name string) (*T, error) {
	if name == "" {
		// An object without a name (a presence definition) cannot be told apart by it.
		return nil, nil
	}
	if a.query != "" {
		return a.findByNameQuery(ctx, name)
	}
	if a.search != "" {
		return a.findByNameSearch(ctx, name)
	}
	const pageSize = 100
	for page := 1; ; page++ {
		var listing struct {
			Entities  []T `json:"entities"`
			PageCount int `json:"pageCount"`
		}
		q := url.Values{"name": {name}, "pageSize": {strconv.Itoa(pageSize)}, "pageNumber": {strconv.Itoa(page)}}
		for k, v := range a.listQuery {
			q[k] = v
		}
		if err := a.client.Do(ctx, http.MethodGet, a.path, q, nil, &listing); err != nil {
			return nil, err
		}
		for i := range listing.Entities {
			e := &listing.Entities[i]
			if a.name(e) == name && (a.softDeleted == nil || !a.softDeleted(e)) {
				return e, nil
			}
		}
		if len(listing.Entities) == 0 || page >= listing.PageCount {
			return nil, nil
		}
	}
}

// findByNameQuery is findByName for a type listed by query: the filter asks for the exact
// name, and the answer is checked all the same.
func (a entityAPI[T]) findByNameQuery(ctx context.Context, name string) (*T, error) {
	filter := []platform.QueryFilter{{Name: "name", Type: "String", Operator: "EQ", Values: []string{name}}}
	found, err := platform.ListQuery[T](ctx, a.client, a.query, filter, 0)
	if err != nil {
		return nil, err
	}
	for i := range found {
		if a.name(&found[i]) == name && (a.softDeleted == nil || !a.softDeleted(&found[i])) {
			return &found[i], nil
		}
	}
	return nil, nil
}

// findByNameSearch is findByName for a type found through its search endpoint: one page of
// the largest size, asked for the name as a term, the answer checked for the exact name.
func (a entityAPI[T]) findByNameSearch(ctx context.Context, name string) (*T, error) {
	body := map[string]any{"pageSize": 100, "query": []map[string]any{{"fields": []string{"name"}, "value": name, "type": "TERM"}}}
	var out struct {
		Results []T `json:"results"`
	}
	if err := a.client.PostRepeatable(ctx, a.search, nil, body, &out); err != nil {
		return nil, err
	}
	for i := range out.Results {
		if a.name(&out.Results[i]) == name {
			return &out.Results[i], nil
		}
	}
	return nil, nil
}

// writeVersioned re-reads the object's version and sends the body built for it with method
// (PUT, or PATCH for kinds like locations that patch with a version), retrying on version
// conflicts (someone else wrote in between).
func writeVersioned[T any](ctx context.Context, api entityAPI[T], method, id string, version func(*T) int, body func(version int) any) (*T, error) {
	var out *T
	err := platform.RetryOnVersionConflict(ctx, 0, func(ctx context.Context) error {
		cur, err := api.getByID(ctx, id)
		if err != nil {
			return err
		}
		if cur == nil {
			return fmt.Errorf("%s/%s no longer exists", api.path, id)
		}
		out, err = api.update(ctx, method, id, body(version(cur)))
		return err
	})
	return out, err
}

// seamFor is the API seam of a hand-written kind: its collection at path, the name (read by
// name) a lost create is found by, and how long a delete may take to be visible. Kinds with
// more rules (soft delete, retried deletes, a read query) set them on the result.
func seamFor[T any](c *platform.Client, path string, deleteTimeout time.Duration, name func(*T) *string) entityAPI[T] {
	return entityAPI[T]{client: c, path: path, deleteTimeout: deleteTimeout, name: func(o *T) string { return deref(name(o)) }}
}
