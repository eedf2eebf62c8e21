package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Ids of objects this org does not check (flows, prompts, scripts, addresses, teams): the
// queue passes them through.
const (
	testFlowID    = "6f1c1b2e-0000-4000-8000-000000000001"
	testPromptID  = "6f1c1b2e-0000-4000-8000-000000000002"
	testScriptID  = "6f1c1b2e-0000-4000-8000-000000000003"
	testAddressID = "6f1c1b2e-0000-4000-8000-000000000004"
	testTeamID    = "6f1c1b2e-0000-4000-8000-000000000005"
	testLibraryID = "6f1c1b2e-0000-4000-8000-000000000006"
)

// fullQueueVars are the values the steps of TestAccRoutingQueueFull change.
type fullQueueVars struct {
	description  string
	chatAlerting int
	callbackMode string
	threshold    int
	ringTimeout  float64
	cgaValue     float64
	agentWait    int
	ring         int
}

// fullQueueDeps are the objects the full queue refers to, declared in every step.
const fullQueueDeps = `
resource "genesyscloud_auth_division" "d" {
  name = "Support"
}
resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}
resource "genesyscloud_routing_wrapupcode" "resolved" {
  name = "Resolved"
}
resource "genesyscloud_routing_queue" "backup" {
  name = "Backup"
}
`

func fullQueueConfig(o *accOrg, users []string, groupID, skillGroupID string, v fullQueueVars) string {
	return o.config(fmt.Sprintf(fullQueueDeps+`
resource "genesyscloud_routing_queue" "q" {
  name                                           = "Support"
  description                                    = %[1]q
  division_id                                    = genesyscloud_auth_division.d.id
  acw_wrapup_prompt                              = "MANDATORY_TIMEOUT"
  acw_timeout_ms                                 = 60000
  skill_evaluation_method                        = "BEST"
  scoring_method                                 = "PriorityOnly"
  last_agent_routing_mode                        = "QueueMembersOnly"
  queue_flow_id                                  = %[2]q
  email_in_queue_flow_id                         = %[2]q
  message_in_queue_flow_id                       = %[2]q
  whisper_prompt_id                              = %[3]q
  on_hold_prompt_id                              = %[3]q
  auto_answer_only                               = false
  enable_transcription                           = true
  enable_audio_monitoring                        = true
  enable_manual_assignment                       = true
  suppress_in_queue_call_recording               = false
  calling_party_name                             = "Example Inc."
  calling_party_number                           = "+13175550123"
  default_script_ids                             = { CALL = %[4]q, EMAIL = %[4]q }
  outbound_messaging_sms_address_id              = %[5]q
  outbound_messaging_open_messaging_recipient_id = %[5]q
  outbound_messaging_whatsapp_recipient_id       = %[5]q
  peer_id                                        = "external-queue-7"
  skill_groups                                   = [%[6]q]
  groups                                         = [%[7]q]
  teams                                          = [%[8]q]
  wrapup_codes                                   = [genesyscloud_routing_wrapupcode.resolved.id]

  media_settings_call {
    alerting_timeout_sec             = 20
    service_level_percentage         = 0.9
    service_level_duration_ms        = 15000
    enable_auto_answer               = true
    auto_answer_alert_tone_seconds   = 0.5
    manual_answer_alert_tone_seconds = 3
  }
  media_settings_callback {
    alerting_timeout_sec            = 45
    mode                            = %[9]q
    enable_auto_dial_and_end        = true
    auto_dial_delay_seconds         = 10
    auto_end_delay_seconds          = 300
    pacing_modifier                 = 2
    max_retry_count                 = 3
    retry_delay_seconds             = 120
    live_voice_reaction_type        = "TransferToFlow"
    live_voice_flow_id              = %[2]q
    answering_machine_reaction_type = "HangUp"
  }
  media_settings_chat {
    alerting_timeout_sec = %[10]d
  }
  media_settings_email {
    alerting_timeout_sec      = 600
    service_level_duration_ms = 86400000
  }
  media_settings_message {
    alerting_timeout_sec      = 40
    enable_inactivity_timeout = true
    inactivity_timeout_settings {
      timeout_seconds = 600
      action_type     = "SEND_TO_ARCHITECT_FLOW"
      flow_id         = %[2]q
    }
    sub_type_settings {
      media_type         = "webmessaging"
      enable_auto_answer = true
    }
    sub_type_settings {
      media_type                = "whatsapp"
      enable_auto_answer        = false
      enable_inactivity_timeout = true
    }
  }
  agent_owned_routing {
    enable_agent_owned_callbacks   = true
    max_owned_callback_hours       = 24
    max_owned_callback_delay_hours = 48
  }
  routing_rules {
    operator     = "MEETS_THRESHOLD"
    threshold    = %[11]d
    wait_seconds = 10
  }
  routing_rules {
    operator = "ANY"
  }
  bullseye_rings {
    expansion_timeout_seconds = %[12]v
    skills_to_remove          = [genesyscloud_routing_skill.billing.id]
    member_groups {
      member_group_id   = %[7]q
      member_group_type = "GROUP"
    }
  }
  bullseye_rings {
    expansion_timeout_seconds = 30
  }
  conditional_group_routing_rules {
    operator        = "GreaterThan"
    condition_value = 30
    wait_seconds    = 5
    groups {
      member_group_id   = %[6]q
      member_group_type = "SKILLGROUP"
    }
  }
  conditional_group_routing_rules {
    queue_id        = genesyscloud_routing_queue.backup.id
    metric          = "ServiceLevel"
    operator        = "LessThan"
    condition_value = 0.5
    groups {
      member_group_id   = %[7]q
      member_group_type = "GROUP"
    }
  }
  conditional_group_activation {
    pilot_rule {
      condition_expression = "C1"
      conditions {
        simple_metric {
          metric = "IdleAgentCount"
        }
        operator = "LessThan"
        value    = 1
      }
    }
    rules {
      condition_expression = "C1 and C2"
      conditions {
        simple_metric {
          metric = "EstimatedWaitTime"
        }
        operator = "GreaterThan"
        value    = %[13]v
      }
      conditions {
        simple_metric {
          metric   = "ServiceLevel"
          queue_id = genesyscloud_routing_queue.backup.id
        }
        operator = "LessThan"
        value    = 0.7
      }
      groups {
        member_group_id   = %[8]q
        member_group_type = "TEAM"
      }
    }
  }
  outbound_email_address {
    domain_id = "support.example.com"
    route_id  = %[5]q
  }
  direct_routing {
    agent_wait_seconds               = %[14]d
    wait_for_agent                   = true
    email_use_agent_address_outbound = false
    backup_queue_id                  = genesyscloud_routing_queue.backup.id
  }
  canned_response_libraries {
    mode        = "SelectedOnly"
    library_ids = [%[15]q]
  }
  members {
    user_id = %[16]q
  }
  members {
    user_id  = %[17]q
    ring_num = %[18]d
  }
}
`, v.description, testFlowID, testPromptID, testScriptID, testAddressID, skillGroupID, groupID, testTeamID,
		v.callbackMode, v.chatAlerting, v.threshold, v.ringTimeout, v.cgaValue, v.agentWait, testLibraryID,
		users[0], users[1], v.ring))
}

