package host

import (
	"fmt"

	"github.com/cxascode/cxascode/internal/kinds"
)

// KindHandlers are a hand-written kind's handlers for its standard routes. A nil handler
// registers no route: the API has none, or the area spells it out with its own path. A nil
// Get is the exception: KindRoutes answers the object's stored JSON, which is what most
// hand-written kinds return.
type KindHandlers struct {
	// List is GET on the collection; Create is POST on it (or on API.CreatePath, or on the
	// object's own path for a kind with API.ItemPath, which is made there).
	List, Create Handler
	// Get, Update and Delete are GET, the entry's API.Update method and DELETE on one
	// object ({id} in the path).
	Get, Update, Delete Handler
}

// KindRoutes registers the standard routes of the catalogue kind named name from its entry:
// the collection and item paths from API.Collection, the update method from API.Update and
// each route's permission from PermissionFor, so an area lists only its handlers for them
// (and spells out its other routes). A handler the entry says the API lacks (an Update when
// API.Update is empty, a List with NoList, a Delete with NoDelete) is a mistake in the
// area's code, refused at registration like a clashing pattern. Without a Get, GET of one
// object answers it as stored, under the store kind the entity set keeps the kind in.
func (h *Host) KindRoutes(name string, hs KindHandlers) {
	h.kindRoutes(catalogueKind(name), hs, KindHandlers{Get: h.Stored(h.Entities.StoreKind(name))})
}

// EntityKindRoutes registers the standard routes of the catalogue kind named name as
// KindRoutes does, with the generic entity's handler (under rules) for every route the
// entry has and own leaves nil: for a kind the generic entity serves but for the routes
// its area answers by hand (a data table's reads, an OAuth client's writes).
func (h *Host) EntityKindRoutes(name string, own KindHandlers, rules WriteRules) {
	k := catalogueKind(name)
	generic := h.surface.EntityWrites(k, rules)
	h.kindRoutes(k, own, KindHandlers{List: generic.List, Create: generic.Create, Get: generic.Get,
		Update: generic.Update, Delete: generic.Delete})
}

// catalogueKind is the catalogue entry named name; a name the catalogue lacks is a mistake
// in the area's code, refused at registration.
func catalogueKind(name string) *kinds.Kind {
	k := kinds.Genesys().Named(name)
	if k == nil {
		panic(fmt.Sprintf("host: no catalogue kind %q", name))
	}
	return k
}

// kindRoutes registers k's standard routes with the handlers of hs, taking fallback's for
// a route hs leaves nil and the entry has.
func (h *Host) kindRoutes(k *kinds.Kind, hs, fallback KindHandlers) {
	collection, item, create := k.API.Collection, k.API.Item("{id}"), k.API.CreateAt()
	if k.API.ItemPath != "" {
		// API.Item escapes the id it is given; the pattern wants the wildcard itself. Such an
		// object is made at its own path, under the id it holds (kinds.Kind.PathIDField).
		item, create = k.API.ItemPath, k.API.ItemPath
	}
	routes := []struct {
		method, path      string
		handler, fallback Handler
		lacking           bool // the entry says the API has no such route
	}{
		{"GET", collection, hs.List, fallback.List, k.API.NoList},
		{"POST", create, hs.Create, fallback.Create, false},
		{"GET", item, hs.Get, fallback.Get, false},
		{k.API.Update, item, hs.Update, fallback.Update, k.API.Update == ""},
		{"DELETE", item, hs.Delete, fallback.Delete, k.API.NoDelete},
	}
	for _, r := range routes {
		if r.handler == nil && !r.lacking {
			r.handler = r.fallback
		}
		if r.handler == nil {
			continue
		}
		if r.lacking {
			panic(fmt.Sprintf("host: the catalogue entry of %q has no %s %s route for the handler given", k.Name, r.method, r.path))
		}
		h.Route(r.method+" "+r.path, k.PermissionFor(r.method), r.handler)
	}
}
