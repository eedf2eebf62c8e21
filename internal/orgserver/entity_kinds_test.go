package orgserver

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
)

// genericKinds are the catalogue kinds this server serves through the generic entity.
func genericKinds() []*kinds.Kind { return entity.NewSet(handWrittenKinds(), entityHooks()).Generic() }
