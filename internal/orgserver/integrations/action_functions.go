package integrations

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/google/uuid"
)

// Function settings of data actions: the code package (a zip) a function data action runs,
// its handler, runtime and timeout. They belong to the draft (PUT draft/function, and the
// zip through a presigned upload) and become the action's own when the draft is published
// (GET function). An action or draft without settings answers a FunctionConfig holding
// only its id, so that readers of actions that run no function see "none", not a 404.
func (s *api) actionFunctionRoutes() {
	s.Route("GET /api/v2/integrations/actions/{id}/function", "integrations:actionFunction:view", s.getActionFunction(host.KindAction, kindActionFunction))
	s.Route("GET /api/v2/integrations/actions/{id}/draft/function", "integrations:actionFunction:view", s.getActionFunction(host.KindActionDraft, kindActionDraftFunction))
	s.Route("PUT /api/v2/integrations/actions/{id}/draft/function", "integrations:actionFunction:edit", s.putActionDraftFunction)
	s.Route("POST /api/v2/integrations/actions/{id}/draft/function/upload", "integrations:actionFunction:edit", s.registerFunctionUpload)
	s.ServeUploads(s.functionUploads())
}

const (
	kindActionFunction      store.Kind = "integration.action.function"       // ID = the action's id; Data = functionConfig
	kindActionDraftFunction store.Kind = "integration.action.draft.function" // ID = the action's id; Data = functionConfig
	kindFunctionZip         store.Kind = "integration.action.function.zip"   // Parent = the action's id; Data = uploadedZip
)

// actionFunction is the API model Function.
type actionFunction struct {
	ID             string  `json:"id,omitempty"`
	Name           string  `json:"name,omitempty"`
	Description    *string `json:"description,omitempty"`
	DateCreated    string  `json:"dateCreated,omitempty"`
	ZipID          *string `json:"zipId,omitempty"`
	Handler        *string `json:"handler,omitempty"`
	Runtime        *string `json:"runtime,omitempty"`
	TimeoutSeconds *int    `json:"timeoutSeconds,omitempty"`
}

// functionZip is the API model FunctionZipConfig.
type functionZip struct {
	Status      string `json:"status"`
	ID          string `json:"id"`
	Name        string `json:"name"`
	DateCreated string `json:"dateCreated"`
}

// uploadedZip is a stored package: its FunctionZipConfig and the client that asked for the
// upload URL, whom the upload (which carries no token) is audited as.
type uploadedZip struct {
	functionZip
	host.Uploader
}

// functionConfig is the API model FunctionConfig.
type functionConfig struct {
	ID       string          `json:"id"`
	Function *actionFunction `json:"function,omitempty"`
	Zip      *functionZip    `json:"zip,omitempty"`
	SelfURI  string          `json:"selfUri"`
}

// maxFunctionTimeoutSeconds bounds Function.timeoutSeconds, as the action's own timeout is
// bounded (1–60 s).
const maxFunctionTimeoutSeconds = 60

func functionSelfURI(actionID string, draft bool) string {
	return actionSelfURI(actionID, draft) + "/function"
}

// getActionFunction answers the function settings of an action or its draft.
func (s *api) getActionFunction(owner, kind store.Kind) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		o, err := s.Lookup(r, owner, r.PathValue("id"))
		if err != nil {
			return err
		}
		if fc := s.Store.Get(apihttp.PrincipalOf(r.Context()).OrgID, kind, o.ID); fc != nil {
			return apihttp.OKRaw(w, fc.Data)
		}
		return apihttp.OK(w, functionConfig{ID: o.ID, SelfURI: functionSelfURI(o.ID, owner == host.KindActionDraft)})
	}
}

// putActionDraftFunction is PUT draft/function: description, handler and runtime are
// required; zipId, when sent, names a package uploaded for this action.
func (s *api) putActionDraftFunction(w http.ResponseWriter, r *http.Request) error {
	var in actionFunction
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	for _, req := range []struct {
		field string
		v     *string
	}{{"description", in.Description}, {"handler", in.Handler}, {"runtime", in.Runtime}} {
		if req.v == nil || strings.TrimSpace(*req.v) == "" {
			return apihttp.Required(req.field)
		}
	}
	if t := in.TimeoutSeconds; t != nil && (*t < 1 || *t > maxFunctionTimeoutSeconds) {
		return apihttp.BadRequest("The field [timeoutSeconds] must be between 1 and %d, not [%d].", maxFunctionTimeoutSeconds, *t)
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		draft, err := entity.Lookup(tx, host.KindActionDraft, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		old, fc, err := draftFunction(tx, draft.ID)
		if err != nil {
			return nil, err
		}
		if in.ZipID != nil {
			z := tx.Get(kindFunctionZip, *in.ZipID)
			if z == nil || z.Parent != draft.ID {
				return nil, apihttp.UnknownRef("zipId", *in.ZipID)
			}
			var zip uploadedZip
			if err := host.DecodeObject(z, &zip); err != nil {
				return nil, err
			}
			fc.Zip = &zip.functionZip
		} else if fc.Zip != nil {
			in.ZipID = host.Ptr(fc.Zip.ID)
		}
		in.ID, in.Name, in.DateCreated = draft.ID, draft.Name, apihttp.FormatTime(tx.Now())
		fc.Function = &in
		return putFunctionConfig(tx, p, draft, old, fc)
	})
}

