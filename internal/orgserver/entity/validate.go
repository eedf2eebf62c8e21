package entity

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Validation of generic entities, from the API model (required fields, JSON types, enums)
// and the catalogue (max lengths, enums, references that must exist). Every refusal is a
// 400 naming the field, worded as the hand-written handlers word theirs.

// validateRequest checks a create or update body before anything is stored.
func validateRequest(tx *store.Tx, k *kinds.Kind, method string, body map[string]any) error {
	// The server's own fields are read-only: a client that sends back the whole object it
	// read (createdBy and all) is not refused for them, they are dropped when stored.
	writable := make(map[string]any, len(body))
	for key, v := range body {
		if !serverOwned(key) {
			writable[key] = v
		}
	}
	// A kind whose client chooses the id sends it on create (kinds.API.ChosenID), and may name
	// the object, which its create model does not say: a name sent must be text all the same.
	if method == http.MethodPost && k.API.ChosenID != "" {
		if v, sent := body[k.API.ChosenID]; sent {
			writable[k.API.ChosenID] = v
		}
		if v, sent := body["name"]; sent && v != nil {
			if err := (modelCheck{}).value("string", nil, v, "name"); err != nil {
				return err
			}
		}
	}
	// An integer-versioned kind's version is the client's to send (Update checked it against
	// the stored one), and some update models require it (LocationUpdateDefinition).
	if v, sent := body["version"]; sent && k.API.Version == kinds.IntVersion {
		writable["version"] = v
	}
	// A create has no version to send, the org gives the first: a model that marks it
	// required for every request (a workitem schema's DataSchema) requires it of updates.
	if _, sent := writable["version"]; !sent && method == http.MethodPost {
		if mf := kinds.FieldOf(k.RequestModel(method), "version"); mf != nil && mf.Required {
			writable["version"] = float64(1)
		}
	}
	// The id is the org's too (a create has none, an update names it in the path): a kind
	// whose one model serves as request and answer (a supported content profile's
	// SupportedContent) marks it required for the answer's sake.
	if mf := kinds.FieldOf(k.RequestModel(method), "id"); mf != nil && mf.Required {
		writable["id"] = "assigned by the org"
	}
	// A bad name is reported before fields the body lacks, so that the answer to a body
	// holding only a name speaks of the name whatever else the kind requires.
	if name, ok := body["name"].(string); ok && strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return apihttp.BadRequest("The field [name] must not contain control characters.")
	}
	// Where names identify objects the API refuses an object without one, even when its
	// model list does not mark the field required (grammars); PATCH may leave it out. The
	// name is reported before the other fields the body lacks (a contact list's columns).
	if k.Names == kinds.UniqueName && method != http.MethodPatch {
		if name, _ := body["name"].(string); strings.TrimSpace(name) == "" {
			if _, isString := body["name"].(string); isString || body["name"] == nil {
				return apihttp.Required("name")
			}
		}
	}
	if err := (modelCheck{optional: k.TakesWithout}).model(k.RequestModel(method), writable, ""); err != nil {
		return err
	}
	return walkFields(body, k.Fields, "", func(f *kinds.Field, path string, v any) error {
		// A map of strings holds its bounds for each value, under the value's key.
		if m, ok := v.(map[string]any); ok && f.Type == kinds.StringMap {
			for _, key := range slices.Sorted(maps.Keys(m)) {
				if err := checkFieldString(f, path+"."+key, m[key]); err != nil {
					return err
				}
			}
			return nil
		}
		// A list's or set's bounds hold for each value (a media type's interruptible types).
		if list, ok := v.([]any); ok && (f.Type == kinds.StringList || f.Type == kinds.StringSet) {
			for i, el := range list {
				if err := checkFieldString(f, fmt.Sprintf("%s[%d]", path, i), el); err != nil {
					return err
				}
			}
			return nil
		}
		return checkFieldString(f, path, v)
	})
}

// checkFieldString checks a string value against its field's length bound and enum; other
// values are the model check's business.
func checkFieldString(f *kinds.Field, path string, v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if f.MaxLength > 0 && utf8.RuneCountInString(s) > f.MaxLength {
		return apihttp.BadRequest("The field [%s] must be at most %d characters long, not %d.", path, f.MaxLength, utf8.RuneCountInString(s))
	}
	if len(f.Enum) > 0 && !slices.Contains(f.Enum, s) {
		return apihttp.InvalidValue(path, s, f.Enum)
	}
	return nil
}

