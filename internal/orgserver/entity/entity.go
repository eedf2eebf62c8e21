// Package entity is the local org's generic entity and the stored-entity rules every API
// group shares. Every regular kind of the catalogue (one with Fields) that no
// hand-written handler serves is created, read, listed, updated and deleted here, from its
// catalogue entry and its API model alone. The functions below are the domain rules; they
// take a transaction and a principal, never an *http.Request, so tests and the console can
// call them. Each write returns the audit event for the caller to record.
//
// The stored JSON only ever holds fields of the kind's API model. The server owns id,
// selfUri, version, the created/modified stamps, state and the division's name.
package entity

import (
	"encoding/json"
	"math"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Create validates body against the kind's create model and stores a new object. It
// takes ownership of body (the map is changed). It returns the stored JSON.
func (s *Set) Create(tx *store.Tx, p apihttp.Principal, k *kinds.Kind, body map[string]any) ([]byte, audit.Event, error) {
	return s.CreateIn(tx, p, k, "", body)
}

// CreateIn is Create of an object of a child kind (kinds.API.Parent) under the parent with
// id parent, which the caller found live ("" for other kinds): the object refers to its
// parent, and its name is unique among its siblings only.
func (s *Set) CreateIn(tx *store.Tx, p apihttp.Principal, k *kinds.Kind, parent string, body map[string]any) ([]byte, audit.Event, error) {
	if err := validateRequest(tx, k, "POST", body); err != nil {
		return nil, audit.Event{}, err
	}
	moveWrittenFields(k, "POST", body)
	id, err := s.newID(tx, k, parent, body) // chosen_id.go
	if err != nil {
		return nil, audit.Event{}, err
	}
	doc, name, err := s.build(tx, p, k, id, parent, body, nil)
	if err != nil {
		return nil, audit.Event{}, err
	}
	out, err := Put(tx, s.StoreKind(k.Name), itemID(k, id, parent), parent, name, doc)
	if err != nil {
		return nil, audit.Event{}, err
	}
	return out, audit.Event{Service: k.Audit.Service, EntityType: k.Audit.Entity, Action: "Create", ID: id, Name: name, New: out}, nil
}

// Update applies a PUT (full replace) or PATCH (the sent fields over the stored ones)
// to the object with id (a kinds.ChildID for a child kind). An integer-versioned kind needs
// the current version in the body.
func (s *Set) Update(tx *store.Tx, p apihttp.Principal, k *kinds.Kind, id, method string, body map[string]any) ([]byte, audit.Event, error) {
	o, old, err := s.live(tx, k, id)
	if err != nil {
		return nil, audit.Event{}, err
	}
	if k.API.Version == kinds.IntVersion {
		if err := checkEntityVersion(body["version"], old["version"]); err != nil {
			return nil, audit.Event{}, err
		}
	}
	if method == "PATCH" {
		merged := make(map[string]any, len(old)+len(body))
		for key, v := range old {
			if !serverOwned(key) {
				merged[key] = v
			}
		}
		for key, v := range body {
			merged[key] = v
		}
		body = merged
	}
	// A PATCH body is checked merged, so that the model's required fields may come from
	// the stored object.
	if err := validateRequest(tx, k, method, body); err != nil {
		return nil, audit.Event{}, err
	}
	moveWrittenFields(k, method, body)
	doc, name, err := s.build(tx, p, k, ownID(o), o.Parent, body, old)
	if err != nil {
		return nil, audit.Event{}, err
	}
	out, err := Put(tx, o.Kind, o.ID, o.Parent, name, doc)
	if err != nil {
		return nil, audit.Event{}, err
	}
	if name != o.Name {
		if err := s.renamed(tx, k, o.ID, name); err != nil {
			return nil, audit.Event{}, err
		}
	}
	return out, audit.Event{Service: k.Audit.Service, EntityType: k.Audit.Entity, Action: "Update", ID: ownID(o), Name: name, Old: o.Data, New: out}, nil
}

// Delete removes the object with id (a kinds.ChildID for a child kind), or marks it deleted
// when the kind soft-deletes (GET still answers it, lists leave it out and its name is free
// again). The objects of generic child kinds under it go with it.
func (s *Set) Delete(tx *store.Tx, k *kinds.Kind, id string) (audit.Event, error) {
	o, old, err := s.live(tx, k, id)
	if err != nil {
		return audit.Event{}, err
	}
	if err := s.inUse(tx, s.referrers(k), k, o); err != nil {
		return audit.Event{}, err
	}
	if deleted := s.hooks.Deleted[k.Name]; deleted != nil {
		deleted(tx, o.ID)
	}
	s.deleteChildren(tx, k, o.ID)
	ev := audit.Event{Service: k.Audit.Service, EntityType: k.Audit.Entity, Action: "Delete", ID: ownID(o), Name: o.Name, Old: o.Data}
	if !k.API.SoftDelete {
		tx.Delete(o.Kind, o.ID)
		return ev, nil
	}
	old["state"] = "deleted"
	stampVersion(k, old, old["version"])
	if kinds.FieldOf(k.Model, "dateModified") != nil {
		old["dateModified"] = apihttp.FormatTime(tx.Now())
	}
	out, err := Put(tx, o.Kind, o.ID, o.Parent, o.Name, old)
	if err != nil {
		return audit.Event{}, err
	}
	ev.New = out
	return ev, nil
}

// inUse refuses to delete o while a live object of one of the referrer kinds refers
// to it through a catalogue field, as the API refuses to delete what is still used.
func (s *Set) inUse(tx *store.Tx, referrers []*kinds.Kind, k *kinds.Kind, o *store.Object) error {
	for _, rk := range referrers {
		if rk.API.NoDelete {
			// An object nothing can delete (the org's wrap-up code mappings) would otherwise
			// hold what it refers to forever.
			continue
		}
		for _, user := range tx.List(s.StoreKind(rk.Name), "") {
			if IsDeleted(user.Data) {
				continue
			}
			var doc map[string]any
			if json.Unmarshal(user.Data, &doc) != nil {
				continue
			}
			used := walkFields(doc, rk.Fields, "", func(f *kinds.Field, _ string, v any) error {
				if f.Ref == k.Name && v == ownID(o) {
					return apihttp.Conflict("The %s [%s] is used by the %s [%s] (id %s); remove the reference first.", k.Noun, o.Name, rk.Noun, user.Name, user.ID)
				}
				return nil
			})
			if used != nil {
				return used
			}
		}
	}
	return nil
}

// List returns the stored JSON of the live objects of a kind that pass the list's
// filters: ids (empty: any) and the name filter (wildcards as elsewhere; "" matches all).
func List(objs []*store.Object, ids map[string]bool, nameFilter string) (keys []apihttp.CursorKey, items [][]byte) {
	for _, o := range objs {
		if len(ids) > 0 && !ids[ownID(o)] {
			continue
		}
		if !apihttp.NameMatches(nameFilter, o.Name, false) || IsDeleted(o.Data) {
			continue
		}
		keys = append(keys, apihttp.ObjectCursorKey(o))
		items = append(items, o.Data)
	}
	return keys, items
}

// live finds an object that is not (soft-)deleted and decodes it. A child kind's object is
// found by its kinds.ChildID, which it is stored under.
func (s *Set) live(tx *store.Tx, k *kinds.Kind, id string) (*store.Object, map[string]any, error) {
	o, err := Lookup(tx, s.StoreKind(k.Name), id)
	if err != nil {
		return nil, nil, err
	}
	if IsDeleted(o.Data) {
		return nil, nil, apihttp.NotFound()
	}
	var doc map[string]any
	if err := json.Unmarshal(o.Data, &doc); err != nil {
		return nil, nil, err
	}
	return o, doc, nil
}

// build turns a validated body into the object to store: references resolved and
// named, the model's fields only, the server's fields set. old is the stored object on
// update (nil on create); its division and created stamps carry over. parent is the id of a
// child kind's parent ("" for other kinds), which the object refers to whatever the body says.
func (s *Set) build(tx *store.Tx, p apihttp.Principal, k *kinds.Kind, id, parent string, body, old map[string]any) (map[string]any, string, error) {
	// Whatever a request sends for the server's fields is dropped (version was read for the
	// concurrency check already).
	for f := range body {
		if serverOwned(f) {
			delete(body, f)
		}
	}
	name := ""
	if n, ok := body["name"].(string); ok {
		name = strings.TrimSpace(n)
		body["name"] = name
	}
	if k.Names == kinds.UniqueName && name != "" {
		if other := FindActiveByNameIn(tx, s.StoreKind(k.Name), parent, name); other != nil && other.ID != itemID(k, id, parent) {
			return nil, "", apihttp.Conflict("A %s named [%s] exists already (id %s).", k.Noun, name, ownID(other))
		}
	}
	if kinds.FieldOf(k.Model, "division") != nil {
		if err := setDivision(tx, k, body, old); err != nil {
			return nil, "", err
		}
	}
	if f := k.ParentField(); f != nil {
		kinds.Set(body, f.JSON, parent)
	}
	if err := normalizeValues(body, k.Fields); err != nil {
		return nil, "", err
	}
	if err := s.resolveRefs(tx, body, k.Fields, "", parent); err != nil {
		return nil, "", err
	}
	if err := s.checkOwnedValues(tx, k, itemID(k, id, parent), body); err != nil {
		return nil, "", err
	}
	doc := projectModel(k.Model, body)
	for _, f := range k.Fields {
		// What the org answers for a field left out (a deployment's status).
		if f.OrgDefault != nil && doc[f.JSON] == nil {
			doc[f.JSON] = f.OrgDefault
		}
	}
	has := func(field string) bool { return kinds.FieldOf(k.Model, field) != nil }
	now := apihttp.FormatTime(tx.Now())
	// A singleton's model may have no id at all (routing utilization): it is not an entity
	// of a collection.
	if !k.API.Singleton || has("id") {
		doc["id"] = id
	}
	if has("selfUri") {
		doc["selfUri"] = k.API.Item(itemID(k, id, parent))
	}
	var oldVersion any
	if old != nil {
		oldVersion = old["version"]
	}
	stampVersion(k, doc, oldVersion)
	stampDraft(k, doc) // drafts.go
	if has("state") {
		doc["state"] = "active"
	}
	if has("dateCreated") {
		doc["dateCreated"] = now
		if old != nil && old["dateCreated"] != nil {
			doc["dateCreated"] = old["dateCreated"]
		}
	}
	if has("dateModified") {
		doc["dateModified"] = now
	}
	if f := kinds.FieldOf(k.Model, "createdBy"); f != nil {
		doc["createdBy"] = principalRef(f.Type, p)
		if old != nil && old["createdBy"] != nil {
			doc["createdBy"] = old["createdBy"]
		}
	}
	if f := kinds.FieldOf(k.Model, "modifiedBy"); f != nil {
		doc["modifiedBy"] = principalRef(f.Type, p)
	}
	return doc, name, nil
}

// moveWrittenFields moves the values a request carries at a field's write path (a
// workbin's "divisionId") to where the object holds them ("division.id"). A value the
// method's request model does not take stays out of the object, as the API ignores it.
func moveWrittenFields(k *kinds.Kind, method string, body map[string]any) {
	for _, f := range k.Fields {
		if f.WriteJSON == "" {
			continue
		}
		// Write paths are top-level model fields (see kinds.Field.WriteJSON).
		v, sent := body[f.WriteJSON]
		if !sent {
			continue
		}
		delete(body, f.WriteJSON)
		if v != nil && kinds.FieldOf(k.RequestModel(method), f.WriteJSON) != nil {
			kinds.Set(body, f.JSON, v)
		}
	}
}

// serverOwned reports the model fields the server sets itself.
func serverOwned(field string) bool {
	switch field {
	case "id", "selfUri", "version", "dateCreated", "dateModified", "createdBy", "modifiedBy",
		"createdByApp", "modifiedByApp", "state":
		return true
	}
	return false
}

// principalRef is how a model's createdBy/modifiedBy names the caller: the client id, or a
// reference to it where the model types the field as an entity.
func principalRef(typ string, p apihttp.Principal) any {
	if typ == "string" {
		return p.ClientID
	}
	return map[string]any{"id": p.ClientID}
}

// stampVersion sets the version that follows old (absent: the first) as the kind counts.
func stampVersion(k *kinds.Kind, doc map[string]any, old any) {
	switch k.API.Version {
	case kinds.IntVersion:
		n, _ := old.(float64)
		doc["version"] = int(n) + 1
	case kinds.StringVersion:
		s, _ := old.(string)
		doc["version"] = BumpStringVersion(s)
	}
}

// checkEntityVersion is the optimistic-concurrency check of integer-versioned kinds: the
// same answers the hand-written versioned kinds give.
func checkEntityVersion(sent, current any) error {
	cur, _ := current.(float64)
	if sent == nil {
		return apihttp.Required("version")
	}
	n, ok := sent.(float64)
	if !ok || n != math.Trunc(n) || math.Abs(n) > math.MaxInt32 {
		return apihttp.BadRequest("The field [version] must be a whole number, not [%s].", jsonText(sent))
	}
	v := int(n)
	return CheckVersion(&v, int(cur))
}

// setDivision expands the body's division to {id, name, selfUri}: the one sent (as an
// object, or as a bare id where the kind's requests carry one), else the stored object's,
// else the home division.
func setDivision(tx *store.Tx, k *kinds.Kind, body, old map[string]any) error {
	field := "division.id"
	id, _ := kinds.Get(body, field).(string)
	if byID := k.API.DivisionByID; byID != "" {
		field = byID
		id, _ = body[byID].(string)
		delete(body, byID)
	}
	if id == "" && old != nil {
		id, _ = kinds.Get(old, "division.id").(string)
	}
	divID, divName, err := DivisionRef(tx, id, field)
	if err != nil {
		return err
	}
	body["division"] = map[string]any{"id": divID, "name": divName, "selfUri": DivisionSelfURI(divID)}
	return nil
}

// projectModel keeps the fields of model in doc (recursively into nested models and arrays
// of them) and drops the rest, so that what is stored is what the API model describes.
// Nulls are dropped: the API treats a null field as one not sent.
func projectModel(model string, doc map[string]any) map[string]any {
	out := make(map[string]any, len(doc))
	for _, f := range kinds.ModelOf(model) {
		v, ok := doc[f.Name]
		if !ok || v == nil {
			continue
		}
		out[f.Name] = projectValue(f.Type, v)
	}
	return out
}

func projectValue(typ string, v any) any {
	if elem, ok := kinds.ArrayElem(typ); ok {
		list, ok := v.([]any)
		if !ok {
			return v
		}
		out := make([]any, 0, len(list))
		for _, el := range list {
			if el != nil {
				out = append(out, projectValue(elem, el))
			}
		}
		return out
	}
	if m, ok := v.(map[string]any); ok && kinds.IsModel(typ) {
		return projectModel(typ, m)
	}
	return v
}

// jsonText is a short JSON rendering of a value for error messages.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	const limit = 60
	if len(b) > limit {
		return string(b[:limit]) + "…"
	}
	return string(b)
}

