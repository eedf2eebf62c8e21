package host

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// DecodeObject unmarshals a stored object into v.
func DecodeObject(o *store.Object, v any) error { return json.Unmarshal(o.Data, v) }

// decodeFound is the object a lookup found (or its error) with its stored JSON decoded
// into the API model T: the tail every typed lookup shares.
func decodeFound[T any](o *store.Object, err error) (*store.Object, T, error) {
	var v T
	if err != nil {
		return nil, v, err
	}
	if err := DecodeObject(o, &v); err != nil {
		return nil, v, err
	}
	return o, v, nil
}

// Datas returns the stored JSON of objects, in order.
func Datas(objs []*store.Object) [][]byte {
	out := make([][]byte, len(objs))
	for i, o := range objs {
		out[i] = o.Data
	}
	return out
}

// CheckEnum validates an optional enum field.
func CheckEnum(field string, v *string, allowed ...string) error {
	if v == nil {
		return nil
	}
	for _, a := range allowed {
		if *v == a {
			return nil
		}
	}
	return apihttp.InvalidValue(field, *v, allowed)
}

// EnumParam reads an optional query parameter that takes one of allowed: "" when absent, the
// API's 400 naming allowed for any other value.
func EnumParam(r *http.Request, key string, allowed ...string) (string, error) {
	v := r.URL.Query().Get(key)
	if v != "" && !slices.Contains(allowed, v) {
		return "", apihttp.InvalidValue(key, v, allowed)
	}
	return v, nil
}

// BoolParam reads an optional boolean query parameter.
func BoolParam(r *http.Request, key string) (bool, error) {
	v := r.URL.Query().Get(key)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, apihttp.BadRequest("The query parameter [%s] must be true or false, not [%s].", key, v)
	}
	return b, nil
}

// NoContent answers a void operation.
func NoContent(w http.ResponseWriter) error {
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// Ptr is the address of a copy of v, for the API models' optional fields.
func Ptr[T any](v T) *T { return &v }

// Deref is the value p points to, or the zero value for nil.
func Deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// SetOf is the set of xs.
func SetOf(xs []string) map[string]bool {
	out := make(map[string]bool, len(xs))
	for _, x := range xs {
		out[x] = true
	}
	return out
}

// SetIf replaces a list field when the request carried it (a PATCH leaves absent ones).
func SetIf[S ~[]E, E any](dst *S, v S) {
	if v != nil {
		*dst = v
	}
}

// SetPtr replaces a scalar field when the request carried it.
func SetPtr[T any](dst **T, v *T) {
	if v != nil {
		*dst = v
	}
}

// Self URIs of objects that API groups other than their own refer to.

// UserSelfURI is a user's selfUri.
func UserSelfURI(id string) string { return "/api/v2/users/" + id }

// SkillSelfURI is a routing skill's selfUri.
func SkillSelfURI(id string) string { return "/api/v2/routing/skills/" + id }

// LanguageSelfURI is a routing language's selfUri.
func LanguageSelfURI(id string) string { return "/api/v2/routing/languages/" + id }

// RequiredName is name trimmed, or the API's 400 for a missing or blank name.
func RequiredName(name *string) (string, error) {
	n := strings.TrimSpace(Deref(name))
	if n == "" {
		return "", apihttp.Required("name")
	}
	return n, nil
}

// Rename applies an update's name (newName; nil keeps *name): trimmed, required, and held by
// no other object of kind than selfID (noun names the kind in the conflict).
func Rename(tx *store.Tx, kind store.Kind, noun, selfID string, name **string, newName *string) error {
	if newName == nil {
		return nil
	}
	n, err := RequiredName(newName)
	if err != nil {
		return err
	}
	if err := CheckUniqueName(tx, kind, noun, n, selfID); err != nil {
		return err
	}
	*name = Ptr(n)
	return nil
}

// DecodeNamed reads the request body into in (apihttp.DecodeBody) and returns the name it
// carries (name reads it from in), trimmed and required: the start of every create and
// rename.
func DecodeNamed(r *http.Request, in any, name func() *string) (string, error) {
	if err := apihttp.DecodeBody(r, in); err != nil {
		return "", err
	}
	return RequiredName(name())
}

// DecodeRenamed reads the body of an update whose name is optional into in
// (apihttp.DecodeBody): a name it carries (name reads it from in) must not be blank; without
// one the object keeps its own.
func DecodeRenamed(r *http.Request, in any, name func() *string) error {
	if err := apihttp.DecodeBody(r, in); err != nil {
		return err
	}
	if n := name(); n != nil && strings.TrimSpace(*n) == "" {
		return apihttp.Required("name")
	}
	return nil
}

// FirstError is the first of checks that failed, nil when none did: a request hears of one
// problem at a time, in the order the checks are listed, as on a real org.
func FirstError(checks ...error) error {
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	return nil
}

// DecodeEntityBody reads a request body that must be one JSON object, as the generic
// entity takes it.
func DecodeEntityBody(r *http.Request) (map[string]any, error) {
	var v any
	if err := apihttp.DecodeBody(r, &v); err != nil {
		return nil, err
	}
	return entity.BodyObject(v)
}
