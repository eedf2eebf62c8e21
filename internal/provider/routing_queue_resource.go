package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// routingQueueResource is genesyscloud_routing_queue with every attribute of the official
// provider. Updates start from the queue as read (a full-replace PUT), so settings the
// configuration does not manage are left as they are in the org.
// routingQueueResource deletes through the CRUD skeleton; the rest is its own (a queue's
// members and wrap-up codes are separate calls, and an import reads its blocks too).
type routingQueueResource struct {
	crudResource[routingQueueModel, platform.Queue]
}

type routingQueueModel struct {
	ID                                        types.String `tfsdk:"id"`
	Name                                      types.String `tfsdk:"name"`
	Description                               types.String `tfsdk:"description"`
	DivisionID                                types.String `tfsdk:"division_id"`
	AcwWrapupPrompt                           types.String `tfsdk:"acw_wrapup_prompt"`
	AcwTimeoutMs                              types.Int64  `tfsdk:"acw_timeout_ms"`
	SkillEvaluationMethod                     types.String `tfsdk:"skill_evaluation_method"`
	ScoringMethod                             types.String `tfsdk:"scoring_method"`
	LastAgentRoutingMode                      types.String `tfsdk:"last_agent_routing_mode"`
	QueueFlowID                               types.String `tfsdk:"queue_flow_id"`
	EmailInQueueFlowID                        types.String `tfsdk:"email_in_queue_flow_id"`
	MessageInQueueFlowID                      types.String `tfsdk:"message_in_queue_flow_id"`
	WhisperPromptID                           types.String `tfsdk:"whisper_prompt_id"`
	OnHoldPromptID                            types.String `tfsdk:"on_hold_prompt_id"`
	AutoAnswerOnly                            types.Bool   `tfsdk:"auto_answer_only"`
	EnableTranscription                       types.Bool   `tfsdk:"enable_transcription"`
	EnableAudioMonitoring                     types.Bool   `tfsdk:"enable_audio_monitoring"`
	EnableManualAssignment                    types.Bool   `tfsdk:"enable_manual_assignment"`
	SuppressInQueueCallRecording              types.Bool   `tfsdk:"suppress_in_queue_call_recording"`
	CallingPartyName                          types.String `tfsdk:"calling_party_name"`
	CallingPartyNumber                        types.String `tfsdk:"calling_party_number"`
	DefaultScriptIDs                          types.Map    `tfsdk:"default_script_ids"`
	OutboundMessagingSMSAddressID             types.String `tfsdk:"outbound_messaging_sms_address_id"`
	OutboundMessagingOpenMessagingRecipientID types.String `tfsdk:"outbound_messaging_open_messaging_recipient_id"`
	OutboundMessagingWhatsappRecipientID      types.String `tfsdk:"outbound_messaging_whatsapp_recipient_id"`
	PeerID                                    types.String `tfsdk:"peer_id"`
	SourceQueueID                             types.String `tfsdk:"source_queue_id"`
	SkillGroups                               types.Set    `tfsdk:"skill_groups"`
	Groups                                    types.Set    `tfsdk:"groups"`
	Teams                                     types.Set    `tfsdk:"teams"`
	IgnoreMembers                             types.Bool   `tfsdk:"ignore_members"`
	WrapupCodes                               types.Set    `tfsdk:"wrapup_codes"`

	MediaSettingsCall            []queueMediaCommon             `tfsdk:"media_settings_call"`
	MediaSettingsCallback        []queueCallbackMedia           `tfsdk:"media_settings_callback"`
	MediaSettingsChat            []queueMediaCommon             `tfsdk:"media_settings_chat"`
	MediaSettingsEmail           []queueMediaCommon             `tfsdk:"media_settings_email"`
	MediaSettingsMessage         []queueMessageMedia            `tfsdk:"media_settings_message"`
	AgentOwnedRouting            []queueAgentOwnedRouting       `tfsdk:"agent_owned_routing"`
	RoutingRules                 []queueRoutingRule             `tfsdk:"routing_rules"`
	BullseyeRings                []queueBullseyeRing            `tfsdk:"bullseye_rings"`
	ConditionalGroupRoutingRules []queueCGRRule                 `tfsdk:"conditional_group_routing_rules"`
	ConditionalGroupActivation   []queueCGA                     `tfsdk:"conditional_group_activation"`
	OutboundEmailAddress         []queueOutboundEmailAddress    `tfsdk:"outbound_email_address"`
	DirectRouting                []queueDirectRouting           `tfsdk:"direct_routing"`
	CannedResponseLibraries      []queueCannedResponseLibraries `tfsdk:"canned_response_libraries"`
	Members                      types.Set                      `tfsdk:"members"`
}

