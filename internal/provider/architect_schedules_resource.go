package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/teambition/rrule-go"
)

const schedulesPath = "/api/v2/architect/schedules"

// scheduleAPI is the API seam for Architect schedules (versioned PUT; DELETE answers 409
// while a schedule group still lists the schedule, which clears once the group is gone).
func scheduleAPI(c *platform.Client) entityAPI[platform.Schedule] {
	return entityAPI[platform.Schedule]{
		client:        c,
		path:          schedulesPath,
		name:          func(s *platform.Schedule) string { return deref(s.Name) },
		softDeleted:   func(s *platform.Schedule) bool { return deref(s.State) == "deleted" },
		deleteTimeout: 30 * time.Second,
		retryDelete:   platform.IsConflict,
	}
}

func newArchitectSchedulesDataSource() datasource.DataSource {
	return &nameLookupDataSource[platform.Schedule]{
		typeSuffix: "_architect_schedules", what: "schedule", api: scheduleAPI,
		id: func(s *platform.Schedule) string { return deref(s.ID) },
	}
}

type architectSchedulesResource struct {
	crudResource[architectSchedulesModel, platform.Schedule]
}

type architectSchedulesModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	DivisionID  types.String `tfsdk:"division_id"`
	Description types.String `tfsdk:"description"`
	Start       types.String `tfsdk:"start"`
	End         types.String `tfsdk:"end"`
	Rrule       types.String `tfsdk:"rrule"`
}

var (
	_ resource.ResourceWithConfigure      = (*architectSchedulesResource)(nil)
	_ resource.ResourceWithImportState    = (*architectSchedulesResource)(nil)
	_ resource.ResourceWithValidateConfig = (*architectSchedulesResource)(nil)
)

func newArchitectSchedulesResource() resource.Resource {
	return &architectSchedulesResource{crudResource[architectSchedulesModel, platform.Schedule]{
		resourceBase: resourceBase{typeSuffix: "_architect_schedules"}, what: "schedule", api: scheduleAPI, errorAttr: "name",
		deleteHint: "; a schedule group outside this configuration may still use it",
		id:         func(m *architectSchedulesModel) string { return m.ID.ValueString() },
		label:      func(m *architectSchedulesModel) string { return quotedName(m.Name) },
		create: func(ctx context.Context, c *platform.Client, plan *architectSchedulesModel, _ *diag.Diagnostics) (*platform.Schedule, error) {
			return scheduleAPI(c).create(ctx, plan.Name.ValueString(), plan.request(0))
		},
		update: func(ctx context.Context, c *platform.Client, plan *architectSchedulesModel, _ *diag.Diagnostics) (*platform.Schedule, error) {
			return putVersioned(ctx, scheduleAPI(c), plan.ID.ValueString(),
				func(s *platform.Schedule) int { return deref(s.Version) },
				func(v int) any { return plan.request(v) })
		},
		fromAPI: (*architectSchedulesModel).fromAPI,
	}}
}

// scheduleTimeLayout is the official provider's local date-time format (no zone).
const scheduleTimeLayout = "2006-01-02T15:04:05.000000"

