package archy

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// refLine renders a reference compactly for comparison: "line:col kind name [integration] (flowType) #path".
func refLine(r Ref) string {
	s := fmt.Sprintf("%d:%d %s %s", r.Pos.Line, r.Pos.Column, r.Kind, r.Name)
	if r.Integration != "" {
		s += " [" + r.Integration + "]"
	}
	if r.FlowType != "" {
		s += " (" + r.FlowType + ")"
	}
	if r.Path != "" {
		s += " #" + r.Path
	}
	return s
}

func refLines(refs []Ref) []string {
	if len(refs) == 0 {
		return nil
	}
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = refLine(r)
	}
	return out
}

func TestReferencesFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want []string
	}{
		{"inbound_call.yaml", []string{
			"5:13 division Home",
			"22:19 queue General Support", // queueVariable initial value
			"34:16 prompt MainMenuGreeting",
			"59:25 queue 401K", // DTMF 1; the FindQueue("401K") and second transfer are duplicates
			"70:25 language English",
			"74:29 skill Retirement Plans",
			"99:25 integration Banking Web Services",
			"101:29 dataAction Get Account Balance [Banking Web Services]", // DTMF 2
			"136:25 flow Claims IVR (inboundCall)",                         // DTMF 3
			"159:25 scheduleGroup Main Office Hours",
			"162:25 emergencyGroup Storm Emergency",
			"174:35 prompt ClosedMessage", // PromptSystem.sorry is built in
			"191:35 queue Emergency Queue",
			"206:32 queue VIP Desk", // FindQueue("VIP Desk") expression
			"212:27 commonModule Verify Caller (commonModule)",
			"223:33 flow Retirement Hold (inqueueCall)",
		}},
		{"inqueue_call.yaml", []string{"3:13 division Home", "27:26 prompt HoldMusic401K"}},
		{"inbound_email.yaml", []string{
			"3:13 division Home",
			"36:17 integration ComprehendDataAction",
			"38:21 dataAction LookupQueueName [ComprehendDataAction]",
			"70:35 queue General Email",
			"78:22 queue Billing Email", // findQueue with a literal name; the one on State.QueueName is dynamic
		}},
		{"common_module.yaml", []string{
			"4:13 division Home",
			"25:17 dataTable Known Callers",
			"47:40 file ./shared/checks.yaml #/commonModule/tasks/task[Fraud_1]",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			got := refLines(parseFixture(t, tt.file).References())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("References() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReferencesInline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string // body is indented under `workflow:`
		want       []string
	}{
		{"updateData statement", `
  actions:
    - updateData:
        statements:
          - queue:
              variable: Flow.Q
              value: {lit: {name: Billing}}
          - skill: {variable: Flow.S, value: {lit: {name: French}}}`,
			[]string{"8:35 queue Billing", "9:59 skill French"}},
		{"callData with literal names", `
  actions:
    - callData:
        category: {lit: {name: Salesforce}}
        dataAction: {lit: {name: Get Contact}}`,
			[]string{"5:32 integration Salesforce", "6:34 dataAction Get Contact [Salesforce]"}},
		{"callData with category as string", `
  actions:
    - callData:
        category: Salesforce
        dataAction: {lit: {name: Get Contact}}`,
			[]string{"5:19 integration Salesforce", "6:34 dataAction Get Contact [Salesforce]"}},
		{"expressions", `
  x:
    exp: FindScheduleGroup("Support Hours") and FindSchedule('Xmas') and FindUser("ann@example.com") and FindGroup("Tier \"2\"") and FindLanguageSkill("Dutch") and FindUserPrompt("Hello") and FindEmergencyGroup("Fire")
  y:
    exp: ToAudio(Prompt.Welcome) + ToAudio(PromptSystem.beep) + Flow.Prompt.x`,
			[]string{"4:10 scheduleGroup Support Hours", "4:10 schedule Xmas", "4:10 user ann@example.com", `4:10 group Tier "2"`,
				"4:10 language Dutch", "4:10 prompt Hello", "4:10 emergencyGroup Fire", "6:10 prompt Welcome"}},
		{"transfers and bots", `
  actions:
    - transferToFlowSecure: {targetFlow: {lit: {name: Card Payment}}}
    - callBotFlow: {botFlow: {Order Bot: {ver_latestPublished: {inputs: {}}}}}
    - transferToUser: {targetUser: {lit: {name: Ann}}}
    - transferToGroup: {targetGroup: {lit: {name: Tier 2}}}
    - transferToAcd:
        targetQueue: {lit: {name: Sales}}
        acdSkills: [{acdSkill: {lit: {name: Sales}}}]`,
			[]string{"4:55 flow Card Payment (secureCall)", "5:31 flow Order Bot (botFlow)", "6:49 user Ann",
				"7:51 group Tier 2", "9:35 queue Sales", "10:45 skill Sales"}},
		{"screen pop scripts", `
  actions:
    - setScreenPop:
        screenPopScript:
          Claims Intake:
            inputs: {Policy: {exp: Flow.Policy}}
    - transferToAcd:
        targetQueue: {lit: {name: Claims}}`,
			[]string{"6:11 script Claims Intake", "9:35 queue Claims"}},
		{"outbound settings", `
  settingsOutboundCall:
    contactList: {lit: {name: Renewals}}
    wrapupCode: {lit: {name: Renewed}}`,
			[]string{"4:31 contactList Renewals", "5:30 wrapupCode Renewed"}},
		{"noValue and computed names are no references", `
  languageSkill: {noValue: true}
  targetQueue: {exp: State.Q}
  scheduleGroup: {lit: {name: ""}}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse("f.yaml", []byte("workflow:\n  name: x"+tt.body+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, refLines(f.References())); diff != "" {
				t.Errorf("References() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDynamicLookups(t *testing.T) {
	t.Parallel()
	f := parseFixture(t, "inbound_call.yaml")
	want := []string{"199:22 queue Call.CalledAddress"}
	if diff := cmp.Diff(want, refLines(f.DynamicLookups())); diff != "" {
		t.Errorf("DynamicLookups() mismatch (-want +got):\n%s", diff)
	}
}
