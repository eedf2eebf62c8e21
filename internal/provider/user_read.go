package provider

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/platform"
)

// userRead is a user as the resource reads it: the user itself (with skills and languages)
// and the settings the API keeps at paths of their own.
type userRead struct {
	user      *platform.User
	voicemail map[string]any // the voicemail policy's JSON
	// utilization is the user's utilization, level "Organization" while it follows the org's.
	utilization *apiUtilization
}

// readUserWithSettings reads a user and its settings; nil when the user does not exist.
func readUserWithSettings(ctx context.Context, c *platform.Client, id string) (*userRead, error) {
	u, err := readUser(ctx, c, id)
	if err != nil || u == nil {
		return nil, err
	}
	voicemail, err := userVoicemailPolicy.read(ctx, c, id)
	if err != nil {
		return nil, fmt.Errorf("voicemail policy: %w", err)
	}
	utilization, err := readUserUtilization(ctx, c, id)
	if err != nil {
		return nil, fmt.Errorf("utilization: %w", err)
	}
	return &userRead{user: u, voicemail: voicemail, utilization: utilization}, nil
}

// fromRead copies a user and its settings into m.
func (m *userModel) fromRead(r *userRead) {
	m.fromAPI(r.user)
	m.VoicemailUserPolicies = userVoicemailPolicy.state(r.voicemail, m.VoicemailUserPolicies)
	m.RoutingUtilization = routingUtilizationState(r.utilization, m.RoutingUtilization)
}