// localDateTimeText accepts what the official provider documents (six fraction digits) and
// the shorter forms the API itself returns, so an exported value can be pasted back.
var localDateTimeText = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$`)

// parseLocalDateTime reads a zone-less local date-time.
func parseLocalDateTime(s string) (time.Time, error) {
	if !localDateTimeText.MatchString(s) {
		return time.Time{}, fmt.Errorf("%q is not a local date-time like 2021-08-04T08:00:00.000000 (no time zone)", s)
	}
	t, err := time.Parse("2006-01-02T15:04:05.999999", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a valid date-time: %v", s, err)
	}
	return t, nil
}

// localDateTimeValidator checks start/end at plan time.
func localDateTimeValidator() validator.String {
	return stringCheck{
		description: "must be a local date-time yyyy-MM-ddTHH:mm:ss.SSSSSS without a time zone",
		check: func(value string) (string, string) {
			if _, err := parseLocalDateTime(value); err != nil {
				return "Invalid local date-time", err.Error() + ". Use the form 2021-08-04T08:00:00.000000."
			}
			return "", ""
		},
	}
}

// rruleValidator checks an iCal RRULE at plan time with the parser the org uses.
func rruleValidator() validator.String {
	return stringCheck{
		description: "must be an iCal RRULE such as FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
		check: func(value string) (string, string) {
			rule := strings.TrimSpace(value)
			if rule == "" {
				return "", ""
			}
			if strings.ContainsAny(rule, "\r\n") {
				return "Invalid RRULE", "The rule must be a single RRULE line, e.g. FREQ=WEEKLY;BYDAY=MO,TU."
			}
			if _, err := rrule.StrToRRule(rule); err != nil {
				return "Invalid RRULE", fmt.Sprintf("%q is not a valid iCal RRULE: %v. Example: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.", rule, err)
			}
			return "", ""
		},
	}
}

func (r *architectSchedulesResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	dateTime := []validator.String{localDateTimeValidator()}
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud Architect schedule.",
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"name":        schema.StringAttribute{Required: true, Description: "Name of the schedule."},
			"division_id": divisionIDAttribute("schedule"),
			"description": schema.StringAttribute{Optional: true, Description: "Description of the schedule."},
			"start": schema.StringAttribute{Required: true, Validators: dateTime,
				Description: "Date-time the schedule starts, local to the schedule group's time zone, ISO-8601 without a zone: `2021-08-04T08:00:00.000000`."},
			"end": schema.StringAttribute{Required: true, Validators: dateTime,
				Description: "Date-time the schedule ends (of the first occurrence when `rrule` is set), in the same form as `start`."},
			"rrule": schema.StringAttribute{Optional: true, Validators: []validator.String{rruleValidator()},
				Description: "An iCal recurrence rule (RRULE), e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`."},
		},
	}
}

// ValidateConfig rejects an end before the start before anything is sent.
func (r *architectSchedulesResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m architectSchedulesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !isSet(m.Start) || !isSet(m.End) {
		return
	}
	start, err1 := parseLocalDateTime(m.Start.ValueString())
	end, err2 := parseLocalDateTime(m.End.ValueString())
	if err1 == nil && err2 == nil && end.Before(start) {
		resp.Diagnostics.AddAttributeError(path.Root("end"), "Schedule ends before it starts",
			fmt.Sprintf("end (%s) is before start (%s).", m.End.ValueString(), m.Start.ValueString()))
	}
}

// request builds the API body; version is the object's current version (0 on create).
func (m architectSchedulesModel) request(version int) platform.Schedule {
	in := platform.Schedule{
		Name: m.Name.ValueStringPointer(), Division: writableDivision(m.DivisionID),
		Start: m.Start.ValueStringPointer(), End: m.End.ValueStringPointer(),
	}
	if isSet(m.Description) {
		in.Description = m.Description.ValueStringPointer()
	}
	if isSet(m.Rrule) && strings.TrimSpace(m.Rrule.ValueString()) != "" {
		in.Rrule = m.Rrule.ValueStringPointer()
	}
	if version > 0 {
		in.Version = &version
	}
	return in
}

// sameLocalDateTime keeps the configured spelling of a date-time when the API returns the
// same instant in its own (shorter) form; otherwise it reports the API's value in the
// official layout.
func sameLocalDateTime(api *string, prior types.String) types.String {
	got, err := parseLocalDateTime(deref(api))
	if err != nil {
		return types.StringValue(deref(api))
	}
	if isSet(prior) {
		if want, err := parseLocalDateTime(prior.ValueString()); err == nil && want.Equal(got) {
			return prior
		}
	}
	return types.StringValue(got.Format(scheduleTimeLayout))
}

func (m *architectSchedulesModel) fromAPI(s *platform.Schedule) {
	m.ID = types.StringValue(deref(s.ID))
	m.Name = types.StringValue(deref(s.Name))
	m.DivisionID = divisionIDOf(s.Division)
	m.Description = optionalString(s.Description, m.Description)
	m.Start = sameLocalDateTime(s.Start, m.Start)
	m.End = sameLocalDateTime(s.End, m.End)
	if isSet(m.Rrule) && strings.TrimSpace(m.Rrule.ValueString()) == deref(s.Rrule) {
		return // the org trims the rule; the configured text stays
	}
	m.Rrule = optionalString(s.Rrule, m.Rrule)
}
