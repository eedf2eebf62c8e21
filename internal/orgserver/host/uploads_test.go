package host

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// plainSurface is the part of the server the upload seam stands on: a mux for plain routes
// (errors answered with their status) and an HMAC signer. Other Surface methods are not
// reached by these tests.
type plainSurface struct {
	Surface
	mux *http.ServeMux
	ttl time.Duration
}

func (s plainSurface) HandlePlain(pattern string, h Handler) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			var ae *apihttp.Error
			if errors.As(err, &ae) {
				http.Error(w, ae.Message, ae.Status)
				return
			}
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
}

func (s plainSurface) Sign(payload string) string {
	m := hmac.New(sha256.New, []byte("test key"))
	m.Write([]byte(payload))
	return hex.EncodeToString(m.Sum(nil))
}

func (s plainSurface) PresignTTL() time.Duration { return s.ttl }

// pendingNote is a pending upload as a group stores it: its own fields and the uploader.
type pendingNote struct {
	Text string `json:"text"`
	Uploader
}

// An upload URL points at the server as the client reached it, opens only its own kind of
// upload, refuses a body its check refuses, and hands the file to Receive as the client
// that asked for the URL.
func TestUploadsHandOutAndAcceptURLs(t *testing.T) {
	t.Parallel()
	st, p := newBareOrg(t)
	mux := http.NewServeMux()
	h := New(st, nil, plainSurface{mux: mux, ttl: time.Minute}, nil, nil)
	const kindNote, kindOther store.Kind = "test.note", "test.other"
	var got struct {
		who  apihttp.Principal
		data string
	}
	notes := Uploads{Kind: kindNote, Path: "/uploads/notes/",
		Check: func(data []byte) error {
			if !strings.HasPrefix(string(data), "note:") {
				return apihttp.BadRequest("The upload is not a note.")
			}
			return nil
		},
		Receive: func(tx *store.Tx, who apihttp.Principal, pending *store.Object, data []byte) error {
			got.who, got.data = who, string(data)
			_, err := entity.Put(tx, kindNote, pending.ID, "", pending.Name, pendingNote{Text: string(data), Uploader: UploaderOf(who)})
			return err
		}}
	h.ServeUploads(notes)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	err := st.Update(context.Background(), p.OrgID, func(tx *store.Tx) error {
		if _, err := entity.Put(tx, kindNote, "n1", "", "first", pendingNote{Uploader: UploaderOf(p)}); err != nil {
			return err
		}
		_, err := entity.Put(tx, kindOther, "n1", "", "other", pendingNote{Uploader: UploaderOf(p)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The URL is made for the Host the client used, whatever address the server listens on.
	asked := httptest.NewRequest(http.MethodPost, "/api/v2/notes/uploads", nil)
	asked.Host = strings.TrimPrefix(srv.URL, "http://")
	link := h.UploadURL(asked, notes, p.OrgID, "n1")
	if !strings.HasPrefix(link, srv.URL+"/uploads/notes/n1?") {
		t.Fatalf("upload URL %s is not on the server as reached (%s)", link, srv.URL)
	}
	other := h.UploadURL(asked, Uploads{Kind: kindOther, Path: "/uploads/notes/"}, p.OrgID, "n1")

	put := func(u, body string) int {
		req, err := http.NewRequest(http.MethodPut, u, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if status := put(other, "note: hi"); status != http.StatusForbidden {
		t.Errorf("a URL of another kind of upload: status %d, want 403", status)
	}
	tampered, _ := url.Parse(link)
	tampered.Path = "/uploads/notes/n2"
	if status := put(tampered.String(), "note: hi"); status != http.StatusForbidden {
		t.Errorf("a URL for another id: status %d, want 403", status)
	}
	if status := put(link, "not a note"); status != http.StatusBadRequest {
		t.Errorf("a body the check refuses: status %d, want 400", status)
	}
	if got.data != "" {
		t.Fatalf("a refused body reached Receive: %q", got.data)
	}
	if status := put(link, "note: hi"); status != http.StatusOK {
		t.Fatalf("upload: status %d, want 200", status)
	}
	if got.data != "note: hi" || got.who.ClientID != p.ClientID || got.who.OrgID != p.OrgID || got.who.Role != p.Role {
		t.Errorf("Receive got %q as %+v, want the file as %+v", got.data, got.who, p)
	}
}
