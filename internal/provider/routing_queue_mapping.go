package provider

import (
	"encoding/json"
	"slices"
	"sort"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Models of the blocks written at most once, and their mapping to and from the queue's API
// model. Routing rules, bullseye rings and conditional routing are in routing_queue_routing.go.

type queueMediaCommon struct {
	AlertingTimeoutSec           types.Int64   `tfsdk:"alerting_timeout_sec"`
	ServiceLevelPercentage       types.Float64 `tfsdk:"service_level_percentage"`
	ServiceLevelDurationMs       types.Int64   `tfsdk:"service_level_duration_ms"`
	EnableAutoAnswer             types.Bool    `tfsdk:"enable_auto_answer"`
	AutoAnswerAlertToneSeconds   types.Float64 `tfsdk:"auto_answer_alert_tone_seconds"`
	ManualAnswerAlertToneSeconds types.Float64 `tfsdk:"manual_answer_alert_tone_seconds"`
}

type queueCallbackMedia struct {
	queueMediaCommon
	Mode                         types.String  `tfsdk:"mode"`
	EnableAutoDialAndEnd         types.Bool    `tfsdk:"enable_auto_dial_and_end"`
	AutoDialDelaySeconds         types.Int64   `tfsdk:"auto_dial_delay_seconds"`
	AutoEndDelaySeconds          types.Int64   `tfsdk:"auto_end_delay_seconds"`
	PacingModifier               types.Float64 `tfsdk:"pacing_modifier"`
	MaxRetryCount                types.Int64   `tfsdk:"max_retry_count"`
	RetryDelaySeconds            types.Int64   `tfsdk:"retry_delay_seconds"`
	LiveVoiceReactionType        types.String  `tfsdk:"live_voice_reaction_type"`
	LiveVoiceFlowID              types.String  `tfsdk:"live_voice_flow_id"`
	AnsweringMachineReactionType types.String  `tfsdk:"answering_machine_reaction_type"`
	AnsweringMachineFlowID       types.String  `tfsdk:"answering_machine_flow_id"`
}

type queueMessageMedia struct {
	queueMediaCommon
	EnableInactivityTimeout   types.Bool                   `tfsdk:"enable_inactivity_timeout"`
	InactivityTimeoutSettings []queueInactivityTimeout     `tfsdk:"inactivity_timeout_settings"`
	SubTypeSettings           []queueMessageSubtypeSetting `tfsdk:"sub_type_settings"`
}

type queueInactivityTimeout struct {
	TimeoutSeconds types.Int64  `tfsdk:"timeout_seconds"`
	ActionType     types.String `tfsdk:"action_type"`
	FlowID         types.String `tfsdk:"flow_id"`
}

type queueMessageSubtypeSetting struct {
	MediaType               types.String `tfsdk:"media_type"`
	EnableAutoAnswer        types.Bool   `tfsdk:"enable_auto_answer"`
	EnableInactivityTimeout types.Bool   `tfsdk:"enable_inactivity_timeout"`
}

type queueAgentOwnedRouting struct {
	EnableAgentOwnedCallbacks  types.Bool  `tfsdk:"enable_agent_owned_callbacks"`
	MaxOwnedCallbackHours      types.Int64 `tfsdk:"max_owned_callback_hours"`
	MaxOwnedCallbackDelayHours types.Int64 `tfsdk:"max_owned_callback_delay_hours"`
}

type queueOutboundEmailAddress struct {
	DomainID types.String `tfsdk:"domain_id"`
	RouteID  types.String `tfsdk:"route_id"`
}

type queueDirectRouting struct {
	AgentWaitSeconds               types.Int64  `tfsdk:"agent_wait_seconds"`
	WaitForAgent                   types.Bool   `tfsdk:"wait_for_agent"`
	CallUseAgentAddressOutbound    types.Bool   `tfsdk:"call_use_agent_address_outbound"`
	EmailUseAgentAddressOutbound   types.Bool   `tfsdk:"email_use_agent_address_outbound"`
	MessageUseAgentAddressOutbound types.Bool   `tfsdk:"message_use_agent_address_outbound"`
	BackupQueueID                  types.String `tfsdk:"backup_queue_id"`
}

type queueCannedResponseLibraries struct {
	Mode       types.String `tfsdk:"mode"`
	LibraryIDs types.Set    `tfsdk:"library_ids"`
}

// queueEmailAddress is the API's QueueEmailAddress (the generated model keeps it raw).
type queueEmailAddress struct {
	Domain *platform.DomainEntityRef `json:"domain,omitempty"`
	Route  *platform.DomainEntityRef `json:"route,omitempty"`
}

// toAPI is the address as the queue holds it. The route may be named by a route resource's
// id (<domain id>/<route id>) as well as by its own.
func (a queueOutboundEmailAddress) toAPI() json.RawMessage {
	route := entityRef(a.RouteID)
	if route != nil {
		route.ID = ptr(ownRouteID(*route.ID))
	}
	raw, _ := json.Marshal(queueEmailAddress{Domain: entityRef(a.DomainID), Route: route}) // a struct of strings always marshals
	return raw
}

// emailAddressFromAPI reads the address a queue holds; the configured route id (prior) stays
// while it names the same route (a route resource's id does).
func emailAddressFromAPI(a queueEmailAddress, prior types.String) queueOutboundEmailAddress {
	route := refID(a.Route)
	if isSet(prior) && ownRouteID(prior.ValueString()) == route.ValueString() {
		route = prior
	}
	return queueOutboundEmailAddress{DomainID: refID(a.Domain), RouteID: route}
}

// queueEmailAddressOf reads a queue's outbound email address (empty when it has none).
func queueEmailAddressOf(q *platform.Queue) queueEmailAddress {
	var a queueEmailAddress
	if len(q.OutboundEmailAddress) > 0 {
		_ = json.Unmarshal(q.OutboundEmailAddress, &a)
	}
	return a
}

// queueScriptRef is the part of a default script the queue needs.
type queueScriptRef struct {
	ID *string `json:"id,omitempty"`
}

// Writers: a known value overwrites the API field; an unknown one (a server default the
// configuration leaves out) keeps what the org has.

func setInt(dst **int, v types.Int64) {
	if known(v) {
		*dst = ptr(int(v.ValueInt64()))
	}
}

func setFloat(dst **float64, v types.Float64) {
	if known(v) {
		*dst = v.ValueFloat64Pointer()
	}
}

func setBool(dst **bool, v types.Bool) {
	if known(v) {
		*dst = v.ValueBoolPointer()
	}
}

func setString(dst **string, v types.String) {
	if known(v) {
		*dst = v.ValueStringPointer()
	}
}

// entityRef is the reference for an optional id attribute (nil, i.e. cleared, when unset).
func entityRef(v types.String) *platform.DomainEntityRef {
	if !known(v) || v.ValueString() == "" {
		return nil
	}
	return &platform.DomainEntityRef{ID: v.ValueStringPointer()}
}

// refID reads a reference's id as an optional attribute.
func refID(r *platform.DomainEntityRef) types.String {
	if r == nil || deref(r.ID) == "" {
		return types.StringNull()
	}
	return types.StringValue(*r.ID)
}

// stringSet is ids as a set attribute: null when there are none, unless the prior value was
// an explicitly empty set (so that `[]` in the configuration stays `[]`).
func stringSet(ids []string, prior types.Set) types.Set {
	if len(ids) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return prior
		}
		return types.SetNull(types.StringType)
	}
	return types.SetValueMust(types.StringType, stringValues(ids))
}