func TestAccRoutingQueueFull(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_routing_queue.q"
	users := o.agents(2)
	var group, skillGroup struct {
		ID string `json:"id"`
	}
	o.do(http.MethodPost, "/api/v2/groups", map[string]any{"name": "Tier 2", "type": "official", "visibility": "public", "rulesVisible": false}, &group)
	o.do(http.MethodPost, "/api/v2/routing/skillgroups", map[string]any{"name": "Billing experts"}, &skillGroup)

	first := fullQueueVars{description: "Tier 1", chatAlerting: 25, callbackMode: "CustomerFirst", threshold: 9, ringTimeout: 15.5, cgaValue: 300, agentWait: 60, ring: 2}
	second := fullQueueVars{description: "Tier 1 and 2", chatAlerting: 35, callbackMode: "AgentFirst", threshold: 7, ringTimeout: 20, cgaValue: 600, agentWait: 90, ring: 3}
	config := func(v fullQueueVars) string { return fullQueueConfig(o, users, group.ID, skillGroup.ID, v) }
	apiQueue := func(s *terraform.State) platform.Queue {
		q := orgObject[platform.Queue](o, queuesPath, idOf(s, addr))
		return q
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_routing_queue", queuesPath),
		resource.TestStep{
			Config:           config(first),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check: resource.ComposeAggregateTestCheckFunc(attrChecks(addr, map[string]string{
				"scoring_method":                                          "PriorityOnly",
				"default_script_ids.EMAIL":                                testScriptID,
				"media_settings_callback.0.pacing_modifier":               "2",
				"media_settings_message.0.sub_type_settings.1.media_type": "whatsapp",
				"bullseye_rings.0.expansion_timeout_seconds":              "15.5",
				"conditional_group_activation.0.rules.0.conditions.#":     "2",
				"members.#": "2",
			},
				st.capture,
				resource.TestCheckResourceAttrPair(addr, "conditional_group_routing_rules.1.queue_id", "genesyscloud_routing_queue.backup", "id"),
				func(s *terraform.State) error {
					// What the org received, in the API's own shape.
					q := apiQueue(s)
					switch {
					case deref(q.QueueFlow).ID == nil || *q.QueueFlow.ID != testFlowID:
						return fmt.Errorf("queueFlow = %+v", q.QueueFlow)
					case len(q.MemberGroups) != 3:
						return fmt.Errorf("memberGroups = %+v", q.MemberGroups)
					case q.Bullseye == nil || len(q.Bullseye.Rings) != 2 || deref(q.Bullseye.Rings[0].ExpansionCriteria[0].Type) != "TIMEOUT_SECONDS":
						return fmt.Errorf("bullseye = %+v", q.Bullseye)
					case deref(deref(q.MediaSettings).Callback).Mode == nil || *q.MediaSettings.Callback.Mode != "CustomerFirst":
						return fmt.Errorf("callback mode = %+v", q.MediaSettings.Callback)
					case string(q.OutboundEmailAddress) == "" || q.OutboundMessagingAddresses == nil || deref(q.DirectRouting).BackupQueueID == nil:
						return fmt.Errorf("addresses/direct routing missing: %s %+v %+v", q.OutboundEmailAddress, q.OutboundMessagingAddresses, q.DirectRouting)
					}
					return nil
				},
			)...),
		},
		resource.TestStep{
			// Nested attributes change in place.
			Config: config(second),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(attrChecks(addr, map[string]string{
				"media_settings_callback.0.mode":                            "AgentFirst",
				"routing_rules.0.threshold":                                 "7",
				"bullseye_rings.0.expansion_timeout_seconds":                "20",
				"conditional_group_activation.0.rules.0.conditions.0.value": "600",
			},
				func(s *terraform.State) error {
					if idOf(s, addr) != st.id(addr) {
						return fmt.Errorf("queue was replaced")
					}
					q := apiQueue(s)
					if a := deref(q.MediaSettings.Chat.AlertingTimeoutSeconds); a != 35 {
						return fmt.Errorf("chat alerting in the org = %d", a)
					}
					if w := deref(q.DirectRouting.AgentWaitSeconds); w != 90 {
						return fmt.Errorf("agent wait in the org = %d", w)
					}
					return nil
				},
				resource.TestCheckTypeSetElemNestedAttrs(addr, "members.*", map[string]string{"user_id": users[1], "ring_num": "3"}),
			)...),
		},
		importStep(addr),
		resource.TestStep{
			// Drift: the call alerting timeout is changed in the org; plan shows it, apply corrects it.
			PreConfig: func() {
				id := st.id(addr)
				q, err := queueRequest(context.Background(), o.api, id)
				if err != nil {
					t.Fatal(err)
				}
				q.MediaSettings.Call.AlertingTimeoutSeconds = ptr(45)
				o.do(http.MethodPut, queuesPath+"/"+id, q, nil)
			},
			Config: config(second),
			ConfigPlanChecks: expectPlan(
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				expectAttrChange{addr, []any{"media_settings_call", 0, "alerting_timeout_sec"}, "45", "20"},
			),
			Check: func(s *terraform.State) error {
				if a := deref(apiQueue(s).MediaSettings.Call.AlertingTimeoutSeconds); a != 20 {
					return fmt.Errorf("call alerting in the org after apply = %d", a)
				}
				return nil
			},
		},
		resource.TestStep{
			// Lists and ids are managed whole: without them the rules, rings, group routing,
			// member groups and flows are removed. Blocks written at most once, members and
			// wrap-up codes are then no longer managed and stay as they are.
			Config: o.config(fullQueueDeps + `
resource "genesyscloud_routing_queue" "q" {
  name        = "Support"
  division_id = genesyscloud_auth_division.d.id
}
`),
			Check: func(s *terraform.State) error {
				q := apiQueue(s)
				members, err := queueMembers(context.Background(), o.api, idOf(s, addr))
				switch {
				case err != nil:
					return err
				case len(q.RoutingRules) != 0 || q.Bullseye != nil || q.ConditionalGroupRouting != nil || len(q.MemberGroups) != 0 || q.QueueFlow != nil:
					return fmt.Errorf("managed lists not cleared: %+v %+v %+v %+v %+v", q.RoutingRules, q.Bullseye, q.ConditionalGroupRouting, q.MemberGroups, q.QueueFlow)
				case q.AgentOwnedRouting == nil || q.ConditionalGroupActivation == nil || q.DirectRouting == nil || len(members) != 2:
					return fmt.Errorf("unmanaged settings changed: %+v %+v %+v %v", q.AgentOwnedRouting, q.ConditionalGroupActivation, q.DirectRouting, members)
				case deref(q.MediaSettings.Chat.AlertingTimeoutSeconds) != 35:
					return fmt.Errorf("unmanaged chat settings changed: %+v", q.MediaSettings.Chat)
				}
				return nil
			},
		},
	)
}

