package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userRead is a user as the resource reads it: the user itself (with skills and languages)
// and the settings the API keeps at paths of their own.
type userRead struct {
	user      *platform.User
	voicemail map[string]any // the voicemail policy's JSON
	// utilization is the user's utilization, level "Organization" while it follows the org's.
	utilization *apiUtilization
	// settingsLeftOut: the settings were not read (envUserSettings), so they are not managed.
	settingsLeftOut bool
}

// envUserSettings set to 0 makes user reads leave out the voicemail policy and utilization,
// two requests more per user: cx export sets it while OpenTofu writes the configuration of
// an org's users, so that an exported user manages neither (and 4,000 users do not cost
// 8,000 requests of the rate budget).
const envUserSettings = "CX_PROVIDER_USER_SETTINGS"

// userSettingsLeftOutKey is the key under which a provider whose environment turns the
// settings off (envUserSettings) marks its client, the handle every read of that provider
// instance gets.
type userSettingsLeftOutKey struct{}

// attachUserSettings marks client when getenv turns the user settings off.
func attachUserSettings(client *platform.Client, getenv func(string) (string, bool)) {
	s, _ := getenv(envUserSettings)
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "0", "false", "off", "no":
		client.Attach(userSettingsLeftOutKey{}, true)
	}
}

// readsUserSettings reports whether user reads through c take in the settings (see
// envUserSettings).
func readsUserSettings(c *platform.Client) bool {
	left, _ := c.Attached(userSettingsLeftOutKey{}).(bool)
	return !left
}

// readUserWithSettings reads a user and its settings; nil when the user does not exist.
func readUserWithSettings(ctx context.Context, c *platform.Client, id string) (*userRead, error) {
	u, err := readUser(ctx, c, id)
	if err != nil || u == nil {
		return nil, err
	}
	if !readsUserSettings(c) {
		return &userRead{user: u, settingsLeftOut: true}, nil
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
	if r.settingsLeftOut {
		m.VoicemailUserPolicies = types.ListNull(userVoicemailPolicy.objectType())
		m.RoutingUtilization = types.ListNull(routingUtilizationType)
		return
	}
	m.VoicemailUserPolicies = userVoicemailPolicy.state(r.voicemail, m.VoicemailUserPolicies)
	m.RoutingUtilization = routingUtilizationState(r.utilization, m.RoutingUtilization)
}