func stringValues(ids []string) []attr.Value {
	out := make([]attr.Value, len(ids))
	for i, id := range ids {
		out[i] = types.StringValue(id)
	}
	return out
}

// setStrings reads a known set of strings, sorted (nil for null or unknown).
func setStrings(s types.Set) []string {
	out := listStrings(s)
	sort.Strings(out)
	return out
}

func optionalIntFromFloat(p *float64) types.Int64 {
	if p == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*p))
}

func (c queueMediaCommon) applyTo(autoAnswer **bool, alerting **int, sl **platform.ServiceLevel, autoTone, manualTone **float64) {
	setInt(alerting, c.AlertingTimeoutSec)
	if known(c.ServiceLevelPercentage) || known(c.ServiceLevelDurationMs) {
		if *sl == nil {
			*sl = &platform.ServiceLevel{}
		}
		setFloat(&(*sl).Percentage, c.ServiceLevelPercentage)
		setInt(&(*sl).DurationMs, c.ServiceLevelDurationMs)
	}
	setBool(autoAnswer, c.EnableAutoAnswer)
	setFloat(autoTone, c.AutoAnswerAlertToneSeconds)
	setFloat(manualTone, c.ManualAnswerAlertToneSeconds)
}

func mediaCommonFromAPI(autoAnswer *bool, alerting *int, sl *platform.ServiceLevel, autoTone, manualTone *float64) queueMediaCommon {
	s := deref(sl)
	return queueMediaCommon{
		AlertingTimeoutSec:           optionalInt(alerting),
		ServiceLevelPercentage:       types.Float64PointerValue(s.Percentage),
		ServiceLevelDurationMs:       optionalInt(s.DurationMs),
		EnableAutoAnswer:             types.BoolValue(deref(autoAnswer)),
		AutoAnswerAlertToneSeconds:   types.Float64PointerValue(autoTone),
		ManualAnswerAlertToneSeconds: types.Float64PointerValue(manualTone),
	}
}

