package orgserver

import (
	"slices"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
)

// genericKinds are the catalogue kinds this server serves through the generic entity as
// collections (create, list, one object per id); the singletons are singletonKinds.
func genericKinds() []*kinds.Kind {
	return slices.DeleteFunc(entity.NewSet(handWrittenKinds(), entityHooks()).Generic(), func(k *kinds.Kind) bool {
		return k.API.Singleton || k.API.Drafts
	})
}

// draftKinds are the generic kinds edited as drafts and published as versions, whose objects
// are read and written at other paths than Collection/{id} (entity_drafts_test.go).
func draftKinds() []*kinds.Kind {
	return slices.DeleteFunc(entity.NewSet(handWrittenKinds(), entityHooks()).Generic(), func(k *kinds.Kind) bool { return !k.API.Drafts })
}

// singletonKinds are the generic kinds that are one object per org at a fixed path.
func singletonKinds() []*kinds.Kind {
	return slices.DeleteFunc(entity.NewSet(handWrittenKinds(), entityHooks()).Generic(), func(k *kinds.Kind) bool { return !k.API.Singleton })
}

// underParent is k as a test of one parent's collection sees it: a child kind (API.Parent)
// with its collection under a parent made for the test, so that its paths are those of a kind
// without a parent; any other kind as it is.
func (c *rawClient) underParent(k *kinds.Kind) *kinds.Kind {
	c.t.Helper()
	if k.API.Parent == "" {
		return k
	}
	parent := kinds.Genesys().Named(k.API.Parent)
	made := c.must(200, "POST", parent.API.Collection, c.minimalKindBody(parent, "Parent of "+k.Noun))
	child := *k
	child.API.Collection = k.API.CollectionOf(made["id"].(string))
	child.API.Parent = ""
	return &child
}

// checkCursorListing checks a cursor-paged generic listing holding "Conf A1", "Conf A2" and
// "Conf B": two pages of two and one joined by nextUri, and the name filter.
func checkCursorListing(t *testing.T, c *rawClient, coll, nameFilter string) {
	t.Helper()
	first := c.must(200, "GET", coll+"?pageSize=2", nil)
	next, _ := first["nextUri"].(string)
	if len(first["entities"].([]any)) != 2 || next == "" {
		t.Fatalf("cursor page 1 = %v", first)
	}
	if second := c.must(200, "GET", next, nil); len(second["entities"].([]any)) != 1 || second["nextUri"] != nil {
		t.Errorf("cursor page 2 (%s) = %v", next, second)
	}
	if nameFilter != "" {
		if l := c.must(200, "GET", coll+"?"+nameFilter+"=Conf%20A*", nil); len(l["entities"].([]any)) != 2 {
			t.Errorf("name filter Conf A* = %v", l["entities"])
		}
	}
}
