package orgserver

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

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
	p, err := parsePage(r, maxPageSize)
	if err != nil {
		return err
	}
	items := s.listActive(r, kindSkill)
	writeJSON(w, http.StatusOK, listing(r, p, items))
	return nil
}

func (s *Server) createSkill(w http.ResponseWriter, r *http.Request) error {
	var in platform.CreateRoutingSkill
	if err := decodeBody(r, &in); err != nil {
		return err
	}
	name := strings.TrimSpace(deref(in.Name))
	if name == "" {
		return errRequired("name")
	}
	var out []byte
	err := s.store.Update(r.Context(), principalOf(r.Context()).OrgID, func(tx *Tx) error {
		if existing := findActiveByName(tx, kindSkill, name); existing != nil {
			return errConflict("A skill named [%s] exists already (id %s).", name, existing.ID)
		}
		divID, divName, err := divisionRef(tx, deref(in.DivisionID), "divisionId")
		if err != nil {
			return err
		}
		id := uuid.NewString()
		sk := platform.RoutingSkill{
			ID: ptr(id), Name: ptr(name), State: ptr("active"), Version: ptr("1"),
			Division:     &platform.Division{ID: ptr(divID), Name: ptr(divName), SelfURI: ptr(divisionSelfURI(divID))},
			DateModified: ptr(formatTime(tx.Now())), SelfURI: ptr(skillSelfURI(id)),
		}
		if out, err = putEntity(tx, kindSkill, id, "", name, sk); err != nil {
			return err
		}
		s.record(tx, r, auditEvent{Service: "Routing", EntityType: "Skill", Action: "Create", ID: id, Name: name, New: out})
		return nil
	})
	if err != nil {
		return err
	}
	writeRaw(w, http.StatusOK, out)
	return nil
}

func (s *Server) getSkill(w http.ResponseWriter, r *http.Request) error {
	o, err := s.lookup(r, kindSkill, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeRaw(w, http.StatusOK, o.Data)
	return nil
}

func (s *Server) patchSkill(w http.ResponseWriter, r *http.Request) error {
	var in platform.UpdateSkillDivisionRequest
	if err := decodeBody(r, &in); err != nil {
		return err
	}
	var out []byte
	err := s.store.Update(r.Context(), principalOf(r.Context()).OrgID, func(tx *Tx) error {
		o, err := txLookup(tx, kindSkill, r.PathValue("id"))
		if err != nil {
			return err
		}
		var sk platform.RoutingSkill
		if err := decodeObject(o, &sk); err != nil {
			return err
		}
		if deref(in.DivisionID) != "" {
			divID, divName, err := divisionRef(tx, *in.DivisionID, "divisionId")
			if err != nil {
				return err
			}
			sk.Division = &platform.Division{ID: ptr(divID), Name: ptr(divName), SelfURI: ptr(divisionSelfURI(divID))}
		}
		sk.Version = ptr(bumpStringVersion(deref(sk.Version)))
		sk.DateModified = ptr(formatTime(tx.Now()))
		if out, err = putEntity(tx, kindSkill, o.ID, "", o.Name, sk); err != nil {
			return err
		}
		s.record(tx, r, auditEvent{Service: "Routing", EntityType: "Skill", Action: "Update", ID: o.ID, Name: o.Name, Old: o.Data, New: out})
		return nil
	})
	if err != nil {
		return err
	}
	writeRaw(w, http.StatusOK, out)
	return nil
}

func (s *Server) deleteSkill(w http.ResponseWriter, r *http.Request) error {
	return s.softDelete(w, r, kindSkill, "Skill")
}

// softDelete marks a skill or language deleted as the real API does: GET keeps returning it
// with state "deleted" (and a new string version), lists leave it out, its name is free.
func (s *Server) softDelete(w http.ResponseWriter, r *http.Request, kind Kind, entityType string) error {
	err := s.store.Update(r.Context(), principalOf(r.Context()).OrgID, func(tx *Tx) error {
		o, err := txLookup(tx, kind, r.PathValue("id"))
		if err != nil {
			return err
		}
		if isDeleted(o.Data) {
			return errNotFound()
		}
		var doc map[string]any
		if err := json.Unmarshal(o.Data, &doc); err != nil {
			return err
		}
		version, _ := doc["version"].(string)
		doc["state"], doc["version"], doc["dateModified"] = "deleted", bumpStringVersion(version), formatTime(tx.Now())
		out, err := putEntity(tx, kind, o.ID, "", o.Name, doc)
		if err != nil {
			return err
		}
		s.record(tx, r, auditEvent{Service: "Routing", EntityType: entityType, Action: "Delete", ID: o.ID, Name: o.Name, Old: o.Data, New: out})
		return nil
	})
	if err != nil {
		return err
	}
	return noContent(w)
}

// listActive is the listing of a soft-deleting kind (skills, languages): not deleted, the
// `id` filter, and `name` as "starts with" (with the usual wildcards).
func (s *Server) listActive(r *http.Request, kind Kind) [][]byte {
	name := r.URL.Query().Get("name")
	ids := setOf(multiParam(r, "id"))
	var items [][]byte
	for _, o := range s.store.List(principalOf(r.Context()).OrgID, kind, "") {
		if len(ids) > 0 && !ids[o.ID] {
			continue
		}
		if !nameMatches(name, o.Name, true) || isDeleted(o.Data) {
			continue
		}
		items = append(items, o.Data)
	}
	return items
}

// isDeleted reports whether a stored entity is soft-deleted (top-level state "deleted").
func isDeleted(data []byte) bool {
	var st struct {
		State string `json:"state"`
	}
	return json.Unmarshal(data, &st) == nil && st.State == "deleted"
}

// findActiveByName finds a not-deleted object by case-insensitive name.
func findActiveByName(tx *Tx, kind Kind, name string) *Object {
	for _, o := range tx.List(kind, "") {
		if strings.EqualFold(o.Name, name) && !isDeleted(o.Data) {
			return o
		}
	}
	return nil
}

func bumpStringVersion(v string) string {
	n, _ := strconv.Atoi(v)
	return strconv.Itoa(n + 1)
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