// expectAttrChange checks that the plan changes one attribute of a resource from before to
// after (values compared as printed), i.e. that drift was seen and will be corrected.
type expectAttrChange struct {
	address       string
	path          []any
	before, after string
}

func (e expectAttrChange) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	dig := func(v any) any {
		for _, step := range e.path {
			switch k := step.(type) {
			case string:
				m, _ := v.(map[string]any)
				v = m[k]
			case int:
				l, _ := v.([]any)
				if k >= len(l) {
					return nil
				}
				v = l[k]
			}
		}
		return v
	}
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.address || rc.Change == nil {
			continue
		}
		if b, a := fmt.Sprint(dig(rc.Change.Before)), fmt.Sprint(dig(rc.Change.After)); b != e.before || a != e.after {
			resp.Error = fmt.Errorf("%s %v: planned %s → %s, want %s → %s", e.address, e.path, b, a, e.before, e.after)
		}
		return
	}
	resp.Error = fmt.Errorf("no planned change for %s", e.address)
}

// TestAccRoutingQueueValidation: bad enums and ranges fail at plan time, naming the attribute.
func TestAccRoutingQueueValidation(t *testing.T) {
	o := newAccOrg(t)
	cases := []struct{ hcl, want string }{
		{`skill_evaluation_method = "SOMETIMES"`, `skill_evaluation_method value must be one of`},
		{`media_settings_call {
    alerting_timeout_sec = 5
  }`, `media_settings_call\[0\]\.alerting_timeout_sec value must be at least 7`},
		{`media_settings_chat {
    service_level_percentage = 1.5
  }`, `media_settings_chat\[0\]\.service_level_percentage value must be between 0\.0+ and 1`},
		{`media_settings_email {
    service_level_duration_ms = 999
  }`, `media_settings_email\[0\]\.service_level_duration_ms value must be at least 1000`},
		{`media_settings_callback {
    mode = "Sideways"
  }`, `media_settings_callback\[0\]\.mode value must be one of`},
		{`media_settings_callback {
    pacing_modifier = 0.5
  }`, `media_settings_callback\[0\]\.pacing_modifier value must be at least 1`},
		{`members {
    user_id  = "u"
    ring_num = 7
  }`, `(?s)members.*ring_num value must be between 1 and 6`},
		{`calling_party_number = "555-1234"`, `calling_party_number must be an E\.164 number`},
		{`default_script_ids = { FAX = "x" }`, `default_script_ids.*FAX`},
		{`bullseye_rings {
    expansion_timeout_seconds = 10
    member_groups {
      member_group_id   = "x"
      member_group_type = "USER"
    }
  }`, `(?s)bullseye_rings\[0\]\.member_groups.*member_group_type value must be one of`},
		{`conditional_group_routing_rules {
    queue_id = "other"
    groups {
      member_group_id   = "x"
      member_group_type = "GROUP"
    }
  }`, `conditional_group_routing_rules\[0\]\.queue_id must be unset`},
		{`ignore_members = true
  members {
    user_id = "u"
  }`, `ignore_members = true says members are managed elsewhere`},
		{`media_settings_message {
    sub_type_settings {
      media_type         = "whatsapp"
      enable_auto_answer = true
    }
    sub_type_settings {
      media_type         = "whatsapp"
      enable_auto_answer = false
    }
  }`, `media_settings_message\[0\]\.sub_type_settings\[1\]\.media_type: subtype "whatsapp" is configured twice`},
		{`routing_rules {
    wait_seconds = 1
  }`, `routing_rules\[0\]\.wait_seconds value must be between 2`},
		{`scoring_method = "Fastest"`, `scoring_method value must be one of`},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, planFails(o.config(fmt.Sprintf(`
resource "genesyscloud_routing_queue" "q" {
  name = "Invalid"
  %s
}
`, c.hcl)),
			// OpenTofu wraps long messages: any space may be a line break.
			regexp.MustCompile(strings.ReplaceAll(c.want, " ", `\s+`))))
	}
	o.test(nil, steps...)
}
