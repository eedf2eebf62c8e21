package directory

import (
	"encoding/json"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// A user's locations are written as Location objects naming a location by id (PATCH
// /api/v2/users/{id}, field locations) and answered with the location's definition
// (locationDefinition), which is what the official provider reads back as location_id.

// userLocation is the API model Location as a user's locations hold it.
type userLocation struct {
	ID                 *string                `json:"id,omitempty"`
	FloorplanID        *string                `json:"floorplanId,omitempty"`
	Coordinates        json.RawMessage        `json:"coordinates,omitempty"`
	Notes              *string                `json:"notes,omitempty"`
	LocationDefinition *locationDefinitionRef `json:"locationDefinition,omitempty"`
}

// locationDefinitionRef is the location a user's Location names.
type locationDefinitionRef struct {
	ID      string `json:"id"`
	Name    string `json:"name,omitempty"`
	SelfURI string `json:"selfUri,omitempty"`
}

// resolveUserLocations checks that every location a user is given exists and answers each with
// its definition; an unknown one is refused naming the field, as the real API does.
func (s *api) resolveUserLocations(get host.ObjectGetter, in []json.RawMessage) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, 0, len(in))
	for _, raw := range in {
		var l userLocation
		if err := json.Unmarshal(raw, &l); err != nil {
			return nil, apihttp.BadRequest("The field [locations] must hold Location objects.")
		}
		id := host.Deref(l.ID)
		if id == "" && l.LocationDefinition != nil {
			id = l.LocationDefinition.ID
		}
		if id == "" {
			return nil, apihttp.BadRequest("The field [locations.id] is required.")
		}
		loc := get(s.Entities.StoreKind(kinds.Location), id)
		if loc == nil || entity.IsDeleted(loc.Data) {
			return nil, apihttp.UnknownRef("locations", id)
		}
		l.ID = host.Ptr(id)
		l.LocationDefinition = &locationDefinitionRef{ID: id, Name: loc.Name, SelfURI: "/api/v2/locations/" + id}
		b, err := json.Marshal(l)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}
