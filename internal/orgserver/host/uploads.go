package host

import (
	"context"
	"io"
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// File uploads: several API groups take a file the way real orgs do, in two steps. A call
// with a token registers a pending upload and answers a presigned URL; the client then PUTs
// the file to that URL without a token. The URL points at this server as the caller reached
// it (its Host header), so it works behind any address the org is served on. The pieces
// every such file shares (the URL, the signature check, the size limit, doing the work as
// the client that asked) live here; what the file means is the group's.

// Uploader is the client that asked for an upload URL. A pending upload keeps it (its
// stored JSON embeds these fields) because the upload itself carries no token: the file is
// taken into the org, and audited, as this client.
type Uploader struct {
	ClientID   string `json:"clientId"`
	ClientName string `json:"clientName"`
	Role       string `json:"role"`
}

// UploaderOf is the uploader a pending upload records for caller p.
func UploaderOf(p apihttp.Principal) Uploader {
	return Uploader{ClientID: p.ClientID, ClientName: p.ClientName, Role: p.Role}
}

// Principal is the uploader acting in org.
func (u Uploader) Principal(org string) apihttp.Principal {
	return apihttp.Principal{OrgID: org, ClientID: u.ClientID, ClientName: u.ClientName, Role: u.Role}
}

// Uploads is one kind of file the org takes at presigned URLs.
type Uploads struct {
	// Kind stores the pending uploads: one object per upload whose id is the upload's and
	// whose JSON embeds the Uploader.
	Kind store.Kind
	// Path is where files are PUT, ending in "/"; the upload's id follows it.
	Path string
	// Check refuses a body that is not this kind of file before anything is stored (nil:
	// any body).
	Check func(data []byte) error
	// Receive takes the file into the org, in one transaction of the org that handed out
	// the URL, acting as the uploader.
	Receive func(tx *store.Tx, p apihttp.Principal, pending *store.Object, data []byte) error
}

// purpose binds a signature to one kind of upload, so that a URL of one kind opens no other.
func (u Uploads) purpose() string { return "upload:" + string(u.Kind) }

// UploadURL is the presigned URL to PUT the file of pending upload id (in org) to.
func (h *Host) UploadURL(r *http.Request, u Uploads, org, id string) string {
	return h.SignedURL(r, u.Path, u.purpose(), org, id)
}

// ReadSignedUpload checks the signature and expiry of a PUT to a presigned URL handed out
// for the object id of kind and purpose (FindSigned) and reads its body up to
// apihttp.MaxUploadBody; it returns the org that handed out the URL and the file.
func (h *Host) ReadSignedUpload(w http.ResponseWriter, r *http.Request, kind store.Kind, purpose, id string) (org string, data []byte, err error) {
	org, _, err = h.FindSigned(r, kind, purpose, id)
	if err != nil {
		return "", nil, err
	}
	data, err = io.ReadAll(http.MaxBytesReader(w, r.Body, apihttp.MaxUploadBody))
	if err != nil {
		return "", nil, apihttp.BadRequest("Unable to read the upload: %v", err)
	}
	return org, data, nil
}

// ServeUploads registers PUT <u.Path>{id}: the signature and expiry are checked, the body is
// read up to apihttp.MaxUploadBody and checked, and Receive takes it. It answers 200 with no
// body, as storage services do.
func (h *Host) ServeUploads(u Uploads) {
	h.HandlePlain("PUT "+u.Path+"{id}", func(w http.ResponseWriter, r *http.Request) error {
		id := r.PathValue("id")
		org, data, err := h.ReadSignedUpload(w, r, u.Kind, u.purpose(), id)
		if err != nil {
			return err
		}
		if u.Check != nil {
			if err := u.Check(data); err != nil {
				return err
			}
		}
		// The file has arrived: a client that stops waiting does not undo it.
		return h.Store.Update(context.WithoutCancel(r.Context()), org, func(tx *store.Tx) error {
			pending, who, err := LoadStored[Uploader](tx, u.Kind, id)
			if err != nil {
				return err
			}
			return u.Receive(tx, who.Principal(org), pending, data)
		})
	})
}
