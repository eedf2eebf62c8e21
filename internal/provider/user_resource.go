package provider

import (
	"context"
	"fmt"
	"regexp"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userResource reads and deletes through the CRUD skeleton; Create and Update are its own
// (a user is written in several calls: profile, routing skills, languages).
type userResource struct {
	crudResource[userModel, userRead]
}

type userModel struct {
	ID               types.String        `tfsdk:"id"`
	Email            types.String        `tfsdk:"email"`
	Name             types.String        `tfsdk:"name"`
	Password         types.String        `tfsdk:"password"`
	State            types.String        `tfsdk:"state"`
	DivisionID       types.String        `tfsdk:"division_id"`
	Department       types.String        `tfsdk:"department"`
	Title            types.String        `tfsdk:"title"`
	Manager          types.String        `tfsdk:"manager"`
	AcdAutoAnswer    types.Bool          `tfsdk:"acd_auto_answer"`
	ProfileSkills    types.Set           `tfsdk:"profile_skills"`
	Certifications   types.Set           `tfsdk:"certifications"`
	RoutingSkills    types.Set           `tfsdk:"routing_skills"`
	RoutingLanguages types.Set           `tfsdk:"routing_languages"`
	Addresses        []userAddressModel  `tfsdk:"addresses"`
	EmployerInfo     []employerInfoModel `tfsdk:"employer_info"`
	// VoicemailUserPolicies is optional and computed: unset leaves the policy unmanaged.
	VoicemailUserPolicies types.List `tfsdk:"voicemail_userpolicies"`
	// RoutingUtilization is optional and computed: unset leaves the utilization unmanaged.
	RoutingUtilization types.List `tfsdk:"routing_utilization"`
	Locations          types.Set  `tfsdk:"locations"`
}

type userSkillModel struct {
	SkillID     types.String  `tfsdk:"skill_id"`
	Proficiency types.Float64 `tfsdk:"proficiency"`
}

type userLanguageModel struct {
	LanguageID  types.String `tfsdk:"language_id"`
	Proficiency types.Int64  `tfsdk:"proficiency"`
}

type userAddressModel struct {
	OtherEmails  []otherEmailModel  `tfsdk:"other_emails"`
	PhoneNumbers []phoneNumberModel `tfsdk:"phone_numbers"`
}

type otherEmailModel struct {
	Address types.String `tfsdk:"address"`
	Type    types.String `tfsdk:"type"`
}

type phoneNumberModel struct {
	Number          types.String `tfsdk:"number"`
	MediaType       types.String `tfsdk:"media_type"`
	Type            types.String `tfsdk:"type"`
	Extension       types.String `tfsdk:"extension"`
	ExtensionPoolID types.String `tfsdk:"extension_pool_id"`
}

type employerInfoModel struct {
	OfficialName types.String `tfsdk:"official_name"`
	EmployeeID   types.String `tfsdk:"employee_id"`
	EmployeeType types.String `tfsdk:"employee_type"`
	DateHire     types.String `tfsdk:"date_hire"`
}

var (
	userSkillType    = types.ObjectType{AttrTypes: map[string]attr.Type{"skill_id": types.StringType, "proficiency": types.Float64Type}}
	userLanguageType = types.ObjectType{AttrTypes: map[string]attr.Type{"language_id": types.StringType, "proficiency": types.Int64Type}}
	e164             = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)
)

func newUserResource() resource.Resource {
	return &userResource{crudResource[userModel, userRead]{
		resourceBase: resourceBase{typeSuffix: "_user"}, what: "user",
		readFor: readUserHeld,
		remove: func(ctx context.Context, c *platform.Client, state *userModel) error {
			return userAPI(c).delete(ctx, state.ID.ValueString())
		},
		label:   func(m *userModel) string { return quotedName(m.Email) },
		fromAPI: (*userModel).fromRead,
	}}
}

