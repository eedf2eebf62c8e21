package provider

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Enum values of the queue attributes, as the official provider and the Platform API accept them.
var (
	queueWrapupPromptValues     = []string{"MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT", "AGENT_REQUESTED"}
	queueCallbackReactionValues = []string{"HangUp", "TransferToQueue", "TransferToFlow"}
	queueCGROperatorValues      = []string{"GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo"}
	queueCGAOperatorValues      = []string{"GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo", "EqualTo", "NotEqualTo"}
	queueScriptMediaTypes       = []string{"CALL", "CALLBACK", "CHAT", "COBROWSE", "EMAIL", "MESSAGE", "SOCIAL_EXPRESSION", "VIDEO", "SCREENSHARE"}
	queueMemberGroupTypeValues  = []string{"TEAM", "GROUP", "SKILLGROUP"}
	queueCallingPartyNumber     = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)
)

// Attribute builders. "Server" attributes are optional and computed: when the configuration
// leaves them out the org's value is kept (and shown), so plans stay quiet.

func queueServerInt(desc string, v ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Computed: true, Description: desc, Validators: v,
		PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}}
}

func queueServerFloat(desc string, v ...validator.Float64) schema.Float64Attribute {
	return schema.Float64Attribute{Optional: true, Computed: true, Description: desc, Validators: v,
		PlanModifiers: []planmodifier.Float64{float64planmodifier.UseStateForUnknown()}}
}

func queueServerBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Description: desc,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
}

func queueServerString(desc string, v ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Description: desc, Validators: v,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
}

func queueDefaultBool(desc string, def bool) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(def), Description: desc}
}

func queueDefaultString(desc, def string, values ...string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(def), Description: desc,
		Validators: []validator.String{stringvalidator.OneOf(values...)}}
}

func queueOptionalString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Description: desc}
}

func queueIDSet(desc string) schema.SetAttribute {
	return schema.SetAttribute{ElementType: types.StringType, Optional: true, Description: desc}
}

// queueSingleBlock is a block written at most once.
func queueSingleBlock(desc string, attrs map[string]schema.Attribute, blocks map[string]schema.Block) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		Description:  desc,
		Validators:   []validator.List{listvalidator.SizeAtMost(1)},
		NestedObject: schema.NestedBlockObject{Attributes: attrs, Blocks: blocks},
	}
}

// queueMediaAttributes are the settings every media type has.
func queueMediaAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"alerting_timeout_sec":             queueServerInt("Alerting timeout in seconds (at least 7).", int64validator.AtLeast(7)),
		"service_level_percentage":         queueServerFloat("Service level target, 0 to 1.", float64validator.Between(0, 1)),
		"service_level_duration_ms":        queueServerInt("Service level target duration in milliseconds (at least 1000).", int64validator.AtLeast(1000)),
		"enable_auto_answer":               queueDefaultBool("Auto-answer interactions of this media type (default false).", false),
		"auto_answer_alert_tone_seconds":   queueServerFloat("How long the alerting tone plays for an auto-answered interaction, in seconds."),
		"manual_answer_alert_tone_seconds": queueServerFloat("How long the alerting tone plays for a manually answered interaction, in seconds."),
	}
}

