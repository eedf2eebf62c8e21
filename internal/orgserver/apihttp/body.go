package apihttp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Request bodies. Every /api/v2 handler reads its body through DecodeBody, so the limits
// below hold for every kind, hand-written or generic, without a check in each handler.

// MaxBody bounds an API request body. The reference documents no limit; the real gateway
// answers oversize bodies with 413. 1 MiB is far above any body of the kinds served here
// (the largest, a role with every permission policy or a bulk of 100 queue members, is tens
// of kilobytes); flow files do not count, they go to the presigned upload (MaxUploadBody).
const MaxBody = 1 << 20

// MaxUploadBody bounds a flow file sent to a presigned upload URL, and the admin surface's
// bodies (org specs with many clients): those are files and tooling, not API payloads.
const MaxUploadBody = 8 << 20

// MaxNameLength bounds names and the other single-line fields (ids, e-mail addresses).
// Where the reference documents a bound it is 256 ("Can be up to 256 characters long", the
// official provider's notes on data action names and categories), so it is the shared
// bound for kinds with no documented one; the catalogue's MaxLength tightens it per field
// (a utilization label's name: 100).
const MaxNameLength = 256

// MaxTextLength bounds every other string (descriptions, templates). No bound is
// documented; this one is generous (data action templates are a few kilobytes) and keeps a
// multi-megabyte description out of the store.
const MaxTextLength = 65536

// DecodeBody reads an API request's JSON body into v, as the real API does: a JSON media
// type (415 otherwise; a missing Content-Type is accepted, as clients we did not write leave
// it out), at most MaxBody bytes (413), one JSON value and nothing after it (400), names
// and other single-line fields without control characters and at most MaxNameLength
// characters, other strings at most MaxTextLength (400 naming the field). Unknown fields are
// ignored, as the real API does.
func DecodeBody(r *http.Request, v any) error {
	if err := checkJSONMediaType(r); err != nil {
		return err
	}
	data, err := readBody(r, MaxBody)
	if err != nil {
		return err
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return BadRequest("Unable to parse the request body: %s", jsonErrorText(err))
	}
	if err := checkStrings(doc, ""); err != nil {
		return err
	}
	if p, ok := v.(*any); ok {
		*p = doc // the generic entity decodes into any: no second parse
		return nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return BadRequest("Unable to parse the request body: %s", jsonErrorText(err))
	}
	return nil
}

// DecodeAdminBody reads a body of the admin surface (ours, not the API's): strict JSON up
// to MaxUploadBody, whatever the Content-Type, so that `curl -d '{…}'` works as documented.
func DecodeAdminBody(r *http.Request, v any) error {
	data, err := readBody(r, MaxUploadBody)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return BadRequest("Unable to parse the request body: %s", jsonErrorText(err))
	}
	return nil
}

// TooLarge is the 413 an oversize body gets.
func TooLarge(limit int64) *Error {
	return &Error{Status: http.StatusRequestEntityTooLarge, Code: "request.entity.too.large",
		Message: fmt.Sprintf("The request body is larger than the limit of %d bytes.", limit)}
}

// readBody reads the whole body, refusing one over limit before reading it when its length
// is declared and while reading it otherwise.
func readBody(r *http.Request, limit int64) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, BadRequest("A request body is required.")
	}
	if r.ContentLength > limit {
		return nil, TooLarge(limit)
	}
	data, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, limit))
	if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
		return nil, TooLarge(limit)
	}
	if err != nil {
		return nil, BadRequest("Unable to read the request body: %s", err)
	}
	if len(data) == 0 {
		return nil, BadRequest("A request body is required.")
	}
	return data, nil
}

// checkJSONMediaType refuses a body declared as anything but JSON (text/plain, a form), as
// the real API does with 415 unsupported.media.type.
func checkJSONMediaType(r *http.Request) error {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json")) {
		return nil
	}
	return &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported.media.type",
		Message: fmt.Sprintf("The media type [%s] is not supported; send the body as application/json.", ct)}
}

// checkStrings walks a decoded body and applies the string limits, naming the field by its
// path ("division.name", "members[2].id"). The key a string sits under decides its kind:
// inside an array, the array's key.
func checkStrings(v any, path string) error {
	switch x := v.(type) {
	case map[string]any:
		// An object's own strings before those nested inside it, each in key order, so that a
		// body with several bad strings is always refused naming the same one: its name
		// before a nested reference's name.
		keys := slices.Sorted(maps.Keys(x))
		for _, nested := range []bool{false, true} {
			for _, k := range keys {
				if _, isString := x[k].(string); isString == nested {
					continue
				}
				p := k
				if path != "" {
					p = path + "." + k
				}
				if err := checkStrings(x[k], p); err != nil {
					return err
				}
			}
		}
	case []any:
		for i, el := range x {
			if err := checkStrings(el, path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case string:
		return checkString(x, path)
	}
	return nil
}

func checkString(s, path string) error {
	limit := MaxTextLength
	if singleLine(lastKey(path)) {
		limit = MaxNameLength
		if strings.IndexFunc(s, unicode.IsControl) >= 0 {
			return BadRequest("The field [%s] must not contain control characters.", path)
		}
	}
	// Counting runes only when the bytes could be over keeps the common case cheap.
	if len(s) > limit {
		if n := utf8.RuneCountInString(s); n > limit {
			return BadRequest("The field [%s] must be at most %d characters long, not %d.", path, limit, n)
		}
	}
	return nil
}

// singleLine reports whether a field is a name, an id or an address: text that is shown
// and matched on one line, where a newline or a NUL can only be a mistake or an attack.
func singleLine(key string) bool {
	switch key {
	case "name", "id", "email", "username":
		return true
	}
	return strings.HasSuffix(key, "Name") || strings.HasSuffix(key, "Id")
}

// lastKey is the object key a path ends in, array indexes dropped ("members[2]" → "members").
func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	return path
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
