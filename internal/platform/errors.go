package platform

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const correlationHeader = "ININ-Correlation-Id"

// maxRetryAfter caps a server's Retry-After, as the Genesys SDKs do: a longer wait is
// treated as the server's 180 s ceiling rather than stalling a run for minutes.
const maxRetryAfter = 180 * time.Second

// APIError is a non-2xx answer of the Platform API. It keeps everything a person needs to
// act on the failure or to quote it to Genesys support.
type APIError struct {
	Status        int
	Code          string
	Message       string
	CorrelationID string
	Method, Path  string
	// RetryAfter is the server's Retry-After (429s), capped at 180 s.
	RetryAfter time.Duration
}

// Error reads like `GET /api/v2/routing/queues/x: 404 not.found: The requested resource was
// not found. (correlation id 1234)`.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d", e.Method, e.Path, e.Status)
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.CorrelationID != "" {
		fmt.Fprintf(&b, " (correlation id %s)", e.CorrelationID)
	}
	return b.String()
}

// errorBody is the part of the API's ErrorBody the client reads. details/errors are left
// out on purpose: their shapes vary between servers and must not break error decoding.
type errorBody struct {
	Message   string `json:"message"`
	Code      string `json:"code"`
	Status    int    `json:"status"`
	ContextID string `json:"contextId"`
}

func newAPIError(method, path string, status int, header http.Header, body []byte) *APIError {
	e := &APIError{Status: status, Method: method, Path: path}
	var eb errorBody
	if json.Unmarshal(body, &eb) == nil {
		e.Code, e.Message, e.CorrelationID = eb.Code, eb.Message, eb.ContextID
	} else if text := strings.TrimSpace(string(body)); text != "" {
		// Not JSON (a proxy's HTML page, say): keep a readable start of it.
		if len(text) > 200 {
			text = text[:200] + "…"
		}
		e.Message = text
	}
	if e.Message == "" {
		e.Message = http.StatusText(status)
	}
	if e.CorrelationID == "" && header != nil {
		e.CorrelationID = header.Get(correlationHeader)
	}
	if header != nil {
		e.RetryAfter = parseRetryAfter(header.Get("Retry-After"))
	}
	return e
}

// parseRetryAfter reads Retry-After as seconds (the only form the Platform API sends) or an
// HTTP date, capped at maxRetryAfter; 0 when absent or unreadable.
func parseRetryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if n, err := strconv.Atoi(v); err == nil {
		d = time.Duration(n) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = time.Until(t)
	}
	return min(max(d, 0), maxRetryAfter)
}

// IsNotFound reports whether err is (or wraps) an API 404.
func IsNotFound(err error) bool { return hasStatus(err, http.StatusNotFound) }

// IsConflict reports whether err is (or wraps) an API 409.
func IsConflict(err error) bool { return hasStatus(err, http.StatusConflict) }

// IsVersionConflict reports whether err is an optimistic-concurrency failure: a 409, or a
// 400 saying the version "does not match the current version" (both occur in the wild).
func IsVersionConflict(err error) bool {
	var e *APIError
	if !errors.As(err, &e) {
		return false
	}
	return e.Status == http.StatusConflict ||
		(e.Status == http.StatusBadRequest && strings.Contains(strings.ToLower(e.Message), "does not match the current version"))
}

func hasStatus(err error, status int) bool {
	var e *APIError
	return errors.As(err, &e) && e.Status == status
}

// AuthError is a failed client-credentials login. It names the token URL and the OAuth
// error, never the secret.
type AuthError struct {
	TokenURL    string
	Status      int
	Code        string // OAuth error, e.g. "invalid_client"
	Description string
}

func (e *AuthError) Error() string {
	s := fmt.Sprintf("login at %s: %d", e.TokenURL, e.Status)
	if e.Code != "" {
		s += " " + e.Code
	}
	if e.Description != "" {
		s += " (" + e.Description + ")"
	}
	if e.Status == http.StatusUnauthorized || e.Code == "invalid_client" {
		s += "; check the client id and secret and that the client belongs to this region/org"
	}
	return s
}