func queueCallbackMediaAttributes() map[string]schema.Attribute {
	a := queueMediaAttributes()
	a["mode"] = queueServerString("The mode callbacks use on this queue: `AgentFirst` or `CustomerFirst`.",
		stringvalidator.OneOf("AgentFirst", "CustomerFirst"))
	a["enable_auto_dial_and_end"] = queueDefaultBool("Dial and end callbacks automatically (default false).", false)
	a["auto_dial_delay_seconds"] = queueServerInt("Seconds before a callback is dialled automatically.")
	a["auto_end_delay_seconds"] = queueServerInt("Seconds before a callback is ended automatically.")
	a["pacing_modifier"] = queueServerFloat("Controls the maximum number of outbound calls at one time when mode is CustomerFirst (at least 1; decimals such as 1.5 are allowed).",
		float64validator.AtLeast(1))
	a["max_retry_count"] = queueServerInt("Retries of a customer-first callback that did not connect (0-20).", int64validator.Between(0, 20))
	a["retry_delay_seconds"] = queueServerInt("Seconds between retries of a customer-first callback (60-86400).", int64validator.Between(60, 86400))
	a["live_voice_reaction_type"] = queueServerString("Action when a live voice answers a customer-first callback: `HangUp`, `TransferToQueue` or `TransferToFlow`.",
		stringvalidator.OneOf(queueCallbackReactionValues...))
	a["live_voice_flow_id"] = queueOptionalString("Inbound flow to transfer to when a live voice answers (reaction `TransferToFlow`).")
	a["answering_machine_reaction_type"] = queueServerString("Action when an answering machine answers a customer-first callback: `HangUp`, `TransferToQueue` or `TransferToFlow`.",
		stringvalidator.OneOf(queueCallbackReactionValues...))
	a["answering_machine_flow_id"] = queueOptionalString("Inbound flow to transfer to when an answering machine answers (reaction `TransferToFlow`).")
	return a
}

func queueMessageMediaAttributes() map[string]schema.Attribute {
	a := queueMediaAttributes()
	a["enable_inactivity_timeout"] = queueServerBool("End or transfer message conversations after a period of customer inactivity.")
	return a
}

func queueMessageMediaBlocks() map[string]schema.Block {
	return map[string]schema.Block{
		"inactivity_timeout_settings": queueSingleBlock("What happens when a message conversation is inactive.", map[string]schema.Attribute{
			"timeout_seconds": schema.Int64Attribute{Required: true, Description: "Inactivity period in seconds."},
			"action_type": schema.StringAttribute{Required: true, Description: "`DISCONNECT` or `SEND_TO_ARCHITECT_FLOW`.",
				Validators: []validator.String{stringvalidator.OneOf("DISCONNECT", "SEND_TO_ARCHITECT_FLOW")}},
			"flow_id": queueOptionalString("Architect flow for `SEND_TO_ARCHITECT_FLOW`."),
		}, nil),
		"sub_type_settings": schema.ListNestedBlock{
			Description: "Per-subtype settings (e.g. `webmessaging`, `whatsapp`); they take precedence over the media type's.",
			NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
				"media_type":                schema.StringAttribute{Required: true, Description: "The message subtype."},
				"enable_auto_answer":        schema.BoolAttribute{Required: true, Description: "Auto-answer this subtype."},
				"enable_inactivity_timeout": queueServerBool("Apply the inactivity timeout to this subtype."),
			}},
		},
	}
}

// queueMemberGroupBlock is a set of {member_group_id, member_group_type}.
func queueMemberGroupBlock(desc string, v ...validator.Set) schema.SetNestedBlock {
	return schema.SetNestedBlock{
		Description:  desc,
		Validators:   v,
		NestedObject: schema.NestedBlockObject{Attributes: queueMemberGroupAttributes()},
	}
}

// queueMemberGroupAttributes name one group that joins a queue's routing: a group, skill
// group or team, and which of them it is.
func queueMemberGroupAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"member_group_id": schema.StringAttribute{Required: true, Description: "ID of the group, skill group or team."},
		"member_group_type": schema.StringAttribute{Required: true, Description: "`TEAM`, `GROUP` or `SKILLGROUP`.",
			Validators: []validator.String{stringvalidator.OneOf(queueMemberGroupTypeValues...)}},
	}
}

// queueCGRWaitSeconds is how long a conditional group routing rule waits before the next
// one, in the queue's block and in the standalone resource alike.
func queueCGRWaitSeconds() schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(2),
		Description: "Seconds before the next rule is evaluated (0-259200, default 2).",
		Validators:  []validator.Int64{int64validator.Between(0, 259200)}}
}

