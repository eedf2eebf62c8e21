package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// userSetting reads one JSON field of a user's setting at path through the API.
func (o *accOrg) userSetting(path, field string) any {
	o.t.Helper()
	var out map[string]any
	o.do(http.MethodGet, path, nil, &out)
	return out[field]
}

// A user's voicemail_userpolicies, in the official block syntax, is applied, imported,
// changed in place and restored after a console edit; left out, it is unmanaged.
func TestAccUserVoicemailPolicy(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_user.u"
	withPolicy := func(timeout int, send bool) string {
		return o.config(fmt.Sprintf(`
resource "genesyscloud_user" "u" {
  email = "vm@example.com"
  name  = "Val Voicemail"
  voicemail_userpolicies {
    alert_timeout_seconds    = %d
    send_email_notifications = %t
  }
}
`, timeout, send))
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_user", usersPath), append(o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: usersPath,
		create: withPolicy(20, false),
		createChecks: attrChecks(addr, map[string]string{"voicemail_userpolicies.#": "1",
			"voicemail_userpolicies.0.alert_timeout_seconds": "20", "voicemail_userpolicies.0.send_email_notifications": "false"}),
		update:       withPolicy(45, true),
		updateChecks: attrChecks(addr, map[string]string{"voicemail_userpolicies.0.alert_timeout_seconds": "45", "voicemail_userpolicies.0.send_email_notifications": "true"}),
		editInOrg: func(id string) {
			o.do(http.MethodPatch, userVoicemailPolicyPath(id), map[string]any{"alertTimeoutSeconds": 10}, nil)
		},
		restored: func(s *terraform.State) error {
			if got := o.userSetting(userVoicemailPolicyPath(idOf(s, addr)), "alertTimeoutSeconds"); got != float64(45) {
				return fmt.Errorf("alertTimeoutSeconds in the org after apply = %v, want 45", got)
			}
			return nil
		},
	}),
		resource.TestStep{
			// Left out, the policy is unmanaged: a console edit plans nothing.
			PreConfig: func() {
				o.do(http.MethodPatch, userVoicemailPolicyPath(st.id(addr)), map[string]any{"alertTimeoutSeconds": 12}, nil)
			},
			Config: o.config(`
resource "genesyscloud_user" "u" {
  email = "vm@example.com"
  name  = "Val Voicemail"
}
`),
			ConfigPlanChecks: expectPlan(plancheck.ExpectEmptyPlan()),
			Check:            resource.TestCheckResourceAttr(addr, "voicemail_userpolicies.0.alert_timeout_seconds", "12"),
		},
	)...)
}