var (
	_ resource.ResourceWithConfigure      = (*routingQueueResource)(nil)
	_ resource.ResourceWithImportState    = (*routingQueueResource)(nil)
	_ resource.ResourceWithValidateConfig = (*routingQueueResource)(nil)
)

func newRoutingQueueResource() resource.Resource {
	return &routingQueueResource{crudResource[routingQueueModel, platform.Queue]{
		resourceBase: resourceBase{typeSuffix: "_routing_queue"}, what: "queue", api: queueAPI,
		label: func(m *routingQueueModel) string { return quotedName(m.Name) },
	}}
}

// managesMembers reports whether the configuration manages members: it sets them, even to
// none (`members = []`), and does not say they are managed elsewhere. The plan alone cannot
// tell, since an unset members attribute plans the members last read.
func (m routingQueueModel) managesMembers(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) bool {
	return !m.IgnoreMembers.ValueBool() && !configNull(ctx, cfg, path.Root("members"), diags)
}

// applyTo writes the planned settings over q (the queue as read, or empty on create);
// unknown values (server defaults) stay as they are.
func (m routingQueueModel) applyTo(q *platform.QueueRequest) {
	q.Name = m.Name.ValueStringPointer()
	q.Description = m.Description.ValueStringPointer()
	if known(m.DivisionID) {
		q.Division = &platform.WritableDivision{ID: m.DivisionID.ValueStringPointer()}
	}
	if q.AcwSettings == nil {
		q.AcwSettings = &platform.AcwSettings{}
	}
	setString(&q.AcwSettings.WrapupPrompt, m.AcwWrapupPrompt)
	setInt(&q.AcwSettings.TimeoutMs, m.AcwTimeoutMs)
	setString(&q.SkillEvaluationMethod, m.SkillEvaluationMethod)
	setString(&q.ScoringMethod, m.ScoringMethod)
	setString(&q.LastAgentRoutingMode, m.LastAgentRoutingMode)
	// Flow, prompt and script ids pass through: an unset one is cleared.
	q.QueueFlow = entityRef(m.QueueFlowID)
	q.EmailInQueueFlow = entityRef(m.EmailInQueueFlowID)
	q.MessageInQueueFlow = entityRef(m.MessageInQueueFlowID)
	q.WhisperPrompt = entityRef(m.WhisperPromptID)
	q.OnHoldPrompt = entityRef(m.OnHoldPromptID)
	setBool(&q.AutoAnswerOnly, m.AutoAnswerOnly)
	setBool(&q.EnableTranscription, m.EnableTranscription)
	setBool(&q.EnableAudioMonitoring, m.EnableAudioMonitoring)
	setBool(&q.EnableManualAssignment, m.EnableManualAssignment)
	setBool(&q.SuppressInQueueCallRecording, m.SuppressInQueueCallRecording)
	q.CallingPartyName = m.CallingPartyName.ValueStringPointer()
	q.CallingPartyNumber = m.CallingPartyNumber.ValueStringPointer()
	q.PeerID = m.PeerID.ValueStringPointer()
	q.DefaultScripts = nil
	if known(m.DefaultScriptIDs) {
		for media, v := range m.DefaultScriptIDs.Elements() {
			id, ok := v.(types.String)
			if !ok || !known(id) {
				continue
			}
			raw, _ := json.Marshal(queueScriptRef{ID: id.ValueStringPointer()})
			if q.DefaultScripts == nil {
				q.DefaultScripts = map[string]json.RawMessage{}
			}
			q.DefaultScripts[media] = raw
		}
	}
	q.OutboundMessagingAddresses = nil
	addrs := platform.QueueMessagingAddresses{
		SmsAddress:             entityRef(m.OutboundMessagingSMSAddressID),
		OpenMessagingRecipient: entityRef(m.OutboundMessagingOpenMessagingRecipientID),
		WhatsAppRecipient:      entityRef(m.OutboundMessagingWhatsappRecipientID),
	}
	if addrs != (platform.QueueMessagingAddresses{}) {
		q.OutboundMessagingAddresses = &addrs
	}
	m.applyMedia(q)
	m.applySingles(q)
	m.applyRouting(q)
}

