package entity

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// A Drafts kind (kinds.API.Drafts) keeps its draft as the generic object (version
// kinds.DraftVersion) and each published version as a child object of it, under VersionKind,
// whose id is kinds.ChildID(object id, version number).

// VersionKind is the store kind the published versions of a Drafts kind live under.
func (s *Set) VersionKind(k *kinds.Kind) store.Kind { return s.StoreKind(k.Name) + ".version" }

// stampDraft marks a Drafts kind's stored object as its draft.
func stampDraft(k *kinds.Kind, doc map[string]any) {
	if k.API.Drafts {
		doc["version"] = kinds.DraftVersion
	}
}

// Publish makes the draft of the object with id its next version and returns that version.
func (s *Set) Publish(tx *store.Tx, p apihttp.Principal, k *kinds.Kind, id string) ([]byte, audit.Event, error) {
	o, draft, err := s.live(tx, k, id)
	if err != nil {
		return nil, audit.Event{}, err
	}
	number := strconv.Itoa(len(tx.List(s.VersionKind(k), id)) + 1)
	draft["version"] = number
	draft["selfUri"] = k.API.VersionPath(id, number)
	if kinds.FieldOf(k.Model, "datePublished") != nil {
		draft["datePublished"] = apihttp.FormatTime(tx.Now())
	}
	if kinds.FieldOf(k.Model, "publishedUser") != nil {
		draft["publishedUser"] = map[string]any{"id": p.ClientID}
	}
	out, err := Put(tx, s.VersionKind(k), kinds.ChildID(id, number), id, o.Name, draft)
	if err != nil {
		return nil, audit.Event{}, err
	}
	return out, audit.Event{Service: k.Audit.Service, EntityType: k.Audit.Entity, Action: "Publish", ID: id, Name: o.Name,
		Old: o.Data, New: out}, nil
}

// Versions are the draft and every published version of the object with id, the draft
// first and the versions in the order they were published.
func (s *Set) Versions(tx *store.Tx, k *kinds.Kind, id string) ([][]byte, error) {
	o, _, err := s.live(tx, k, id)
	if err != nil {
		return nil, err
	}
	published := tx.List(s.VersionKind(k), id)
	sort.Slice(published, func(i, j int) bool { return versionNumber(published[i]) < versionNumber(published[j]) })
	out := [][]byte{o.Data}
	for _, v := range published {
		out = append(out, v.Data)
	}
	return out, nil
}

// Version is one version of the object with id: kinds.DraftVersion (any case) reads the draft.
func (s *Set) Version(tx *store.Tx, k *kinds.Kind, id, version string) ([]byte, error) {
	o, _, err := s.live(tx, k, id)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(version, kinds.DraftVersion) {
		return o.Data, nil
	}
	v := tx.Get(s.VersionKind(k), kinds.ChildID(id, version))
	if v == nil {
		return nil, apihttp.NotFound()
	}
	return v.Data, nil
}

// Latest is the most recent published version of the object with id, or its draft when it
// has never been published: what the collection lists for it.
func (s *Set) Latest(tx *store.Tx, k *kinds.Kind, o *store.Object) []byte {
	latest, number := o.Data, 0
	for _, v := range tx.List(s.VersionKind(k), o.ID) {
		if n := versionNumber(v); n > number {
			latest, number = v.Data, n
		}
	}
	return latest
}

// DropVersions deletes the published versions of the object with id, which go with it.
func (s *Set) DropVersions(tx *store.Tx, k *kinds.Kind, id string) {
	for _, v := range tx.List(s.VersionKind(k), id) {
		tx.Delete(v.Kind, v.ID)
	}
}

// checkVersionRef refuses a reference to an object of a Drafts kind whose version
// ({id, version} at parent) the object does not have: a deployment of a configuration version
// that was never published.
func (s *Set) checkVersionRef(tx *store.Tx, f *kinds.Field, path string, parent map[string]any, id string) error {
	ref := kinds.Genesys().Named(f.Ref)
	version, ok := parent["version"].(string)
	if ref == nil || !ref.API.Drafts || !ok {
		return nil
	}
	if strings.EqualFold(version, kinds.DraftVersion) || tx.Get(s.VersionKind(ref), kinds.ChildID(id, version)) != nil {
		return nil
	}
	at := strings.TrimSuffix(path, "id") + "version"
	return apihttp.BadRequest("The field [%s] names version [%s] of the %s [%s], which does not exist.", at, version, ref.Noun, id)
}

// versionNumber is the number of a published version (0 when unreadable).
func versionNumber(o *store.Object) int {
	var head struct {
		Version string `json:"version"`
	}
	if json.Unmarshal(o.Data, &head) != nil {
		return 0
	}
	n, _ := strconv.Atoi(head.Version)
	return n
}
