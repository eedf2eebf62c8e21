package authorization

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Divisions: unique names, no version (last write wins), hard delete. The home division
// is seeded with the org and can be renamed but never deleted; a division that still holds
// objects or role grants cannot be deleted (400), as on a real org.
func (s *api) divisionRoutes() {
	s.Route("GET /api/v2/authorization/divisions/home", "authorization:division:view", s.getHomeDivision)
	s.Route("GET /api/v2/authorization/divisions/query", "authorization:division:view", s.queryDivisions)
	// Recreates a deleted division under its old id (the official provider's docs for
	// scripts name it); the create with an id chosen by the path.
	s.Route("POST /api/v2/authorization/divisions/{id}", "authorization:division:add", s.createDivision)
	s.divisionObjectRoutes()
}

// filteredDivisions applies the id[] and name filters shared by the list and query endpoints.
func (s *api) filteredDivisions(r *http.Request) (keys []apihttp.CursorKey, items [][]byte) {
	name := r.URL.Query().Get("name")
	want := host.SetOf(apihttp.MultiParam(r, "id"))
	for _, o := range s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, entity.KindDivision, "") {
		if len(want) > 0 && !want[o.ID] {
			continue
		}
		if !apihttp.NameMatches(name, o.Name, false) {
			continue
		}
		keys = append(keys, apihttp.ObjectCursorKey(o))
		items = append(items, o.Data)
	}
	return keys, items
}

func (s *api) listDivisions(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	_, items := s.filteredDivisions(r)
	return apihttp.WritePage(w, r, p, items)
}

func (s *api) queryDivisions(w http.ResponseWriter, r *http.Request) error {
	keys, items := s.filteredDivisions(r)
	return apihttp.WriteCursorPage(w, r, keys, items, 200)
}

func (s *api) getHomeDivision(w http.ResponseWriter, r *http.Request) error {
	for _, o := range s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, entity.KindDivision, "") {
		if isHomeDivision(o) {
			return apihttp.OKRaw(w, o.Data)
		}
	}
	return apihttp.NotFound()
}

func isHomeDivision(o *store.Object) bool {
	var d platform.AuthzDivision
	return host.DecodeObject(o, &d) == nil && host.Deref(d.HomeDivision)
}

func (s *api) createDivision(w http.ResponseWriter, r *http.Request) error {
	var in platform.AuthzDivision
	return s.CommitNamed(w, r, &in, func() *string { return in.Name }, func(tx *store.Tx, p apihttp.Principal, name string) ([]byte, error) {
		if err := host.CheckUniqueName(tx, entity.KindDivision, "division", name, ""); err != nil {
			return nil, err
		}
		id := r.PathValue("id")
		if id == "" {
			id = uuid.NewString()
		} else if tx.Get(entity.KindDivision, id) != nil {
			return nil, apihttp.Conflict("The division [%s] exists; only a deleted division can be recreated.", id)
		}
		d := platform.AuthzDivision{ID: host.Ptr(id), Name: host.Ptr(name), Description: in.Description, HomeDivision: host.Ptr(false), SelfURI: host.Ptr(entity.DivisionSelfURI(id))}
		return host.PutAudited(tx, p, entity.KindDivision, d, audit.Event{Service: "PeoplePermissions", EntityType: "Division", Action: "Create", ID: id, Name: name})
	})
}

