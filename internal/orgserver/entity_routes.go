package orgserver

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/architect"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/authorization"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/responsemanagement"
	"github.com/cxascode/cxascode/internal/orgserver/routing"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/orgserver/telephony"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// handWrittenKinds are the catalogue kinds this server serves with their own handlers, and
// the store kind each keeps its objects under: the irregular ones. Every regular kind (one
// with Fields) is served by the generic entity; a rule it lacks becomes a catalogue field
// or an entity hook (entityHooks), not a handler here.
func handWrittenKinds() map[string]store.Kind {
	return map[string]store.Kind{
		kinds.Division:          entity.KindDivision,
		kinds.Role:              host.KindRole,
		kinds.UserRoles:         host.KindSubjectGrant,
		kinds.GroupRoles:        host.KindSubjectGrant,
		kinds.OAuthClient:       authorization.KindOAuthClient,
		kinds.SkillGroup:        host.KindSkillGroup,
		kinds.Queue:             host.KindQueue,
		kinds.User:              host.KindUser,
		kinds.Group:             host.KindGroup,
		kinds.Flow:              host.KindFlow,
		kinds.DIDPool:           host.KindDIDPool,
		kinds.ExtensionPool:     telephony.KindExtensionPool,
		kinds.Integration:       host.KindIntegration,
		kinds.IntegrationAction: host.KindAction,
		kinds.CustomAuthAction:  host.KindAction, // a data action the org makes (integrations/custom_auth_actions.go)
		// Listed by hand (unpaged, with the deactivated filter); written generically.
		kinds.PresenceDefinition: host.KindPresenceDefinition,
		// Read by hand (the schema only with expand=schema); written generically after the
		// schema's own check.
		kinds.DataTable:     host.KindDataTable,
		kinds.DataTableRow:  architect.KindDataTableRow,
		kinds.FlowLogLevel:  host.KindFlowLogLevel,
		kinds.UserPrompt:    architect.KindPrompt,
		kinds.EmailRoute:    routing.KindEmailRoute,
		kinds.ResponseAsset: responsemanagement.KindResponseAsset,
		kinds.Script:        host.KindScript,
	}
}

// entityHooks are the hand-written API groups' rules over generic objects (entity.Hooks).
func entityHooks() entity.Hooks {
	return entity.Hooks{
		// A queue's wrap-up code list sorts by the code's name and goes with the code.
		Renamed: map[string]func(tx *store.Tx, id, name string){kinds.WrapupCode: routing.RenameQueueWrapupCodeLinks},
		// A site's number plans and outbound routes go with it, an email domain's routes too.
		Deleted: map[string]func(tx *store.Tx, id string){kinds.WrapupCode: routing.DeleteQueueWrapupCodeLinks,
			kinds.Site: telephony.DeleteSiteParts, kinds.EmailDomain: routing.DeleteEmailDomainRoutes},
		// An IVR's numbers lie inside active DID pools.
		Contains: map[string]func(tx *store.Tx, number string) bool{
			kinds.DIDPool: telephony.HoldsNumber,
		},
	}
}

// entityRoutes registers the routes of every generic kind from its catalogue entry.
func (s *Server) entityRoutes() {
	for _, k := range s.entities.Generic() {
		h := entityHandler{s: s, kind: k}
		if k.API.Singleton {
			s.singletonRoutes(h)
			continue
		}
		if k.API.Drafts {
			s.draftRoutes(h) // entity_drafts.go
			continue
		}
		api := k.API
		if !api.NoList {
			s.route("GET "+api.Collection, k.PermissionFor("GET"), h.list)
		}
		s.route("POST "+api.Collection, k.PermissionFor("POST"), h.create)
		s.route("GET "+api.Collection+"/{id}", k.PermissionFor("GET"), h.get)
		if api.Update != "" {
			s.route(api.Update+" "+api.Collection+"/{id}", k.PermissionFor(api.Update), h.update)
		}
		if !api.NoDelete {
			s.route("DELETE "+api.Collection+"/{id}", k.PermissionFor("DELETE"), h.delete)
		}
		s.entitySearchRoutes(h) // entity_search.go
		s.entityMemberRoutes(h) // entity_members.go
		s.entityQueryRoutes(h)  // entity_query.go
	}
}

// entityHandler is the HTTP surface of one generic kind: decode, call the domain rule in a
// transaction, record the audit event, encode.
type entityHandler struct {
	s    *Server
	kind *kinds.Kind
	// view answers a write in another model than the stored one (nil: as stored), for an
	// older API view of the same objects (/presencedefinitions).
	view func(stored []byte) ([]byte, error)
	// check runs a kind's own rule on a write's body before the generic rules (nil: none),
	// for what the API model cannot say (a data table's schema must have its key column).
	check func(body map[string]any) error
}

func (h entityHandler) list(w http.ResponseWriter, r *http.Request) error {
	api := h.kind.API
	parent, err := h.parentOf(r) // entity_children.go
	if err != nil {
		return err
	}
	objs, err := entity.Narrow(h.kind, h.s.host.ListVisibleIn(r, h.s.entities.StoreKind(h.kind.Name), parent), r.URL.Query())
	if err != nil {
		return err
	}
	if objs, err = h.withChildrenInParent(r, objs); err != nil { // entity_in_parent.go
		return err
	}
	if api.Paging == kinds.Cursor {
		nameFilter := ""
		if api.NameFilter != "" {
			nameFilter = r.URL.Query().Get(api.NameFilter)
		}
		keys, items := entity.List(objs, host.SetOf(apihttp.MultiParam(r, "id")), nameFilter)
		l, err := apihttp.CursorPage(r, keys, items, api.PageSize())
		if err != nil {
			return err
		}
		return apihttp.OK(w, l)
	}
	p, err := apihttp.ParsePage(r, api.PageSize())
	if err != nil {
		return err
	}
	items, err := entity.Select(h.kind, objs, r.URL.Query())
	if err != nil {
		return err
	}
	if api.List.RepeatTotal {
		return apihttp.WritePageWithTotal(w, r, p, items)
	}
	return apihttp.WritePage(w, r, p, items)
}

