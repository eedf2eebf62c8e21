package orgserver

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// The store kinds live in host, below every API group; these are their spellings for the
// code still in this package (the regular kinds' hand-written handlers, which give way to
// the generic entity, and the server's own checks).
const (
	kindRole               = host.KindRole
	kindSkill              = host.KindSkill
	kindLanguage           = host.KindLanguage
	kindWrapupCode         = host.KindWrapupCode
	kindSkillGroup         = host.KindSkillGroup
	kindQueue              = host.KindQueue
	kindQueueWrapupCode    = host.KindQueueWrapupCode
	kindGroup              = host.KindGroup
	kindUser               = host.KindUser
	kindSubjectGrant       = host.KindSubjectGrant
	kindSchedule           = host.KindSchedule
	kindScheduleGroup      = host.KindScheduleGroup
	kindIVR                = host.KindIVR
	kindDIDPool            = host.KindDIDPool
	kindIntegration        = host.KindIntegration
	kindAction             = host.KindAction
	kindFlow               = host.KindFlow
	kindPresenceDefinition = host.KindPresenceDefinition
)

// lookup returns an object visible to the caller's org, or a 404 API error (host.Host.Lookup).
func (s *Server) lookup(r *http.Request, kind store.Kind, id string) (*store.Object, error) {
	return s.host.Lookup(r, kind, id)
}

// decodeObject unmarshals a stored object into v.
func decodeObject(o *store.Object, v any) error { return host.DecodeObject(o, v) }

// noContent answers a void operation.
func noContent(w http.ResponseWriter) error { return host.NoContent(w) }

// ptr is the address of a copy of v, for the API models' optional fields.
func ptr[T any](v T) *T { return &v }
