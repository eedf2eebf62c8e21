package provider

import (
	"context"
	"fmt"
	"net/url"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Additions (kinds.Field.AddedThrough): blocks whose values the API takes by requests of
// their own after the object is written, one POST per block to a subresource of the object
// (a DNC list's entries to …/phonenumbers). Adding what is there already changes nothing, so
// every write sends them all, and a lost answer is asked again.

// addValues sends the planned additions of every such field to the object with id.
func (r *kindResource) addValues(ctx context.Context, id string, plan types.Object) error {
	for _, f := range r.kind.Fields {
		if f.AddedThrough == nil {
			continue
		}
		for i, block := range blockElements(plan.Attributes()[f.Attr]) {
			body, query := additionRequest(f.AddedThrough, block.Attributes())
			path := r.kind.API.Item(url.PathEscape(id)) + "/" + f.AddedThrough.Path
			if err := r.client.PostRepeatable(ctx, path, query, body, nil); err != nil {
				return fmt.Errorf("%s block %d: %w", f.Attr, i+1, err)
			}
		}
	}
	return nil
}

// blockElements are the objects of a planned block list or set (none when null or unknown).
func blockElements(v attr.Value) []types.Object {
	var elems []attr.Value
	switch v := v.(type) {
	case types.List:
		elems = v.Elements()
	case types.Set:
		elems = v.Elements()
	}
	out := make([]types.Object, 0, len(elems))
	for _, el := range elems {
		if o, ok := el.(types.Object); ok && !o.IsNull() && !o.IsUnknown() {
			out = append(out, o)
		}
	}
	return out
}

// additionRequest is one block's request: the strings of its body attribute, and the query
// parameters of its set attributes.
func additionRequest(a *kinds.Additions, attrs map[string]attr.Value) ([]string, url.Values) {
	body := []string{}
	if list, ok := attrs[a.Body].(types.List); ok {
		for _, el := range list.Elements() {
			if s, ok := el.(types.String); ok && !s.IsNull() && !s.IsUnknown() {
				body = append(body, s.ValueString())
			}
		}
	}
	query := url.Values{}
	for param, attrName := range a.Query {
		if s, ok := attrs[attrName].(types.String); ok && isSet(s) {
			query.Set(param, s.ValueString())
		}
	}
	return body, query
}
