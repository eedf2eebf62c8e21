package platform_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
)

// A raw body goes as it is, with its own content type and the client's token, to an absolute
// URL of the upload service as well as to a path of the API host; the JSON answer is decoded.
func TestPostUploadSendsRawBody(t *testing.T) {
	t.Parallel()
	var got struct{ path, contentType, auth, body string }
	uploads := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got.path, got.contentType, got.auth, got.body = r.URL.Path, r.Header.Get("Content-Type"), r.Header.Get("Authorization"), string(b)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"correlationId":"c-1"}`))
	}))
	t.Cleanup(uploads.Close)
	api := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(api.Close)
	c, err := platform.New(platform.Config{BaseURL: api.URL, AccessToken: "t", RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		CorrelationID string `json:"correlationId"`
	}
	body := platform.RawBody{ContentType: "multipart/form-data; boundary=b", Data: []byte("--b--")}
	if err := c.PostUpload(t.Context(), uploads.URL+"/uploads/v2/scripter", body, &out); err != nil {
		t.Fatal(err)
	}
	if got.path != "/uploads/v2/scripter" || got.contentType != body.ContentType || got.auth != "Bearer t" || got.body != "--b--" || out.CorrelationID != "c-1" {
		t.Errorf("the upload service saw %+v and answered %+v", got, out)
	}
}
