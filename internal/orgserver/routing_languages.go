package orgserver

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
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
	p, desc, err := apihttp.ParseSortedPage(r, "ASC", "DESC")
	if err != nil {
		return err
	}
	items := s.listActive(r, kindLanguage)
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}

func (s *Server) getLanguage(w http.ResponseWriter, r *http.Request) error {
	return s.serveStored(w, r, kindLanguage)
}

func (s *Server) createLanguage(w http.ResponseWriter, r *http.Request) error {
	var in platform.Language
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.createActive(w, r, softDeletingKind{kind: kindLanguage, entityType: "Language", noun: "language"}, in.Name, func(tx *store.Tx, id, name string) (any, error) {
		return platform.Language{
			ID: ptr(id), Name: ptr(name), State: ptr("active"), Version: ptr("1"),
			DateModified: ptr(apihttp.FormatTime(tx.Now())), SelfURI: ptr(languageSelfURI(id)),
		}, nil
	})
}

func (s *Server) deleteLanguage(w http.ResponseWriter, r *http.Request) error {
	return s.softDelete(w, r, softDeletingKind{kind: kindLanguage, entityType: "Language", noun: "language"})
}
