package scripts

import (
	"encoding/json"
	"net/http"
	"slices"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Scripts as /api/v2/scripts reads them. A script is kept once; publishing stamps its
// publishedDate, and /scripts/published lists the scripts that have one. The default
// scripts every org has are published and cannot be deleted.
func (s *api) scriptRoutes() {
	k := kinds.Genesys().Named(kinds.Script)
	view := k.PermissionFor("GET")
	s.Route("GET /api/v2/scripts/uploads/{uploadId}/status", view, s.getUploadStatus)
	s.Route("GET /api/v2/scripts/published", "scripter:publishedScript:view", s.listScripts(true))
	s.Route("GET /api/v2/scripts/published/{id}", "scripter:publishedScript:view", s.getScript(true))
	s.Route("POST /api/v2/scripts/published", "scripter:publishedScript:add", s.publishScript)
	s.Route("POST /api/v2/scripts/{id}/export", view, s.exportScript)
	s.HandlePlain("GET /downloads/scripts/{id}", s.downloadScript)
}

// script is the API model Script.
type script struct {
	ID            string                     `json:"id"`
	Name          string                     `json:"name"`
	Division      *platform.WritableDivision `json:"division,omitempty"`
	VersionID     string                     `json:"versionId"`
	CreatedDate   string                     `json:"createdDate,omitempty"`
	ModifiedDate  string                     `json:"modifiedDate,omitempty"`
	PublishedDate string                     `json:"publishedDate,omitempty"`
	VersionDate   string                     `json:"versionDate,omitempty"`
	// scriptFile is the content, as the last upload brought it (upload.go).
	scriptFile
	SelfURI string `json:"selfUri"`
}

func scriptSelfURI(id string) string { return kinds.Genesys().Named(kinds.Script).API.Item(id) }

func scriptEvent(action string, sc script) audit.Event {
	return audit.Event{Service: "Scripter", EntityType: "Script", Action: action, ID: sc.ID, Name: sc.Name}
}

// isPublished reports whether a stored script has been published.
func isPublished(o *store.Object) bool {
	var sc struct {
		PublishedDate string `json:"publishedDate"`
	}
	return host.DecodeObject(o, &sc) == nil && sc.PublishedDate != ""
}

// listScripts is GET /api/v2/scripts (or, published, /scripts/published): the caller's
// visible scripts, filtered by name (a part of it, ignoring case) and divisionIds.
func (s *api) listScripts(published bool) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, err := apihttp.ParsePage(r, 100)
		if err != nil {
			return err
		}
		name, divisions := r.URL.Query().Get("name"), apihttp.MultiParam(r, "divisionIds")
		items := [][]byte{}
		for _, o := range s.ListVisible(r, host.KindScript) {
			if (published && !isPublished(o)) || !apihttp.NameMatches(name, o.Name, true) ||
				(len(divisions) > 0 && !slices.Contains(divisions, host.ObjectDivision(o))) {
				continue
			}
			items = append(items, o.Data)
		}
		return apihttp.WritePage(w, r, p, items)
	}
}

// getScript is GET /api/v2/scripts/{id} (or, published, /scripts/published/{id}, 404 for a
// script never published).
func (s *api) getScript(published bool) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		o, err := s.Lookup(r, host.KindScript, r.PathValue("id"))
		if err != nil {
			return err
		}
		if published && !isPublished(o) {
			return apihttp.NotFound()
		}
		return apihttp.OKRaw(w, o.Data)
	}
}

// publishScript is POST /api/v2/scripts/published (PublishScriptRequestData): scriptId is
// required and must name a script; versionId, when sent, must be its current version.
func (s *api) publishScript(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		ScriptID  *string `json:"scriptId"`
		VersionID *string `json:"versionId"`
	}
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if in.ScriptID == nil || *in.ScriptID == "" {
		return apihttp.Required("scriptId")
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, sc, err := host.FindStored[script](tx.Get, host.KindScript, *in.ScriptID)
		if err != nil {
			return nil, err
		}
		if o == nil {
			return nil, apihttp.UnknownRef("scriptId", *in.ScriptID)
		}
		if in.VersionID != nil && *in.VersionID != "" && *in.VersionID != sc.VersionID {
			return nil, apihttp.BadRequest("The field [versionId] must be the script's current version [%s], not [%s].", sc.VersionID, *in.VersionID)
		}
		sc.PublishedDate = apihttp.FormatTime(tx.Now())
		return host.PutAudited(tx, p, host.KindScript, sc, scriptEvent("Publish", sc))
	})
}

// deleteScript is DELETE /api/v2/scripts/{id}; it answers 200, as the official provider
// expects. The default scripts cannot be deleted.
func (s *api) deleteScript(w http.ResponseWriter, r *http.Request) error {
	err := s.Store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
		o, err := entity.Lookup(tx, host.KindScript, r.PathValue("id"))
		if err != nil {
			return err
		}
		if slices.Contains(kinds.DefaultScriptNames(), o.Name) {
			return apihttp.BadRequest("The script [%s] is a default script of the org and cannot be deleted.", o.Name)
		}
		host.DeleteAudited(tx, apihttp.PrincipalOf(r.Context()), o, "Scripter", "Script")
		return nil
	})
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusOK)
	return nil
}

// exportScript is POST /api/v2/scripts/{id}/export: a presigned URL on this server that
// downloads the script file (ExportScriptResponse).
func (s *api) exportScript(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		FileName  *string `json:"fileName"`
		VersionID *string `json:"versionId"`
	}
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	o, err := s.Lookup(r, host.KindScript, r.PathValue("id"))
	if err != nil {
		return err
	}
	org := apihttp.PrincipalOf(r.Context()).OrgID
	return apihttp.OK(w, map[string]string{"url": s.SignedURL(r, "/downloads/scripts/", "script-download", org, o.ID)})
}

// downloadScript is the GET of an export's presigned URL: the script as a file.
func (s *api) downloadScript(w http.ResponseWriter, r *http.Request) error {
	_, o, err := s.FindSigned(r, host.KindScript, "script-download", r.PathValue("id"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", `attachment; filename="script.json"`)
	return apihttp.OKRaw(w, o.Data)
}

// SeedDefaultScripts gives a new org the default scripts every Genesys Cloud org has,
// published, in its home division.
func SeedDefaultScripts(tx *store.Tx) error {
	div, err := host.DivisionRef(tx, "")
	if err != nil {
		return err
	}
	now := apihttp.FormatTime(tx.Now())
	for _, name := range kinds.DefaultScriptNames() {
		id := uuid.NewString()
		sc := script{ID: id, Name: name, Division: div, VersionID: uuid.NewString(), CreatedDate: now, ModifiedDate: now,
			PublishedDate: now, VersionDate: now, scriptFile: scriptFile{Pages: json.RawMessage(`[]`)}, SelfURI: scriptSelfURI(id)}
		if _, err := entity.Put(tx, host.KindScript, id, "", name, sc); err != nil {
			return err
		}
	}
	return nil
}
