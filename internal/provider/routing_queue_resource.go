package provider

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// routingQueueResource is genesyscloud_routing_queue with the official provider's basic
// attributes. Settings it does not model are left as they are in the org (updates start
// from the queue as read), so a queue can be adopted without losing its other settings.
type routingQueueResource struct{ clientHolder }

type routingQueueModel struct {
	ID                    types.String         `tfsdk:"id"`
	Name                  types.String         `tfsdk:"name"`
	Description           types.String         `tfsdk:"description"`
	DivisionID            types.String         `tfsdk:"division_id"`
	SkillEvaluationMethod types.String         `tfsdk:"skill_evaluation_method"`
	AcwWrapupPrompt       types.String         `tfsdk:"acw_wrapup_prompt"`
	AcwTimeoutMs          types.Int64          `tfsdk:"acw_timeout_ms"`
	AutoAnswerOnly        types.Bool           `tfsdk:"auto_answer_only"`
	MediaSettingsCall     []queueMediaSettings `tfsdk:"media_settings_call"`
	WrapupCodes           types.Set            `tfsdk:"wrapup_codes"`
	Members               []queueMemberModel   `tfsdk:"members"`
}

type queueMediaSettings struct {
	AlertingTimeoutSec           types.Int64   `tfsdk:"alerting_timeout_sec"`
	ServiceLevelPercentage       types.Float64 `tfsdk:"service_level_percentage"`
	ServiceLevelDurationMs       types.Int64   `tfsdk:"service_level_duration_ms"`
	EnableAutoAnswer             types.Bool    `tfsdk:"enable_auto_answer"`
	AutoAnswerAlertToneSeconds   types.Float64 `tfsdk:"auto_answer_alert_tone_seconds"`
	ManualAnswerAlertToneSeconds types.Float64 `tfsdk:"manual_answer_alert_tone_seconds"`
}

type queueMemberModel struct {
	UserID  types.String `tfsdk:"user_id"`
	RingNum types.Int64  `tfsdk:"ring_num"`
}

var (
	_ resource.ResourceWithConfigure   = (*routingQueueResource)(nil)
	_ resource.ResourceWithImportState = (*routingQueueResource)(nil)
)

func newRoutingQueueResource() resource.Resource { return &routingQueueResource{} }

func (r *routingQueueResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_routing_queue"
}

func (r *routingQueueResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	optComputedInt := func(desc string, v ...validator.Int64) schema.Int64Attribute {
		return schema.Int64Attribute{Optional: true, Computed: true, Description: desc, Validators: v}
	}
	optComputedFloat := func(desc string, v ...validator.Float64) schema.Float64Attribute {
		return schema.Float64Attribute{Optional: true, Computed: true, Description: desc, Validators: v}
	}
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud routing queue (basic settings, call media settings, wrap-up codes and user members). " +
			"Settings not modelled here are kept as they are in the org.",
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"name":        schema.StringAttribute{Required: true, Description: "Queue name."},
			"description": schema.StringAttribute{Optional: true, Description: "Queue description."},
			"division_id": schema.StringAttribute{
				Optional: true, Computed: true,
				Description:   "The division the queue belongs to; the home division when not set.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"skill_evaluation_method": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("ALL"),
				Description: "How agent skills are evaluated: `NONE`, `BEST` or `ALL` (default).",
				Validators:  []validator.String{stringvalidator.OneOf("NONE", "BEST", "ALL")},
			},
			"acw_wrapup_prompt": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("MANDATORY_TIMEOUT"),
				Description: "After-call work prompt: `MANDATORY`, `OPTIONAL`, `MANDATORY_TIMEOUT` (default), `MANDATORY_FORCED_TIMEOUT` or `AGENT_REQUESTED`.",
				Validators:  []validator.String{stringvalidator.OneOf("MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT", "AGENT_REQUESTED")},
			},
			"acw_timeout_ms": optComputedInt("After-call work timeout in milliseconds (0-86400000); the org's default when not set.",
				int64validator.Between(0, 86400000)),
			"auto_answer_only": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "Whether the queue only allows auto-answer agents (default true).",
			},
			"wrapup_codes": schema.SetAttribute{
				ElementType: types.StringType, Optional: true, Computed: true,
				Description:   "IDs of the wrap-up codes assigned to the queue. When not set, assignments are not managed.",
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"media_settings_call": schema.ListNestedBlock{
				Description: "Call media settings. When the block is absent they are not managed.",
				Validators:  []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"alerting_timeout_sec":      optComputedInt("Alerting timeout in seconds (at least 7).", int64validator.AtLeast(7)),
					"service_level_percentage":  optComputedFloat("Service level target, 0 to 1.", float64validator.Between(0, 1)),
					"service_level_duration_ms": optComputedInt("Service level target duration in milliseconds (at least 1000).", int64validator.AtLeast(1000)),
					"enable_auto_answer": schema.BoolAttribute{
						Optional: true, Computed: true, Default: booldefault.StaticBool(false),
						Description: "Auto-answer calls (default false).",
					},
					"auto_answer_alert_tone_seconds":   optComputedFloat("Alert tone length for auto-answered calls, in seconds."),
					"manual_answer_alert_tone_seconds": optComputedFloat("Alert tone length for manually answered calls, in seconds."),
				}},
			},
			"members": schema.SetNestedBlock{
				Description: "Users in the queue. When no block is given, membership is not managed.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"user_id": schema.StringAttribute{Required: true, Description: "User ID."},
					"ring_num": schema.Int64Attribute{
						Optional: true, Computed: true, Default: int64default.StaticInt64(1),
						Description: "Bullseye ring of the member, 1-6 (default 1).",
						Validators:  []validator.Int64{int64validator.Between(1, 6)},
					},
				}},
			},
		},
	}
}

