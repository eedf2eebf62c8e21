// Package kinds is the catalogue of Genesys Cloud object kinds: one Kind per object type
// cxascode knows, holding what every layer needs about it — the official provider's type
// names, the Platform API paths and their paging, versions and delete semantics, the API
// model, the audit entity, the permission domain, how flows and data sources refer to it by
// name, whether it can be read in bulk, what it depends on and, for regular kinds, the
// mapping between its Terraform attributes and its API JSON.
//
// Every layer reads this package instead of spelling kinds out: the local org serves
// regular kinds from it, the provider builds generic resources and data sources from it,
// drift lists it for unmanaged objects and attributes changes by its audit entity, backport
// turns ids back into references and adopts objects by its field mapping, and the workspace
// graph matches Archy references to resource types through it. A behaviour that only some
// kinds have is a field or hook here, never a switch over kind names elsewhere.
//
// The package imports nothing of this module: it is the floor every other layer stands on.
package kinds

import (
	"sort"
	"strings"
)

// Paging is how a list endpoint pages.
type Paging int

const (
	// PageNumber lists with pageNumber/pageSize and answers pageCount/total.
	PageNumber Paging = iota
	// Cursor lists with after/before cursors and answers nextUri/previousUri.
	Cursor
	// Unpaged lists everything in one answer, or has no list endpoint at all.
	Unpaged
)

// Versioning is how an object's version takes part in updates.
type Versioning int

const (
	// NoVersion: the model has no version; updates overwrite.
	NoVersion Versioning = iota
	// IntVersion: the model carries a numeric version that an update must send and that
	// the server bumps (409 on a stale one).
	IntVersion
	// StringVersion: the version is a string the server bumps; updates need not send it.
	StringVersion
)

// NameRule says how names identify objects of a kind.
type NameRule int

const (
	// UniqueName: no two live objects share a name, compared ignoring case; the provider
	// finds a create whose response was lost by its name.
	UniqueName NameRule = iota
	// SharedName: names may repeat.
	SharedName
	// NoName: the kind has no name (DID pools, assignments).
	NoName
)

// Coverage says how far cxascode serves a kind.
type Coverage int

const (
	// Served: the provider has the kind's resource (and data source) and the local org its
	// API, so drift lists it, backport adopts it and the flow reference check looks it up.
	// The zero value: every kind is served unless its entry says otherwise.
	Served Coverage = iota
	// KnownOnly: cxascode knows the kind's type name, paths and Archy name — flows refer to
	// it and the workspace graph matches those references to the project declaring it — but
	// the provider does not serve it yet: drift does not list it, the flow reference check
	// warns instead of looking it up, backport leaves its ids as they are.
	KnownOnly
)

// Audit is how the org's audit log names a kind's changes.
type Audit struct {
	Service string // audit service name, e.g. "Routing"
	Entity  string // entity type, e.g. "Skill"
}

