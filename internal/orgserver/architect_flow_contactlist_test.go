package orgserver

import "testing"

// renewalsFlow is an outbound call flow whose settings name the contact list it dials.
const renewalsFlow = `outboundCall:
  name: Renewal reminders
  division: Home
  startUpRef: "/outboundCall/tasks/task[Remind_1]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  settingsOutboundCall:
    contactList:
      lit:
        name: Renewals
  tasks:
    - task:
        name: Remind
        refId: Remind_1
        actions:
          - disconnect:
              name: Goodbye
`

// The local org hosts contact lists: a flow that names a missing one fails to publish with
// the YAML position, and publishes once the list exists.
func TestFlowImportContactList(t *testing.T) {
	ts, c := parallelDevOrg(t)
	wantUnresolvedName(t, ts, c, []byte(renewalsFlow), "contact list", "Renewals")
	c.must(200, "POST", "/api/v2/outbound/contactlists", map[string]any{"name": "Renewals", "columnNames": []any{"phone"}})
	if st := uploadFlowJob(t, ts, c, []byte(renewalsFlow)); st["status"] != "Success" {
		t.Errorf("job with the contact list = %v", st)
	}
}
