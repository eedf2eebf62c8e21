package provider

import (
	"context"
	"net/http"
	"net/url"

	"github.com/cxascode/cxascode/internal/platform"
)

// A group's voicemail policy (voicemail_policy) lives at its own path and always exists; the
// group resource reads it with the group and PATCHes the fields the configuration sets.

// groupVoicemailPolicy is the official provider's voicemail_policy of a group.
var groupVoicemailPolicy = settingsObject{
	{attr: "send_email_notifications", json: "sendEmailNotifications", kind: boolSetting},
	{attr: "disable_email_pii", json: "disableEmailPii", kind: boolSetting},
	{attr: "include_email_transcriptions", json: "includeEmailTranscriptions", kind: boolSetting},
}

func groupVoicemailPolicyPath(groupID string) string {
	return "/api/v2/voicemail/groups/" + url.PathEscape(groupID) + "/policy"
}

// readGroupVoicemailPolicy reads a group's voicemail policy as the API's JSON fields.
func readGroupVoicemailPolicy(ctx context.Context, c *platform.Client, groupID string) (map[string]any, error) {
	out := map[string]any{}
	if err := c.Do(ctx, http.MethodGet, groupVoicemailPolicyPath(groupID), nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// patchGroupVoicemailPolicy changes the fields in body; a PATCH of the same fields is safe to repeat.
func patchGroupVoicemailPolicy(ctx context.Context, c *platform.Client, groupID string, body map[string]any) error {
	return c.Do(ctx, http.MethodPatch, groupVoicemailPolicyPath(groupID), nil, body, nil)
}

// writeGroupVoicemailPolicy PATCHes the planned policy when the configuration sets one
// (managed); unset, the plan holds the prior state, which is left alone.
func writeGroupVoicemailPolicy(ctx context.Context, c *platform.Client, groupID string, plan groupModel, managed bool) error {
	body, ok := groupVoicemailPolicy.body(plan.VoicemailPolicy)
	if !managed || !ok || len(body) == 0 {
		return nil
	}
	return patchGroupVoicemailPolicy(ctx, c, groupID, body)
}
