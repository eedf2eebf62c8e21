package orgserver

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// apiError is a failure a handler reports; the server turns it into the Platform API's
// error body ({message, code, status, contextId, details:[], errors:[]}).
type apiError struct {
	Status     int
	Code       string
	Message    string
	RetryAfter int // seconds; set on 429
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message) }

func errBadRequest(format string, a ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "bad.request", Message: fmt.Sprintf(format, a...)}
}

// errRequired reports a missing required field, naming it.
func errRequired(field string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "bad.request", Message: fmt.Sprintf("The field [%s] is required.", field)}
}

// errInvalidValue reports a value outside an enum, as the real API words it.
func errInvalidValue(field, value string, allowed []string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "invalid.value",
		Message: fmt.Sprintf("Value [%s] is not valid for field type [%s]. Allowable values are: %s", value, field, strings.Join(allowed, ", "))}
}

// errUnknownRef reports a reference (by id) to an object that does not exist.
func errUnknownRef(field, id string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "bad.request",
		Message: fmt.Sprintf("The field [%s] refers to [%s], which does not exist.", field, id)}
}

func errNotFound() *apiError {
	return &apiError{Status: http.StatusNotFound, Code: "not.found", Message: "The requested resource was not found."}
}

func errConflict(format string, a ...any) *apiError {
	return &apiError{Status: http.StatusConflict, Code: "general.conflict", Message: fmt.Sprintf(format, a...)}
}

// errVersion is the optimistic-concurrency failure.
func errVersion(sent, current int) *apiError {
	return errConflict("The version supplied [%d] does not match the current version [%d]", sent, current)
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

func writeError(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	cid := w.Header().Get(correlationHeader)
	if !errors.As(err, &ae) {
		// The error's text (SQLite messages, file paths) is for the server's log, where the
		// route logs it under this correlation id; the caller gets the id to quote.
		ae = &apiError{Status: http.StatusInternalServerError, Code: "internal.server.error",
			Message: fmt.Sprintf("The server encountered an internal error (correlation id %s).", cid)}
	}
	if ae.RetryAfter > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(ae.RetryAfter))
	}
	writeJSON(w, ae.Status, errorBody{Message: ae.Message, Code: ae.Code, Status: ae.Status, ContextID: cid, Details: []string{}, Errors: []string{}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	if l, ok := v.(entityListing); ok {
		writeRaw(w, status, l.appendJSON(make([]byte, 0, 256+len(l.Entities)*1024)))
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"message":"encode response","code":"internal.server.error","status":500,"details":[],"errors":[]}`)
	}
	writeRaw(w, status, b)
}

func writeRaw(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b) //nolint:errcheck // the client went away; nothing to do
}

// maxBody bounds request bodies; the largest real payloads (flows) are far smaller.
const maxBody = 8 << 20

// decodeBody reads a JSON request body into v. Unknown fields are ignored, as the real API does.
func decodeBody(r *http.Request, v any) error {
	if r.Body == nil {
		return errBadRequest("A request body is required.")
	}
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody))
	if err := dec.Decode(v); err != nil {
		return errBadRequest("Unable to parse the request body: %s", jsonErrorText(err))
	}
	return nil
}

// jsonErrorText turns a decode error into text naming the field, without Go type names.
func jsonErrorText(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "(body)"
		}
		return fmt.Sprintf("field [%s] cannot take a JSON %s", field, te.Value)
	}
	return err.Error()
}
