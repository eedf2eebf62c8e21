// Package host is what the local org's API groups stand on: registering a route under its
// permission, the store, the generic entity set, the write skeleton (one transaction in the
// caller's org, put + audit, delete + audit, unique names), lookups that apply the caller's
// division permissions, presigned URLs and the store kinds every group refers to.
//
// The server (package orgserver) builds one Host and hands it to each API group's Register
// function (routing, directory, authorization, architect, integrations, telephony, …). The
// groups import this package, never the server nor each other: what two groups share lives
// here.
package host

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Handler is an API handler; a returned error becomes the API error body.
type Handler func(w http.ResponseWriter, r *http.Request) error

// Surface is the part of the HTTP server a Host stands on. The server implements it; the
// API groups reach it only through the Host.
type Surface interface {
	// Route registers an /api/v2 handler behind authentication, the rate limit and perm.
	Route(pattern, perm string, h Handler)
	// HandlePlain registers a handler that takes no bearer token (presigned URLs); its
	// errors are answered as API error bodies.
	HandlePlain(pattern string, h Handler)
	// Hidden reports whether an object created at created is still inside the injected
	// read-after-write lag.
	Hidden(created time.Time) bool
	// Sign is the server's HMAC of payload (tokens, presigned URLs).
	Sign(payload string) string
	// PresignTTL is how long presigned URLs work.
	PresignTTL() time.Duration
	// Authorize is the route wrapper's permission check, for work that arrives through no
	// route (a flow uploaded to a presigned URL is imported as the client that registered it).
	Authorize(p apihttp.Principal, perm string) (apihttp.Access, error)
	// EntityWrites are the generic entity's create, update and delete handlers for k,
	// under the area's rules.
	EntityWrites(k *kinds.Kind, rules WriteRules) EntityWrites
	// PutClientCredential stores the credential of an OAuth client made through the API
	// (its permissions are its subject grants) and returns its secret, which the org keeps
	// only hashed.
	PutClientCredential(tx *store.Tx, orgID, id, name string) (secret string)
}

// WriteRules are what an area adds to the generic entity's writes of one kind.
type WriteRules struct {
	// View turns the stored JSON into the model the route answers (nil: the stored JSON),
	// for an older view of the same objects (/presencedefinitions).
	View func(stored []byte) ([]byte, error)
	// Check runs the kind's own rule on a write's body before the generic rules (nil:
	// none), for what the API model cannot say (a data table's schema must have its key
	// column).
	Check func(body map[string]any) error
}

// EntityWrites are the generic entity's write handlers for one catalogue kind: the same
// decoding, validation, versions and audit as a regular kind's routes, for a group that
// lists or reads the kind by hand (presence definitions) but writes it generically.
//
// List and Get are the generic entity's reads of the kind, for a group that writes it by
// hand (OAuth clients) but reads it generically.
type EntityWrites struct {
	Create, Update, Delete Handler
	List, Get              Handler
}

// SubjectCleanup takes away every grant of a subject (a user or group being deleted),
// recording the change; authorization owns the rule, directory calls it.
type SubjectCleanup func(tx *store.Tx, p apihttp.Principal, subjectID, entityType, name string) error

// Host is the server as an API group sees it.
type Host struct {
	// Store holds every org's objects.
	Store *store.Store
	// Entities serves every regular catalogue kind no group serves by hand.
	Entities *entity.Set
	// DropSubjectGrants is authorization's rule for a deleted user or group.
	DropSubjectGrants SubjectCleanup
	// Log receives the failures an answer cannot carry (a flow import that failed after
	// its job was accepted).
	Log     *slog.Logger
	surface Surface
}

// New builds the Host of a server.
func New(st *store.Store, entities *entity.Set, surface Surface, dropGrants SubjectCleanup, log *slog.Logger) *Host {
	return &Host{Store: st, Entities: entities, DropSubjectGrants: dropGrants, Log: log, surface: surface}
}

// Route registers an /api/v2 handler. perm is the permission the call needs
// (domain:entity:action, or AnyCaller); the caller must hold it in at least one division
// and sees and changes only objects of the divisions it holds it in.
func (h *Host) Route(pattern, perm string, handler Handler) { h.surface.Route(pattern, perm, handler) }

// HandlePlain registers a presigned-URL handler: no bearer token, errors as API bodies.
func (h *Host) HandlePlain(pattern string, handler Handler) { h.surface.HandlePlain(pattern, handler) }

// Authorize is the caller's hold on perm (restricted to some divisions or not), or the 403
// naming perm when p holds it in no division.
func (h *Host) Authorize(p apihttp.Principal, perm string) (apihttp.Access, error) {
	return h.surface.Authorize(p, perm)
}

// EntityWrites are the generic entity's write handlers for k; view turns the stored JSON
// into the model the route answers (nil: the stored JSON), for an older view of the same
// objects.
func (h *Host) EntityWrites(k *kinds.Kind, view func(stored []byte) ([]byte, error)) EntityWrites {
	return h.surface.EntityWrites(k, WriteRules{View: view})
}

// CheckedEntityWrites are the generic entity's write handlers for k, with check run on
// every create's and update's body first.
func (h *Host) CheckedEntityWrites(k *kinds.Kind, check func(body map[string]any) error) EntityWrites {
	return h.surface.EntityWrites(k, WriteRules{Check: check})
}

// PutClientCredential stores the credential of an OAuth client made through the API and
// returns its secret, to be answered once.
func (h *Host) PutClientCredential(tx *store.Tx, orgID, id, name string) string {
	return h.surface.PutClientCredential(tx, orgID, id, name)
}

// AnyCaller is the permission of routes every authenticated caller may use (GET
// /api/v2/tokens/me needs no permission on a real org).
const AnyCaller = ""