// Kind is one Genesys Cloud object kind.
type Kind struct {
	// Name is the catalogue key, e.g. "routing.skill": the local org stores objects under it.
	Name string
	// Resource and DataSource are the official provider's type names ("" when none).
	Resource   string
	DataSource string
	// Noun is how messages name one object: "skill", "wrap-up code".
	Noun string
	API  API
	// Model is the API model GET returns; CreateModel and UpdateModel the request bodies
	// (empty: Model). Names are those of the Platform API's model list.
	Model       string
	CreateModel string
	UpdateModel string
	Audit       Audit
	// Permission is the domain:entity prefix of the kind's permissions; the actions are
	// view, add, edit and delete unless Actions says otherwise.
	Permission string
	// Actions overrides the permission action per method ("GET", "POST", "PUT", "PATCH",
	// "DELETE"): e.g. DID pools need telephony:plugin:all for every write.
	Actions map[string]string
	Names   NameRule
	// Archy are the Archy reference kinds that name objects of this kind in flow YAML
	// ("queue", "scheduleGroup"; none when empty), as the archy package spells them. A flow
	// is named both as "flow" and, when it is a common module, as "commonModule".
	Archy []string
	// Coverage says whether the provider serves the kind or cxascode only knows it.
	Coverage Coverage
	// Sharing is where layouts put the kind's objects (see Sharing).
	Sharing Sharing
	// SharedHome is the shared project of the org's vocabulary the kind's objects go to
	// ("shared-skills"); "" for the shared project of the kind's area (see SharedProject).
	SharedHome string
	// HasDescription says a hand-written kind's resource has a description attribute, which a
	// regular kind's Fields say themselves (see Describable).
	HasDescription bool
	// NameAttr is the attribute of the kind's resource that holds the object's name when it is
	// not "name" (a script's script_name): a configuration declares the object by it.
	NameAttr string
	// NameKey is the attribute of the kind's data source, and the field of its API model,
	// that finds one object by name; "" means "name" (users are found by "email").
	NameKey string
	// IDKey is the field of the kind's API model holding an object's own id; "" means "id" (a
	// data table row's own id is its key).
	IDKey string
	// BulkRead: the list's entries are exactly what GET by id returns (given the same query,
	// e.g. a user's expand=skills,languages), so many reads of the kind may be answered from
	// one listing.
	BulkRead bool
	// Unmanaged: drift lists the kind to find objects no project declares.
	Unmanaged bool
	// NotAdoptable says why backport cannot adopt an unmanaged object of the kind: no
	// resource block it could write plans nothing after the object's import (a script's
	// resource needs the local file it was uploaded from, which an import cannot give back).
	// Backport then lists the object as not backported, with this reason. "" when it can.
	NotAdoptable string
	// Builtin reports objects every org has (the home division, default roles), which no
	// project creates and drift never reports as unmanaged. It sees one list entry.
	Builtin func(obj map[string]any) bool
	// BuiltinDataSource is a data source that finds the kind's one builtin object with no
	// arguments (the home division: genesyscloud_auth_division_home); "" when there is none.
	BuiltinDataSource string
	// Holds reports which entries of the kind's list endpoint are of this kind, when the
	// collection is shared with another kind (custom auth actions are listed among the data
	// actions); nil: all of them.
	Holds func(obj map[string]any) bool
	// IDAttributes are attribute names that, in any resource, hold ids of this kind: backport
	// turns such ids back into references. A trailing "*" matches a prefix, a leading "*" a
	// suffix ("*_queue_id"), both a substring.
	IDAttributes []string
	// DependsOn are the kinds (by Name) objects of this kind may refer to: export and destroy
	// order by it.
	DependsOn []string
	// FoundBy is the attribute whose value tells objects of a nameless kind apart (a DID
	// pool's first number): the provider names the object by it in messages and finds a
	// create whose response was lost by it, and drift and backport name objects made by hand
	// by it (see Designation). A String, or a StringMap whose first value in key order stands
	// for the object (a presence definition's label). "" for kinds found by their name.
	FoundBy string
	// ParentAttr and KeyAttr are, for a child kind known by its parent and a key of its own
	// (a data table's row), the attribute referring to the parent and the one holding the
	// key: cx adopt matches such objects by them. "" for other kinds.
	ParentAttr, KeyAttr string
	// Summary is the one-line description of a regular kind's resource; "" for
	// "Genesys Cloud <Noun>.".
	Summary string
	// Fields is the attribute ↔ JSON mapping of a regular kind (see Field). A kind with
	// Fields is served by the local org's generic entity and the provider's generic
	// resource; a kind without is hand-written in both.
	Fields []Field
	// Shape converts between the API's JSON and the JSON the Fields' paths read, for a
	// regular kind whose API keeps a part in a form no path reaches (a data table's columns
	// are its JSON schema's properties, keyed by name); nil: the Fields read the API's JSON
	// as it is.
	Shape *Shape
	// TakesWithout are request model fields, as paths with "[]" for array elements, that the
	// API takes without although the model list marks them required: a campaign's phone
	// columns are written by name alone ("phoneColumns[].type"), as the official provider
	// writes them. The local org does not require them.
	TakesWithout []string
	// NotYet are official attributes a regular kind does not map, each with why: the
	// compatibility table lists them as not-yet, so a user knows before writing them.
	NotYet []Unmapped
	// LookupBy are the attributes the kind's data source requires beside the name, each sent
	// to the listing as a query parameter that narrows it: a response is looked up in one
	// library (library_id → libraryId), a knowledge base by its core language.
	LookupBy []LookupParam
	// LookupOutputs are attributes of the kind's resource that its data source answers beside
	// the id, read from the object found (a web deployment configuration's version, which a
	// deployment refers to): top-level string fields of Fields.
	LookupOutputs []string
}

