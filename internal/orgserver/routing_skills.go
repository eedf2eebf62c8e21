package orgserver

import (
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Routing skills: immutable names, division moves by PATCH, soft delete (state "deleted").
// The skill's version is a string, as in the real model.
func (s *Server) skillRoutes() {
	s.route("GET /api/v2/routing/skills", "routing:skill:view", s.listSkills)
	s.route("POST /api/v2/routing/skills", "routing:skill:add", s.createSkill)
	s.route("GET /api/v2/routing/skills/{id}", "routing:skill:view", s.getSkill)
	s.route("PATCH /api/v2/routing/skills/{id}", "routing:skill:edit", s.patchSkill)
	s.route("DELETE /api/v2/routing/skills/{id}", "routing:skill:delete", s.deleteSkill)
}

func skillSelfURI(id string) string { return "/api/v2/routing/skills/" + id }

func (s *Server) listSkills(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	items := s.listActive(r, kindSkill)
	apihttp.WriteJSON(w, http.StatusOK, apihttp.NewListing(r, p, items))
	return nil
}

func (s *Server) getSkill(w http.ResponseWriter, r *http.Request) error {
	return s.serveStored(w, r, kindSkill)
}

func (s *Server) createSkill(w http.ResponseWriter, r *http.Request) error {
	var in platform.CreateRoutingSkill
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.createActive(w, r, softDeletingKind{kind: kindSkill, entityType: "Skill", noun: "skill"}, in.Name, func(tx *store.Tx, id, name string) (any, error) {
		divID, divName, err := entity.DivisionRef(tx, deref(in.DivisionID), "divisionId")
		if err != nil {
			return nil, err
		}
		return platform.RoutingSkill{
			ID: ptr(id), Name: ptr(name), State: ptr("active"), Version: ptr("1"),
			Division:     &platform.Division{ID: ptr(divID), Name: ptr(divName), SelfURI: ptr(entity.DivisionSelfURI(divID))},
			DateModified: ptr(apihttp.FormatTime(tx.Now())), SelfURI: ptr(skillSelfURI(id)),
		}, nil
	})
}

func (s *Server) patchSkill(w http.ResponseWriter, r *http.Request) error {
	var in platform.UpdateSkillDivisionRequest
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.commitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, sk, err := loadStored[platform.RoutingSkill](tx, kindSkill, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		if deref(in.DivisionID) != "" {
			divID, divName, err := entity.DivisionRef(tx, *in.DivisionID, "divisionId")
			if err != nil {
				return nil, err
			}
			sk.Division = &platform.Division{ID: ptr(divID), Name: ptr(divName), SelfURI: ptr(entity.DivisionSelfURI(divID))}
		}
		sk.Version = ptr(entity.BumpStringVersion(deref(sk.Version)))
		sk.DateModified = ptr(apihttp.FormatTime(tx.Now()))
		return s.putAudited(tx, p, kindSkill, sk, audit.Event{Service: "Routing", EntityType: "Skill", Action: "Update", ID: o.ID, Name: o.Name, Old: o.Data})
	})
}

func (s *Server) deleteSkill(w http.ResponseWriter, r *http.Request) error {
	return s.softDelete(w, r, softDeletingKind{kind: kindSkill, entityType: "Skill", noun: "skill"})
}

// softDeletingKind is a kind whose deletion is soft (skills, languages): the object stays
// readable by id with state "deleted", and its name is free again.
type softDeletingKind struct {
	kind       store.Kind
	entityType string // the audit log's entity type
	noun       string // for error messages
}

// createActive creates an object of a soft-deleting kind under a name no live object of
// the kind holds; build makes the entity for the new id and the trimmed name.
func (s *Server) createActive(w http.ResponseWriter, r *http.Request, k softDeletingKind, rawName *string,
	build func(tx *store.Tx, id, name string) (any, error)) error {
	name := strings.TrimSpace(deref(rawName))
	if name == "" {
		return apihttp.Required("name")
	}
	return s.commitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		if existing := entity.FindActiveByName(tx, k.kind, name); existing != nil {
			return nil, apihttp.Conflict("A %s named [%s] exists already (id %s).", k.noun, name, existing.ID)
		}
		id := uuid.NewString()
		v, err := build(tx, id, name)
		if err != nil {
			return nil, err
		}
		return s.putAudited(tx, p, k.kind, v, audit.Event{Service: "Routing", EntityType: k.entityType, Action: "Create", ID: id, Name: name})
	})
}

// softDelete marks a skill or language deleted as the real API does: GET keeps returning it
// with state "deleted" (and a new string version), lists leave it out, its name is free.
func (s *Server) softDelete(w http.ResponseWriter, r *http.Request, k softDeletingKind) error {
	return s.commitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, doc, err := loadStored[map[string]any](tx, k.kind, r.PathValue("id"))
		if err != nil {
			return err
		}
		if entity.IsDeleted(o.Data) {
			return apihttp.NotFound()
		}
		version, _ := doc["version"].(string)
		doc["state"], doc["version"], doc["dateModified"] = "deleted", entity.BumpStringVersion(version), apihttp.FormatTime(tx.Now())
		_, err = s.putAudited(tx, p, k.kind, doc, audit.Event{Service: "Routing", EntityType: k.entityType, Action: "Delete", ID: o.ID, Name: o.Name, Old: o.Data})
		return err
	})
}

// listActive is the listing of a soft-deleting kind (skills, languages): not deleted, the
// `id` filter, and `name` as "starts with" (with the usual wildcards).
func (s *Server) listActive(r *http.Request, kind store.Kind) [][]byte {
	name := r.URL.Query().Get("name")
	ids := setOf(apihttp.MultiParam(r, "id"))
	var items [][]byte
	for _, o := range s.listVisible(r, kind) {
		if len(ids) > 0 && !ids[o.ID] {
			continue
		}
		if !apihttp.NameMatches(name, o.Name, true) || entity.IsDeleted(o.Data) {
			continue
		}
		items = append(items, o.Data)
	}
	return items
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}