// validateModel checks doc against a model: required fields present (and not blank when
// strings), every known field of the right JSON type, string enums respected. Fields the
// model does not know are left alone (they are dropped when stored, as the API ignores
// them). prefix is the path of doc inside the body, for messages.
func validateModel(model string, doc map[string]any, prefix string) error {
	return modelCheck{}.model(model, doc, prefix)
}

// modelCheck checks request bodies against the model list, except that the fields at
// optional (paths with "[]" for array elements, kinds.Kind.TakesWithout) may be left out
// although the list marks them required.
type modelCheck struct {
	optional []string
}

// required reports whether a field the model list marks required must be sent at path.
func (c modelCheck) required(path string) bool {
	return !slices.Contains(c.optional, withoutIndexes(path))
}

// withoutIndexes writes a body path's array elements as "[]": "phoneColumns[0].type" is
// "phoneColumns[].type".
func withoutIndexes(path string) string {
	var out strings.Builder
	for {
		open := strings.IndexByte(path, '[')
		if open < 0 {
			return out.String() + path
		}
		end := strings.IndexByte(path[open:], ']')
		if end < 0 {
			return out.String() + path
		}
		out.WriteString(path[:open] + "[]")
		path = path[open+end+1:]
	}
}

func (c modelCheck) model(model string, doc map[string]any, prefix string) error {
	for _, f := range nameFirst(kinds.ModelOf(model)) {
		path := prefix + f.Name
		v, ok := doc[f.Name]
		if !ok || v == nil {
			if f.Required && c.required(path) {
				return apihttp.Required(path)
			}
			continue
		}
		if s, isString := v.(string); isString && f.Required && strings.TrimSpace(s) == "" {
			return apihttp.Required(path)
		}
		if err := c.value(f.Type, f.Enum, v, path); err != nil {
			return err
		}
	}
	return nil
}