// LookupParam is a data source attribute sent as a listing's query parameter, or for the
// parent field of a child kind (Param ParentID) as the parent's id in the listing's path.
type LookupParam struct {
	Attr, Param string
	Description string
}

// Unmapped is an official attribute a regular kind does not map yet.
type Unmapped struct {
	// Attr is the attribute's path ("entries.phone_numbers" inside a block).
	Attr string
	// Type is the official type as the compatibility table writes it ("string", "block list").
	Type string
	// Why says what stands in the way.
	Why string
}

// Shape is a regular kind's conversion between its API JSON and the JSON its Fields read.
type Shape struct {
	// FromAPI returns an API object as the Fields read it; obj is not changed. nil: the
	// Fields read the API's JSON as it is.
	FromAPI func(obj map[string]any) map[string]any
	// ToAPI returns the API request for a body built from the Fields; body is not changed.
	// nil: the body is the request.
	ToAPI func(body map[string]any) map[string]any
	// Always are values every object holds, in the Fields' view, that the Fields cannot say
	// (a data table's key column), by JSON path: the smallest object made by hand holds them.
	Always map[string]any
}

// FieldView is an API object as the kind's Fields read it (the object itself for a kind
// without a Shape).
func (k *Kind) FieldView(obj map[string]any) map[string]any {
	if k.Shape == nil || k.Shape.FromAPI == nil || obj == nil {
		return obj
	}
	return k.Shape.FromAPI(obj)
}

// APIRequest is the API request for a body built from the kind's Fields (the body itself for
// a kind without a Shape).
func (k *Kind) APIRequest(body map[string]any) map[string]any {
	if k.Shape == nil || k.Shape.ToAPI == nil || body == nil {
		return body
	}
	return k.Shape.ToAPI(body)
}

// SingletonID is the id of a Singleton kind's one object, which its API path lacks: the
// official type name without the provider's prefix ("outbound_settings"). The local org
// stores and audits the object under it and the provider's create puts it in state, so
// drift's attribution finds the object's changes by the resource's id. A singleton without a
// resource type (a part, see Field.Part) is named after its catalogue name instead
// ("routing_settings_transcription").
func (k *Kind) SingletonID() string {
	if k.Resource == "" {
		return strings.ReplaceAll(k.Name, ".", "_")
	}
	return strings.TrimPrefix(k.Resource, "genesyscloud_")
}

// Describable reports whether the kind's resource has a description attribute: cx check
// asks for one where the API keeps it.
func (k *Kind) Describable() bool {
	return k.HasDescription || k.Field("description") != nil
}

// Served reports whether the provider serves the kind (see Coverage).
func (k *Kind) Served() bool { return k.Coverage == Served }

// NameAttribute is the resource attribute holding the object's name (see NameAttr).
func (k *Kind) NameAttribute() string {
	if k.NameAttr != "" {
		return k.NameAttr
	}
	return "name"
}

// LookupKey is the data source attribute (and JSON field) that finds an object by name.
func (k *Kind) LookupKey() string {
	if k.NameKey != "" {
		return k.NameKey
	}
	return "name"
}

// IdentifyingField is the field that names an object of the kind: "name", or the FoundBy
// field of a nameless kind; nil when objects have neither.
func (k *Kind) IdentifyingField() *Field {
	if k.FoundBy != "" {
		return k.Field(k.FoundBy)
	}
	return k.Field("name")
}

