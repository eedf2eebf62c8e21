package responsemanagement

import (
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Response assets (/api/v2/responsemanagement/responseassets): POST …/uploads records a
// pending asset (its name and division) and answers its id and a presigned URL; the asset
// exists once the file is PUT there, so GET answers 404 until then, as on a real org. Only
// the name and the division change afterwards (PUT); new content is a new asset.
func (s *api) responseAssetRoutes() {
	k := kinds.Genesys().Named(kinds.ResponseAsset)
	s.Route("POST "+k.API.Search, k.PermissionFor("GET"), s.searchResponseAssets)
	s.ServeUploads(assetUploads())
}

const (
	// KindResponseAsset holds ResponseAsset JSON.
	KindResponseAsset store.Kind = kinds.ResponseAsset
	// kindAssetUpload holds pendingAsset JSON under the asset's id: what POST …/uploads was
	// told, until the file arrives and after (a retried PUT replaces the content).
	kindAssetUpload store.Kind = kinds.ResponseAsset + ".upload"
)

// responseAsset is the API model ResponseAsset.
type responseAsset struct {
	ID            string                     `json:"id"`
	Name          string                     `json:"name"`
	Division      *platform.WritableDivision `json:"division,omitempty"`
	ContentLength int                        `json:"contentLength"`
	ContentType   string                     `json:"contentType,omitempty"`
	DateCreated   string                     `json:"dateCreated,omitempty"`
	CreatedBy     *platform.DomainEntityRef  `json:"createdBy,omitempty"`
	DateModified  string                     `json:"dateModified,omitempty"`
	ModifiedBy    *platform.DomainEntityRef  `json:"modifiedBy,omitempty"`
	SelfURI       string                     `json:"selfUri"`
}

// pendingAsset is an asset whose file is awaited. It carries the division as the asset
// will, so that only a caller allowed to write there can register it.
type pendingAsset struct {
	Name     string                     `json:"name"`
	Division *platform.WritableDivision `json:"division"`
	host.Uploader
}

// assetWrite is CreateResponseAssetRequest and ResponseAssetRequest: the name and the
// division (contentMd5 is taken and not checked).
type assetWrite struct {
	Name       *string `json:"name"`
	DivisionID *string `json:"divisionId"`
	ContentMD5 *string `json:"contentMd5"`
}

// forbiddenAssetNameChars may not appear in an asset's name, as the real API refuses them.
const forbiddenAssetNameChars = "\\{^}%`]\">[~<#|"

// checkAssetName is the API's rule for an asset's name: present, no whitespace or
// characters URLs cannot carry, not starting with a dot nor ending with a slash.
func checkAssetName(name *string) error {
	if name == nil || *name == "" {
		return apihttp.Required("name")
	}
	n := *name
	if strings.ContainsAny(n, forbiddenAssetNameChars) || strings.IndexFunc(n, isSpace) >= 0 ||
		strings.HasPrefix(n, ".") || strings.HasSuffix(n, "/") {
		return apihttp.BadRequest("The field [name] must not start with a dot, end with a slash or hold whitespace or any of %s, not [%s].", forbiddenAssetNameChars, n)
	}
	return nil
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
}

func decodeAssetWrite(r *http.Request) (assetWrite, error) {
	var in assetWrite
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return in, err
	}
	return in, checkAssetName(in.Name)
}

func assetSelfURI(id string) string { return kinds.Genesys().Named(kinds.ResponseAsset).API.Item(id) }

// assetUploads are response asset files PUT to their presigned URLs.
func assetUploads() host.Uploads {
	return host.Uploads{Kind: kindAssetUpload, Path: "/uploads/responseassets/", Receive: receiveAsset}
}

// registerResponseAssetUpload is the create, POST …/uploads: the asset's id and the URL to PUT its file to
// (CreateResponseAssetResponse).
func (s *api) registerResponseAssetUpload(w http.ResponseWriter, r *http.Request) error {
	in, err := decodeAssetWrite(r)
	if err != nil {
		return err
	}
	id := uuid.NewString()
	p := apihttp.CallerOf(r)
	err = s.Store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		div, err := divisionOf(tx, in.DivisionID)
		if err != nil {
			return err
		}
		_, err = entity.Put(tx, kindAssetUpload, id, "", *in.Name, pendingAsset{Name: *in.Name, Division: div, Uploader: host.UploaderOf(p)})
		return err
	})
	if err != nil {
		return err
	}
	return apihttp.OK(w, map[string]any{
		"id":      id,
		"url":     s.UploadURL(r, assetUploads(), p.OrgID, id),
		"headers": map[string]string{"Content-Type": assetContentType(*in.Name, nil)},
	})
}

