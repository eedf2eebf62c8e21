package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A user's locations (locations): written in the user's PATCH as Location objects naming the
// location by id, answered (with expand=locations) with the location's definition.

var userLocationType = types.ObjectType{AttrTypes: map[string]attr.Type{"location_id": types.StringType, "notes": types.StringType}}

// userLocationModel is one element of locations.
type userLocationModel struct {
	LocationID types.String `tfsdk:"location_id"`
	Notes      types.String `tfsdk:"notes"`
}

// apiUserLocation is the API model Location as a user holds it.
type apiUserLocation struct {
	ID                 *string `json:"id,omitempty"`
	Notes              *string `json:"notes,omitempty"`
	LocationDefinition *struct {
		ID *string `json:"id,omitempty"`
	} `json:"locationDefinition,omitempty"`
}

// userLocationsBody is the PATCH's locations (never nil: an empty set removes them all).
func userLocationsBody(ctx context.Context, v types.Set, diags *diag.Diagnostics) []json.RawMessage {
	var locations []userLocationModel
	diags.Append(v.ElementsAs(ctx, &locations, false)...)
	out := []json.RawMessage{}
	for _, l := range locations {
		in := apiUserLocation{ID: l.LocationID.ValueStringPointer()}
		if isSet(l.Notes) {
			in.Notes = l.Notes.ValueStringPointer()
		}
		b, err := json.Marshal(in)
		if err != nil {
			diags.AddError("Could not encode the user's locations", err.Error())
			return nil
		}
		out = append(out, b)
	}
	return out
}

// userLocationsState reads the user's locations: the location is its definition's id (the
// id the write named when the answer has no definition), notes absent or empty are null.
func userLocationsState(api []json.RawMessage) types.Set {
	elems := make([]attr.Value, 0, len(api))
	for _, raw := range api {
		var l apiUserLocation
		if json.Unmarshal(raw, &l) != nil {
			continue
		}
		id := deref(l.ID)
		if l.LocationDefinition != nil && deref(l.LocationDefinition.ID) != "" {
			id = deref(l.LocationDefinition.ID)
		}
		elems = append(elems, types.ObjectValueMust(userLocationType.AttrTypes, map[string]attr.Value{
			"location_id": types.StringValue(id), "notes": stringOrNull(deref(l.Notes))}))
	}
	return types.SetValueMust(userLocationType, elems)
}
