package provider

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userRead is a user as the resource reads it: the user itself (with skills and languages)
// and the settings the API keeps at paths of their own, when the resource manages them.
type userRead struct {
	user      *platform.User
	voicemail map[string]any // the voicemail policy's JSON
	// utilization is the user's utilization, level "Organization" while it follows the org's.
	utilization *apiUtilization
	// readVoicemail and readUtilization say which settings were read: the others are not
	// managed, and stay null.
	readVoicemail, readUtilization bool
}

// A user's voicemail policy and utilization are a request each, per user and per refresh —
// 8,000 requests, 27 minutes of a real org's 300-a-minute budget, for 4,000 users — and
// most configurations leave them unset (unmanaged). So they are read only while the state
// holds them: set in the configuration, they are written and read from then on; left unset,
// they are planned as the state holds them (heldWhenUnset) — null for a user that never
// managed them — and never read. An import leaves them null too: a configuration that
// manages them writes them once, at the first apply after the import.

// readUserHeld reads a user, and the settings m holds (the state, or the plan while an apply
// reads back what it wrote); nil when the user does not exist.
func readUserHeld(ctx context.Context, c *platform.Client, m *userModel, id string) (*userRead, error) {
	u, err := readUser(ctx, c, id)
	if err != nil || u == nil {
		return nil, err
	}
	r := &userRead{user: u, readVoicemail: isSet(m.VoicemailUserPolicies), readUtilization: isSet(m.RoutingUtilization)}
	if r.readVoicemail {
		if r.voicemail, err = userVoicemailPolicy.read(ctx, c, id); err != nil {
			return nil, fmt.Errorf("voicemail policy: %w", err)
		}
	}
	if r.readUtilization {
		if r.utilization, err = readUserUtilization(ctx, c, id); err != nil {
			return nil, fmt.Errorf("utilization: %w", err)
		}
	}
	return r, nil
}

// fromRead copies a user and its settings into m.
func (m *userModel) fromRead(r *userRead) {
	m.fromAPI(r.user)
	if r.readVoicemail {
		m.VoicemailUserPolicies = userVoicemailPolicy.state(r.voicemail, m.VoicemailUserPolicies)
	} else {
		m.VoicemailUserPolicies = types.ListNull(userVoicemailPolicy.objectType())
	}
	if r.readUtilization {
		m.RoutingUtilization = routingUtilizationState(r.utilization, m.RoutingUtilization)
	} else {
		m.RoutingUtilization = types.ListNull(routingUtilizationType)
	}
}

// userSetting is the attribute of a user setting: planned as the state holds it when unset.
func userSetting(a schema.ListAttribute) schema.ListAttribute {
	a.PlanModifiers = []planmodifier.List{heldWhenUnset{}}
	return a
}

// heldWhenUnset plans a setting the configuration leaves unset as the state holds it — null
// for a resource that has never managed it, so that it is never read — where
// UseStateForUnknown would plan a null as unknown, to be read by the apply. A replacement is
// planned as a create, with no state: null.
type heldWhenUnset struct{}

func (heldWhenUnset) Description(context.Context) string {
	return "Unset, the setting is planned as the state holds it: null (unmanaged, never read) unless it was managed before."
}

func (m heldWhenUnset) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (heldWhenUnset) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if !req.ConfigValue.IsNull() {
		return
	}
	if req.State.Raw.IsNull() {
		resp.PlanValue = types.ListNull(req.PlanValue.ElementType(ctx))
		return
	}
	resp.PlanValue = req.StateValue
}
