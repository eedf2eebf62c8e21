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
	divID, divName, err := entity.DivisionRef(tx, id, "division.id")
	if err != nil {
		return nil, err
	}
	return &platform.WritableDivision{ID: Ptr(divID), Name: Ptr(divName), SelfURI: Ptr(entity.DivisionSelfURI(divID))}, nil
}