// applyMedia writes the media blocks that are configured over the org's media settings.
func (m routingQueueModel) applyMedia(q *platform.QueueRequest) {
	if q.MediaSettings == nil {
		q.MediaSettings = &platform.QueueMediaSettings{}
	}
	ms := q.MediaSettings
	plain := []struct {
		blocks []queueMediaCommon
		dst    **platform.MediaSettings
	}{{m.MediaSettingsCall, &ms.Call}, {m.MediaSettingsChat, &ms.Chat}}
	for _, p := range plain {
		if len(p.blocks) == 0 {
			continue
		}
		if *p.dst == nil {
			*p.dst = &platform.MediaSettings{}
		}
		d := *p.dst
		p.blocks[0].applyTo(&d.EnableAutoAnswer, &d.AlertingTimeoutSeconds, &d.ServiceLevel, &d.AutoAnswerAlertToneSeconds, &d.ManualAnswerAlertToneSeconds)
	}
	if len(m.MediaSettingsEmail) > 0 {
		if ms.Email == nil {
			ms.Email = &platform.EmailMediaSettings{}
		}
		d := ms.Email
		m.MediaSettingsEmail[0].applyTo(&d.EnableAutoAnswer, &d.AlertingTimeoutSeconds, &d.ServiceLevel, &d.AutoAnswerAlertToneSeconds, &d.ManualAnswerAlertToneSeconds)
	}
	if len(m.MediaSettingsCallback) > 0 {
		if ms.Callback == nil {
			ms.Callback = &platform.CallbackMediaSettings{}
		}
		d, c := ms.Callback, m.MediaSettingsCallback[0]
		c.applyTo(&d.EnableAutoAnswer, &d.AlertingTimeoutSeconds, &d.ServiceLevel, &d.AutoAnswerAlertToneSeconds, &d.ManualAnswerAlertToneSeconds)
		// An unset mode keeps the org's: sending an empty mode is rejected by the API
		// (the official provider's upgrade regression, issue #1578).
		setString(&d.Mode, c.Mode)
		setBool(&d.EnableAutoDialAndEnd, c.EnableAutoDialAndEnd)
		setInt(&d.AutoDialDelaySeconds, c.AutoDialDelaySeconds)
		setInt(&d.AutoEndDelaySeconds, c.AutoEndDelaySeconds)
		if known(c.PacingModifier) {
			d.PacingModifier = c.PacingModifier.ValueFloat64Pointer()
		}
		setInt(&d.MaxRetryCount, c.MaxRetryCount)
		setInt(&d.RetryDelaySeconds, c.RetryDelaySeconds)
		setString(&d.LiveVoiceReactionType, c.LiveVoiceReactionType)
		d.LiveVoiceFlow = entityRef(c.LiveVoiceFlowID)
		setString(&d.AnsweringMachineReactionType, c.AnsweringMachineReactionType)
		d.AnsweringMachineFlow = entityRef(c.AnsweringMachineFlowID)
	}
	if len(m.MediaSettingsMessage) > 0 {
		if ms.Message == nil {
			ms.Message = &platform.MessageMediaSettings{}
		}
		d, c := ms.Message, m.MediaSettingsMessage[0]
		c.applyTo(&d.EnableAutoAnswer, &d.AlertingTimeoutSeconds, &d.ServiceLevel, &d.AutoAnswerAlertToneSeconds, &d.ManualAnswerAlertToneSeconds)
		setBool(&d.EnableInactivityTimeout, c.EnableInactivityTimeout)
		d.InactivityTimeoutSettings = nil
		if len(c.InactivityTimeoutSettings) > 0 {
			its := c.InactivityTimeoutSettings[0]
			d.InactivityTimeoutSettings = &platform.InactivityTimeoutSettings{ActionType: its.ActionType.ValueStringPointer(), FlowID: entityRef(its.FlowID)}
			setInt(&d.InactivityTimeoutSettings.TimeoutSeconds, its.TimeoutSeconds)
		}
		d.SubTypeSettings = nil
		for _, st := range c.SubTypeSettings {
			if d.SubTypeSettings == nil {
				d.SubTypeSettings = map[string]platform.MessageSubtypeSettings{}
			}
			s := platform.MessageSubtypeSettings{EnableAutoAnswer: st.EnableAutoAnswer.ValueBoolPointer()}
			setBool(&s.EnableInactivityTimeout, st.EnableInactivityTimeout)
			d.SubTypeSettings[st.MediaType.ValueString()] = s
		}
	}
}