func (r *routingQueueResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configureFrom(req.ProviderData, &resp.Diagnostics)
}

// applyTo writes the planned settings over q; unknown values (server defaults) stay as they are.
func (m routingQueueModel) applyTo(q *platform.QueueRequest) {
	q.Name = m.Name.ValueStringPointer()
	q.Description = m.Description.ValueStringPointer()
	if known(m.DivisionID) {
		q.Division = &platform.WritableDivision{ID: m.DivisionID.ValueStringPointer()}
	}
	q.SkillEvaluationMethod = m.SkillEvaluationMethod.ValueStringPointer()
	if q.AcwSettings == nil {
		q.AcwSettings = &platform.AcwSettings{}
	}
	q.AcwSettings.WrapupPrompt = m.AcwWrapupPrompt.ValueStringPointer()
	if known(m.AcwTimeoutMs) {
		q.AcwSettings.TimeoutMs = ptr(int(m.AcwTimeoutMs.ValueInt64()))
	}
	q.AutoAnswerOnly = m.AutoAnswerOnly.ValueBoolPointer()
	if len(m.MediaSettingsCall) == 0 {
		return
	}
	ms := m.MediaSettingsCall[0]
	if q.MediaSettings == nil {
		q.MediaSettings = &platform.QueueMediaSettings{}
	}
	if q.MediaSettings.Call == nil {
		q.MediaSettings.Call = &platform.MediaSettings{}
	}
	call := q.MediaSettings.Call
	if known(ms.AlertingTimeoutSec) {
		call.AlertingTimeoutSeconds = ptr(int(ms.AlertingTimeoutSec.ValueInt64()))
	}
	if known(ms.ServiceLevelPercentage) || known(ms.ServiceLevelDurationMs) {
		if call.ServiceLevel == nil {
			call.ServiceLevel = &platform.ServiceLevel{}
		}
		if known(ms.ServiceLevelPercentage) {
			call.ServiceLevel.Percentage = ms.ServiceLevelPercentage.ValueFloat64Pointer()
		}
		if known(ms.ServiceLevelDurationMs) {
			call.ServiceLevel.DurationMs = ptr(int(ms.ServiceLevelDurationMs.ValueInt64()))
		}
	}
	if known(ms.EnableAutoAnswer) {
		call.EnableAutoAnswer = ms.EnableAutoAnswer.ValueBoolPointer()
	}
	if known(ms.AutoAnswerAlertToneSeconds) {
		call.AutoAnswerAlertToneSeconds = ms.AutoAnswerAlertToneSeconds.ValueFloat64Pointer()
	}
	if known(ms.ManualAnswerAlertToneSeconds) {
		call.ManualAnswerAlertToneSeconds = ms.ManualAnswerAlertToneSeconds.ValueFloat64Pointer()
	}
}

// fromAPI copies the queue's settings into m. The call media block is only filled when it
// is managed (or on import), so an absent block stays absent.
func (m *routingQueueModel) fromAPI(q *platform.Queue, withMedia bool) {
	m.ID = types.StringValue(deref(q.ID))
	m.Name = types.StringValue(deref(q.Name))
	m.Description = optionalString(q.Description, m.Description)
	m.DivisionID = types.StringNull()
	if q.Division != nil && q.Division.ID != nil {
		m.DivisionID = types.StringValue(*q.Division.ID)
	}
	m.SkillEvaluationMethod = types.StringValue(deref(q.SkillEvaluationMethod))
	acw := deref(q.AcwSettings)
	m.AcwWrapupPrompt = types.StringValue(deref(acw.WrapupPrompt))
	m.AcwTimeoutMs = optionalInt(acw.TimeoutMs)
	m.AutoAnswerOnly = types.BoolValue(deref(q.AutoAnswerOnly))
	m.MediaSettingsCall = []queueMediaSettings{}
	if !withMedia {
		return
	}
	var call platform.MediaSettings
	if q.MediaSettings != nil && q.MediaSettings.Call != nil {
		call = *q.MediaSettings.Call
	}
	sl := deref(call.ServiceLevel)
	m.MediaSettingsCall = []queueMediaSettings{{
		AlertingTimeoutSec:           optionalInt(call.AlertingTimeoutSeconds),
		ServiceLevelPercentage:       types.Float64PointerValue(sl.Percentage),
		ServiceLevelDurationMs:       optionalInt(sl.DurationMs),
		EnableAutoAnswer:             types.BoolValue(deref(call.EnableAutoAnswer)),
		AutoAnswerAlertToneSeconds:   types.Float64PointerValue(call.AutoAnswerAlertToneSeconds),
		ManualAnswerAlertToneSeconds: types.Float64PointerValue(call.ManualAnswerAlertToneSeconds),
	}}
}

