package host

import (
	"crypto/subtle"
	"net/http"
	"strconv"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Presigned URLs: flow uploads and downloads and function zip uploads go to URLs that carry
// their own authorization (a signature over purpose, org, id and expiry), as real orgs hand
// out presigned storage URLs.

// DefaultPresignTTL is how long a presigned upload or download URL works, as on real
// orgs: long enough for any upload, short enough that a leaked URL soon stops working.
const DefaultPresignTTL = 15 * time.Minute

// PresignTTL is how long presigned URLs work.
func (h *Host) PresignTTL() time.Duration { return h.surface.PresignTTL() }

// SignedURL is an absolute URL on this server (as the caller reached it) whose signature
// binds purpose, org, id and the URL's expiry.
func (h *Host) SignedURL(r *http.Request, path, purpose, org, id string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	exp := strconv.FormatInt(time.Now().Add(h.surface.PresignTTL()).Unix(), 10)
	return scheme + "://" + r.Host + path + id + "?sig=" + h.surface.Sign(purpose+"|"+org+"|"+id+"|"+exp) + "&exp=" + exp
}

// FindSigned finds the org holding object id of kind whose signature for purpose is the
// request's sig, and checks that the URL has not expired. Unknown ids and bad signatures
// look the same to the caller.
func (h *Host) FindSigned(r *http.Request, kind store.Kind, purpose, id string) (string, *store.Object, error) {
	q := r.URL.Query()
	exp, sig := q.Get("exp"), q.Get("sig")
	for _, org := range h.Store.Orgs() {
		o := h.Store.Get(org.ID, kind, id)
		if o == nil {
			continue
		}
		if subtle.ConstantTimeCompare([]byte(h.surface.Sign(purpose+"|"+org.ID+"|"+id+"|"+exp)), []byte(sig)) != 1 {
			break
		}
		// The signature covers exp, so it is the server's own number.
		if t, err := strconv.ParseInt(exp, 10, 64); err != nil || time.Now().Unix() >= t {
			return "", nil, &apihttp.Error{Status: http.StatusForbidden, Code: "access.denied",
				Message: "The presigned URL has expired; ask the API for a new one (register a new job, or get the export job again)."}
		}
		return org.ID, o, nil
	}
	return "", nil, &apihttp.Error{Status: http.StatusForbidden, Code: "access.denied", Message: "The request signature does not match; use the URL exactly as the API returned it."}
}