// mediaFromAPI fills the media blocks that are managed (present before) or, on import, all.
func (m *routingQueueModel) mediaFromAPI(q *platform.Queue, importing bool) {
	ms := deref(q.MediaSettings)
	keep := func(n int, present bool) bool { return n > 0 || (importing && present) }
	if keep(len(m.MediaSettingsCall), ms.Call != nil) {
		d := deref(ms.Call)
		m.MediaSettingsCall = []queueMediaCommon{mediaCommonFromAPI(d.EnableAutoAnswer, d.AlertingTimeoutSeconds, d.ServiceLevel, d.AutoAnswerAlertToneSeconds, d.ManualAnswerAlertToneSeconds)}
	}
	if keep(len(m.MediaSettingsChat), ms.Chat != nil) {
		d := deref(ms.Chat)
		m.MediaSettingsChat = []queueMediaCommon{mediaCommonFromAPI(d.EnableAutoAnswer, d.AlertingTimeoutSeconds, d.ServiceLevel, d.AutoAnswerAlertToneSeconds, d.ManualAnswerAlertToneSeconds)}
	}
	if keep(len(m.MediaSettingsEmail), ms.Email != nil) {
		d := deref(ms.Email)
		m.MediaSettingsEmail = []queueMediaCommon{mediaCommonFromAPI(d.EnableAutoAnswer, d.AlertingTimeoutSeconds, d.ServiceLevel, d.AutoAnswerAlertToneSeconds, d.ManualAnswerAlertToneSeconds)}
	}
	if keep(len(m.MediaSettingsCallback), ms.Callback != nil) {
		d := deref(ms.Callback)
		pacing := types.Float64Null()
		if d.PacingModifier != nil {
			pacing = types.Float64Value(*d.PacingModifier)
		}
		m.MediaSettingsCallback = []queueCallbackMedia{{
			queueMediaCommon:             mediaCommonFromAPI(d.EnableAutoAnswer, d.AlertingTimeoutSeconds, d.ServiceLevel, d.AutoAnswerAlertToneSeconds, d.ManualAnswerAlertToneSeconds),
			Mode:                         types.StringPointerValue(d.Mode),
			EnableAutoDialAndEnd:         types.BoolValue(deref(d.EnableAutoDialAndEnd)),
			AutoDialDelaySeconds:         optionalInt(d.AutoDialDelaySeconds),
			AutoEndDelaySeconds:          optionalInt(d.AutoEndDelaySeconds),
			PacingModifier:               pacing,
			MaxRetryCount:                optionalInt(d.MaxRetryCount),
			RetryDelaySeconds:            optionalInt(d.RetryDelaySeconds),
			LiveVoiceReactionType:        types.StringPointerValue(d.LiveVoiceReactionType),
			LiveVoiceFlowID:              refID(d.LiveVoiceFlow),
			AnsweringMachineReactionType: types.StringPointerValue(d.AnsweringMachineReactionType),
			AnsweringMachineFlowID:       refID(d.AnsweringMachineFlow),
		}}
	}
	if keep(len(m.MediaSettingsMessage), ms.Message != nil) {
		d := deref(ms.Message)
		var prior []queueMessageSubtypeSetting
		if len(m.MediaSettingsMessage) > 0 {
			prior = m.MediaSettingsMessage[0].SubTypeSettings
		}
		msg := queueMessageMedia{
			queueMediaCommon:          mediaCommonFromAPI(d.EnableAutoAnswer, d.AlertingTimeoutSeconds, d.ServiceLevel, d.AutoAnswerAlertToneSeconds, d.ManualAnswerAlertToneSeconds),
			EnableInactivityTimeout:   types.BoolPointerValue(d.EnableInactivityTimeout),
			InactivityTimeoutSettings: []queueInactivityTimeout{},
			SubTypeSettings:           subtypeSettingsFromAPI(d.SubTypeSettings, prior),
		}
		if its := d.InactivityTimeoutSettings; its != nil {
			msg.InactivityTimeoutSettings = []queueInactivityTimeout{{
				TimeoutSeconds: optionalInt(its.TimeoutSeconds), ActionType: types.StringPointerValue(its.ActionType), FlowID: refID(its.FlowID),
			}}
		}
		m.MediaSettingsMessage = []queueMessageMedia{msg}
	}
}

