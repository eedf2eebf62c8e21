package architect

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/google/uuid"
)

// Grammar files (/api/v2/architect/grammars/{grammarId}/languages/{languageCode}/files/{mode}):
// a grammar language's voice or DTMF grammar is uploaded in two steps, as on real orgs. A POST
// naming the file type answers a presigned URL; the PUT of the file to that URL stores the
// file's metadata on the language (its size, type and upload date) and the URL it is served
// from. The languages themselves are the generic entity's (a child kind of grammars).

// grammarFileModes are the path's file modes and the language's fields each fills.
var grammarFileModes = map[string]struct{ metadata, url string }{
	"voice": {"voiceFileMetadata", "voiceFileUrl"},
	"dtmf":  {"dtmfFileMetadata", "dtmfFileUrl"},
}

func (s *api) grammarFileRoutes() {
	const language = "/api/v2/architect/grammars/{grammarId}/languages/{languageCode}/files/"
	for mode := range grammarFileModes {
		s.Route("POST "+language+mode, "architect:grammar:edit", s.grammarFileUploadURL(mode))
	}
	s.HandlePlain("PUT /uploads/grammars/{mode}/{fileType}/{id...}", s.uploadGrammarFile)
}

// grammarLanguageOf is the live grammar language a request path names, or 404.
func (s *api) grammarLanguageOf(r *http.Request) (*store.Object, error) {
	id := kinds.ChildID(r.PathValue("grammarId"), strings.ToLower(r.PathValue("languageCode")))
	return s.LookupParent(r, s.Entities.StoreKind(kinds.GrammarLanguage), id)
}

// grammarFileUploadURL answers the presigned URL a file of one mode is uploaded to.
func (s *api) grammarFileUploadURL(mode string) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		o, err := s.grammarLanguageOf(r)
		if err != nil {
			return err
		}
		var req struct {
			FileType string `json:"fileType"` // the API's GrammarFileUploadRequest
		}
		if err := apihttp.DecodeBody(r, &req); err != nil {
			return err
		}
		fileType := strings.TrimSpace(req.FileType)
		if fileType == "" || strings.ContainsAny(fileType, "/?#") {
			return apihttp.Required("fileType")
		}
		p := apihttp.PrincipalOf(r.Context())
		url := s.SignedURL(r, "/uploads/grammars/"+mode+"/"+fileType+"/", grammarUploadPurpose(mode, fileType), p.OrgID, o.ID)
		// The API's UploadUrlResponse.
		return apihttp.OK(w, map[string]any{"url": url, "uploadKey": uuid.NewString(),
			"headers": map[string]string{"Content-Type": "application/octet-stream"}})
	}
}

// grammarUploadPurpose binds a presigned URL to the mode and file type it was asked for.
func grammarUploadPurpose(mode, fileType string) string { return "grammar-" + mode + "-" + fileType }

// uploadGrammarFile is the PUT to a presigned URL: it records the file on its language.
func (s *api) uploadGrammarFile(w http.ResponseWriter, r *http.Request) error {
	mode, fileType, id := r.PathValue("mode"), r.PathValue("fileType"), r.PathValue("id")
	fields, ok := grammarFileModes[mode]
	if !ok {
		return apihttp.NotFound()
	}
	kind := s.Entities.StoreKind(kinds.GrammarLanguage)
	org, data, err := s.ReadSignedUpload(w, r, kind, grammarUploadPurpose(mode, fileType), id)
	if err != nil {
		return err
	}
	err = s.Store.Update(r.Context(), org, func(tx *store.Tx) error {
		o := entity.Live(tx, kind, id)
		if o == nil {
			return apihttp.NotFound() // deleted since the URL was handed out
		}
		var doc map[string]any
		if err := json.Unmarshal(o.Data, &doc); err != nil {
			return err
		}
		doc[fields.metadata] = map[string]any{"fileSizeBytes": len(data), "fileType": fileType,
			"dateUploaded": apihttp.FormatTime(tx.Now())}
		doc[fields.url] = "/api/v2/architect/grammars/" + strings.ReplaceAll(id, "/", "/languages/") + "/files/" + mode
		// Like a flow's upload, the PUT carries no caller to audit: the presigned URL is its
		// authorization.
		_, err = entity.Put(tx, o.Kind, o.ID, o.Parent, o.Name, doc)
		return err
	})
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusOK)
	return nil
}
