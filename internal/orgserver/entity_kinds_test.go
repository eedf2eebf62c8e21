package orgserver

import (
	"slices"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
)

// genericKinds are the catalogue kinds this server serves through the generic entity as
// collections (create, list, one object per id); the singletons are singletonKinds.
func genericKinds() []*kinds.Kind {
	return slices.DeleteFunc(entity.NewSet(handWrittenKinds()).Generic(), func(k *kinds.Kind) bool { return k.API.Singleton })
}

// singletonKinds are the generic kinds that are one object per org at a fixed path.
func singletonKinds() []*kinds.Kind {
	return slices.DeleteFunc(entity.NewSet(handWrittenKinds()).Generic(), func(k *kinds.Kind) bool { return !k.API.Singleton })
}
