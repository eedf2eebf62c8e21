package orgserver

import "github.com/cxascode/cxascode/internal/orgserver/store"

// The store's names that callers of the local org use (tests that count objects, the CLI
// that makes clients) keep their orgserver spelling, so the store could move below the
// server without touching them.
type (
	// Kind names a collection of objects inside one org, e.g. "routing.queue".
	Kind = store.Kind
	// Object is one stored entity: its JSON exactly as the API returns it.
	Object = store.Object
)

// Roles a client can have.
const (
	RoleAdmin    = store.RoleAdmin
	RoleReadOnly = store.RoleReadOnly
	RoleGranted  = store.RoleGranted
)