// subtypeSettingsFromAPI lists the API's subtype map in the order the configuration used
// (then new subtypes sorted), so a map never shows up as a reordered list.
func subtypeSettingsFromAPI(api map[string]platform.MessageSubtypeSettings, prior []queueMessageSubtypeSetting) []queueMessageSubtypeSetting {
	keys := make([]string, 0, len(api))
	for k := range api {
		keys = append(keys, k)
	}
	rank := func(k string) int {
		for i, p := range prior {
			if p.MediaType.ValueString() == k {
				return i
			}
		}
		return len(prior)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		if a < b {
			return -1
		}
		return 1
	})
	out := []queueMessageSubtypeSetting{}
	for _, k := range keys {
		s := api[k]
		out = append(out, queueMessageSubtypeSetting{
			MediaType: types.StringValue(k), EnableAutoAnswer: types.BoolValue(deref(s.EnableAutoAnswer)),
			EnableInactivityTimeout: types.BoolPointerValue(s.EnableInactivityTimeout),
		})
	}
	return out
}

// applySingles writes the other blocks written at most once; an absent block leaves the
// org's settings as they are.
func (m routingQueueModel) applySingles(q *platform.QueueRequest) {
	if len(m.AgentOwnedRouting) > 0 {
		a := m.AgentOwnedRouting[0]
		if q.AgentOwnedRouting == nil {
			q.AgentOwnedRouting = &platform.AgentOwnedRouting{}
		}
		setBool(&q.AgentOwnedRouting.EnableAgentOwnedCallbacks, a.EnableAgentOwnedCallbacks)
		setInt(&q.AgentOwnedRouting.MaxOwnedCallbackHours, a.MaxOwnedCallbackHours)
		setInt(&q.AgentOwnedRouting.MaxOwnedCallbackDelayHours, a.MaxOwnedCallbackDelayHours)
	}
	if len(m.OutboundEmailAddress) > 0 {
		q.OutboundEmailAddress = m.OutboundEmailAddress[0].toAPI()
	}
	if len(m.DirectRouting) > 0 {
		d := m.DirectRouting[0]
		if q.DirectRouting == nil {
			q.DirectRouting = &platform.DirectRouting{}
		}
		dr := q.DirectRouting
		setInt(&dr.AgentWaitSeconds, d.AgentWaitSeconds)
		setBool(&dr.WaitForAgent, d.WaitForAgent)
		for _, x := range []struct {
			dst **platform.DirectRoutingMediaSettings
			v   types.Bool
		}{{&dr.CallMediaSettings, d.CallUseAgentAddressOutbound}, {&dr.EmailMediaSettings, d.EmailUseAgentAddressOutbound}, {&dr.MessageMediaSettings, d.MessageUseAgentAddressOutbound}} {
			if *x.dst == nil {
				*x.dst = &platform.DirectRoutingMediaSettings{}
			}
			setBool(&(*x.dst).UseAgentAddressOutbound, x.v)
		}
		setString(&dr.BackupQueueID, d.BackupQueueID)
	}
	if len(m.CannedResponseLibraries) > 0 {
		c := m.CannedResponseLibraries[0]
		if q.CannedResponseLibraries == nil {
			q.CannedResponseLibraries = &platform.CannedResponseLibraries{}
		}
		setString(&q.CannedResponseLibraries.Mode, c.Mode)
		q.CannedResponseLibraries.LibraryIds = setStrings(c.LibraryIDs)
	}
}