// Designation is what tells an object apart in findings, labels and ignore rules, read from
// its API JSON: its name, else the field it is looked up by (a data table row's key), else
// for a nameless kind its FoundBy value — a StringMap's first value in key order (a presence
// definition's label in its first language) — or the own id it chose (DesignatingField). ""
// when the object has none of them.
func (k *Kind) Designation(obj map[string]any) string {
	for _, key := range []string{"name", k.LookupKey()} {
		if s, _ := obj[key].(string); s != "" {
			return s
		}
	}
	if f := k.DesignatingField(); f != nil {
		return FoundByValue(Get(k.FieldView(obj), f.JSON))
	}
	return ""
}

// DesignatingField is the field a nameless object goes by (see Designation): FoundBy's, else
// for a NoName kind the field holding the own id it chose (IDKey: a grammar language's
// code); nil for kinds with neither.
func (k *Kind) DesignatingField() *Field {
	if k.FoundBy != "" {
		return k.Field(k.FoundBy)
	}
	if k.Names != NoName || k.IDKey == "" {
		return nil
	}
	for i := range k.Fields {
		if k.Fields[i].JSON == k.IDKey {
			return &k.Fields[i]
		}
	}
	return nil
}

// FoundByValue is what a FoundBy attribute's value makes an object go by: a string as it is,
// a map's first non-empty string value in key order; "" for anything else. The JSON an
// object answers and a literal in a configuration go by the same rule.
func FoundByValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		keys := make([]string, 0, len(v))
		for key := range v {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		for _, key := range keys {
			if s, _ := v[key].(string); s != "" {
				return s
			}
		}
	}
	return ""
}

// OwnID reads an object's own id from its JSON (see IDKey).
func (k *Kind) OwnID(obj map[string]any) string {
	key := k.IDKey
	if key == "" {
		key = "id"
	}
	id, _ := obj[key].(string)
	return id
}

// ParentField is the field of a child kind (API.Parent) holding its parent's id, the
// top-level field that refers to the parent kind (a work type status's worktype_id); nil for
// other kinds. Requests carry that id in the path, never in the body.
func (k *Kind) ParentField() *Field {
	if k.API.Parent == "" {
		return nil
	}
	for i := range k.Fields {
		if k.Fields[i].Ref == k.API.Parent {
			return &k.Fields[i]
		}
	}
	return nil
}

// PathIDField is the field of a kind made at its API.ItemPath that holds the id the object is
// made under (a flow log level's flow_id: the field at the model's own id); nil for other
// kinds. Requests carry that id in the path, never in the body.
func (k *Kind) PathIDField() *Field {
	if k.API.ItemPath == "" {
		return nil
	}
	key := k.IDKey
	if key == "" {
		key = "id"
	}
	for i := range k.Fields {
		if k.Fields[i].JSON == key {
			return &k.Fields[i]
		}
	}
	return nil
}

// Regular reports whether the kind is served generically from its Fields.
func (k *Kind) Regular() bool { return len(k.Fields) > 0 }

// Permission for an HTTP method on this kind ("routing:skill:add").
func (k *Kind) PermissionFor(method string) string {
	if a, ok := k.Actions[method]; ok {
		return k.Permission + ":" + a
	}
	switch method {
	case "POST":
		return k.Permission + ":add"
	case "PUT", "PATCH":
		return k.Permission + ":edit"
	case "DELETE":
		return k.Permission + ":delete"
	}
	return k.Permission + ":view"
}

// Field returns the field mapped to a Terraform attribute name, or nil.
func (k *Kind) Field(attr string) *Field {
	for i := range k.Fields {
		if k.Fields[i].Attr == attr {
			return &k.Fields[i]
		}
	}
	return nil
}

// Catalogue is a set of kinds with lookups by every name layers use.
type Catalogue struct {
	kinds      []*Kind
	byName     map[string]*Kind
	byResource map[string]*Kind
	byArchy    map[string]*Kind
}