// queueCGABlocks are a conditional group activation's pilot rule and rules, the same in the
// queue's block and in the standalone resource; rules are the validators the rules take
// beyond their count (the standalone resource requires them).
func queueCGABlocks(rules ...validator.List) map[string]schema.Block {
	expression := schema.StringAttribute{Required: true, Description: "How the conditions combine, e.g. `C1 and C2`."}
	return map[string]schema.Block{
		"pilot_rule": schema.ListNestedBlock{
			Description: "Rule run periodically to decide whether the other rules run.",
			Validators:  []validator.List{listvalidator.SizeAtMost(1)},
			NestedObject: schema.NestedBlockObject{
				Attributes: map[string]schema.Attribute{"condition_expression": expression},
				Blocks:     map[string]schema.Block{"conditions": queueCGAConditionsBlock()},
			},
		},
		"rules": schema.ListNestedBlock{
			Description: "Rules run periodically (1-5).",
			Validators:  append([]validator.List{listvalidator.SizeBetween(1, 5)}, rules...),
			NestedObject: schema.NestedBlockObject{
				Attributes: map[string]schema.Attribute{"condition_expression": expression},
				Blocks: map[string]schema.Block{
					"conditions": queueCGAConditionsBlock(),
					"groups": schema.ListNestedBlock{
						Description:  "Groups activated when the rule is true (1-5).",
						Validators:   []validator.List{listvalidator.SizeBetween(1, 5)},
						NestedObject: schema.NestedBlockObject{Attributes: queueMemberGroupAttributes()},
					},
				},
			},
		},
	}
}

func queueCGAConditionsBlock() schema.ListNestedBlock {
	return schema.ListNestedBlock{
		Description: "The conditions of the rule (1-10).",
		Validators:  []validator.List{listvalidator.SizeBetween(1, 10)},
		NestedObject: schema.NestedBlockObject{
			Attributes: map[string]schema.Attribute{
				"operator": schema.StringAttribute{Required: true, Description: "Comparison of the metric with `value`.",
					Validators: []validator.String{stringvalidator.OneOf(queueCGAOperatorValues...)}},
				"value": schema.Float64Attribute{Required: true, Description: "Threshold value (0-1000000).",
					Validators: []validator.Float64{float64validator.Between(0, 1000000)}},
			},
			Blocks: map[string]schema.Block{
				"simple_metric": schema.ListNestedBlock{
					Description: "The queue-level metric the condition evaluates.",
					Validators:  []validator.List{listvalidator.SizeBetween(1, 1)},
					NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
						"metric": schema.StringAttribute{Required: true, Description: "`EstimatedWaitTime`, `ServiceLevel` or `IdleAgentCount`.",
							Validators: []validator.String{stringvalidator.OneOf("EstimatedWaitTime", "ServiceLevel", "IdleAgentCount")}},
						"queue_id": queueServerString("The queue evaluated; this queue when not set."),
					}},
				},
			},
		},
	}
}