// divisionOf resolves a request's divisionId (absent: the home division), refusing an
// unknown one naming divisionId.
func divisionOf(tx *store.Tx, id *string) (*platform.WritableDivision, error) {
	if id != nil && *id == "" {
		return nil, apihttp.UnknownRef("divisionId", "")
	}
	return host.DivisionRefFor(tx, host.Deref(id), "divisionId")
}

// assetContentType is the MIME type of an asset: from its name's extension, else sniffed
// from the content (nil content: the generic binary type).
func assetContentType(name string, content []byte) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	if content != nil {
		return http.DetectContentType(content)
	}
	return "application/octet-stream"
}

// receiveAsset makes (or, for a repeated upload, refreshes) the asset the file was awaited for.
func receiveAsset(tx *store.Tx, p apihttp.Principal, pending *store.Object, data []byte) error {
	var want pendingAsset
	if err := host.DecodeObject(pending, &want); err != nil {
		return err
	}
	now := apihttp.FormatTime(tx.Now())
	asset := responseAsset{ID: pending.ID, Name: want.Name, Division: want.Division, DateCreated: now, CreatedBy: userRef(p), SelfURI: assetSelfURI(pending.ID)}
	old := tx.Get(KindResponseAsset, pending.ID)
	action := "Create"
	if old != nil {
		if err := host.DecodeObject(old, &asset); err != nil {
			return err
		}
		action = "Update"
	}
	asset.ContentLength, asset.ContentType = len(data), assetContentType(asset.Name, data)
	asset.DateModified, asset.ModifiedBy = now, userRef(p)
	_, err := host.PutAudited(tx, p, KindResponseAsset, asset, assetEvent(action, asset))
	return err
}

// userRef is the createdBy/modifiedBy of a write: the caller's client.
func userRef(p apihttp.Principal) *platform.DomainEntityRef {
	return &platform.DomainEntityRef{ID: host.Ptr(p.ClientID)}
}

func assetEvent(action string, a responseAsset) audit.Event {
	return audit.Event{Service: "ResponseManagement", EntityType: "ResponseAsset", Action: action, ID: a.ID, Name: a.Name}
}

func (s *api) getResponseAsset(w http.ResponseWriter, r *http.Request) error {
	o, err := s.Lookup(r, KindResponseAsset, r.PathValue("id"))
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, o.Data)
}

// putResponseAsset is PUT …/{id} (ResponseAssetRequest): a new name or division.
func (s *api) putResponseAsset(w http.ResponseWriter, r *http.Request) error {
	in, err := decodeAssetWrite(r)
	if err != nil {
		return err
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		_, asset, err := host.LoadStored[responseAsset](tx, KindResponseAsset, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		if in.DivisionID != nil {
			if asset.Division, err = divisionOf(tx, in.DivisionID); err != nil {
				return nil, err
			}
		}
		asset.Name, asset.DateModified, asset.ModifiedBy = *in.Name, apihttp.FormatTime(tx.Now()), userRef(p)
		return host.PutAudited(tx, p, KindResponseAsset, asset, assetEvent("Update", asset))
	})
}

// deleteResponseAsset is DELETE …/{id}: the asset and its upload go.
func (s *api) deleteResponseAsset(w http.ResponseWriter, r *http.Request) error {
	return s.DeleteStored(w, r, KindResponseAsset, "ResponseManagement", "ResponseAsset", func(tx *store.Tx, o *store.Object) error {
		tx.Delete(kindAssetUpload, o.ID)
		return nil
	})
}

// assetSearchFields are the fields a response asset search may name.
func assetSearchFields(a *responseAsset) host.SearchFields {
	var division *string
	if a.Division != nil {
		division = a.Division.ID
	}
	return host.ScalarFields(map[string]*string{"name": &a.Name, "id": &a.ID, "contentType": &a.ContentType, "division.id": division}, nil)
}

// searchResponseAssets is POST …/search (ResponseAssetSearchRequest): the criteria of the
// directory searches over name, id, contentType and division.id. A request without query
// lists every asset the caller may see, as the official provider's export asks.
func (s *api) searchResponseAssets(w http.ResponseWriter, r *http.Request) error {
	req, items, err := host.SearchDecoded(s.Host, r, KindResponseAsset, assetSearchFields, nil)
	if err != nil {
		return err
	}
	return apihttp.OK(w, host.SearchPage(r.URL.Path, "responseassets", req, items))
}