// value checks one value against a field type of the model list.
func (c modelCheck) value(typ string, enum []string, v any, path string) error {
	if v == nil {
		return nil
	}
	if elem, ok := kinds.ArrayElem(typ); ok {
		list, ok := v.([]any)
		if !ok {
			return errWrongType(path, "an array", v)
		}
		for i, el := range list {
			if err := c.value(elem, nil, el, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		return nil
	}
	if elem, ok := kinds.MapElem(typ); ok {
		m, ok := v.(map[string]any)
		if !ok {
			return errWrongType(path, "an object", v)
		}
		for key, el := range m {
			if err := c.value(elem, nil, el, path+"."+key); err != nil {
				return err
			}
		}
		return nil
	}
	switch typ {
	case "string":
		s, ok := v.(string)
		if !ok {
			return errWrongType(path, "a string", v)
		}
		if len(enum) > 0 && !slices.Contains(enum, s) {
			return apihttp.InvalidValue(path, s, enum)
		}
	case "number", "integer":
		if _, ok := v.(float64); !ok {
			return errWrongType(path, "a number", v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return errWrongType(path, "true or false", v)
		}
	default:
		if !kinds.IsModel(typ) {
			return nil // "object" and types outside the list take any JSON
		}
		m, ok := v.(map[string]any)
		if !ok {
			return errWrongType(path, "an object", v)
		}
		return c.model(typ, m, path+".")
	}
	return nil
}

// errWrongType reports a value of the wrong JSON type, naming the field.
func errWrongType(field, want string, v any) *apihttp.Error {
	return apihttp.BadRequest("The field [%s] must be %s, not [%s].", field, want, jsonText(v))
}

// resolveRefs checks that every id a catalogue field with Ref holds names a live object of
// that kind in this org, and fills the reference's name and selfUri as the API answers
// them (they are dropped again when the model has no such fields). An id of a child kind's
// object names a sibling: one under owner, the parent of the object referring to it.
func (s *Set) resolveRefs(tx *store.Tx, doc map[string]any, fields []kinds.Field, prefix, owner string) error {
	return walkFieldSites(doc, fields, prefix, func(f *kinds.Field, path string, parent map[string]any, key string) error {
		ref := kinds.Genesys().Named(f.Ref)
		if ref == nil {
			return nil
		}
		id, ok := parent[key].(string)
		if !ok || id == "" {
			return nil
		}
		o := tx.Get(s.StoreKind(f.Ref), itemID(ref, id, owner))
		if o == nil || IsDeleted(o.Data) {
			if f.WriteJSON != "" {
				path = f.WriteJSON // the request named it so (a work type's defaultWorkbinId)
			}
			// The message names the reference ("openSchedules") and where its id sits.
			name := strings.TrimSuffix(strings.TrimSuffix(path, ".id"), "[]")
			return apihttp.BadRequest("The field [%s] refers to [%s], which does not exist (at %s).", name, id, path)
		}
		if err := s.checkVersionRef(tx, f, path, parent, id); err != nil { // drafts.go
			return err
		}
		if key == "id" {
			parent["name"] = o.Name
			parent["selfUri"] = ref.API.Item(o.ID)
		}
		return nil
	})
}

// walkFields calls fn with the value of every catalogue field present in doc (inside
// blocks too); path names the field as messages do ("emergencyCallFlows[].ivrs[].id").
func walkFields(doc map[string]any, fields []kinds.Field, prefix string, fn func(f *kinds.Field, path string, v any) error) error {
	return walkFieldSites(doc, fields, prefix, func(f *kinds.Field, path string, parent map[string]any, key string) error {
		return fn(f, path, parent[key])
	})
}

// walkFieldSites calls fn for every place in doc a catalogue field's JSON path reaches: the
// map holding the leaf and the leaf's key, so that fn may read or rewrite it.
func walkFieldSites(doc map[string]any, fields []kinds.Field, prefix string,
	fn func(f *kinds.Field, path string, parent map[string]any, key string) error) error {
	for i := range fields {
		f := &fields[i]
		if f.IsBlock() {
			block := strings.TrimSuffix(f.JSON, "[]")
			step := block + "[]."
			if f.Type == kinds.Object {
				step = block + "."
			}
			for _, m := range f.BlockObjects(kinds.Get(doc, block)) {
				at := prefix + step
				if f.Keyed() {
					// An entry is named by its key; the key field is the entry itself.
					entry, _ := m[kinds.EntryKey].(string)
					at = prefix + block + "." + entry + "."
				}
				err := walkFieldSites(m, f.Nested, at, func(f *kinds.Field, path string, parent map[string]any, key string) error {
					return fn(f, strings.TrimSuffix(strings.TrimSuffix(path, kinds.EntryKey), "."), parent, key)
				})
				if err != nil {
					return err
				}
			}
			continue
		}
		for _, site := range jsonSites(doc, kinds.Steps(f.JSON)) {
			if _, present := site.parent[site.key]; !present {
				continue
			}
			if err := fn(f, prefix+f.JSON, site.parent, site.key); err != nil {
				return err
			}
		}
	}
	return nil
}

// jsonSite is where a path's leaf lives: parent[key].
type jsonSite struct {
	parent map[string]any
	key    string
}

// jsonSites follows a path of steps ("ivrs[]", "id") through v; an array step fans out
// over the array's object elements.
func jsonSites(v map[string]any, steps []string) []jsonSite {
	if len(steps) == 1 {
		return []jsonSite{{parent: v, key: steps[0]}}
	}
	step := steps[0]
	if name, isArray := strings.CutSuffix(step, "[]"); isArray {
		list, _ := v[name].([]any)
		var out []jsonSite
		for _, el := range list {
			if m, ok := el.(map[string]any); ok {
				out = append(out, jsonSites(m, steps[1:])...)
			}
		}
		return out
	}
	child, ok := v[step].(map[string]any)
	if !ok {
		return nil
	}
	return jsonSites(child, steps[1:])
}

// BodyObject is a decoded request body that must be one JSON object.
func BodyObject(v any) (map[string]any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, apihttp.BadRequest("The request body must be a JSON object, not [%s].", jsonText(v))
	}
	return m, nil
}

// nameFirst orders a model's fields with its name first: a body's name is reported before
// the other fields it lacks or gets wrong, whatever the model's order (a trigger's create
// model lists its target first).
func nameFirst(fields []kinds.ModelField) []kinds.ModelField {
	i := slices.IndexFunc(fields, func(f kinds.ModelField) bool { return f.Name == "name" })
	if i <= 0 {
		return fields
	}
	out := make([]kinds.ModelField, 0, len(fields))
	out = append(out, fields[i])
	out = append(out, fields[:i]...)
	return append(out, fields[i+1:]...)
}
