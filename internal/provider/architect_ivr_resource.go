package provider

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const ivrsPath = "/api/v2/architect/ivrs"

// maxDnisPerRequest is how many numbers one IVR write may add: Genesys Cloud refuses
// larger additions, so the official provider uploads DNIS lists in chunks of 50.
const maxDnisPerRequest = 50

// ivrAPI is the API seam for IVR configurations (versioned PUT, hard delete).
func ivrAPI(c *platform.Client) entityAPI[platform.IVR] {
	return entityAPI[platform.IVR]{
		client:        c,
		path:          ivrsPath,
		name:          func(v *platform.IVR) string { return deref(v.Name) },
		softDeleted:   func(v *platform.IVR) bool { return deref(v.State) == "deleted" },
		deleteTimeout: 30 * time.Second,
	}
}

func newArchitectIvrDataSource() datasource.DataSource {
	return &nameLookupDataSource[platform.IVR]{
		typeSuffix: "_architect_ivr", what: "IVR", api: ivrAPI,
		id: func(v *platform.IVR) string { return deref(v.ID) },
	}
}

// architectIvrResource reads and deletes through the CRUD skeleton; Create and Update are
// its own (DNIS numbers are sent in steps).
type architectIvrResource struct {
	crudResource[architectIvrModel, platform.IVR]
}

type architectIvrModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	DivisionID         types.String `tfsdk:"division_id"`
	Description        types.String `tfsdk:"description"`
	Dnis               types.Set    `tfsdk:"dnis"`
	OpenHoursFlowID    types.String `tfsdk:"open_hours_flow_id"`
	ClosedHoursFlowID  types.String `tfsdk:"closed_hours_flow_id"`
	HolidayHoursFlowID types.String `tfsdk:"holiday_hours_flow_id"`
	ScheduleGroupID    types.String `tfsdk:"schedule_group_id"`
}

func newArchitectIvrResource() resource.Resource {
	return &architectIvrResource{crudResource[architectIvrModel, platform.IVR]{
		resourceBase: resourceBase{typeSuffix: "_architect_ivr"}, what: "IVR", api: ivrAPI,
		id:      func(m *architectIvrModel) string { return m.ID.ValueString() },
		label:   func(m *architectIvrModel) string { return quotedName(m.Name) },
		fromAPI: (*architectIvrModel).fromAPI,
	}}
}

func (r *architectIvrResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	flow := func(which string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Description: fmt.Sprintf("ID of the inbound call flow that answers during %s.", which)}
	}
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud Architect IVR configuration (call route): the numbers it answers and the flows it runs.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			// The official provider recreates the IVR on a rename; the API renames in place,
			// which keeps the numbers attached and the flows that refer to the IVR working.
			"name":        schema.StringAttribute{Required: true, Description: "Name of the IVR configuration."},
			"division_id": divisionIDAttribute("IVR configuration"),
			"description": schema.StringAttribute{Optional: true, Description: "Description of the IVR configuration."},
			"dnis": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				Description: "The phone numbers (E.164, e.g. `+13175550100`) that reach this IVR; each must lie in a DID pool. Any number of them: more than 50 are written in chunks of 50.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(
					stringvalidator.RegexMatches(e164, "must be an E.164 number such as +13175550100"))}},
			"open_hours_flow_id":    flow("open hours"),
			"closed_hours_flow_id":  flow("closed hours"),
			"holiday_hours_flow_id": flow("holidays"),
			"schedule_group_id":     schema.StringAttribute{Optional: true, Description: "ID of the schedule group that decides between open, closed and holiday hours."},
		},
	}
}

// request builds the body with the given numbers; version 0 = create.
func (m architectIvrModel) request(dnis []string, version int) platform.IVR {
	in := platform.IVR{
		Name: m.Name.ValueStringPointer(), Division: writableDivision(m.DivisionID), Dnis: dnis,
		OpenHoursFlow: domainRef(m.OpenHoursFlowID), ClosedHoursFlow: domainRef(m.ClosedHoursFlowID),
		HolidayHoursFlow: domainRef(m.HolidayHoursFlowID), ScheduleGroup: domainRef(m.ScheduleGroupID),
	}
	if isSet(m.Description) {
		in.Description = m.Description.ValueStringPointer()
	}
	if version > 0 {
		in.Version = &version
	}
	return in
}

