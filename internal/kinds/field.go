package kinds

import (
	"sort"
	"strings"
)

// FieldType is a Terraform attribute's type, as the official schema has it.
type FieldType int

const (
	String FieldType = iota
	Bool
	Int
	Float
	// StringList and StringSet are lists of strings (ordered, or a set).
	StringList
	StringSet
	// Block is a nested block list: the JSON is an array of objects mapped by Nested.
	Block
	// Object is one nested JSON object mapped by Nested, which the official schema shows as
	// "Block List, Max: 1" (a location's address): a block list of at most one element in
	// Terraform, the object itself (or nothing) in the API.
	Object
	// StringMap is a map of strings ("Map of String", a presence definition's labels by
	// language): the JSON is an object whose values are strings.
	StringMap
)

// Mode is how an attribute is set.
type Mode int

const (
	// Optional: the user may set it; when unset it is null and not sent.
	Optional Mode = iota
	// Required: the user must set it.
	Required
	// Computed: only the org sets it.
	Computed
	// OptionalComputed: the user may set it; when unset the org's value is kept (e.g. a
	// division the org picks).
	OptionalComputed
)

// Format is the syntax of a string attribute beyond its type: layers check values against it
// and compare the API's spelling of a value with the configured one by it.
type Format int

const (
	// FreeText has no syntax of its own.
	FreeText Format = iota
	// LocalDateTime is an ISO-8601 date-time without a zone ("2021-08-04T08:00:00.000000");
	// the API may answer the same instant with fewer fraction digits.
	LocalDateTime
	// RRule is an iCal recurrence rule ("FREQ=WEEKLY;BYDAY=MO"); the API trims it, and a
	// blank rule is no rule.
	RRule
	// E164 is a phone number in E.164 form ("+13175550100").
	E164
	// TimeZone is an IANA time zone name ("America/Indianapolis").
	TimeZone
	// JSONText is JSON written as text (the official provider's jsonencode attributes, a
	// workitem schema's properties): requests carry the decoded value, and the API's value
	// reads back as the configured text when it means the same.
	JSONText
)

// Field maps one Terraform attribute of a regular kind onto the API JSON.
//
// JSON is a dotted path into the object: "description", "division.id" (an attribute holding
// the id of a nested reference), "ivrs[].id" (a list attribute holding the ids of an array
// of references). Get and Set read and write such paths on decoded JSON.
type Field struct {
	Attr string
	JSON string
	// WriteJSON is the path requests carry the value at when the API's request models spell
	// it otherwise than the object it answers ("" means JSON): a workbin is created with
	// "divisionId" and answers "division.id", a work type's skills are written as
	// "defaultSkillIds" and read as "defaultSkills[].id". Top-level fields only.
	WriteJSON string
	Type      FieldType
	Mode      Mode
	// Default is the attribute's default when unset (official provider's "Defaults to");
	// nil for none. Its Go type follows Type: string, bool, int64, float64.
	Default any
	// Ref is the catalogue Name of the kind whose id the attribute holds ("" none): the
	// local org checks such ids exist, backport writes references for them.
	Ref string
	// Enum lists the allowed values of a string attribute.
	Enum []string
	// MaxLength bounds a string attribute's length (0: no bound known).
	MaxLength int
	// MinItems is the fewest values a list or set attribute, or blocks a Block, may hold
	// when set (0: no bound): a schedule group needs at least one open schedule.
	MinItems int
	// MaxAddsPerWrite bounds how many values one write may add to a list or set (0: no
	// bound): the API refuses larger additions (an IVR takes 50 new numbers per request), so
	// more are added by further updates, one chunk each.
	MaxAddsPerWrite int
	// Format is a string attribute's syntax (FreeText: none); a list's or set's applies to
	// each value.
	Format Format
	// NotBefore names the LocalDateTime attribute of the same object this one may not be
	// earlier than (a schedule's end is not before its start); "" none.
	NotBefore string
	// OrgDefault is what the org answers for the field when a write leaves it out (nil: it
	// answers nothing): a web deployment's status is "Active" once the org has taken it, as
	// the official provider waits for. Top-level fields of OptionalComputed mode only.
	OrgDefault any
	// EitherOr names the list attribute this Bool is the alternative of (a deployment allows
	// all domains or lists some): the API refuses the flag set true beside a non-empty list,
	// and the provider, as the official one does, also refuses a configuration with neither.
	// Top-level fields only.
	EitherOr string
	// UniqueValue: each value of the list or set belongs to one object of the kind at most
	// (a number reaches one IVR); the local org refuses a second owner with 409.
	UniqueValue bool
	// Within is the catalogue Name of the kind whose objects must contain each value ("" no
	// such rule): an IVR's numbers lie inside DID pools. The local org knows how objects of
	// that kind contain values.
	Within string
	// SentEmpty: the request model requires the field although the attribute is optional (a
	// division's description), so an unset attribute is sent as the type's zero value ("");
	// the zero value reads back as unset.
	SentEmpty bool
	// Adopts makes a top-level field say which builtin object the resource manages instead of
	// a new one. A Bool names the kind's one builtin object (API.BuiltinPath) when true: the
	// org's home division (the org always answers it). A String names the builtin object whose
	// field at JSON holds the value, found in the listing filtered by that field: a role's
	// default_role_id ("employee"). Created so, the resource takes the object over and
	// updates it; destroyed, it only forgets it, since every org keeps that object.
	Adopts bool
	// ForceNew: changing it replaces the object.
	ForceNew bool
	// Sensitive values never reach plan output or logs.
	Sensitive bool
	// WriteOnly: the API takes the value in a request but never answers it (an SMS
	// address's autoCorrectAddress), so state keeps what was configured and an import or
	// an adoption cannot know it.
	WriteOnly bool
	// ChangesOnWrite: a Computed value the org changes on every write (a version), so a
	// planned change shows it as unknown instead of keeping the stored value.
	ChangesOnWrite bool
	// Unordered makes a Block or Object a set of blocks in Terraform ("Block Set", or "Block
	// Set, Max: 1" for an Object) instead of a list: their order carries no meaning, so a
	// reordering is no change. The JSON is the same.
	Unordered bool
	// Members makes a StringSet the ids of the object's members sub-collection (Item(id) +
	// "/members": GET lists them as a cursor listing of references, POST {"memberIds": […]}
	// adds, DELETE ?id=a,b removes) instead of a part of the object's JSON: a team's
	// member_ids. JSON is then the key the members are read into on the object as the
	// provider sees it, never sent in the object's own writes.
	Members bool
	// AddedThrough makes a Block's elements additions sent by requests of their own, one per
	// block, instead of part of the object (a DNC list's entries: POST {item}/phonenumbers
	// with the numbers as the body and their expiration as a query parameter). The API never
	// answers them, so such a field is WriteOnly too.
	AddedThrough *Additions
	// Part is the catalogue Name of a Singleton kind without a resource type that an Object
	// field of a Singleton kind is, where the API keeps a block of the official resource at a
	// path of its own and changes it by that path's method (routing settings' transcription at
	// …/routing/settings/transcription, PUT) instead of within the object. The field's value is
	// never part of the object's own requests or answers; the provider reads and writes it
	// through that kind, whose Fields are the field's Nested. "" none.
	Part string
	// NamedBy makes a Bool field say whether another object names this one in one of its
	// fields (a site is the org's default when the organization's defaultSiteId holds its
	// id) instead of a part of the object's JSON. JSON is then the key the answer is read
	// into on the object as the provider sees it, never sent in the object's own writes.
	NamedBy *Namer
	// KeptAt makes a Block's elements an array the API keeps beside the object (a site's
	// number plans at …/sites/{id}/numberplans), read by GET and written whole by PUT after
	// the object itself, instead of a part of the object's JSON. JSON is then the key the
	// array is read into on the object as the provider sees it, never sent in the object's
	// own writes. See Subresource.
	KeptAt *Subresource
	// Nested maps the objects of a Block or the object of an Object.
	Nested []Field
	// Description is the attribute's documentation.
	Description string
}

