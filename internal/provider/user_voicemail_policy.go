package provider

import (
	"context"
	"net/http"
	"net/url"

	"github.com/cxascode/cxascode/internal/platform"
)

// A user's voicemail policy (voicemail_userpolicies) lives at its own path and always exists;
// the user resource reads it with the user and PATCHes the fields the configuration sets.

// userVoicemailPolicy is the official provider's voicemail_userpolicies.
var userVoicemailPolicy = settingsObject{
	{attr: "alert_timeout_seconds", json: "alertTimeoutSeconds", kind: intSetting},
	{attr: "send_email_notifications", json: "sendEmailNotifications", kind: boolSetting},
}

func userVoicemailPolicyPath(userID string) string {
	return "/api/v2/voicemail/userpolicies/" + url.PathEscape(userID)
}

// readUserVoicemailPolicy reads a user's voicemail policy as the API's JSON fields.
func readUserVoicemailPolicy(ctx context.Context, c *platform.Client, userID string) (map[string]any, error) {
	out := map[string]any{}
	if err := c.Do(ctx, http.MethodGet, userVoicemailPolicyPath(userID), nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// writeUserVoicemailPolicy PATCHes the planned policy when the configuration sets one
// (managed); unset, the plan holds the prior state, which is left alone.
func writeUserVoicemailPolicy(ctx context.Context, c *platform.Client, userID string, plan userModel, managed bool) error {
	body, ok := userVoicemailPolicy.body(plan.VoicemailUserPolicies)
	if !managed || !ok || len(body) == 0 {
		return nil
	}
	return c.Do(ctx, http.MethodPatch, userVoicemailPolicyPath(userID), nil, body, nil)
}