func (r *userResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud user.",
		Attributes: map[string]schema.Attribute{
			"id":    idAttribute(),
			"email": schema.StringAttribute{Required: true, Description: "User's primary email and username."},
			"name":  schema.StringAttribute{Required: true, Description: "User's full name."},
			"password": schema.StringAttribute{Optional: true, Sensitive: true,
				Description: "User's password, set when the user is created (and when it changes). It is never read back."},
			"state": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("active"),
				Description: "`active` or `inactive` (default `active`).",
				Validators:  []validator.String{stringvalidator.OneOf("active", "inactive")}},
			"division_id": schema.StringAttribute{Optional: true, Computed: true,
				Description:   "The user's division. When not set, the home division is used and the value is left unmanaged.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"department": schema.StringAttribute{Optional: true, Description: "User's department."},
			"title":      schema.StringAttribute{Optional: true, Description: "User's title."},
			"manager":    schema.StringAttribute{Optional: true, Description: "The user id of this user's manager."},
			"acd_auto_answer": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Answer ACD interactions automatically (default false)."},
			"profile_skills": unmanagedSet(types.StringType, "Profile skills (not routing skills). Unset = unmanaged; an empty set clears them."),
			"certifications": unmanagedSet(types.StringType, "Certifications. Unset = unmanaged; an empty set clears them."),
			// Sets of objects rather than nested attributes: OpenTofu then accepts both the block
			// syntax of the official provider's examples and `routing_skills = []` to clear.
			"routing_skills": unmanagedSet(userSkillType,
				"Routing skills `{skill_id, proficiency (0-5)}`; block or attribute syntax. Unset = unmanaged; `routing_skills = []` removes all."),
			"routing_languages": unmanagedSet(userLanguageType,
				"Routing languages `{language_id, proficiency (0-5)}`; block or attribute syntax. Unset = unmanaged; `routing_languages = []` removes all."),
			"routing_utilization": routingUtilizationAttribute(),
			"locations": unmanagedSet(userLocationType,
				"Locations `{location_id, notes}` of the user; block or attribute syntax. Unset = unmanaged; `locations = []` removes all."),
			"voicemail_userpolicies": userSetting(userVoicemailPolicy.attribute("The user's voicemail policy: `alert_timeout_seconds`, `send_email_notifications`; " +
				"block or attribute syntax. Unset = unmanaged (not read); a field left out keeps its value in the org.")),
		},
		Blocks: map[string]schema.Block{
			"addresses": schema.ListNestedBlock{
				Description: "The user's other emails and phone numbers. Leaving the block out removes them.",
				Validators:  []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{Blocks: map[string]schema.Block{
					"other_emails": schema.SetNestedBlock{
						Description: "Other email addresses.",
						NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
							"address": schema.StringAttribute{Required: true, Description: "Email address."},
							"type": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("WORK"),
								Description: "`WORK` or `HOME` (default `WORK`).",
								Validators:  []validator.String{stringvalidator.OneOf("WORK", "HOME")}},
						}},
					},
					"phone_numbers": schema.SetNestedBlock{
						Description: "Phone numbers.",
						NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
							"number": schema.StringAttribute{Optional: true, Description: "Phone number in E.164 format, e.g. +13175550123. A 10-digit North American number without `+1` (older configurations) is accepted with a warning and sent in E.164.",
								Validators: []validator.String{phoneNumberValidator{}}},
							"media_type": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("PHONE"),
								Description: "`PHONE` or `SMS` (default `PHONE`).",
								Validators:  []validator.String{stringvalidator.OneOf("PHONE", "SMS")}},
							"type": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("WORK"),
								Description: "`WORK`, `WORK2`, `WORK3`, `WORK4`, `HOME`, `MOBILE`, `MAIN` or `OTHER` (default `WORK`).",
								Validators:  []validator.String{stringvalidator.OneOf("WORK", "WORK2", "WORK3", "WORK4", "HOME", "MOBILE", "MAIN", "OTHER")}},
							"extension": schema.StringAttribute{Optional: true, Description: "Phone extension."},
							"extension_pool_id": schema.StringAttribute{Optional: true,
								Description: "The extension pool the extension belongs to. Accepted and kept as configured; it is not sent (a user's contact has no pool)."},
						}},
					},
				}},
			},
			"employer_info": schema.ListNestedBlock{
				Description: "Employer information.",
				Validators:  []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"official_name": schema.StringAttribute{Optional: true, Description: "Official name."},
					"employee_id":   schema.StringAttribute{Optional: true, Description: "Employee id."},
					"employee_type": schema.StringAttribute{Optional: true, Description: "`Full-time`, `Part-time` or `Contractor`.",
						Validators: []validator.String{stringvalidator.OneOf("Full-time", "Part-time", "Contractor")}},
					"date_hire": schema.StringAttribute{Optional: true, Description: "Hire date, `YYYY-MM-DD`.",
						Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`), "must be a date YYYY-MM-DD")}},
				}},
			},
		},
	}
}

// contacts maps the addresses block to the API's contact list (never nil: empty clears).
func (m userModel) contacts() []platform.Contact {
	out := []platform.Contact{}
	for _, a := range m.Addresses {
		for _, e := range a.OtherEmails {
			out = append(out, platform.Contact{Address: e.Address.ValueStringPointer(), MediaType: ptr("EMAIL"), Type: ptr(e.Type.ValueString())})
		}
		for _, p := range a.PhoneNumbers {
			c := platform.Contact{MediaType: ptr(p.MediaType.ValueString()), Type: ptr(p.Type.ValueString())}
			if isSet(p.Number) {
				c.Address = ptr(phoneForAPI(p.Number.ValueString()))
			}
			if isSet(p.Extension) {
				c.Extension = p.Extension.ValueStringPointer()
			}
			out = append(out, c)
		}
	}
	return out
}

// patch is the PATCH body for everything POST /users does not take. Unmanaged (null in the
// configuration) sets are left out.
func (m userModel) patch(ctx context.Context, mg userManaged, diags *diag.Diagnostics) platform.UpdateUser {
	in := platform.UpdateUser{
		Name:          m.Name.ValueStringPointer(),
		Email:         m.Email.ValueStringPointer(),
		State:         m.State.ValueStringPointer(),
		Department:    ptr(m.Department.ValueString()),
		Title:         ptr(m.Title.ValueString()),
		Manager:       ptr(m.Manager.ValueString()),
		AcdAutoAnswer: m.AcdAutoAnswer.ValueBoolPointer(),
		Addresses:     m.contacts(),
		EmployerInfo:  &platform.EmployerInfo{},
	}
	if mg.profile {
		in.ProfileSkills = stringsOf(ctx, m.ProfileSkills, diags)
	}
	if mg.certs {
		in.Certifications = stringsOf(ctx, m.Certifications, diags)
	}
	if mg.locations && isSet(m.Locations) {
		in.Locations = userLocationsBody(ctx, m.Locations, diags)
	}
	if len(m.EmployerInfo) > 0 {
		e := m.EmployerInfo[0]
		in.EmployerInfo = &platform.EmployerInfo{OfficialName: ptr(e.OfficialName.ValueString()), EmployeeID: ptr(e.EmployeeID.ValueString()),
			EmployeeType: ptr(e.EmployeeType.ValueString()), DateHire: ptr(e.DateHire.ValueString())}
	}
	return in
}

// fromAPI copies the user (read with expand=skills,languages) into m.
func (m *userModel) fromAPI(u *platform.User) {
	m.ID = types.StringValue(deref(u.ID))
	m.Email = types.StringValue(deref(u.Email))
	m.Name = types.StringValue(deref(u.Name))
	m.State = types.StringValue(deref(u.State))
	m.DivisionID = types.StringPointerValue(deref(u.Division).ID) // null when the API names no division
	m.Department = optionalString(u.Department, m.Department)
	m.Title = optionalString(u.Title, m.Title)
	var manager *string
	if u.Manager != nil {
		manager = u.Manager.ID
	}
	m.Manager = optionalString(manager, m.Manager)
	m.AcdAutoAnswer = types.BoolValue(deref(u.AcdAutoAnswer))
	m.ProfileSkills = stringSetValue(u.ProfileSkills)
	m.Certifications = stringSetValue(u.Certifications)
	m.Locations = userLocationsState(u.Locations)

	skills := make([]attr.Value, 0, len(u.Skills))
	for _, s := range u.Skills {
		skills = append(skills, types.ObjectValueMust(userSkillType.AttrTypes, map[string]attr.Value{
			"skill_id": types.StringValue(deref(s.ID)), "proficiency": types.Float64Value(deref(s.Proficiency))}))
	}
	m.RoutingSkills = types.SetValueMust(userSkillType, skills)
	langs := make([]attr.Value, 0, len(u.Languages))
	for _, l := range u.Languages {
		langs = append(langs, types.ObjectValueMust(userLanguageType.AttrTypes, map[string]attr.Value{
			"language_id": types.StringValue(deref(l.ID)), "proficiency": types.Int64Value(int64(deref(l.Proficiency)))}))
	}
	m.RoutingLanguages = types.SetValueMust(userLanguageType, langs)

	var priorNumbers []string
	var priorPhones []phoneNumberModel
	for _, a := range m.Addresses {
		for _, p := range a.PhoneNumbers {
			priorPhones = append(priorPhones, p)
			if isSet(p.Number) {
				priorNumbers = append(priorNumbers, p.Number.ValueString())
			}
		}
	}
	var addr userAddressModel
	for _, c := range u.Addresses {
		if deref(c.MediaType) == "EMAIL" {
			addr.OtherEmails = append(addr.OtherEmails, otherEmailModel{Address: types.StringValue(deref(c.Address)), Type: types.StringValue(deref(c.Type))})
			continue
		}
		phone := phoneNumberModel{Number: stringOrNull(phoneAsWritten(deref(c.Address), priorNumbers)),
			MediaType: types.StringValue(deref(c.MediaType)), Type: types.StringValue(deref(c.Type)), Extension: stringOrNull(deref(c.Extension))}
		phone.ExtensionPoolID = configuredExtensionPool(phone, priorPhones)
		addr.PhoneNumbers = append(addr.PhoneNumbers, phone)
	}
	m.Addresses = []userAddressModel{}
	if len(addr.OtherEmails)+len(addr.PhoneNumbers) > 0 {
		if addr.OtherEmails == nil {
			addr.OtherEmails = []otherEmailModel{}
		}
		if addr.PhoneNumbers == nil {
			addr.PhoneNumbers = []phoneNumberModel{}
		}
		m.Addresses = []userAddressModel{addr}
	}
	m.EmployerInfo = []employerInfoModel{}
	if e := u.EmployerInfo; e != nil && deref(e.OfficialName)+deref(e.EmployeeID)+deref(e.EmployeeType)+deref(e.DateHire) != "" {
		m.EmployerInfo = []employerInfoModel{{OfficialName: stringOrNull(deref(e.OfficialName)), EmployeeID: stringOrNull(deref(e.EmployeeID)),
			EmployeeType: stringOrNull(deref(e.EmployeeType)), DateHire: stringOrNull(deref(e.DateHire))}}
	}
}

// syncRouting writes the routing skills and languages the configuration manages.
func (m userModel) syncRouting(ctx context.Context, c *platform.Client, id string, manageSkills, manageLangs bool, diags *diag.Diagnostics) error {
	if manageSkills && isSet(m.RoutingSkills) {
		var skills []userSkillModel
		diags.Append(m.RoutingSkills.ElementsAs(ctx, &skills, false)...)
		body := []platform.UserRoutingSkillPost{}
		for _, s := range skills {
			body = append(body, platform.UserRoutingSkillPost{ID: s.SkillID.ValueStringPointer(), Proficiency: s.Proficiency.ValueFloat64Pointer()})
		}
		if err := replaceUserRoutingSkills(ctx, c, id, body); err != nil {
			return fmt.Errorf("routing skills: %w", err)
		}
	}
	if manageLangs && isSet(m.RoutingLanguages) {
		var langs []userLanguageModel
		diags.Append(m.RoutingLanguages.ElementsAs(ctx, &langs, false)...)
		body := []platform.UserRoutingLanguagePost{}
		for _, l := range langs {
			body = append(body, platform.UserRoutingLanguagePost{ID: l.LanguageID.ValueStringPointer(), Proficiency: ptr(float64(l.Proficiency.ValueInt64()))})
		}
		if err := replaceUserRoutingLanguages(ctx, c, id, body); err != nil {
			return fmt.Errorf("routing languages: %w", err)
		}
	}
	return nil
}

// managed says which unmanaged-when-unset attributes the configuration sets.
type userManaged struct{ profile, certs, skills, langs, voicemail, utilization, locations bool }

func managedOf(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) userManaged {
	return userManaged{
		profile:     !configNull(ctx, cfg, path.Root("profile_skills"), diags),
		certs:       !configNull(ctx, cfg, path.Root("certifications"), diags),
		skills:      !configNull(ctx, cfg, path.Root("routing_skills"), diags),
		langs:       !configNull(ctx, cfg, path.Root("routing_languages"), diags),
		voicemail:   !configNull(ctx, cfg, path.Root("voicemail_userpolicies"), diags),
		utilization: !configNull(ctx, cfg, path.Root("routing_utilization"), diags),
		locations:   !configNull(ctx, cfg, path.Root("locations"), diags),
	}
}

func (r *userResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	mg := managedOf(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	email := plan.Email.ValueString()
	in := platform.CreateUser{Name: plan.Name.ValueStringPointer(), Email: &email, State: plan.State.ValueStringPointer(), Addresses: plan.contacts()}
	if isSet(plan.DivisionID) {
		in.DivisionID = plan.DivisionID.ValueStringPointer()
	}
	if isSet(plan.Password) {
		in.Password = plan.Password.ValueStringPointer()
	}
	if isSet(plan.Department) {
		in.Department = plan.Department.ValueStringPointer()
	}
	if isSet(plan.Title) {
		in.Title = plan.Title.ValueStringPointer()
	}
	// A deleted user keeps its email (and history): like the official provider, bring it back
	// rather than create a second user; the PATCH below makes it active again.
	u, err := findDeletedUser(ctx, r.client, email)
	restored := u != nil
	if err == nil && u == nil {
		u, err = createUser(ctx, r.client, in)
		if platform.IsConflict(err) {
			// The user may have been deleted just now (or the search index lags).
			if deleted, ferr := findDeletedUser(ctx, r.client, email); ferr == nil && deleted != nil {
				u, err, restored = deleted, nil, true
			}
		}
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("email")), fmt.Sprintf("Could not create user %q", email), err)
		return
	}
	id := deref(u.ID)
	if restored && isSet(plan.Password) {
		if err := setUserPassword(ctx, r.client, id, plan.Password.ValueString()); err != nil {
			resp.State.SetAttribute(ctx, path.Root("id"), id)
			addAPIError(&resp.Diagnostics, ptr(path.Root("password")), fmt.Sprintf("Could not set the password of restored user %q", email), err)
			return
		}
	}
	if err := r.write(ctx, id, plan, mg, &resp.Diagnostics); err != nil {
		// The user exists: keep it in state (tainted) so the next apply fixes or replaces it.
		resp.State.SetAttribute(ctx, path.Root("id"), id)
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not finish setting up user %q (%s)", email, id), err)
		return
	}
	r.readBack(ctx, id, &plan, &resp.State, &resp.Diagnostics)
}

// write PATCHes the user's fields and syncs its routing skills and languages.
func (r *userResource) write(ctx context.Context, id string, plan userModel, mg userManaged, diags *diag.Diagnostics) error {
	if err := patchUser(ctx, r.client, id, plan.patch(ctx, mg, diags)); err != nil {
		return err
	}
	if err := plan.syncRouting(ctx, r.client, id, mg.skills, mg.langs, diags); err != nil {
		return err
	}
	if err := userVoicemailPolicy.write(ctx, r.client, id, plan.VoicemailUserPolicies, mg.voicemail); err != nil {
		return fmt.Errorf("voicemail policy: %w", err)
	}
	if err := writeUserUtilization(ctx, r.client, id, plan.RoutingUtilization, mg.utilization, diags); err != nil {
		return fmt.Errorf("utilization: %w", err)
	}
	return nil
}

func (r *userResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior userModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	mg := managedOf(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := prior.ID.ValueString()
	if isSet(plan.DivisionID) && plan.DivisionID.ValueString() != prior.DivisionID.ValueString() {
		// Users change division through the division's object list, not PATCH.
		if err := moveUserToDivision(ctx, r.client, id, plan.DivisionID.ValueString()); err != nil {
			addAPIError(&resp.Diagnostics, ptr(path.Root("division_id")), fmt.Sprintf("Could not move user %q to division %s", plan.Email.ValueString(), plan.DivisionID.ValueString()), err)
			return
		}
	}
	if isSet(plan.Password) && plan.Password.ValueString() != prior.Password.ValueString() {
		if err := setUserPassword(ctx, r.client, id, plan.Password.ValueString()); err != nil {
			addAPIError(&resp.Diagnostics, ptr(path.Root("password")), fmt.Sprintf("Could not change the password of user %q", plan.Email.ValueString()), err)
			return
		}
	}
	if err := r.write(ctx, id, plan, mg, &resp.Diagnostics); err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not update user %q (%s)", plan.Email.ValueString(), id), err)
		return
	}
	r.readBack(ctx, id, &plan, &resp.State, &resp.Diagnostics)
}