// draftFunction is a draft's function settings as stored (old, nil until first written), or
// new ones.
func draftFunction(tx *store.Tx, draftID string) (old *store.Object, fc functionConfig, err error) {
	fc = functionConfig{ID: draftID, SelfURI: functionSelfURI(draftID, true)}
	if old = tx.Get(kindActionDraftFunction, draftID); old != nil {
		err = host.DecodeObject(old, &fc)
	}
	return old, fc, err
}

// putFunctionConfig stores a draft's function settings and audits the change.
func putFunctionConfig(tx *store.Tx, p apihttp.Principal, draft, old *store.Object, fc functionConfig) ([]byte, error) {
	stored, err := entity.Put(tx, kindActionDraftFunction, draft.ID, "", draft.Name, fc)
	if err != nil {
		return nil, err
	}
	ev := audit.Event{Service: "Integrations", EntityType: "ActionFunction", Action: "Update", ID: draft.ID, Name: draft.Name, Old: host.DataOf(old), New: stored}
	audit.Record(tx, p, ev)
	return stored, nil
}

// registerFunctionUpload is POST draft/function/upload: it records a pending package and
// answers a presigned URL on this server to PUT the zip to (FunctionUploadResponse).
func (s *api) registerFunctionUpload(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		FileName                *string `json:"fileName"`
		SignedURLTimeoutSeconds *int    `json:"signedUrlTimeoutSeconds"`
	}
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if in.FileName == nil || strings.TrimSpace(*in.FileName) == "" {
		return apihttp.Required("fileName")
	}
	if !strings.HasSuffix(strings.ToLower(*in.FileName), ".zip") {
		return apihttp.BadRequest("The field [fileName] must name a .zip file, not [%s].", *in.FileName)
	}
	if t := in.SignedURLTimeoutSeconds; t != nil && *t < 1 {
		return apihttp.BadRequest("The field [signedUrlTimeoutSeconds] must be positive, not [%d].", *t)
	}
	return host.CommitValue(s.Host, w, r, func(tx *store.Tx, p apihttp.Principal) (map[string]any, error) {
		draft, err := entity.Lookup(tx, host.KindActionDraft, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		zipID := uuid.NewString()
		_, err = entity.Put(tx, kindFunctionZip, zipID, draft.ID, *in.FileName, uploadedZip{
			functionZip: functionZip{Status: "Pending", ID: zipID, Name: *in.FileName, DateCreated: apihttp.FormatTime(tx.Now())},
			Uploader:    host.UploaderOf(p)})
		// The URL works as long as every presigned URL of this server, whatever was asked for.
		return map[string]any{
			"url":                     s.UploadURL(r, s.functionUploads(), p.OrgID, zipID),
			"headers":                 map[string]string{"Content-Type": "application/zip"},
			"signedUrlTimeoutSeconds": int(s.PresignTTL().Seconds()),
		}, err
	})
}

// functionUploads are function packages PUT to their presigned URLs: a zip makes the
// package Available and the draft's function runs it.
func (s *api) functionUploads() host.Uploads {
	return host.Uploads{Kind: kindFunctionZip, Path: "/uploads/functions/", Check: checkZip, Receive: receiveFunctionZip}
}

// checkZip refuses an upload that is not a zip file.
func checkZip(data []byte) error {
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return apihttp.BadRequest("The upload is not a zip file.")
	}
	return nil
}

// receiveFunctionZip makes an uploaded package Available and gives it to its draft's function.
func receiveFunctionZip(tx *store.Tx, p apihttp.Principal, z *store.Object, _ []byte) error {
	var zip uploadedZip
	if err := host.DecodeObject(z, &zip); err != nil {
		return err
	}
	zip.Status = "Available"
	if _, err := entity.Put(tx, kindFunctionZip, z.ID, z.Parent, z.Name, zip); err != nil {
		return err
	}
	draft := tx.Get(host.KindActionDraft, z.Parent)
	if draft == nil {
		return nil // the draft was published or deleted meanwhile; the package stays unused
	}
	old, fc, err := draftFunction(tx, draft.ID)
	if err != nil {
		return err
	}
	fc.Zip = &zip.functionZip
	if fc.Function != nil {
		fc.Function.ZipID = host.Ptr(zip.ID)
	}
	_, err = putFunctionConfig(tx, p, draft, old, fc)
	return err
}

// publishActionFunction makes a draft's function settings the action's own as the draft
// is published, and forgets the draft's.
func publishActionFunction(tx *store.Tx, actionID string) error {
	d, fc, err := host.FindStored[functionConfig](tx.Get, kindActionDraftFunction, actionID)
	if d == nil || err != nil {
		return err
	}
	fc.SelfURI = functionSelfURI(actionID, false)
	tx.Delete(kindActionDraftFunction, actionID)
	_, err = entity.Put(tx, kindActionFunction, actionID, "", d.Name, fc)
	return err
}