// fromAPI copies the queue's settings into m. Blocks written at most once are only filled
// when they are managed (present in m) or, on import, when the org has them.
func (m *routingQueueModel) fromAPI(q *platform.Queue, importing bool) {
	m.ID = types.StringValue(deref(q.ID))
	m.Name = types.StringValue(deref(q.Name))
	m.Description = optionalString(q.Description, m.Description)
	m.DivisionID = types.StringPointerValue(deref(q.Division).ID) // null when the API names no division
	acw := deref(q.AcwSettings)
	m.AcwWrapupPrompt = types.StringPointerValue(acw.WrapupPrompt)
	m.AcwTimeoutMs = optionalInt(acw.TimeoutMs)
	m.SkillEvaluationMethod = types.StringPointerValue(q.SkillEvaluationMethod)
	m.ScoringMethod = types.StringPointerValue(q.ScoringMethod)
	m.LastAgentRoutingMode = types.StringPointerValue(q.LastAgentRoutingMode)
	m.QueueFlowID = refID(q.QueueFlow)
	m.EmailInQueueFlowID = refID(q.EmailInQueueFlow)
	m.MessageInQueueFlowID = refID(q.MessageInQueueFlow)
	m.WhisperPromptID = refID(q.WhisperPrompt)
	m.OnHoldPromptID = refID(q.OnHoldPrompt)
	m.AutoAnswerOnly = types.BoolValue(deref(q.AutoAnswerOnly))
	m.EnableTranscription = types.BoolValue(deref(q.EnableTranscription))
	m.EnableAudioMonitoring = types.BoolPointerValue(q.EnableAudioMonitoring)
	m.EnableManualAssignment = types.BoolValue(deref(q.EnableManualAssignment))
	m.SuppressInQueueCallRecording = types.BoolValue(deref(q.SuppressInQueueCallRecording))
	m.CallingPartyName = optionalString(q.CallingPartyName, m.CallingPartyName)
	m.CallingPartyNumber = optionalString(q.CallingPartyNumber, m.CallingPartyNumber)
	m.PeerID = optionalString(q.PeerID, m.PeerID)
	scripts := map[string]attr.Value{}
	for media, raw := range q.DefaultScripts {
		var s queueScriptRef
		if json.Unmarshal(raw, &s) == nil && deref(s.ID) != "" {
			scripts[media] = types.StringValue(*s.ID)
		}
	}
	switch {
	case len(scripts) > 0:
		m.DefaultScriptIDs = types.MapValueMust(types.StringType, scripts)
	case !known(m.DefaultScriptIDs) || len(m.DefaultScriptIDs.Elements()) > 0:
		m.DefaultScriptIDs = types.MapNull(types.StringType)
	}
	addrs := deref(q.OutboundMessagingAddresses)
	m.OutboundMessagingSMSAddressID = refID(addrs.SmsAddress)
	m.OutboundMessagingOpenMessagingRecipientID = refID(addrs.OpenMessagingRecipient)
	m.OutboundMessagingWhatsappRecipientID = refID(addrs.WhatsAppRecipient)
	if m.SourceQueueID.IsUnknown() {
		m.SourceQueueID = types.StringNull()
	}
	m.mediaFromAPI(q, importing)
	m.singlesFromAPI(q, importing)
	m.routingFromAPI(q, importing)
}

// readCollections fills wrap-up codes (always) and members (when managed) from the org.
// Members not read keep their value, or become null where the plan left them unknown.
func (r *routingQueueResource) readCollections(ctx context.Context, m *routingQueueModel, withMembers bool, diags *diag.Diagnostics) {
	id := m.ID.ValueString()
	// The two reads are independent; running them together halves a queue's refresh time,
	// which is most of a large plan's API time once queues themselves come from bulk reads.
	var (
		members   map[string]int
		memberErr error
		done      = make(chan struct{})
	)
	if withMembers {
		go func() {
			defer close(done)
			members, memberErr = queueMembers(ctx, r.client, id)
		}()
	} else {
		close(done)
	}
	codes, err := queueWrapupCodes(ctx, r.client, id)
	<-done
	if err != nil {
		addAPIError(diags, nil, fmt.Sprintf("Could not read the wrap-up codes of queue %q", m.Name.ValueString()), err)
		return
	}
	set, d := types.SetValueFrom(ctx, types.StringType, codes)
	diags.Append(d...)
	m.WrapupCodes = set
	if !withMembers {
		if m.Members.IsUnknown() {
			m.Members = types.SetNull(queueMemberType)
		}
		return
	}
	if memberErr != nil {
		addAPIError(diags, nil, fmt.Sprintf("Could not read the members of queue %q", m.Name.ValueString()), memberErr)
		return
	}
	m.Members = queueMembersValue(ctx, members, m.Members)
}