// putDivision replaces name and description; homeDivision is read-only.
func (s *api) putDivision(w http.ResponseWriter, r *http.Request) error {
	var in platform.AuthzDivision
	return s.CommitNamed(w, r, &in, func() *string { return in.Name }, func(tx *store.Tx, p apihttp.Principal, name string) ([]byte, error) {
		o, d, err := host.LoadStored[platform.AuthzDivision](tx, entity.KindDivision, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		if err := host.CheckUniqueName(tx, entity.KindDivision, "division", name, o.ID); err != nil {
			return nil, err
		}
		d.Name, d.Description = host.Ptr(name), in.Description
		return host.PutAuditedIfChanged(tx, p, entity.KindDivision, d, audit.Event{Service: "PeoplePermissions", EntityType: "Division", Action: "Update", ID: o.ID, Name: name, Old: o.Data})
	})
}

func (s *api) deleteDivision(w http.ResponseWriter, r *http.Request) error {
	return s.DeleteStored(w, r, entity.KindDivision, "PeoplePermissions", "Division", func(tx *store.Tx, o *store.Object) error {
		if isHomeDivision(o) {
			return apihttp.BadRequest("The home division [%s] cannot be deleted.", o.Name)
		}
		objects, grants := divisionUsage(tx, o.ID)
		if objects > 0 || grants > 0 {
			return apihttp.BadRequest("The division [%s] still holds %d object(s) and %d role grant(s); move or delete them first.", o.Name, objects, grants)
		}
		return nil
	})
}

// divisionUsage counts the live objects of any kind whose JSON places them in the division
// (`division.id` or `divisionId`), and the role grants made in it. Soft-deleted objects
// no longer hold their division, as on a real org.
func divisionUsage(tx *store.Tx, divisionID string) (objects, grants int) {
	for _, kind := range tx.Kinds() {
		if kind == entity.KindDivision {
			continue
		}
		for _, o := range tx.List(kind, "*") {
			var doc struct {
				State      string `json:"state"`
				DivisionID string `json:"divisionId"`
				Division   *struct {
					ID string `json:"id"`
				} `json:"division"`
			}
			if json.Unmarshal(o.Data, &doc) != nil || doc.State == "deleted" {
				continue
			}
			if doc.DivisionID != divisionID && (doc.Division == nil || doc.Division.ID != divisionID) {
				continue
			}
			if kind == host.KindSubjectGrant {
				// Grants of deleted users (left by stores written before user deletion
				// removed them) hold nothing, as a deleted user holds no grants.
				if u := tx.Get(host.KindUser, o.Parent); u != nil && entity.IsDeleted(u.Data) {
					continue
				}
				grants++
			} else {
				objects++
			}
		}
	}
	return objects, grants
}

func (s *api) divisionObjectRoutes() {
	s.Route("POST /api/v2/authorization/divisions/{id}/objects/{objectType}", "authorization:division:edit", s.moveToDivision)
}

// divisionObjectKinds maps the objectType of POST /authorization/divisions/{id}/objects/{objectType}
// to the stored kind whose "division" field moves.
// (A function, so that no caller can change the table.)
func divisionObjectKinds() map[string]store.Kind {
	return map[string]store.Kind{
		"QUEUE":      host.KindQueue,
		"USER":       host.KindUser,
		"SKILLGROUP": host.KindSkillGroup,
		"WRAPUPCODE": host.KindWrapupCode,
		"SCRIPT":     host.KindScript,
	}
}

// moveToDivision moves objects (ids in the body) into a division.
func (s *api) moveToDivision(w http.ResponseWriter, r *http.Request) error {
	objType := strings.ToUpper(r.PathValue("objectType"))
	kinds := divisionObjectKinds()
	kind, ok := kinds[objType]
	if !ok {
		allowed := make([]string, 0, len(kinds))
		for k := range kinds {
			allowed = append(allowed, k)
		}
		sort.Strings(allowed)
		return apihttp.InvalidValue("objectType", r.PathValue("objectType"), allowed)
	}
	var ids []string
	if err := apihttp.DecodeBody(r, &ids); err != nil {
		return err
	}
	if len(ids) == 0 {
		return apihttp.Required("body (list of object ids)")
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		div, err := entity.Lookup(tx, entity.KindDivision, r.PathValue("id"))
		if err != nil {
			return err
		}
		ref := platform.Division(*host.DivisionRefTo(div.ID, div.Name))
		for _, id := range ids {
			o := tx.Get(kind, id)
			if o == nil {
				return apihttp.UnknownRef("body", id)
			}
			var doc map[string]json.RawMessage
			if err := json.Unmarshal(o.Data, &doc); err != nil {
				return err
			}
			doc["division"], _ = json.Marshal(ref)
			if _, has := doc["version"]; has && kind == host.KindUser {
				var v int
				json.Unmarshal(doc["version"], &v) //nolint:errcheck // a bad version stays 0 and becomes 1
				doc["version"], _ = json.Marshal(v + 1)
			}
			out, err := json.Marshal(doc)
			if err != nil {
				return err
			}
			tx.Put(&store.Object{Kind: kind, ID: o.ID, Parent: o.Parent, Name: o.Name, Data: out})
			audit.Record(tx, p, audit.Event{Service: "PeoplePermissions", EntityType: objType, Action: "Move", ID: o.ID, Name: o.Name, Old: o.Data, New: out})
		}
		return nil
	})
}
