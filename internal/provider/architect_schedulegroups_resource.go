package provider

import (
	"context"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const scheduleGroupsPath = "/api/v2/architect/schedulegroups"

// scheduleGroupAPI is the API seam for schedule groups (versioned PUT; DELETE answers 409
// while an IVR uses the group).
func scheduleGroupAPI(c *platform.Client) entityAPI[platform.ScheduleGroup] {
	return entityAPI[platform.ScheduleGroup]{
		client:        c,
		path:          scheduleGroupsPath,
		name:          func(g *platform.ScheduleGroup) string { return deref(g.Name) },
		softDeleted:   func(g *platform.ScheduleGroup) bool { return deref(g.State) == "deleted" },
		deleteTimeout: 30 * time.Second,
		retryDelete:   platform.IsConflict,
	}
}

func newArchitectSchedulegroupsDataSource() datasource.DataSource {
	return &nameLookupDataSource[platform.ScheduleGroup]{
		typeSuffix: "_architect_schedulegroups", what: "schedule group", api: scheduleGroupAPI,
		id: func(g *platform.ScheduleGroup) string { return deref(g.ID) },
	}
}

type architectSchedulegroupsResource struct {
	crudResource[architectSchedulegroupsModel, platform.ScheduleGroup]
}

type architectSchedulegroupsModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	DivisionID         types.String `tfsdk:"division_id"`
	Description        types.String `tfsdk:"description"`
	TimeZone           types.String `tfsdk:"time_zone"`
	OpenSchedulesID    types.Set    `tfsdk:"open_schedules_id"`
	ClosedSchedulesID  types.Set    `tfsdk:"closed_schedules_id"`
	HolidaySchedulesID types.Set    `tfsdk:"holiday_schedules_id"`
}

func newArchitectSchedulegroupsResource() resource.Resource {
	return &architectSchedulegroupsResource{crudResource[architectSchedulegroupsModel, platform.ScheduleGroup]{
		resourceBase: resourceBase{typeSuffix: "_architect_schedulegroups"}, what: "schedule group", api: scheduleGroupAPI, errorAttr: "name",
		deleteHint: "; an IVR outside this configuration may still use it",
		id:         func(m *architectSchedulegroupsModel) string { return m.ID.ValueString() },
		label:      func(m *architectSchedulegroupsModel) string { return quotedName(m.Name) },
		create: func(ctx context.Context, c *platform.Client, plan *architectSchedulegroupsModel, diags *diag.Diagnostics) (*platform.ScheduleGroup, error) {
			body := plan.request(ctx, 0, diags)
			if diags.HasError() {
				return nil, nil
			}
			return scheduleGroupAPI(c).create(ctx, plan.Name.ValueString(), body)
		},
		update: func(ctx context.Context, c *platform.Client, plan *architectSchedulegroupsModel, diags *diag.Diagnostics) (*platform.ScheduleGroup, error) {
			return putVersioned(ctx, scheduleGroupAPI(c), plan.ID.ValueString(),
				func(g *platform.ScheduleGroup) int { return deref(g.Version) },
				func(v int) any { return plan.request(ctx, v, diags) })
		},
		fromAPI: (*architectSchedulegroupsModel).fromAPI,
	}}
}

func (r *architectSchedulegroupsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	ids := func(required bool, description string) schema.SetAttribute {
		a := schema.SetAttribute{ElementType: types.StringType, Description: description, Required: required, Optional: !required}
		if required {
			a.Validators = []validator.Set{setvalidator.SizeAtLeast(1)}
		}
		return a
	}
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud Architect schedule group: the open, closed and holiday schedules of an IVR.",
		Attributes: map[string]schema.Attribute{
			"id":                   idAttribute(),
			"name":                 schema.StringAttribute{Required: true, Description: "Name of the schedule group."},
			"division_id":          divisionIDAttribute("schedule group"),
			"description":          schema.StringAttribute{Optional: true, Description: "Description of the schedule group."},
			"time_zone":            schema.StringAttribute{Optional: true, Description: "IANA time zone of the schedules, e.g. `America/Indianapolis`."},
			"open_schedules_id":    ids(true, "IDs of the schedules that define when the group is open."),
			"closed_schedules_id":  ids(false, "IDs of the schedules that define when the group is closed."),
			"holiday_schedules_id": ids(false, "IDs of the schedules that define holidays."),
		},
	}
}

func (m architectSchedulegroupsModel) request(ctx context.Context, version int, diags *diag.Diagnostics) platform.ScheduleGroup {
	in := platform.ScheduleGroup{
		Name: m.Name.ValueStringPointer(), Division: writableDivision(m.DivisionID),
		OpenSchedules:    domainRefs(ctx, m.OpenSchedulesID, diags),
		ClosedSchedules:  domainRefs(ctx, m.ClosedSchedulesID, diags),
		HolidaySchedules: domainRefs(ctx, m.HolidaySchedulesID, diags),
	}
	if isSet(m.Description) {
		in.Description = m.Description.ValueStringPointer()
	}
	if isSet(m.TimeZone) && m.TimeZone.ValueString() != "" {
		in.TimeZone = m.TimeZone.ValueStringPointer()
	}
	if version > 0 {
		in.Version = &version
	}
	return in
}

func (m *architectSchedulegroupsModel) fromAPI(g *platform.ScheduleGroup) {
	m.ID = types.StringValue(deref(g.ID))
	m.Name = types.StringValue(deref(g.Name))
	m.DivisionID = divisionIDOf(g.Division)
	m.Description = optionalString(g.Description, m.Description)
	m.TimeZone = optionalString(g.TimeZone, m.TimeZone)
	m.OpenSchedulesID = idSetFromAPI(g.OpenSchedules, m.OpenSchedulesID)
	m.ClosedSchedulesID = idSetFromAPI(g.ClosedSchedules, m.ClosedSchedulesID)
	m.HolidaySchedulesID = idSetFromAPI(g.HolidaySchedules, m.HolidaySchedulesID)
}