// Additions is how the blocks of an AddedThrough field reach the API: each block is one POST
// to the object's subresource Path, whose body is the strings of its nested attribute Body
// and whose query parameters are its nested attributes named in Query (parameter → attribute,
// left out when unset).
type Additions struct {
	Path  string
	Body  string
	Query map[string]string
}

// Namer is the one object that names an object of a kind (see Field.NamedBy): GET Path
// answers it with the named id at JSON; it changes by being sent back whole, with JSON set to
// another id, by PUT. It always names one: writing false changes nothing (another object
// must be named instead).
type Namer struct {
	Path string
	JSON string
}

// Subresource is where a KeptAt field's array lives: Item(id) + "/" + Path. Its elements are
// told apart by the nested field Key. The org keeps elements of its own there (a site's
// standard plans), so the array is managed by Key: a write replaces the elements the
// configuration names and keeps the others as they are, a read shows the named ones (all of
// them after an import), and writing no element at all leaves the array unmanaged.
type Subresource struct {
	Path string
	Key  string
}

// RequestJSON is the path a request body carries the field's value at.
func (f *Field) RequestJSON() string {
	if f.WriteJSON != "" {
		return f.WriteJSON
	}
	return f.JSON
}

// IsBlock reports whether the field is a nested block in Terraform (Block or Object).
func (f *Field) IsBlock() bool { return f.Type == Block || f.Type == Object }

// EntryKey and EntryValue are the JSON of a keyed block's nested fields (see Keyed): the
// field whose JSON is EntryKey holds the key of the block's entry in the API's object, and
// a field whose JSON is EntryValue holds the entry's whole value, where that value is not an
// object (a wrap-up code mapping's flags).
const (
	EntryKey   = "{key}"
	EntryValue = "{value}"
)

// Keyed reports whether a Block maps a JSON object keyed by one of its attributes instead of
// an array: a label utilization block's label_id is the key of its entry in the API's
// labelUtilizations object. Its nested fields' JSON is read inside the entry's value, except
// the one at EntryKey (the key itself) and one at EntryValue (the value itself).
func (f *Field) Keyed() bool {
	if f.Type != Block {
		return false
	}
	for _, n := range f.Nested {
		if n.JSON == EntryKey {
			return true
		}
	}
	return false
}