// singlesFromAPI fills the other blocks written at most once when they are managed (or on
// import, when the org has them).
func (m *routingQueueModel) singlesFromAPI(q *platform.Queue, importing bool) {
	keep := func(n int, present bool) bool { return n > 0 || (importing && present) }
	if keep(len(m.AgentOwnedRouting), q.AgentOwnedRouting != nil) {
		a := deref(q.AgentOwnedRouting)
		m.AgentOwnedRouting = []queueAgentOwnedRouting{{
			EnableAgentOwnedCallbacks:  types.BoolPointerValue(a.EnableAgentOwnedCallbacks),
			MaxOwnedCallbackHours:      optionalInt(a.MaxOwnedCallbackHours),
			MaxOwnedCallbackDelayHours: optionalInt(a.MaxOwnedCallbackDelayHours),
		}}
	}
	if email := queueEmailAddressOf(q); keep(len(m.OutboundEmailAddress), email.Domain != nil || email.Route != nil) {
		prior := types.StringNull()
		if len(m.OutboundEmailAddress) > 0 {
			prior = m.OutboundEmailAddress[0].RouteID
		}
		m.OutboundEmailAddress = []queueOutboundEmailAddress{emailAddressFromAPI(email, prior)}
	}
	if keep(len(m.DirectRouting), q.DirectRouting != nil) {
		d := deref(q.DirectRouting)
		useAgent := func(s *platform.DirectRoutingMediaSettings) types.Bool {
			if s == nil {
				return types.BoolNull()
			}
			return types.BoolPointerValue(s.UseAgentAddressOutbound)
		}
		m.DirectRouting = []queueDirectRouting{{
			AgentWaitSeconds:               optionalInt(d.AgentWaitSeconds),
			WaitForAgent:                   types.BoolPointerValue(d.WaitForAgent),
			CallUseAgentAddressOutbound:    useAgent(d.CallMediaSettings),
			EmailUseAgentAddressOutbound:   useAgent(d.EmailMediaSettings),
			MessageUseAgentAddressOutbound: useAgent(d.MessageMediaSettings),
			BackupQueueID:                  types.StringPointerValue(d.BackupQueueID),
		}}
	}
	if keep(len(m.CannedResponseLibraries), q.CannedResponseLibraries != nil) {
		c := deref(q.CannedResponseLibraries)
		prior := types.SetNull(types.StringType)
		if len(m.CannedResponseLibraries) > 0 {
			prior = m.CannedResponseLibraries[0].LibraryIDs
		}
		m.CannedResponseLibraries = []queueCannedResponseLibraries{{Mode: types.StringPointerValue(c.Mode), LibraryIDs: stringSet(c.LibraryIds, prior)}}
	}
}
