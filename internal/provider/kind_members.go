package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A kind's Members field (kinds.Field.Members, a team's member_ids) is not part of the
// object's JSON: it is the object's members sub-collection, changed by adding and removing
// members after the object itself is written and read into the object under the field's
// JSON key, so that the rest of the generic resource maps it like any set of ids.

// memberChunk is how many members one request adds or removes (the API's limit).
const memberChunk = 25

// membersField is the kind's Members field, or nil.
func (r *kindResource) membersField() *kinds.Field {
	return r.fieldWhere(func(f *kinds.Field) bool { return f.Members })
}

// membersPath is the members sub-collection of the object with id.
func (r *kindResource) membersPath(id string) string {
	return r.kind.API.Item(url.PathEscape(id)) + "/members"
}

// syncMembers makes the object's members those planned (left as they are when the plan
// does not know them: the attribute is unset) and reads them into obj.
func (r *kindResource) syncMembers(ctx context.Context, obj apiObject, planned map[string]attr.Value) error {
	f := r.membersField()
	if f == nil {
		return nil
	}
	id := objectID(obj)
	current, err := r.members(ctx, id)
	if err != nil {
		return err
	}
	if want, ok := planned[f.Attr].(types.Set); ok && !want.IsNull() && !want.IsUnknown() {
		var desired []string
		for _, el := range want.Elements() {
			if s, ok := el.(types.String); ok {
				desired = append(desired, s.ValueString())
			}
		}
		add := slices.DeleteFunc(slices.Clone(desired), func(m string) bool { return slices.Contains(current, m) })
		remove := slices.DeleteFunc(slices.Clone(current), func(m string) bool { return slices.Contains(desired, m) })
		for chunk := range slices.Chunk(add, memberChunk) {
			if err := r.client.Do(ctx, http.MethodPost, r.membersPath(id), nil, map[string]any{"memberIds": chunk}, nil); err != nil {
				return fmt.Errorf("add members to %s %s: %w", r.kind.Noun, id, err)
			}
		}
		for chunk := range slices.Chunk(remove, memberChunk) {
			q := url.Values{"id": {strings.Join(chunk, ",")}}
			if err := r.client.Do(ctx, http.MethodDelete, r.membersPath(id), q, nil, nil); err != nil && !platform.IsNotFound(err) {
				return fmt.Errorf("remove members from %s %s: %w", r.kind.Noun, id, err)
			}
		}
		if len(add)+len(remove) > 0 {
			if current, err = r.members(ctx, id); err != nil {
				return err
			}
		}
	}
	obj[f.JSON] = anyStrings(current)
	return nil
}

// readMembers reads the object's members into obj (a kind without members: nothing).
func (r *kindResource) readMembers(ctx context.Context, obj apiObject) error {
	f := r.membersField()
	if f == nil {
		return nil
	}
	current, err := r.members(ctx, objectID(obj))
	if err != nil {
		return err
	}
	obj[f.JSON] = anyStrings(current)
	return nil
}

// members lists the ids of the object's members, every page.
func (r *kindResource) members(ctx context.Context, id string) ([]string, error) {
	refs, err := platform.ListCursor[struct {
		ID string `json:"id"`
	}](ctx, r.client, r.membersPath(id), nil, 100)
	if err != nil {
		return nil, fmt.Errorf("read the members of %s %s: %w", r.kind.Noun, id, err)
	}
	out := make([]string, 0, len(refs))
	for _, ref := range refs {
		out = append(out, ref.ID)
	}
	return out, nil
}
