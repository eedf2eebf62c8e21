// Package apihttp holds the Platform API's HTTP conventions every handler of the local org
// speaks: the error body and its constructors, JSON bodies, page-number and cursor listings,
// and the verified caller (principal) a request carries. It knows no API group and no route.
package apihttp

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Error is a failure a handler reports; the server turns it into the Platform API's
// error body ({message, code, status, contextId, details:[], errors:[]}).
type Error struct {
	Status     int
	Code       string
	Message    string
	RetryAfter int // seconds; set on 429
}

// Error reads as "status code: message" in logs and test failures.
func (e *Error) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message) }

// BadRequest is a 400 bad.request with a formatted message.
func BadRequest(format string, a ...any) *Error {
	return &Error{Status: http.StatusBadRequest, Code: "bad.request", Message: fmt.Sprintf(format, a...)}
}

// Required reports a missing required field, naming it.
func Required(field string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: "bad.request", Message: fmt.Sprintf("The field [%s] is required.", field)}
}

// InvalidValue reports a value outside an enum, as the real API words it.
func InvalidValue(field, value string, allowed []string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: "invalid.value",
		Message: fmt.Sprintf("Value [%s] is not valid for field type [%s]. Allowable values are: %s", value, field, strings.Join(allowed, ", "))}
}

// UnknownRef reports a reference (by id) to an object that does not exist.
func UnknownRef(field, id string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: "bad.request",
		Message: fmt.Sprintf("The field [%s] refers to [%s], which does not exist.", field, id)}
}

// NotFound is the 404 every lookup of a missing object answers.
func NotFound() *Error {
	return &Error{Status: http.StatusNotFound, Code: "not.found", Message: "The requested resource was not found."}
}

// Conflict is a 409 general.conflict with a formatted message.
func Conflict(format string, a ...any) *Error {
	return &Error{Status: http.StatusConflict, Code: "general.conflict", Message: fmt.Sprintf(format, a...)}
}

// VersionConflict is the optimistic-concurrency failure.
func VersionConflict(sent, current int) *Error {
	return Conflict("The version supplied [%d] does not match the current version [%d]", sent, current)
}

// errorBody is the Platform API ErrorBody as the SDKs parse it: details and errors are
// always present and empty, because the Go SDK fails to parse other shapes.
type errorBody struct {
	Message   string   `json:"message"`
	Code      string   `json:"code"`
	Status    int      `json:"status"`
	ContextID string   `json:"contextId"`
	Details   []string `json:"details"`
	Errors    []string `json:"errors"`
}

// WriteError answers err in the Platform API's error body. Anything but an *Error is a
// 500 whose text stays out of the body.
func WriteError(w http.ResponseWriter, r *http.Request, err error) {
	var ae *Error
	cid := w.Header().Get(CorrelationHeader)
	if !errors.As(err, &ae) {
		// The error's text (SQLite messages, file paths) is for the server's log, where the
		// route logs it under this correlation id; the caller gets the id to quote.
		ae = &Error{Status: http.StatusInternalServerError, Code: "internal.server.error",
			Message: fmt.Sprintf("The server encountered an internal error (correlation id %s).", cid)}
	}
	if ae.RetryAfter > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(ae.RetryAfter))
	}
	WriteJSON(w, ae.Status, errorBody{Message: ae.Message, Code: ae.Code, Status: ae.Status, ContextID: cid, Details: []string{}, Errors: []string{}})
}

// WriteJSON answers v as JSON with the given status; listings take the fast encoder.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	if l, ok := v.(Listing); ok {
		WriteRaw(w, status, l.AppendJSON(EncodeBuffer(w, l.EncodedLen())))
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"message":"encode response","code":"internal.server.error","status":500,"details":[],"errors":[]}`)
	}
	WriteRaw(w, status, b)
}

// BufferLender is a ResponseWriter that lends a reusable buffer to encode the response
// into (list pages are large, and a fresh buffer per request was most of a list's cost).
// The buffer belongs to the request until its handler returns.
type BufferLender interface {
	LendBuffer(size int) []byte
}

// EncodeBuffer is an empty buffer of at least size bytes to encode w's response into:
// lent by w when it is a BufferLender, new otherwise.
func EncodeBuffer(w http.ResponseWriter, size int) []byte {
	if bl, ok := w.(BufferLender); ok {
		return bl.LendBuffer(size)
	}
	return make([]byte, 0, size)
}

// OK answers 200 with v as JSON and returns nil, so that a handler can end with it.
func OK(w http.ResponseWriter, v any) error {
	WriteJSON(w, http.StatusOK, v)
	return nil
}

// OKRaw answers 200 with JSON already encoded (a stored object) and returns nil.
func OKRaw(w http.ResponseWriter, b []byte) error {
	WriteRaw(w, http.StatusOK, b)
	return nil
}

// WriteRaw answers JSON already encoded.
func WriteRaw(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b) //nolint:errcheck // the client went away; nothing to do
}
