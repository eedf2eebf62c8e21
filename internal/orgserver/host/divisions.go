package host

import (
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// DivisionID is the id of the division a request body names, "" when it names none.
func DivisionID(d *platform.WritableDivision) string {
	if d == nil {
		return ""
	}
	return Deref(d.ID)
}

// DivisionRef resolves a division id ("" = the home division) to the reference an object
// stores, or the API's 400 naming division.id when no such division exists.
func DivisionRef(tx *store.Tx, id string) (*platform.WritableDivision, error) {
	return DivisionRefFor(tx, id, "division.id")
}

// DivisionRefFor is DivisionRef for a request that names the division in another field
// (e.g. "divisionId"), which the 400 names.
func DivisionRefFor(tx *store.Tx, id, field string) (*platform.WritableDivision, error) {
	divID, divName, err := entity.DivisionRef(tx, id, field)
	if err != nil {
		return nil, err
	}
	return DivisionRefTo(divID, divName), nil
}

// DivisionRefTo is the reference an object stores to the division id, named name. A model
// whose division is a platform.Division takes it converted: the two have the same fields.
func DivisionRefTo(id, name string) *platform.WritableDivision {
	return &platform.WritableDivision{ID: Ptr(id), Name: Ptr(name), SelfURI: Ptr(entity.DivisionSelfURI(id))}
}
