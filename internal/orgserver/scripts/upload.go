package scripts

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/google/uuid"
)

// The scripter upload service (POST /uploads/v2/scripter, with the caller's token): a
// multipart form holding the script file (a script export: JSON with its pages, variables,
// custom actions and features), scriptName, and scriptIdToReplace to change an existing
// script. The answer carries the upload's correlationId, whose status
// (/api/v2/scripts/uploads/{id}/status) says whether the import succeeded. The local org
// imports at once, so a bad file is refused with 400 naming the form field and a stored
// status always says succeeded.

// kindUploadStatus holds importStatus JSON under the upload's correlation id.
const kindUploadStatus store.Kind = kinds.Script + ".upload"

// importStatus is the API model ImportScriptStatusResponse.
type importStatus struct {
	URL       string `json:"url,omitempty"`
	Succeeded bool   `json:"succeeded"`
	Message   string `json:"message,omitempty"`
}

// scriptFile is what a script file brings: the parts of Script the editor exports.
type scriptFile struct {
	StartPageID   string          `json:"startPageId,omitempty"`
	StartPageName string          `json:"startPageName,omitempty"`
	Features      json.RawMessage `json:"features,omitempty"`
	Variables     json.RawMessage `json:"variables,omitempty"`
	CustomActions json.RawMessage `json:"customActions,omitempty"`
	Pages         json.RawMessage `json:"pages,omitempty"`
}

// readUploadForm reads the upload's form: the script's name, the script it replaces ("" for
// a new one) and the file's content, checked to be a script export.
func readUploadForm(r *http.Request) (name, replaces string, file scriptFile, err error) {
	if err := r.ParseMultipartForm(apihttp.MaxUploadBody); err != nil {
		return "", "", file, apihttp.BadRequest("The upload must be a multipart form holding file and scriptName: %v", err)
	}
	name, replaces = strings.TrimSpace(r.FormValue("scriptName")), r.FormValue("scriptIdToReplace")
	if name == "" {
		return "", "", file, apihttp.Required("scriptName")
	}
	f, _, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) {
		return "", "", file, apihttp.Required("file")
	}
	if err != nil {
		return "", "", file, apihttp.BadRequest("Unable to read the field [file]: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return "", "", file, apihttp.BadRequest("Unable to read the field [file]: %v", err)
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return "", "", file, apihttp.BadRequest("The field [file] is not a script export (a JSON object): %v", err)
	}
	if len(file.Pages) > 0 && file.Pages[0] != '[' {
		return "", "", file, apihttp.BadRequest("The field [file] holds pages that are not a list.")
	}
	return name, replaces, file, nil
}

// uploadScript is POST /uploads/v2/scripter: the script is made (or, with scriptIdToReplace,
// changed) from the file; the answer is the upload's correlation id.
func (s *api) uploadScript(w http.ResponseWriter, r *http.Request) error {
	name, replaces, file, err := readUploadForm(r)
	if err != nil {
		return err
	}
	correlationID := uuid.NewString()
	err = s.Store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
		p := apihttp.PrincipalOf(r.Context())
		now := apihttp.FormatTime(tx.Now())
		sc, action := script{ID: uuid.NewString(), CreatedDate: now}, "Create"
		if replaces != "" {
			old := tx.Get(host.KindScript, replaces)
			if old == nil {
				return apihttp.UnknownRef("scriptIdToReplace", replaces)
			}
			if err := host.DecodeObject(old, &sc); err != nil {
				return err
			}
			action = "Update"
		} else {
			div, err := host.DivisionRef(tx, "")
			if err != nil {
				return err
			}
			sc.Division = div
		}
		sc.Name, sc.VersionID, sc.ModifiedDate, sc.VersionDate, sc.SelfURI = name, uuid.NewString(), now, now, scriptSelfURI(sc.ID)
		sc.scriptFile = file
		if _, err := host.PutAudited(tx, p, host.KindScript, sc, scriptEvent(action, sc)); err != nil {
			return err
		}
		_, err := entity.Put(tx, kindUploadStatus, correlationID, "", name, importStatus{Succeeded: true})
		return err
	})
	if err != nil {
		return err
	}
	return apihttp.OK(w, map[string]string{"correlationId": correlationID})
}

// getUploadStatus is GET /api/v2/scripts/uploads/{uploadId}/status.
func (s *api) getUploadStatus(w http.ResponseWriter, r *http.Request) error {
	o := s.Store.Get(apihttp.PrincipalOf(r.Context()).OrgID, kindUploadStatus, r.PathValue("uploadId"))
	if o == nil {
		return apihttp.NotFound()
	}
	return apihttp.OKRaw(w, o.Data)
}