// BlockObjects are the JSON objects a block field's value holds, as its Terraform block list
// has them: an array's object elements for a Block, the object itself (when present) for an
// Object, one object per entry for a Keyed block (ordered by key; a copy of the entry's value
// with the key at EntryKey, or the value itself at EntryValue when it is not an object).
// Other values give none.
func (f *Field) BlockObjects(raw any) []map[string]any {
	if f.Type == Object {
		if m, ok := raw.(map[string]any); ok {
			return []map[string]any{m}
		}
		return nil
	}
	if f.Keyed() {
		return keyedObjects(raw)
	}
	list, _ := raw.([]any)
	out := make([]map[string]any, 0, len(list))
	for _, el := range list {
		if m, ok := el.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// Steps splits a JSON path into its steps; a step ending in "[]" walks an array. A dot
// inside a key is written `\.`: a response set's responses are keyed
// "disposition.classification.callable.busy", so that step is
// `disposition\.classification\.callable\.busy`.
func Steps(path string) []string {
	if !strings.Contains(path, `\.`) {
		return strings.Split(path, ".")
	}
	var out []string
	var step strings.Builder
	for i := 0; i < len(path); i++ {
		switch {
		case path[i] == '\\' && i+1 < len(path) && path[i+1] == '.':
			step.WriteByte('.')
			i++
		case path[i] == '.':
			out = append(out, step.String())
			step.Reset()
		default:
			step.WriteByte(path[i])
		}
	}
	return append(out, step.String())
}

// Get reads the value at path in a decoded JSON object. An array step ("ivrs[]") makes the
// result a []any of the values found under each element; a missing step gives nil.
func Get(obj map[string]any, path string) any {
	return get(obj, Steps(path))
}

func get(v any, steps []string) any {
	if len(steps) == 0 {
		return v
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	step := steps[0]
	if name, isArray := strings.CutSuffix(step, "[]"); isArray {
		list, ok := m[name].([]any)
		if !ok {
			return nil
		}
		out := make([]any, 0, len(list))
		for _, el := range list {
			if x := get(el, steps[1:]); x != nil {
				out = append(out, x)
			}
		}
		return out
	}
	return get(m[step], steps[1:])
}

// Set writes value at path in obj, creating the objects on the way. For an array step the
// value must be a []any: one element object is made per value ("ivrs[].id" with ["a","b"]
// gives "ivrs": [{"id":"a"},{"id":"b"}]). A nil value removes the leaf.
func Set(obj map[string]any, path string, value any) {
	set(obj, Steps(path), value)
}

func set(m map[string]any, steps []string, value any) {
	step := steps[0]
	if name, isArray := strings.CutSuffix(step, "[]"); isArray {
		values, _ := value.([]any)
		if value == nil {
			delete(m, name)
			return
		}
		list := make([]any, 0, len(values))
		for _, v := range values {
			if len(steps) == 1 {
				list = append(list, v)
				continue
			}
			el := map[string]any{}
			set(el, steps[1:], v)
			list = append(list, el)
		}
		m[name] = list
		return
	}
	if len(steps) == 1 {
		if value == nil {
			delete(m, step)
		} else {
			m[step] = value
		}
		return
	}
	child, ok := m[step].(map[string]any)
	if !ok {
		if value == nil {
			return
		}
		child = map[string]any{}
		m[step] = child
	}
	set(child, steps[1:], value)
}

// TopLevel is the first step of a JSON path without its array mark: the model field the
// path starts in ("division.id" → "division").
func TopLevel(path string) string {
	return strings.TrimSuffix(Steps(path)[0], "[]")
}

func keyedObjects(raw any) []map[string]any {
	entries, _ := raw.(map[string]any)
	keys := make([]string, 0, len(entries))
	for key := range entries {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	out := make([]map[string]any, 0, len(keys))
	for _, key := range keys {
		obj := map[string]any{}
		if m, ok := entries[key].(map[string]any); ok {
			for k, v := range m {
				obj[k] = v
			}
		} else {
			obj[EntryValue] = entries[key]
		}
		obj[EntryKey] = key
		out = append(out, obj)
	}
	return out
}

// BlockJSON is the API's JSON for a Keyed block's objects (as BlockObjects gives them): an
// object with one entry per block, keyed by its EntryKey value. A block without a string key
// is left out. Other blocks' objects are their JSON already, as an array.
func (f *Field) BlockJSON(objects []any) any {
	if !f.Keyed() {
		return objects
	}
	out := make(map[string]any, len(objects))
	for _, el := range objects {
		obj, _ := el.(map[string]any)
		key, ok := obj[EntryKey].(string)
		if !ok {
			continue
		}
		if v, isValue := obj[EntryValue]; isValue {
			out[key] = v
			continue
		}
		value := make(map[string]any, len(obj))
		for k, v := range obj {
			if k != EntryKey {
				value[k] = v
			}
		}
		out[key] = value
	}
	return out
}