// renamed refreshes the name every live generic object keeps in its references to the
// renamed one (a schedule group's schedules, an IVR's schedule group) without a new
// version, as the API answers references with the current name, and tells the
// hand-written API groups that keep it.
func (s *Set) renamed(tx *store.Tx, k *kinds.Kind, id, name string) error {
	for _, rk := range s.referrers(k) {
		for _, o := range tx.List(s.StoreKind(rk.Name), "") {
			var doc map[string]any
			if IsDeleted(o.Data) || json.Unmarshal(o.Data, &doc) != nil {
				continue
			}
			changed := false
			walkFieldSites(doc, rk.Fields, "", func(f *kinds.Field, _ string, parent map[string]any, key string) error { //nolint:errcheck // the visitor returns no error
				if f.Ref == k.Name && key == "id" && parent[key] == id && parent["name"] != name {
					parent["name"], changed = name, true
				}
				return nil
			})
			if !changed {
				continue
			}
			if _, err := Put(tx, o.Kind, o.ID, o.Parent, o.Name, doc); err != nil {
				return err
			}
		}
	}
	if renamed := s.hooks.Renamed[k.Name]; renamed != nil {
		renamed(tx, id, name)
	}
	return nil
}

// referrers are the generic kinds with a field (in blocks too) that refers to kind k: the
// only ones a delete or rename of a k object has to look through.
func (s *Set) referrers(k *kinds.Kind) []*kinds.Kind {
	var refersTo func(fields []kinds.Field) bool
	refersTo = func(fields []kinds.Field) bool {
		for _, f := range fields {
			if f.Ref == k.Name || refersTo(f.Nested) {
				return true
			}
		}
		return false
	}
	var out []*kinds.Kind
	for _, rk := range s.Generic() {
		if refersTo(rk.Fields) {
			out = append(out, rk)
		}
	}
	return out
}

// itemID is the id of an object in its kind's item path, and the one the store keeps it under:
// a kinds.ChildID for a child kind, whose own ids need be unique under one parent only (a
// grammar's languages are keyed by language code).
func itemID(k *kinds.Kind, id, parent string) string {
	if k.API.Parent == "" {
		return id
	}
	return kinds.ChildID(parent, id)
}

// deleteChildren removes the objects of the generic child kinds of k under the object with id.
func (s *Set) deleteChildren(tx *store.Tx, k *kinds.Kind, id string) {
	for _, child := range s.Generic() {
		if child.API.Parent != k.Name {
			continue
		}
		for _, o := range tx.List(s.StoreKind(child.Name), id) {
			tx.Delete(o.Kind, o.ID)
		}
	}
}

// ownID is a stored object's own id: its store id, or a child object's part of it.
func ownID(o *store.Object) string {
	if o.Parent == "" {
		return o.ID
	}
	if _, own, ok := kinds.SplitChildID(o.ID); ok {
		return own
	}
	return o.ID
}
