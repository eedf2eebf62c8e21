package entity

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// KindDivision is where divisions are stored. Every entity is placed in one, so the store
// kind lives with the entity layer.
const KindDivision store.Kind = "authorization.division"

// Lookup returns the object of kind with id as the transaction sees it, or a 404 API error.
func Lookup(tx *store.Tx, kind store.Kind, id string) (*store.Object, error) {
	o := tx.Get(kind, id)
	if o == nil {
		return nil, apihttp.NotFound()
	}
	return o, nil
}

// Live returns the object of kind with id unless it is absent or soft-deleted (nil then):
// what a reference may point at and what a route's path may name.
func Live(tx *store.Tx, kind store.Kind, id string) *store.Object {
	o := tx.Get(kind, id)
	if o == nil || IsDeleted(o.Data) {
		return nil
	}
	return o
}

// Put marshals v and stores it; it returns the JSON stored.
func Put(tx *store.Tx, kind store.Kind, id, parent, name string, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	tx.Put(&store.Object{Kind: kind, ID: id, Parent: parent, Name: name, Data: b})
	return b, nil
}

// DivisionRef resolves a division id (or the home division when id is "") to a reference.
// field names the request field for the error message.
func DivisionRef(tx *store.Tx, id, field string) (id2, name string, err error) {
	if id == "" {
		for _, o := range tx.List(KindDivision, "") {
			var d struct {
				HomeDivision bool `json:"homeDivision"`
			}
			if json.Unmarshal(o.Data, &d) == nil && d.HomeDivision {
				return o.ID, o.Name, nil
			}
		}
		return "", "", apihttp.BadRequest("The org has no home division.")
	}
	o := tx.Get(KindDivision, id)
	if o == nil {
		return "", "", apihttp.UnknownRef(field, id)
	}
	return o.ID, o.Name, nil
}

// DivisionSelfURI is the selfUri of a division reference.
func DivisionSelfURI(id string) string { return "/api/v2/authorization/divisions/" + id }

// CheckVersion enforces optimistic concurrency for integer-versioned models.
func CheckVersion(sent *int, current int) error {
	if sent == nil {
		return apihttp.Required("version")
	}
	if *sent != current {
		return apihttp.VersionConflict(*sent, current)
	}
	return nil
}

// IsDeleted reports whether a stored entity is soft-deleted (top-level state "deleted").
func IsDeleted(data []byte) bool {
	var st struct {
		State string `json:"state"`
	}
	return json.Unmarshal(data, &st) == nil && st.State == "deleted"
}

// FindActiveByName finds a not-deleted object by case-insensitive name.
func FindActiveByName(tx *store.Tx, kind store.Kind, name string) *store.Object {
	return FindActiveByNameIn(tx, kind, "", name)
}

// FindActiveByNameIn is FindActiveByName among the objects under one parent (a child kind's
// names are unique among its siblings).
func FindActiveByNameIn(tx *store.Tx, kind store.Kind, parent, name string) *store.Object {
	for _, o := range tx.List(kind, parent) {
		if strings.EqualFold(o.Name, name) && !IsDeleted(o.Data) {
			return o
		}
	}
	return nil
}

// BumpStringVersion is the version after v for kinds whose versions are numeric strings.
func BumpStringVersion(v string) string {
	n, _ := strconv.Atoi(v)
	return strconv.Itoa(n + 1)
}
