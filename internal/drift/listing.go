package drift

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"sync"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// How an inventory lists the org: every kind in the largest pages its list endpoint takes,
// each collection once.

// lister lists kinds for an inventory, recording the bulk-readable listings when record is
// set (InventoryOptions.Record). Each kind and each collection is listed once per inventory:
// a kind listed for itself and as the parent or scope of another (data tables, libraries),
// or a collection two kinds share (data actions and custom auth actions), costs one listing.
type lister struct {
	client *platform.Client
	record *platform.Listings
	done   *listings
}

// listings are the listings an inventory made or is making, by what was listed.
type listings struct {
	mu    sync.Mutex
	calls map[string]*listCall
}

// listCall is one listing; ready is closed once objs and err are set.
type listCall struct {
	ready chan struct{}
	objs  []listedObject
	err   error
}

// once lists with list the first time key is asked for, and answers every later ask (also
// one made while the first is under way) with that listing. The objects are shared: callers
// read them and never change them, except a child kind's (listChildren), listed only once.
func (l lister) once(ctx context.Context, key string, list func() ([]listedObject, error)) ([]listedObject, error) {
	l.done.mu.Lock()
	call, listed := l.done.calls[key]
	if !listed {
		call = &listCall{ready: make(chan struct{})}
		l.done.calls[key] = call
	}
	l.done.mu.Unlock()
	if !listed {
		call.objs, call.err = list()
		close(call.ready)
	}
	select {
	case <-call.ready:
		return call.objs, call.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// listKind lists every object of a kind, in the largest pages its list endpoint takes: large
// pages spend less of the rate budget.
func (l lister) listKind(ctx context.Context, k *kinds.Kind) ([]listedObject, error) {
	return l.once(ctx, "kind "+k.Name, func() ([]listedObject, error) { return l.listKindOnce(ctx, k) })
}

func (l lister) listKindOnce(ctx context.Context, k *kinds.Kind) ([]listedObject, error) {
	c := l.client
	if k.API.Parent != "" {
		return l.listChildren(ctx, k)
	}
	if k.API.Query != "" {
		return platform.ListQuery[listedObject](ctx, c, k.API.Query, nil, k.API.PageSize())
	}
	if k.API.Scope != nil {
		return l.listScoped(ctx, k) // unmanaged_scoped.go
	}
	if k.API.NoList && k.API.Search != "" {
		return platform.ListSearch[listedObject](ctx, c, k.API.Search)
	}
	return l.listCollection(ctx, k, k.API.Collection, url.Values{})
}

// listCollection lists the collection at path (the kind's, or one parent's or scope's) with
// query. When recording a bulk-readable kind, the listing is sent with the kind's read query
// too and recorded as answered.
func (l lister) listCollection(ctx context.Context, k *kinds.Kind, path string, query url.Values) ([]listedObject, error) {
	if k.API.Paging == kinds.Cursor {
		return l.once(ctx, "cursor "+platform.ListingKey(path, query), func() ([]listedObject, error) {
			return platform.ListCursor[listedObject](ctx, l.client, path, query, k.API.PageSize())
		})
	}
	record := l.record != nil && k.BulkRead
	if record && k.API.ReadQuery != "" {
		read, err := url.ParseQuery(k.API.ReadQuery)
		if err != nil {
			return nil, fmt.Errorf("%s: read query %q: %w", k.Name, k.API.ReadQuery, err)
		}
		query = mergeQuery(query, read)
	}
	key := fmt.Sprintf("pages %s record=%t", platform.ListingKey(path, query), record)
	return l.once(ctx, key, func() ([]listedObject, error) { return l.listPages(ctx, k, path, query, record) })
}

// listPages lists every page of the collection at path with query, recording the listing
// when asked.
func (l lister) listPages(ctx context.Context, k *kinds.Kind, path string, query url.Values, record bool) ([]listedObject, error) {
	objs, err := platform.ListAll[listedObject](ctx, l.client, path, query, k.API.PageSize())
	if err != nil || !record {
		return objs, err
	}
	entries := make([]json.RawMessage, 0, len(objs))
	for _, obj := range objs {
		raw, err := json.Marshal(obj)
		if err != nil {
			return nil, fmt.Errorf("record the listing of %s: %w", path, err)
		}
		entries = append(entries, raw)
	}
	l.record.Add(path, query, entries)
	return objs, nil
}

// mergeQuery is a copy of query with extra's parameters added.
func mergeQuery(query, extra url.Values) url.Values {
	out := url.Values{}
	for _, q := range []url.Values{query, extra} {
		for name, values := range q {
			out[name] = append(out[name], values...)
		}
	}
	return out
}

// listChildren lists a child kind parent by parent (a data table's rows, table by table).
// Each object's id becomes the ChildID the provider keeps in state, so that a managed child
// is recognised by it.
func (l lister) listChildren(ctx context.Context, k *kinds.Kind) ([]listedObject, error) {
	pk := kinds.Genesys().Named(k.API.Parent)
	if pk == nil {
		return nil, fmt.Errorf("%s: parent kind %q is not in the catalogue", k.Name, k.API.Parent)
	}
	parents, err := l.listKind(ctx, pk)
	if err != nil {
		return nil, fmt.Errorf("list the %ss holding %ss: %w", pk.Noun, k.Noun, err)
	}
	var out []listedObject
	for _, p := range parents {
		pid := pk.OwnID(p)
		if pid == "" || p["state"] == "deleted" {
			continue
		}
		children, err := l.childrenOf(ctx, k, p, pid)
		if err != nil {
			return nil, fmt.Errorf("list the %ss of %s %s: %w", k.Noun, pk.Noun, pid, err)
		}
		for _, child := range children {
			child["id"] = kinds.ChildID(pid, k.OwnID(child))
			out = append(out, child)
		}
	}
	return out, nil
}

// childrenOf lists a child kind's objects under one parent: from their collection, or, for a
// kind the API lists only inside its parent (kinds.API.InParent: a grammar's languages), from
// the parent as its listing answered it — copied, since the caller gives each its ChildID and
// the parent's listing is shared (and may be handed to the provider).
func (l lister) childrenOf(ctx context.Context, k *kinds.Kind, parent listedObject, parentID string) ([]listedObject, error) {
	if k.API.InParent == "" {
		return l.listCollection(ctx, k, k.API.CollectionOf(parentID), url.Values{})
	}
	held, _ := parent[k.API.InParent].([]any)
	out := make([]listedObject, 0, len(held))
	for _, h := range held {
		if child, ok := h.(map[string]any); ok {
			out = append(out, maps.Clone(child))
		}
	}
	return out, nil
}