func (h entityHandler) get(w http.ResponseWriter, r *http.Request) error {
	o, err := h.s.host.Lookup(r, h.s.entities.StoreKind(h.kind.Name), host.PathObjectID(r, h.kind))
	if err != nil {
		return err
	}
	answered, err := h.withChildrenInParent(r, []*store.Object{o})
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, answered[0].Data)
}

func (h entityHandler) create(w http.ResponseWriter, r *http.Request) error {
	parent, err := h.parentOf(r)
	if err != nil {
		return err
	}
	out, err := h.write(r, func(tx *store.Tx, p apihttp.Principal, body map[string]any) ([]byte, audit.Event, error) {
		return h.s.entities.CreateIn(tx, p, h.kind, parent, body)
	})
	if err == nil {
		out, err = h.answerWithChildren(r, out, "") // entity_in_parent.go
	}
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, out)
}

func (h entityHandler) update(w http.ResponseWriter, r *http.Request) error {
	out, err := h.write(r, func(tx *store.Tx, p apihttp.Principal, body map[string]any) ([]byte, audit.Event, error) {
		return h.s.entities.Update(tx, p, h.kind, host.PathObjectID(r, h.kind), r.Method, body)
	})
	if err == nil {
		out, err = h.answerWithChildren(r, out, host.PathObjectID(r, h.kind))
	}
	return h.answerUpdate(w, r, out, err)
}

// answerUpdate answers an update that stored out (or failed with err): the object, or the
// completed Operation for a kind whose API reports the operation instead.
func (h entityHandler) answerUpdate(w http.ResponseWriter, r *http.Request, out []byte, err error) error {
	if err != nil {
		return err
	}
	if h.kind.API.UpdateAnswersOperation {
		return apihttp.OK(w, completedUpdate(apihttp.PrincipalOf(r.Context())))
	}
	return apihttp.OKRaw(w, out)
}

// completedUpdate is the Operation an update answers for a kind whose API reports the
// operation instead of the object: the change is already stored when it answers.
func completedUpdate(p apihttp.Principal) platform.Operation {
	return platform.Operation{ID: host.Ptr(uuid.NewString()), Complete: host.Ptr(true), ActionName: host.Ptr("UPDATE"),
		ActionStatus: host.Ptr("SUCCESS"), Client: host.ClientRef(p)}
}

// write runs a create or update in one transaction and returns the stored object.
func (h entityHandler) write(r *http.Request,
	apply func(tx *store.Tx, p apihttp.Principal, body map[string]any) ([]byte, audit.Event, error)) ([]byte, error) {
	body, err := host.DecodeEntityBody(r)
	if err != nil {
		return nil, err
	}
	if h.check != nil {
		if err := h.check(body); err != nil {
			return nil, err
		}
	}
	p := apihttp.PrincipalOf(r.Context())
	var out []byte
	err = h.s.store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		var ev audit.Event
		var err error
		if out, ev, err = apply(tx, p, body); err != nil {
			return err
		}
		host.Record(tx, r, ev)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if h.view != nil {
		return h.view(out)
	}
	return out, nil
}

func (h entityHandler) delete(w http.ResponseWriter, r *http.Request) error {
	return h.s.host.DeleteEntity(w, r, h.kind, h.dropMembers) // entity_members.go
}

// singletonRoutes serves a singleton kind (kinds.API.Singleton) at its one path: GET, its
// update method and, unless the API has none, DELETE (which puts the defaults back).
func (s *Server) singletonRoutes(h entityHandler) {
	k := h.kind
	s.route("GET "+k.API.Collection, k.PermissionFor("GET"), h.getSingleton)
	s.route(k.API.Update+" "+k.API.Collection, k.PermissionFor(k.API.Update), h.updateSingleton)
	if !k.API.NoDelete {
		s.route("DELETE "+k.API.Collection, k.PermissionFor("DELETE"), h.resetSingleton)
	}
}

func (h entityHandler) getSingleton(w http.ResponseWriter, r *http.Request) error {
	o := h.s.store.Get(apihttp.PrincipalOf(r.Context()).OrgID, h.s.entities.StoreKind(h.kind.Name), h.kind.SingletonID())
	return apihttp.OKRaw(w, entity.SingletonData(o, h.kind))
}

func (h entityHandler) updateSingleton(w http.ResponseWriter, r *http.Request) error {
	out, err := h.write(r, func(tx *store.Tx, p apihttp.Principal, body map[string]any) ([]byte, audit.Event, error) {
		return h.s.entities.UpdateSingleton(tx, p, h.kind, r.Method, body)
	})
	return h.answerUpdate(w, r, out, err)
}

func (h entityHandler) resetSingleton(w http.ResponseWriter, r *http.Request) error {
	return h.s.host.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		host.Record(tx, r, h.s.entities.ResetSingleton(tx, h.kind))
		return nil
	})
}