// New indexes kinds. It panics on a duplicate name, resource type or Archy kind: the
// catalogue is fixed at build time and a test constructs it.
func New(ks []*Kind) *Catalogue {
	c := &Catalogue{byName: map[string]*Kind{}, byResource: map[string]*Kind{}, byArchy: map[string]*Kind{}}
	for _, k := range ks {
		if _, dup := c.byName[k.Name]; dup {
			panic("kinds: duplicate kind " + k.Name)
		}
		c.byName[k.Name] = k
		if k.Resource != "" {
			if _, dup := c.byResource[k.Resource]; dup {
				panic("kinds: duplicate resource type " + k.Resource)
			}
			c.byResource[k.Resource] = k
		}
		for _, ref := range k.Archy {
			if _, dup := c.byArchy[ref]; dup {
				panic("kinds: duplicate Archy kind " + ref)
			}
			c.byArchy[ref] = k
		}
		c.kinds = append(c.kinds, k)
	}
	sort.Slice(c.kinds, func(i, j int) bool { return c.kinds[i].Name < c.kinds[j].Name })
	return c
}

// All returns every kind, ordered by Name.
func (c *Catalogue) All() []*Kind { return c.kinds }

// Named returns the kind with catalogue name n, or nil.
func (c *Catalogue) Named(n string) *Kind { return c.byName[n] }

// ByResource returns the kind whose official resource type is typ, or nil.
func (c *Catalogue) ByResource(typ string) *Kind { return c.byResource[typ] }

// ByArchy returns the kind an Archy reference kind names, or nil.
func (c *Catalogue) ByArchy(ref string) *Kind { return c.byArchy[ref] }

// ByCollection returns the kind listed at an API collection path, or nil. A child kind's
// collection is found under any one parent ("/api/v2/flows/datatables/<id>/rows").
func (c *Catalogue) ByCollection(path string) *Kind {
	path = strings.TrimSuffix(path, "/")
	for _, k := range c.kinds {
		if k.API.Collection == path || k.API.Parent != "" && isCollectionOf(k.API.Collection, path) {
			return k
		}
	}
	return nil
}

// isCollectionOf reports whether path is a child collection pattern (holding ParentID) with
// one path segment, a parent's id, in the placeholder's place.
func isCollectionOf(pattern, path string) bool {
	before, after, ok := strings.Cut(pattern, ParentID)
	if !ok || !strings.HasPrefix(path, before) || !strings.HasSuffix(path, after) || len(path) <= len(before)+len(after) {
		return false
	}
	parent := path[len(before) : len(path)-len(after)]
	return !strings.Contains(parent, "/")
}

// ForIDAttribute returns the kind whose ids an attribute of that name holds, or nil.
// Exact names win over patterns; among patterns the longest wins.
func (c *Catalogue) ForIDAttribute(attr string) *Kind {
	var best *Kind
	bestLen := -1
	for _, k := range c.kinds {
		for _, p := range k.IDAttributes {
			if p == attr {
				return k
			}
			if matchesPattern(p, attr) && len(p) > bestLen {
				best, bestLen = k, len(p)
			}
		}
	}
	return best
}

// matchesPattern matches attr against "x*" (prefix), "*x" (suffix) or "*x*" (contains).
func matchesPattern(p, attr string) bool {
	lead, trail := strings.HasPrefix(p, "*"), strings.HasSuffix(p, "*")
	core := strings.TrimSuffix(strings.TrimPrefix(p, "*"), "*")
	switch {
	case lead && trail:
		return strings.Contains(attr, core)
	case lead:
		return strings.HasSuffix(attr, core)
	case trail:
		return strings.HasPrefix(attr, core)
	}
	return false
}

// Where returns the kinds for which keep is true, ordered by Name.
func (c *Catalogue) Where(keep func(*Kind) bool) []*Kind {
	var out []*Kind
	for _, k := range c.kinds {
		if keep(k) {
			out = append(out, k)
		}
	}
	return out
}
