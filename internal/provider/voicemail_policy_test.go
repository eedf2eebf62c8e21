package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// A group's voicemail_policy, written in the official provider's block syntax, is applied,
// imported, changed in place and restored after a console edit; left out, it is unmanaged.
func TestAccGroupVoicemailPolicy(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_group.g"
	policy := func(send, pii bool) string {
		return o.config(fmt.Sprintf(`
resource "genesyscloud_group" "g" {
  name = "Voicemail group"
  voicemail_policy {
    send_email_notifications     = %t
    disable_email_pii            = %t
    include_email_transcriptions = true
  }
}
`, send, pii))
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_group", groupsPath), append(o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: groupsPath,
		create: policy(true, false),
		createChecks: attrChecks(addr, map[string]string{"voicemail_policy.#": "1", "voicemail_policy.0.send_email_notifications": "true",
			"voicemail_policy.0.disable_email_pii": "false", "voicemail_policy.0.include_email_transcriptions": "true"}),
		update:       policy(false, true),
		updateChecks: attrChecks(addr, map[string]string{"voicemail_policy.0.send_email_notifications": "false", "voicemail_policy.0.disable_email_pii": "true"}),
		editInOrg: func(id string) {
			o.do(http.MethodPatch, groupVoicemailPolicyPath(id), map[string]any{"sendEmailNotifications": true}, nil)
		},
		restored: func(s *terraform.State) error {
			if got := o.fieldAt(groupVoicemailPolicyPath(idOf(s, addr)), "sendEmailNotifications"); got != false {
				return fmt.Errorf("sendEmailNotifications in the org after apply = %v, want false", got)
			}
			return nil
		},
	}),
		resource.TestStep{
			// Left out, the policy is unmanaged: a console edit plans nothing.
			PreConfig: func() {
				o.do(http.MethodPatch, groupVoicemailPolicyPath(st.id(addr)), map[string]any{"disableEmailPii": false}, nil)
			},
			Config:           o.config(`resource "genesyscloud_group" "g" { name = "Voicemail group" }`),
			ConfigPlanChecks: expectPlan(plancheck.ExpectEmptyPlan()),
			Check:            resource.TestCheckResourceAttr(addr, "voicemail_policy.0.disable_email_pii", "false"),
		},
	)...)
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
		// An import leaves the policy unmanaged (null, not read): the configuration writes it
		// once, at the first apply after the import (user_read.go).
		importIgnore: []string{"voicemail_userpolicies"},
		create:       withPolicy(20, false),
		createChecks: attrChecks(addr, map[string]string{"voicemail_userpolicies.#": "1",
			"voicemail_userpolicies.0.alert_timeout_seconds": "20", "voicemail_userpolicies.0.send_email_notifications": "false"}),
		update:       withPolicy(45, true),
		updateChecks: attrChecks(addr, map[string]string{"voicemail_userpolicies.0.alert_timeout_seconds": "45", "voicemail_userpolicies.0.send_email_notifications": "true"}),
		editInOrg: func(id string) {
			o.do(http.MethodPatch, userVoicemailPolicyPath(id), map[string]any{"alertTimeoutSeconds": 10}, nil)
		},
		restored: func(s *terraform.State) error {
			if got := o.fieldAt(userVoicemailPolicyPath(idOf(s, addr)), "alertTimeoutSeconds"); got != float64(45) {
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