// syncCollections writes members and wrap-up codes when the configuration manages them.
func (r *routingQueueResource) syncCollections(ctx context.Context, plan routingQueueModel, manageMembers, manageCodes bool, diags *diag.Diagnostics) {
	id := plan.ID.ValueString()
	if manageMembers {
		members, err := queueMembersOf(ctx, plan.Members)
		if err == nil {
			err = syncQueueMembers(ctx, r.client, id, queueMemberRings(members))
		}
		if err != nil {
			addAPIError(diags, ptr(path.Root("members")), fmt.Sprintf("Could not set the members of queue %q", plan.Name.ValueString()), err)
			return
		}
	}
	if manageCodes {
		var codes []string
		diags.Append(plan.WrapupCodes.ElementsAs(ctx, &codes, false)...)
		if err := syncQueueWrapupCodes(ctx, r.client, id, codes); err != nil {
			addAPIError(diags, ptr(path.Root("wrapup_codes")), fmt.Sprintf("Could not set the wrap-up codes of queue %q", plan.Name.ValueString()), err)
		}
	}
}

func (r *routingQueueResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan routingQueueModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	manageMembers := plan.managesMembers(ctx, req.Config, &resp.Diagnostics)
	var body struct {
		platform.QueueRequest
		// Only a create copies another queue's settings.
		SourceQueueID *string `json:"sourceQueueId,omitempty"`
	}
	plan.applyTo(&body.QueueRequest)
	if known(plan.SourceQueueID) && plan.SourceQueueID.ValueString() != "" {
		body.SourceQueueID = plan.SourceQueueID.ValueStringPointer()
	}
	q, err := queueAPI(r.client).create(ctx, plan.Name.ValueString(), body)
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not create queue %q", plan.Name.ValueString()), err)
		return
	}
	state := plan
	state.fromAPI(q, false)
	// Saved before members and codes are written: if that fails, the queue is in state
	// (tainted) instead of orphaned in the org.
	resp.Diagnostics.Append(resp.State.Set(ctx, fillUnknownCollections(state))...)
	r.syncCollections(ctx, state, manageMembers, known(plan.WrapupCodes), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	r.readCollections(ctx, &state, manageMembers, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *routingQueueResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, q, ok := readCurrent(ctx, req, resp, "queue", func(ctx context.Context, _ *routingQueueModel, id string) (*platform.Queue, error) {
		return queueAPI(r.client).get(ctx, id)
	})
	if !ok {
		return
	}
	// After an import only the id is known: read everything, blocks included.
	importing := state.Name.IsNull()
	state.fromAPI(q, importing)
	// Members in state were managed at the last apply (or read by an import): keep them current.
	r.readCollections(ctx, &state, importing || !state.Members.IsNull(), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *routingQueueResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan routingQueueModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var configCodes types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("wrapup_codes"), &configCodes)...)
	manageMembers := plan.managesMembers(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.ID.ValueString()
	body, err := queueRequest(ctx, r.client, id)
	if err == nil {
		plan.applyTo(body)
		var q *platform.Queue
		if q, err = queueAPI(r.client).update(ctx, http.MethodPut, id, body); err == nil {
			plan.fromAPI(q, false)
		}
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not update queue %q", plan.Name.ValueString()), err)
		return
	}
	r.syncCollections(ctx, plan, manageMembers, !configCodes.IsNull(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	r.readCollections(ctx, &plan, manageMembers, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// fillUnknownCollections replaces a still-unknown wrap-up code set (state may not hold
// unknowns) with an empty one, and unknown members with none, for the interim state saved
// during create.
func fillUnknownCollections(m routingQueueModel) routingQueueModel {
	if m.WrapupCodes.IsUnknown() {
		m.WrapupCodes = types.SetValueMust(types.StringType, nil)
	}
	if m.Members.IsUnknown() {
		m.Members = types.SetNull(queueMemberType)
	}
	return m
}

// known reports a value that is neither null nor unknown.
func known(v interface {
	IsNull() bool
	IsUnknown() bool
}) bool {
	return !v.IsNull() && !v.IsUnknown()
}

// optionalInt maps an optional API integer to an attribute (null when absent).
func optionalInt(p *int) types.Int64 {
	if p == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*p))
}
