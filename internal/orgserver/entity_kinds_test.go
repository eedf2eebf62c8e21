package orgserver

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// genericKinds are the catalogue kinds this server serves through the generic entity.
func genericKinds() []*kinds.Kind { return entity.NewSet(handWrittenKinds()).Generic() }

// storeKindOf is the store kind this server keeps a catalogue kind's objects under.
func storeKindOf(name string) store.Kind { return entity.NewSet(handWrittenKinds()).StoreKind(name) }
