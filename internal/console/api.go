package console

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// The console reaches the org through the org's own HTTP handler, in process: every call is
// an ordinary /api/v2 request carrying the signed-in client's bearer token, so it passes the
// same authentication, rate budget, faults, permission checks and audit recording as a call
// from an SDK over the network, without a second listener or a loopback round trip.

// auditLabel marks the audit records of the console's writes, beside the client that made them.
const auditLabel = "via=console"

// auditContextHeader carries labels the org adds to the audit records of a call (the API's
// X-Cx-Audit-Context); the console speaks HTTP to the org, so it knows the header, not the
// org's packages.
const auditContextHeader = "X-Cx-Audit-Context"

// adminKeyHeader is the header the org's admin surface (/admin/...) reads its key from.
const adminKeyHeader = "X-Cx-Admin-Key"

// orgAPI calls the org's handler.
type orgAPI struct {
	handler  http.Handler
	adminKey string
}

// apiAnswer is one answer of the org: status, body and headers.
type apiAnswer struct {
	status int
	body   []byte
}

// ok reports a 2xx answer.
func (a apiAnswer) ok() bool { return a.status >= 200 && a.status < 300 }

// decode reads the JSON body into v.
func (a apiAnswer) decode(v any) error {
	if err := json.Unmarshal(a.body, v); err != nil {
		return fmt.Errorf("decode the org's answer (%d): %w", a.status, err)
	}
	return nil
}

// apiError is the API's error body, shown to the person as the org said it.
type apiError struct {
	Status    int    `json:"status"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	ContextID string `json:"contextId"`
}

func (e *apiError) Error() string {
	return fmt.Sprintf("the org answered %d %s: %s (correlation id %s)", e.Status, e.Code, e.Message, e.ContextID)
}

// asError turns a failed answer into an *apiError (nil for a 2xx answer).
func (a apiAnswer) asError() *apiError {
	if a.ok() {
		return nil
	}
	e := &apiError{}
	if json.Unmarshal(a.body, e) != nil || e.Message == "" {
		e.Message = strings.TrimSpace(string(a.body))
	}
	e.Status = a.status
	return e
}

// call sends one request to the org as the browser's client would: from is the browser's
// request (its address goes into the audit record), auth the Authorization header value.
func (o orgAPI) call(ctx context.Context, from *http.Request, header http.Header, method, path string, body any) (apiAnswer, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return apiAnswer{}, fmt.Errorf("encode %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, path, rd)
	if err != nil {
		return apiAnswer{}, fmt.Errorf("build %s %s: %w", method, path, err)
	}
	req.RemoteAddr = from.RemoteAddr
	req.Host = from.Host
	for k, v := range header {
		req.Header[k] = v
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := &answerRecorder{header: http.Header{}, status: http.StatusOK}
	o.handler.ServeHTTP(rec, req)
	return apiAnswer{status: rec.status, body: rec.body.Bytes()}, nil
}

// asClient calls /api/v2 with the signed-in client's token.
func (o orgAPI) asClient(r *http.Request, token, method, path string, body any) (apiAnswer, error) {
	h := http.Header{}
	h.Set("Authorization", "Bearer "+token)
	h.Set(auditContextHeader, auditLabel)
	return o.call(r.Context(), r, h, method, path, body)
}

// asAdmin calls the admin surface with key (the server's own key, or one the person typed).
func (o orgAPI) asAdmin(r *http.Request, key, method, path string, body any) (apiAnswer, error) {
	h := http.Header{}
	h.Set(adminKeyHeader, key)
	return o.call(r.Context(), r, h, method, path, body)
}

// token asks /oauth/token for a token of the client credentials grant.
func (o orgAPI) token(r *http.Request, clientID, secret string) (string, *apiError, error) {
	form := "grant_type=client_credentials"
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, "/oauth/token", strings.NewReader(form))
	if err != nil {
		return "", nil, fmt.Errorf("build the token request: %w", err)
	}
	req.RemoteAddr = r.RemoteAddr
	req.SetBasicAuth(clientID, secret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := &answerRecorder{header: http.Header{}, status: http.StatusOK}
	o.handler.ServeHTTP(rec, req)
	var out struct {
		AccessToken string `json:"access_token"`
		Description string `json:"error_description"`
	}
	if err := json.Unmarshal(rec.body.Bytes(), &out); err != nil {
		return "", nil, fmt.Errorf("decode the token answer (%d): %w", rec.status, err)
	}
	if rec.status != http.StatusOK || out.AccessToken == "" {
		return "", &apiError{Status: rec.status, Code: "invalid_client", Message: out.Description}, nil
	}
	return out.AccessToken, nil, nil
}

// answerRecorder keeps an in-process answer.
type answerRecorder struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (w *answerRecorder) Header() http.Header { return w.header }

func (w *answerRecorder) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
}

func (w *answerRecorder) Write(p []byte) (int, error) {
	w.wrote = true
	return w.body.Write(p)
}
