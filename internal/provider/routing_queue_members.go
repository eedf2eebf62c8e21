package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A queue's members are a set of plain objects rather than a nested block, as in the official
// provider (an attribute-mode set): OpenTofu then takes both the block syntax of existing
// configurations and `members = []`, which removes every member, while leaving members out
// of the configuration leaves them unmanaged.
//
// The price of the attribute form is that OpenTofu holds the plan to the configuration: a
// member written without ring_num plans, and so stays in state, with ring_num unset, meaning
// ring 1 (the official default) in the org. Reads keep that form: ring 1 is read as unset
// unless the prior state spelled it out, so neither a refresh nor an import turns the default
// into a difference.

// queueMemberType is one member of a queue.
var queueMemberType = types.ObjectType{AttrTypes: map[string]attr.Type{"user_id": types.StringType, "ring_num": types.Int64Type}}

// queueDefaultRing is the ring a member without ring_num is on.
const queueDefaultRing = 1

type queueMemberModel struct {
	UserID  types.String `tfsdk:"user_id"`
	RingNum types.Int64  `tfsdk:"ring_num"`
}

func queueMembersAttribute() schema.SetAttribute {
	a := unmanagedSet(queueMemberType, "Users in the queue `{user_id, ring_num (1-6, default 1)}`; block or attribute syntax. "+
		"Unset = members not managed; `members = []` removes all members.")
	a.Validators = []validator.Set{queueMemberRules{}}
	return a
}

// queueMembersOf decodes a members set; null or unknown decodes to none.
func queueMembersOf(ctx context.Context, set types.Set) ([]queueMemberModel, error) {
	var members []queueMemberModel
	if !known(set) {
		return nil, nil
	}
	if d := set.ElementsAs(ctx, &members, false); d.HasError() {
		return nil, fmt.Errorf("decode members: %s", d.Errors()[0].Detail())
	}
	return members, nil
}

// queueMemberRings is what the org is to hold for the planned members: user id → ring.
func queueMemberRings(members []queueMemberModel) map[string]int {
	want := map[string]int{}
	for _, m := range members {
		ring := queueDefaultRing
		if known(m.RingNum) {
			ring = int(m.RingNum.ValueInt64())
		}
		want[m.UserID.ValueString()] = ring
	}
	return want
}

// queueMembersValue is the members set for the org's members (user id → ring), in the form
// prior gave them: ring 1 stays unset unless prior wrote it out for that user.
func queueMembersValue(ctx context.Context, org map[string]int, prior types.Set) types.Set {
	explicitDefault := map[string]bool{}
	priorMembers, _ := queueMembersOf(ctx, prior)
	for _, m := range priorMembers {
		if known(m.RingNum) && m.RingNum.ValueInt64() == queueDefaultRing {
			explicitDefault[m.UserID.ValueString()] = true
		}
	}
	users := make([]string, 0, len(org))
	for u := range org {
		users = append(users, u)
	}
	slices.SortFunc(users, strings.Compare)
	elems := make([]attr.Value, 0, len(users))
	for _, u := range users {
		ring := types.Int64Value(int64(org[u]))
		if org[u] == queueDefaultRing && !explicitDefault[u] {
			ring = types.Int64Null()
		}
		elems = append(elems, types.ObjectValueMust(queueMemberType.AttrTypes, map[string]attr.Value{
			"user_id": types.StringValue(u), "ring_num": ring}))
	}
	return types.SetValueMust(queueMemberType, elems)
}

// queueMemberRules checks each member as the official schema does (user_id required,
// ring_num 1-6) — a plain object type carries no per-field rules — and that no user is
// listed twice, which the API would refuse half-way through the sync.
type queueMemberRules struct{}

func (queueMemberRules) Description(context.Context) string {
	return "each member names a user once, with a ring between 1 and 6"
}

func (v queueMemberRules) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (queueMemberRules) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if !known(req.ConfigValue) {
		return
	}
	ringRule := int64validator.Between(1, 6)
	seen := map[string]bool{}
	for _, elem := range req.ConfigValue.Elements() {
		obj, ok := elem.(types.Object)
		if !ok || !known(obj) {
			continue
		}
		// The element's attributes are read directly: this runs for every queue in every
		// validation, and decoding into queueMemberModel by reflection was most of its cost.
		attrs := obj.Attributes()
		userID, okUser := attrs["user_id"].(types.String)
		ring, okRing := attrs["ring_num"].(types.Int64)
		if !okUser || !okRing {
			continue // not the member object this validator is written for
		}
		p := req.Path.AtSetValue(elem)
		if userID.IsNull() {
			resp.Diagnostics.AddAttributeError(p.AtName("user_id"), "Missing required argument",
				fmt.Sprintf("Attribute %s: every member needs a user_id.", p.AtName("user_id")))
		}
		if known(userID) {
			if seen[userID.ValueString()] {
				resp.Diagnostics.AddAttributeError(p, "Duplicate member",
					fmt.Sprintf("Attribute %s: user %q is listed twice; give each user one ring.", p, userID.ValueString()))
			}
			seen[userID.ValueString()] = true
		}
		ringResp := &validator.Int64Response{}
		ringRule.ValidateInt64(ctx, validator.Int64Request{Path: p.AtName("ring_num"), Config: req.Config, ConfigValue: ring}, ringResp)
		resp.Diagnostics.Append(ringResp.Diagnostics...)
	}
}