func (r *routingQueueResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		// The official provider's version, so its state is accepted (routing_queue_state_upgrade.go).
		Version: queueSchemaVersion,
		Description: "Genesys Cloud routing queue. Blocks written at most once (media settings, agent_owned_routing, " +
			"conditional_group_activation, direct_routing, canned_response_libraries, outbound_email_address) are not " +
			"managed when absent; members and wrapup_codes are not managed when unset.",
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"name":        schema.StringAttribute{Required: true, Description: "Queue name."},
			"description": queueOptionalString("Queue description."),
			"division_id": queueServerString("The division the queue belongs to; the home division when not set."),
			"acw_wrapup_prompt": queueDefaultString("After-call work prompt: `MANDATORY`, `OPTIONAL`, `MANDATORY_TIMEOUT` (default), `MANDATORY_FORCED_TIMEOUT` or `AGENT_REQUESTED`.",
				"MANDATORY_TIMEOUT", queueWrapupPromptValues...),
			"acw_timeout_ms": queueServerInt("After-call work timeout in milliseconds (0-86400000); the org's default when not set.",
				int64validator.Between(0, 86400000)),
			"skill_evaluation_method": queueDefaultString("How agent skills are evaluated: `NONE`, `BEST` or `ALL` (default).", queueSkillEvaluationDefault, "NONE", "BEST", "ALL"),
			"scoring_method": queueDefaultString("Scoring method: `TimestampAndPriority` (default) or `PriorityOnly`.",
				"TimestampAndPriority", "TimestampAndPriority", "PriorityOnly"),
			"last_agent_routing_mode": queueServerString("Last agent routing mode: `Disabled`, `QueueMembersOnly` or `AnyAgent`.",
				stringvalidator.OneOf("Disabled", "QueueMembersOnly", "AnyAgent")),
			"queue_flow_id":                    queueOptionalString("In-queue flow for calls."),
			"email_in_queue_flow_id":           queueOptionalString("In-queue flow for emails."),
			"message_in_queue_flow_id":         queueOptionalString("In-queue flow for messages."),
			"whisper_prompt_id":                queueOptionalString("User prompt played as whisper."),
			"on_hold_prompt_id":                queueOptionalString("User prompt played on hold; the default hold music when not set."),
			"auto_answer_only":                 queueDefaultBool("Whether the whisper plays only for auto-answered calls (default true).", true),
			"enable_transcription":             queueDefaultBool("Voice transcription (default false).", false),
			"enable_audio_monitoring":          queueServerBool("Audio monitoring."),
			"enable_manual_assignment":         queueDefaultBool("Manual assignment (default false).", false),
			"suppress_in_queue_call_recording": queueDefaultBool("Suppress the recording of in-queue calls (default true).", true),
			"calling_party_name":               queueOptionalString("Caller name for outbound calls from this queue."),
			"calling_party_number": schema.StringAttribute{Optional: true, Description: "Caller number (E.164) for outbound calls from this queue.",
				Validators: []validator.String{stringvalidator.RegexMatches(queueCallingPartyNumber, "must be an E.164 number such as +13175550123")}},
			"default_script_ids": schema.MapAttribute{ElementType: types.StringType, Optional: true,
				Description: "Default script id per media type: `CALL`, `CALLBACK`, `CHAT`, `COBROWSE`, `EMAIL`, `MESSAGE`, `SOCIAL_EXPRESSION`, `VIDEO`, `SCREENSHARE`.",
				Validators:  []validator.Map{mapvalidator.KeysAre(stringvalidator.OneOf(queueScriptMediaTypes...))}},
			"outbound_messaging_sms_address_id":              queueOptionalString("SMS address for outbound messages."),
			"outbound_messaging_open_messaging_recipient_id": queueOptionalString("Open messaging recipient for outbound messages."),
			"outbound_messaging_whatsapp_recipient_id":       queueOptionalString("WhatsApp recipient for outbound messages."),
			"peer_id":         queueOptionalString("ID of an associated external queue."),
			"source_queue_id": queueOptionalString("A queue whose settings are copied when this queue is created (create only)."),
			"skill_groups":    queueIDSet("Skill groups whose members are queue members."),
			"groups":          queueIDSet("Groups whose members are queue members."),
			"teams":           queueIDSet("Teams whose members are queue members."),
			"members":         queueMembersAttribute(),
			"ignore_members": schema.BoolAttribute{Optional: true,
				Description: "Never manage members (they are managed elsewhere). Conflicts with `members`."},
			"wrapup_codes": schema.SetAttribute{
				ElementType: types.StringType, Optional: true, Computed: true,
				Description:   "IDs of the wrap-up codes assigned to the queue. When not set, assignments are not managed; `[]` removes them all.",
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"media_settings_call":     queueSingleBlock("Call media settings.", queueMediaAttributes(), nil),
			"media_settings_callback": queueSingleBlock("Callback media settings.", queueCallbackMediaAttributes(), nil),
			"media_settings_chat":     queueSingleBlock("Chat media settings.", queueMediaAttributes(), nil),
			"media_settings_email":    queueSingleBlock("Email media settings.", queueMediaAttributes(), nil),
			"media_settings_message":  queueSingleBlock("Message media settings.", queueMessageMediaAttributes(), queueMessageMediaBlocks()),
			"agent_owned_routing": queueSingleBlock("Agent-owned callbacks.", map[string]schema.Attribute{
				"enable_agent_owned_callbacks":   queueServerBool("Enable agent-owned callbacks."),
				"max_owned_callback_hours":       queueServerInt("Hours an agent may own a callback (1-168).", int64validator.Between(1, 168)),
				"max_owned_callback_delay_hours": queueServerInt("Hours an owned callback may be delayed (1-720).", int64validator.Between(1, 720)),
			}, nil),
			"routing_rules": schema.ListNestedBlock{
				Description: "Routing rules for known or preferred agents (at most 6).",
				Validators:  []validator.List{listvalidator.SizeAtMost(6)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"operator":  queueDefaultString("`MEETS_THRESHOLD` (default) or `ANY`.", "MEETS_THRESHOLD", "MEETS_THRESHOLD", "ANY"),
					"threshold": schema.Int64Attribute{Optional: true, Description: "Threshold for the routing attempt (an agent score); ignored for `ANY`."},
					"wait_seconds": schema.Float64Attribute{Optional: true, Computed: true, Default: float64default.StaticFloat64(5),
						Description: "Seconds in this rule before the next (2-259200, default 5).",
						Validators:  []validator.Float64{float64validator.Between(2, 259200)}},
				}},
			},
			"bullseye_rings": schema.ListNestedBlock{
				Description: "Bullseye rings (at most 6).",
				Validators:  []validator.List{listvalidator.SizeAtMost(6)},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"expansion_timeout_seconds": schema.Float64Attribute{Required: true, Description: "Seconds in this ring before the next (0-259200).",
							Validators: []validator.Float64{float64validator.Between(0, 259200)}},
						"skills_to_remove": queueIDSet("Skills removed from the interaction when it leaves this ring."),
					},
					Blocks: map[string]schema.Block{"member_groups": queueMemberGroupBlock("Groups that join the queue in this ring.")},
				},
			},
			"conditional_group_routing_rules": schema.ListNestedBlock{
				Description: "Conditional group routing rules (at most 5). Deprecated in the official provider in favour of a standalone resource.",
				Validators:  []validator.List{listvalidator.SizeAtMost(5)},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"queue_id": queueOptionalString("The queue whose metric is evaluated; leave unset on the first rule (it is always this queue)."),
						"operator": schema.StringAttribute{Optional: true, Description: "Comparison of the metric with `condition_value`.",
							Validators: []validator.String{stringvalidator.OneOf(queueCGROperatorValues...)}},
						"metric": queueDefaultString("`EstimatedWaitTime` (default) or `ServiceLevel`.", "EstimatedWaitTime", "EstimatedWaitTime", "ServiceLevel"),
						"condition_value": schema.Float64Attribute{Optional: true, Description: "The limit beyond which the rule is true (0-259200).",
							Validators: []validator.Float64{float64validator.Between(0, 259200)}},
						"wait_seconds": queueCGRWaitSeconds(),
					},
					Blocks: map[string]schema.Block{"groups": queueMemberGroupBlock("Groups activated when the rule is true (at least 1).",
						setvalidator.SizeAtLeast(1))},
				},
			},
			"conditional_group_activation": queueSingleBlock("Conditional group activation.", nil, queueCGABlocks()),
			"outbound_email_address": queueSingleBlock("Outbound email address. Deprecated in the official provider in favour of a standalone resource.", map[string]schema.Attribute{
				"domain_id": schema.StringAttribute{Required: true, Description: "Email domain ID."},
				"route_id":  schema.StringAttribute{Required: true, Description: "Email route ID."},
			}, nil),
			"direct_routing": queueSingleBlock("Direct routing settings.", map[string]schema.Attribute{
				"agent_wait_seconds": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(60),
					Description: "Seconds a direct-routing interaction waits for the agent before going to the backup (default 60)."},
				"wait_for_agent":                     queueDefaultBool("Wait for the targeted agent by default (default false).", false),
				"call_use_agent_address_outbound":    queueDefaultBool("Use the agent's direct-routing address for outbound calls (default true).", true),
				"email_use_agent_address_outbound":   queueDefaultBool("Use the agent's direct-routing address for outbound emails (default true).", true),
				"message_use_agent_address_outbound": queueDefaultBool("Use the agent's direct-routing address for outbound messages (default true).", true),
				"backup_queue_id":                    queueServerString("Backup queue; this queue when not set."),
			}, nil),
			"canned_response_libraries": queueSingleBlock("Canned response libraries available in the queue.", map[string]schema.Attribute{
				"mode":        queueServerString("`All`, `SelectedOnly` or `None`.", stringvalidator.OneOf("All", "SelectedOnly", "None")),
				"library_ids": queueIDSet("Library IDs (for mode `SelectedOnly`)."),
			}, nil),
		},
	}
}