func (m *architectIvrModel) fromAPI(v *platform.IVR) {
	m.ID = types.StringValue(deref(v.ID))
	m.Name = types.StringValue(deref(v.Name))
	m.DivisionID = divisionIDOf(v.Division)
	m.Description = optionalString(v.Description, m.Description)
	m.Dnis = stringsOrNullSet(slices.Clone(v.Dnis), m.Dnis)
	m.OpenHoursFlowID = refIDOrNull(v.OpenHoursFlow)
	m.ClosedHoursFlowID = refIDOrNull(v.ClosedHoursFlow)
	m.HolidayHoursFlowID = refIDOrNull(v.HolidayHoursFlow)
	m.ScheduleGroupID = refIDOrNull(v.ScheduleGroup)
}

// dnisSteps plans the DNIS lists to write, in order, to go from current to desired while
// adding at most maxDnisPerRequest numbers per write: the first list keeps the current
// numbers that stay (dropping the others) and adds the first chunk; each next list adds
// one more chunk. There is always at least one step, so the other fields get written.
func dnisSteps(current, desired []string) [][]string {
	keep := []string{}
	var add []string
	for _, n := range desired {
		if slices.Contains(current, n) {
			keep = append(keep, n)
		} else if !slices.Contains(add, n) {
			add = append(add, n)
		}
	}
	steps := [][]string{}
	list := keep
	for {
		k := min(maxDnisPerRequest, len(add))
		list = append(slices.Clone(list), add[:k]...)
		add = add[k:]
		steps = append(steps, list)
		if len(add) == 0 {
			return steps
		}
	}
}

// write brings the IVR with id (current numbers in current) to the plan, one chunk of new
// numbers per PUT; each PUT carries the version it read just before.
func (r *architectIvrResource) write(ctx context.Context, id string, current []string, plan architectIvrModel, desired []string) (*platform.IVR, error) {
	var out *platform.IVR
	for _, step := range dnisSteps(current, desired) {
		v, err := putVersioned(ctx, ivrAPI(r.client), id, func(v *platform.IVR) int { return deref(v.Version) },
			func(version int) any { return plan.request(step, version) })
		if err != nil {
			return nil, err
		}
		out = v
	}
	return out, nil
}

// desiredDnis reads the planned numbers (never nil: an empty list clears them).
func (m architectIvrModel) desiredDnis(ctx context.Context, diags *diag.Diagnostics) []string {
	out := stringsOf(ctx, m.Dnis, diags)
	if out == nil {
		out = []string{}
	}
	slices.Sort(out)
	return out
}

func (r *architectIvrResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan architectIvrModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	desired := plan.desiredDnis(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	first := desired[:min(maxDnisPerRequest, len(desired))]
	v, err := ivrAPI(r.client).create(ctx, plan.Name.ValueString(), plan.request(first, 0))
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not create IVR %q", plan.Name.ValueString()), err)
		return
	}
	if len(first) < len(desired) {
		id := deref(v.ID)
		if v, err = r.write(ctx, id, first, plan, desired); err != nil {
			// The IVR exists: keep it in state (tainted) so the next apply finishes or replaces it.
			resp.State.SetAttribute(ctx, path.Root("id"), id)
			addAPIError(&resp.Diagnostics, ptr(path.Root("dnis")), fmt.Sprintf("Could not add all DNIS numbers to IVR %q", plan.Name.ValueString()), err)
			return
		}
	}
	r.setState(ctx, plan, v, &resp.State, &resp.Diagnostics)
}

// setState stores what the API returned, keeping the plan's spelling where it is the same.
func (r *architectIvrResource) setState(ctx context.Context, m architectIvrModel, v *platform.IVR, state *tfsdk.State, diags *diag.Diagnostics) {
	m.fromAPI(v)
	diags.Append(state.Set(ctx, m)...)
}

func (r *architectIvrResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior architectIvrModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	desired := plan.desiredDnis(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := prior.ID.ValueString()
	// The numbers the org holds now decide what counts as an addition (state may be stale).
	cur, err := ivrAPI(r.client).getByID(ctx, id)
	if err == nil && cur == nil {
		err = fmt.Errorf("IVR %s no longer exists", id)
	}
	var v *platform.IVR
	if err == nil {
		v, err = r.write(ctx, id, cur.Dnis, plan, desired)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not update IVR %q", plan.Name.ValueString()), err)
		return
	}
	r.setState(ctx, plan, v, &resp.State, &resp.Diagnostics)
}
