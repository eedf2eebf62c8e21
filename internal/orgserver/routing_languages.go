package orgserver

import (
	"net/http"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Routing languages: like skills, but without a division and without any update.
// Deletion is soft (state "deleted", still readable by id, name free again); the
// version is a string, as in the real model.
func (s *Server) languageRoutes() {
	s.route("GET /api/v2/routing/languages", "routing:language:view", s.listLanguages)
	s.route("POST /api/v2/routing/languages", "routing:language:add", s.createLanguage)
	s.route("GET /api/v2/routing/languages/{id}", "routing:language:view", s.getLanguage)
	s.route("DELETE /api/v2/routing/languages/{id}", "routing:language:delete", s.deleteLanguage)
}

func languageSelfURI(id string) string { return "/api/v2/routing/languages/" + id }

func (s *Server) listLanguages(w http.ResponseWriter, r *http.Request) error {
	p, err := parsePage(r, maxPageSize)
	if err != nil {
		return err
	}
	desc, err := routingSortDescending(r, "sortOrder", "ASC", "DESC")
	if err != nil {
		return err
	}
	items := s.listActive(r, kindLanguage)
	if desc {
		slices.Reverse(items)
	}
	writeJSON(w, http.StatusOK, listing(r, p, items))
	return nil
}

func (s *Server) createLanguage(w http.ResponseWriter, r *http.Request) error {
	var in platform.Language
	if err := decodeBody(r, &in); err != nil {
		return err
	}
	name := strings.TrimSpace(deref(in.Name))
	if name == "" {
		return errRequired("name")
	}
	var out []byte
	err := s.store.Update(r.Context(), principalOf(r.Context()).OrgID, func(tx *Tx) error {
		if existing := findActiveByName(tx, kindLanguage, name); existing != nil {
			return errConflict("A language named [%s] exists already (id %s).", name, existing.ID)
		}
		id := uuid.NewString()
		l := platform.Language{
			ID: ptr(id), Name: ptr(name), State: ptr("active"), Version: ptr("1"),
			DateModified: ptr(formatTime(tx.Now())), SelfURI: ptr(languageSelfURI(id)),
		}
		var err error
		if out, err = putEntity(tx, kindLanguage, id, "", name, l); err != nil {
			return err
		}
		s.record(tx, r, auditEvent{Service: "Routing", EntityType: "Language", Action: "Create", ID: id, Name: name, New: out})
		return nil
	})
	if err != nil {
		return err
	}
	writeRaw(w, http.StatusOK, out)
	return nil
}

func (s *Server) getLanguage(w http.ResponseWriter, r *http.Request) error {
	o, err := s.lookup(r, kindLanguage, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeRaw(w, http.StatusOK, o.Data)
	return nil
}

func (s *Server) deleteLanguage(w http.ResponseWriter, r *http.Request) error {
	return s.softDelete(w, r, kindLanguage, "Language")
}

// routingSortDescending reads a sort-order query parameter whose two spellings differ per
// endpoint (ASC/DESC, asc/desc, ascending/descending); it reports whether the order is
// descending. Case is ignored because the SDKs' documentation and defaults disagree on it.
func routingSortDescending(r *http.Request, key, asc, desc string) (bool, error) {
	v := r.URL.Query().Get(key)
	switch {
	case v == "" || strings.EqualFold(v, asc):
		return false, nil
	case strings.EqualFold(v, desc):
		return true, nil
	}
	return false, errInvalidValue(key, v, []string{asc, desc})
}