// readCollections fills wrap-up codes (always) and members (when managed) from the org.
func (r *routingQueueResource) readCollections(ctx context.Context, m *routingQueueModel, withMembers bool, diags *diag.Diagnostics) {
	id := m.ID.ValueString()
	codes, err := queueWrapupCodes(ctx, r.client, id)
	if err != nil {
		addAPIError(diags, nil, fmt.Sprintf("Could not read the wrap-up codes of queue %q", m.Name.ValueString()), err)
		return
	}
	set, d := types.SetValueFrom(ctx, types.StringType, codes)
	diags.Append(d...)
	m.WrapupCodes = set
	m.Members = []queueMemberModel{}
	if !withMembers {
		return
	}
	members, err := queueMembers(ctx, r.client, id)
	if err != nil {
		addAPIError(diags, nil, fmt.Sprintf("Could not read the members of queue %q", m.Name.ValueString()), err)
		return
	}
	for userID, ring := range members {
		m.Members = append(m.Members, queueMemberModel{UserID: types.StringValue(userID), RingNum: types.Int64Value(int64(ring))})
	}
	slices.SortFunc(m.Members, func(a, b queueMemberModel) int {
		return strings.Compare(a.UserID.ValueString(), b.UserID.ValueString())
	})
}

// syncCollections writes members and wrap-up codes when the configuration manages them.
func (r *routingQueueResource) syncCollections(ctx context.Context, plan routingQueueModel, manageCodes bool, diags *diag.Diagnostics) {
	id := plan.ID.ValueString()
	if len(plan.Members) > 0 {
		want := map[string]int{}
		for _, mem := range plan.Members {
			want[mem.UserID.ValueString()] = int(mem.RingNum.ValueInt64())
		}
		if err := syncQueueMembers(ctx, r.client, id, want); err != nil {
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
	var body platform.QueueRequest
	plan.applyTo(&body)
	q, err := queueAPI(r.client).create(ctx, plan.Name.ValueString(), body)
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not create queue %q", plan.Name.ValueString()), err)
		return
	}
	state := plan
	state.fromAPI(q, len(plan.MediaSettingsCall) > 0)
	// Saved before members and codes are written: if that fails, the queue is in state
	// (tainted) instead of orphaned in the org.
	resp.Diagnostics.Append(resp.State.Set(ctx, fillUnknownCollections(state))...)
	r.syncCollections(ctx, state, known(plan.WrapupCodes), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	r.readCollections(ctx, &state, len(plan.Members) > 0, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *routingQueueResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state routingQueueModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	q, err := queueAPI(r.client).get(ctx, state.ID.ValueString())
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not read queue %s", state.ID.ValueString()), err)
		return
	}
	if q == nil {
		resp.State.RemoveResource(ctx)
		return
	}
	// After an import only the id is known: read everything, blocks included.
	importing := state.Name.IsNull()
	withMedia, withMembers := importing || len(state.MediaSettingsCall) > 0, importing || len(state.Members) > 0
	state.fromAPI(q, withMedia)
	r.readCollections(ctx, &state, withMembers, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *routingQueueResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan routingQueueModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var configCodes types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("wrapup_codes"), &configCodes)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.ID.ValueString()
	body, err := queueRequest(ctx, r.client, id)
	if err == nil {
		plan.applyTo(body)
		var q *platform.Queue
		if q, err = queueAPI(r.client).update(ctx, http.MethodPut, id, body); err == nil {
			plan.fromAPI(q, len(plan.MediaSettingsCall) > 0)
		}
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not update queue %q", plan.Name.ValueString()), err)
		return
	}
	r.syncCollections(ctx, plan, !configCodes.IsNull(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	r.readCollections(ctx, &plan, len(plan.Members) > 0, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *routingQueueResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state routingQueueModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := queueAPI(r.client).delete(ctx, state.ID.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not delete queue %q (%s)", state.Name.ValueString(), state.ID.ValueString()), err)
	}
}

func (r *routingQueueResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// fillUnknownCollections replaces a still-unknown wrap-up code set (state may not hold
// unknowns) with an empty one for the interim state saved during create.
func fillUnknownCollections(m routingQueueModel) routingQueueModel {
	if m.WrapupCodes.IsUnknown() {
		m.WrapupCodes = types.SetValueMust(types.StringType, nil)
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
