package provider

import (
	"context"
	"net/http"
	"net/url"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A group's and a user's voicemail policy each live at a path of their own and always exist:
// the group or user resource reads the policy with its owner and PATCHes the fields the
// configuration sets. Only the settings and the path differ.

// voicemailPolicy is one owner kind's voicemail policy: its settings (the official provider's
// attribute) and the path of one owner's policy.
type voicemailPolicy struct {
	settingsObject
	path func(ownerID string) string
}

// groupVoicemailPolicy is the official provider's voicemail_policy of a group.
var groupVoicemailPolicy = voicemailPolicy{settingsObject{
	{attr: "send_email_notifications", json: "sendEmailNotifications", kind: boolSetting},
	{attr: "disable_email_pii", json: "disableEmailPii", kind: boolSetting},
	{attr: "include_email_transcriptions", json: "includeEmailTranscriptions", kind: boolSetting},
}, groupVoicemailPolicyPath}

// userVoicemailPolicy is the official provider's voicemail_userpolicies of a user.
var userVoicemailPolicy = voicemailPolicy{settingsObject{
	{attr: "alert_timeout_seconds", json: "alertTimeoutSeconds", kind: intSetting},
	{attr: "send_email_notifications", json: "sendEmailNotifications", kind: boolSetting},
}, userVoicemailPolicyPath}

func groupVoicemailPolicyPath(groupID string) string {
	return "/api/v2/voicemail/groups/" + url.PathEscape(groupID) + "/policy"
}

func userVoicemailPolicyPath(userID string) string {
	return "/api/v2/voicemail/userpolicies/" + url.PathEscape(userID)
}

// read reads an owner's voicemail policy as the API's JSON fields.
func (p voicemailPolicy) read(ctx context.Context, c *platform.Client, ownerID string) (map[string]any, error) {
	out := map[string]any{}
	if err := c.Do(ctx, http.MethodGet, p.path(ownerID), nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// write PATCHes the planned policy when the configuration sets one (managed); unset, the plan
// holds the prior state, which is left alone. A PATCH of the same fields is safe to repeat.
func (p voicemailPolicy) write(ctx context.Context, c *platform.Client, ownerID string, planned types.List, managed bool) error {
	body, ok := p.body(planned)
	if !managed || !ok || len(body) == 0 {
		return nil
	}
	return c.Do(ctx, http.MethodPatch, p.path(ownerID), nil, body, nil)
}