// ValidateConfig checks what single attributes cannot: conflicts and rules across blocks.
// Values still unknown are checked at apply by the API.
func (r *routingQueueResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	// Only the attributes these rules need are read: this runs for every queue in every
	// validation, and decoding the whole configuration into routingQueueModel was most of it.
	var ignore types.Bool
	var members types.Set
	var rules, messages types.List
	for p, target := range map[string]any{"ignore_members": &ignore, "members": &members,
		"conditional_group_routing_rules": &rules, "media_settings_message": &messages} {
		if diags := req.Config.GetAttribute(ctx, path.Root(p), target); diags.HasError() {
			return // e.g. a dynamic block over an unknown collection: nothing to check yet
		}
	}
	if ignore.ValueBool() && !members.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("ignore_members"), "Conflicting configuration",
			"Attribute ignore_members = true says members are managed elsewhere, but members is set. Remove one of them.")
	}
	if first := objectsOf(rules); len(first) > 0 {
		if q, ok := first[0]["queue_id"].(types.String); ok && known(q) && q.ValueString() != "" {
			p := path.Root("conditional_group_routing_rules").AtListIndex(0).AtName("queue_id")
			resp.Diagnostics.AddAttributeError(p, "Invalid Attribute Value",
				fmt.Sprintf("Attribute %s must be unset: the first conditional group routing rule always evaluates this queue.", p))
		}
	}
	for i, msg := range objectsOf(messages) {
		subtypes, _ := msg["sub_type_settings"].(types.List)
		seen := map[string]bool{}
		for j, st := range objectsOf(subtypes) {
			mediaType, ok := st["media_type"].(types.String)
			if !ok || !known(mediaType) {
				continue
			}
			if seen[mediaType.ValueString()] {
				p := path.Root("media_settings_message").AtListIndex(i).AtName("sub_type_settings").AtListIndex(j).AtName("media_type")
				resp.Diagnostics.AddAttributeError(p, "Duplicate sub_type_settings",
					fmt.Sprintf("Attribute %s: subtype %q is configured twice; give each subtype one block.", p, mediaType.ValueString()))
			}
			seen[mediaType.ValueString()] = true
		}
	}
}

// objectsOf returns the attributes of each known object element of l, in order (an unknown
// element keeps its place as an empty map); nil when l is null or unknown.
func objectsOf(l types.List) []map[string]attr.Value {
	if !known(l) {
		return nil
	}
	out := make([]map[string]attr.Value, 0, len(l.Elements()))
	for _, e := range l.Elements() {
		attrs := map[string]attr.Value{}
		if o, ok := e.(types.Object); ok && known(o) {
			attrs = o.Attributes()
		}
		out = append(out, attrs)
	}
	return out
}
