package kinds

import (
	"slices"
	"sync"
)

// Catalogue names, for the layers that refer to one kind on purpose (a hand-written
// handler, a test). Everything that treats kinds alike iterates Genesys().All().
const (
	Division          = "authorization.division"
	Role              = "authorization.role"
	UserRoles         = "authorization.userroles"
	Skill             = "routing.skill"
	Language          = "routing.language"
	WrapupCode        = "routing.wrapupcode"
	SkillGroup        = "routing.skillgroup"
	Queue             = "routing.queue"
	UtilizationLabel  = "routing.utilizationlabel"
	User              = "directory.user"
	Group             = "directory.group"
	Schedule          = "architect.schedule"
	ScheduleGroup     = "architect.schedulegroup"
	IVR               = "architect.ivr"
	EmergencyGroup    = "architect.emergencygroup"
	Grammar           = "architect.grammar"
	Flow              = "architect.flow"
	DIDPool           = "telephony.didpool"
	Integration       = "integrations.integration"
	IntegrationAction = "integrations.action"
	ResponseLibrary   = "responsemanagement.library"
	UserPrompt        = "architect.userprompt"
	DataTable         = "architect.datatable"
	ContactList       = "outbound.contactlist"
)

// Genesys returns the catalogue of every kind cxascode covers. It is built once and never
// changed afterwards. The kinds added for breadth live in one file per API area
// (catalogue_<area>.go), so that a new kind is an entry there.
var Genesys = sync.OnceValue(func() *Catalogue {
	return New(slices.Concat(genesysKinds(), routingAreaKinds(), intentsAreaKinds(), performanceAreaKinds(),
		architectAreaKinds(), directoryAreaKinds(), outboundAreaKinds(), presenceAreaKinds(), settingsAreaKinds(),
		authorizationAreaKinds(), integrationsAreaKinds(), taskManagementAreaKinds(), campaignAreaKinds(),
		telephonyAreaKinds(), digitalAreaKinds(), routingSettingsKinds(), webDeploymentsAreaKinds(), contentAreaKinds()))
})

// divisionField is the division_id attribute most kinds share: the org picks the home
// division when it is left out.
func divisionField(noun string) Field {
	return Field{Attr: "division_id", JSON: "division.id", Type: String, Mode: OptionalComputed, Ref: Division,
		Description: "The division the " + noun + " belongs to. When not set, the org puts it in the home division."}
}

// architectListing is the listing the Architect collections share: sortOrder asc or desc,
// sortBy name or id, divisionId, the total repeated as totalNumberOfEntities, and the
// collection's own filters.
func architectListing(filters ...ListFilter) Listing {
	return Listing{Ascending: []string{"asc", "ascending"}, Descending: []string{"desc", "descending"}, SortByID: true,
		Filters: append([]ListFilter{{Param: "divisionId", JSON: []string{"division.id"}}}, filters...), RepeatTotal: true}
}

func genesysKinds() []*Kind {
	return []*Kind{
		{
			Name: Division, Resource: "genesyscloud_auth_division", DataSource: "genesyscloud_auth_division", Noun: "division",
			Sharing: People,
			API: API{Collection: "/api/v2/authorization/divisions", MaxPageSize: 500, NameFilter: "name", Update: "PUT",
				DeleteWaitsForDetach: true, BuiltinPath: "/api/v2/authorization/divisions/home"},
			Model: "AuthzDivision", Audit: Audit{"PeoplePermissions", "Division"}, Permission: "authorization:division",
			Archy: []string{"division"}, BulkRead: true, Unmanaged: true,
			Builtin:      func(o map[string]any) bool { return o["homeDivision"] == true },
			IDAttributes: []string{"division_id", "division_ids"}, BuiltinDataSource: "genesyscloud_auth_division_home",
			Summary: "Genesys Cloud authorization division.",
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Division name."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, SentEmpty: true,
					Description: "Division description."},
				{Attr: "home", JSON: "homeDivision", Type: Bool, Mode: OptionalComputed, ForceNew: true, Adopts: true,
					Description: "True if this is the home division. Set it to manage the pre-existing home division " +
						"(renaming it if name differs); the home division is never deleted on destroy. Changing it forces a new resource."},
			},
		},
		{
			Name: Role, Resource: "genesyscloud_auth_role", DataSource: "genesyscloud_auth_role", Noun: "role",
			Sharing: People,
			API:     API{Collection: "/api/v2/authorization/roles", MaxPageSize: 500, NameFilter: "name", Update: "PUT"},
			Model:   "DomainOrganizationRole", CreateModel: "DomainOrganizationRoleCreate", UpdateModel: "DomainOrganizationRoleUpdate",
			Audit: Audit{"PeoplePermissions", "Role"}, Permission: "authorization:role", BulkRead: true, Unmanaged: true,
			Builtin:      func(o map[string]any) bool { return o["default"] == true },
			IDAttributes: []string{"role_id", "role_ids"},
			Summary:      "Genesys Cloud authorization role.",
			Fields:       roleFields(), Shape: &Shape{ToAPI: allowConditions}, // catalogue_authorization.go
		},
		{
			Name: UserRoles, Resource: "genesyscloud_user_roles", Noun: "user role assignment", Names: NoName,
			Sharing:    People,
			API:        API{Collection: "/api/v2/authorization/subjects", NoList: true},
			Model:      "AuthzSubject",
			Audit:      Audit{"PeoplePermissions", "User"},
			Permission: "authorization:grant", DependsOn: []string{User, Role, Division},
		},
		{
			Name: Skill, Resource: "genesyscloud_routing_skill", DataSource: "genesyscloud_routing_skill", Noun: "routing skill",
			Sharing: Vocabulary, SharedHome: "shared-skills",
			API: API{Collection: "/api/v2/routing/skills", MaxPageSize: 500, NameFilter: "name", Update: "PATCH",
				Version: StringVersion, SoftDelete: true, DivisionByID: "divisionId", List: Listing{NamePrefix: true}},
			Model: "RoutingSkill", CreateModel: "CreateRoutingSkill", UpdateModel: "UpdateSkillDivisionRequest",
			Audit: Audit{"Routing", "Skill"}, Permission: "routing:skill", Archy: []string{"skill"}, BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"skill_id", "skill_ids", "skills"}, DependsOn: []string{Division},
			// The PATCH only moves a skill between divisions, which the official schema does not
			// expose: a new name replaces the skill.
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, ForceNew: true,
					Description: "The routing skill's name. Changing the name forces a new resource to be created."},
			},
		},
		{
			Name: Language, Resource: "genesyscloud_routing_language", DataSource: "genesyscloud_routing_language",
			Sharing: Vocabulary, SharedHome: "shared-skills",
			Noun: "routing language",
			API: API{Collection: "/api/v2/routing/languages", MaxPageSize: 500, NameFilter: "name", Version: StringVersion, SoftDelete: true,
				List: Listing{NamePrefix: true, Ascending: []string{"ASC"}, Descending: []string{"DESC"}}},
			Model: "Language", Audit: Audit{"Routing", "Language"}, Permission: "routing:language",
			Archy: []string{"language"}, BulkRead: true, Unmanaged: true, IDAttributes: []string{"language_id"},
			// No update method: every change replaces the language.
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, ForceNew: true,
					Description: "The routing language's name. Changing the name forces a new resource to be created."},
			},
		},
		{
			Name: WrapupCode, Resource: "genesyscloud_routing_wrapupcode", DataSource: "genesyscloud_routing_wrapupcode",
			Sharing: Vocabulary, SharedHome: "shared-wrapupcodes",
			Noun: "wrap-up code",
			API: API{Collection: "/api/v2/routing/wrapupcodes", MaxPageSize: 500, NameFilter: "name", Update: "PUT",
				List: Listing{Ascending: []string{"ascending"}, Descending: []string{"descending"}, SortByIDNeedsName: true,
					Filters: []ListFilter{{Param: "divisionId", JSON: []string{"division.id"}}}}},
			Model: "WrapupCode", CreateModel: "WrapupCodeRequest", UpdateModel: "WrapupCodeRequest",
			Audit: Audit{"Routing", "WrapupCode"}, Permission: "routing:wrapupCode", Archy: []string{"wrapupCode"},
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"wrapup_codes", "*wrapup_code*"}, DependsOn: []string{Division},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Wrap-up code name."},
				{Attr: "division_id", JSON: "division.id", Type: String, Mode: OptionalComputed, Ref: Division,
					Description: "The division the wrap-up code belongs to. When not set, the org decides (the home division, " +
						"or `*` for all divisions) and the value is left unmanaged."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Wrap-up code description."},
			},
		},
		{
			Name: SkillGroup, Resource: "genesyscloud_routing_skill_group", DataSource: "genesyscloud_routing_skill_group",
			Sharing: Vocabulary, SharedHome: "shared-skills", HasDescription: true,
			Noun:  "skill group",
			API:   API{Collection: "/api/v2/routing/skillgroups", Paging: Cursor, NameFilter: "name", Update: "PATCH"},
			Model: "SkillGroupWithMemberDivisions", CreateModel: "SkillGroupWithMemberDivisions", UpdateModel: "SkillGroup",
			Audit: Audit{"Routing", "SkillGroup"}, Permission: "routing:skillGroup", Unmanaged: true,
			IDAttributes: []string{"skill_group_id", "skill_groups"}, DependsOn: []string{Skill, Language, Division},
		},
		{
			Name: Queue, Resource: "genesyscloud_routing_queue", DataSource: "genesyscloud_routing_queue", Noun: "queue",
			HasDescription: true,
			API:            API{Collection: "/api/v2/routing/queues", MaxPageSize: 500, NameFilter: "name", Update: "PUT", DeleteQuery: "forceDelete=true"},
			Model:          "Queue", CreateModel: "CreateQueueRequest", UpdateModel: "QueueRequest",
			Audit: Audit{"Routing", "Queue"}, Permission: "routing:queue", Archy: []string{"queue"}, BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"queue_id", "*_queue_id", "queue_ids"},
			DependsOn:    []string{Division, Skill, Language, WrapupCode, SkillGroup, Group, User, Flow, Schedule},
		},
		{
			Name: UtilizationLabel, Resource: "genesyscloud_routing_utilization_label", DataSource: "genesyscloud_routing_utilization_label",
			Noun: "utilization label",
			API: API{Collection: "/api/v2/routing/utilization/labels", MaxPageSize: 100, NameFilter: "name", Update: "PUT",
				DeleteQuery: "forceDelete=true"},
			Model: "UtilizationLabel", CreateModel: "CreateUtilizationLabelRequest", UpdateModel: "UpdateUtilizationLabelRequest",
			Audit: Audit{"Routing", "UtilizationLabel"}, Permission: "routing:utilization",
			Actions:  map[string]string{"GET": "view", "POST": "manage", "PUT": "manage", "DELETE": "manage"},
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"label_id", "label_ids", "utilization_label_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, MaxLength: 100, Description: "Label name."},
			},
		},
		{
			Name: User, Resource: "genesyscloud_user", DataSource: "genesyscloud_user", Noun: "user",
			Sharing: People,
			// The API answers a user's routing skills, languages and locations only when asked
			// to expand them, on a read of one user and on listings alike.
			API: API{Collection: "/api/v2/users", MaxPageSize: 500, Update: "PATCH", Version: IntVersion,
				ReadQuery: "expand=skills,languages,locations"},
			Model: "User", CreateModel: "CreateUser", UpdateModel: "UpdateUser",
			Audit: Audit{"Directory", "User"}, Permission: "directory:user", NameKey: "email", Archy: []string{"user"},
			BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"user_id", "member_ids", "owner_ids", "manager"},
			DependsOn:    []string{Division, Skill, Language},
		},
		{
			Name: Group, Resource: "genesyscloud_group", DataSource: "genesyscloud_group", Noun: "group",
			Sharing: People, HasDescription: true,
			API:   API{Collection: "/api/v2/groups", MaxPageSize: 500, Update: "PUT", Version: IntVersion},
			Model: "Group", CreateModel: "GroupCreate", UpdateModel: "GroupUpdate",
			Audit: Audit{"Directory", "Group"}, Permission: "directory:group", Archy: []string{"group"}, BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"group_id", "group_ids"}, DependsOn: []string{User},
		},
		{
			Name: Schedule, Resource: "genesyscloud_architect_schedules", DataSource: "genesyscloud_architect_schedules",
			Sharing: Vocabulary, SharedHome: "shared-schedules",
			Noun: "schedule",
			API: API{Collection: "/api/v2/architect/schedules", NameFilter: "name", Update: "PUT", Version: IntVersion,
				DeleteWaitsForReferrers: true, List: architectListing()},
			Model: "Schedule", Audit: Audit{"Architect", "Schedule"}, Permission: "routing:schedule",
			Archy: []string{"schedule"}, BulkRead: true, Unmanaged: true, IDAttributes: []string{"schedule_id", "*schedules_id"},
			DependsOn: []string{Division},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the schedule."},
				{Attr: "division_id", JSON: "division.id", Type: String, Mode: OptionalComputed, Ref: Division,
					Description: "The division the schedule belongs to. When not set, the home division is used and the value is left unmanaged."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Description of the schedule."},
				{Attr: "start", JSON: "start", Type: String, Mode: Required, Format: LocalDateTime,
					Description: "Date-time the schedule starts, local to the schedule group's time zone, ISO-8601 without a zone: `2021-08-04T08:00:00.000000`."},
				{Attr: "end", JSON: "end", Type: String, Mode: Required, Format: LocalDateTime, NotBefore: "start",
					Description: "Date-time the schedule ends (of the first occurrence when `rrule` is set), in the same form as `start`."},
				{Attr: "rrule", JSON: "rrule", Type: String, Mode: Optional, Format: RRule,
					Description: "An iCal recurrence rule (RRULE), e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`."},
			},
		},
		{
			Name: ScheduleGroup, Resource: "genesyscloud_architect_schedulegroups", DataSource: "genesyscloud_architect_schedulegroups",
			Sharing: WithItsParts, SharedHome: "shared-schedules",
			Noun: "schedule group",
			API: API{Collection: "/api/v2/architect/schedulegroups", NameFilter: "name", Update: "PUT", Version: IntVersion,
				// scheduleIds keeps the groups that use any of the schedules, in any of the three lists.
				List: architectListing(ListFilter{Param: "scheduleIds",
					JSON: []string{"openSchedules[].id", "closedSchedules[].id", "holidaySchedules[].id"}})},
			Model: "ScheduleGroup", Audit: Audit{"Architect", "ScheduleGroup"}, Permission: "routing:scheduleGroup",
			Archy: []string{"scheduleGroup"}, BulkRead: true, Unmanaged: true, IDAttributes: []string{"schedule_group_id", "*schedule_group_id"},
			DependsOn: []string{Division, Schedule},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the schedule group."},
				divisionField("schedule group"),
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Description of the schedule group."},
				{Attr: "time_zone", JSON: "timeZone", Type: String, Mode: Optional, Format: TimeZone,
					Description: "IANA time zone of the schedules, e.g. `America/Indianapolis`."},
				{Attr: "open_schedules_id", JSON: "openSchedules[].id", Type: StringSet, Mode: Required, MinItems: 1, Ref: Schedule,
					Description: "IDs of the schedules that define when the group is open."},
				{Attr: "closed_schedules_id", JSON: "closedSchedules[].id", Type: StringSet, Mode: Optional, Ref: Schedule,
					Description: "IDs of the schedules that define when the group is closed."},
				{Attr: "holiday_schedules_id", JSON: "holidaySchedules[].id", Type: StringSet, Mode: Optional, Ref: Schedule,
					Description: "IDs of the schedules that define holidays."},
			},
		},
		{
			Name: IVR, Resource: "genesyscloud_architect_ivr", DataSource: "genesyscloud_architect_ivr", Noun: "IVR",
			API: API{Collection: "/api/v2/architect/ivrs", NameFilter: "name", Update: "PUT", Version: IntVersion,
				List: architectListing(ListFilter{Param: "dnis", JSON: []string{"dnis"}},
					ListFilter{Param: "scheduleGroup", JSON: []string{"scheduleGroup.id"}})},
			Model: "IVR", Audit: Audit{"Architect", "IVR"}, Permission: "routing:callRoute", BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"ivr_id", "ivr_ids"},
			DependsOn:    []string{Division, Flow, ScheduleGroup, DIDPool},
			// The API could rename an IVR in place, but the official provider replaces it on a
			// rename (ForceNew), and configurations and pipelines written for it expect that.
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, ForceNew: true,
					Description: "Name of the IVR configuration. Changing it replaces the IVR (a new id), as the official provider does; " +
						"flows that refer to the old one by id need the new one."},
				divisionField("IVR configuration"),
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Description of the IVR configuration."},
				{Attr: "dnis", JSON: "dnis", Type: StringSet, Mode: Optional, Format: E164, MaxAddsPerWrite: 50,
					UniqueValue: true, Within: DIDPool,
					Description: "The phone numbers (E.164, e.g. `+13175550100`) that reach this IVR; each must lie in a DID pool. " +
						"Any number of them: more than 50 are written in chunks of 50."},
				{Attr: "open_hours_flow_id", JSON: "openHoursFlow.id", Type: String, Mode: Optional, Ref: Flow,
					Description: "ID of the inbound call flow that answers during open hours."},
				{Attr: "closed_hours_flow_id", JSON: "closedHoursFlow.id", Type: String, Mode: Optional, Ref: Flow,
					Description: "ID of the inbound call flow that answers during closed hours."},
				{Attr: "holiday_hours_flow_id", JSON: "holidayHoursFlow.id", Type: String, Mode: Optional, Ref: Flow,
					Description: "ID of the inbound call flow that answers during holidays."},
				{Attr: "schedule_group_id", JSON: "scheduleGroup.id", Type: String, Mode: Optional, Ref: ScheduleGroup,
					Description: "ID of the schedule group that decides between open, closed and holiday hours."},
			},
		},
		{
			Name: EmergencyGroup, Resource: "genesyscloud_architect_emergencygroup", DataSource: "genesyscloud_architect_emergencygroup",
			Noun:  "emergency group",
			API:   API{Collection: "/api/v2/architect/emergencygroups", NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "EmergencyGroup", Audit: Audit{"Architect", "EmergencyGroup"}, Permission: "routing:emergencyGroup",
			Archy: []string{"emergencyGroup"}, BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"emergency_group_id"}, DependsOn: []string{Division, Flow, IVR},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the emergency group."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Description of the emergency group."},
				divisionField("emergency group"),
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Default: false,
					Description: "The state of the emergency group: when enabled, calls go to its emergency call flows."},
				{Attr: "emergency_call_flows", JSON: "emergencyCallFlows", Type: Block, Mode: Optional,
					Description: "The emergency call flows of this group.",
					Nested: []Field{
						{Attr: "emergency_flow_id", JSON: "emergencyFlow.id", Type: String, Mode: Required, Ref: Flow,
							Description: "The ID of the emergency call flow."},
						{Attr: "ivr_ids", JSON: "ivrs[].id", Type: StringSet, Mode: Required, Ref: IVR,
							Description: "The IDs of the IVRs (call routes) whose calls go to the flow."},
					}},
			},
		},
		{
			Name: Grammar, Resource: "genesyscloud_architect_grammar", DataSource: "genesyscloud_architect_grammar",
			Noun:  "grammar",
			API:   API{Collection: "/api/v2/architect/grammars", NameFilter: "name", Update: "PATCH"},
			Model: "Grammar", Audit: Audit{"Architect", "Grammar"}, Permission: "architect:grammar",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"grammar_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the grammar."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Description of the grammar."},
			},
		},
		{
			Name: Flow, Resource: "genesyscloud_flow", DataSource: "genesyscloud_flow", Noun: "flow",
			API:   API{Collection: "/api/v2/flows", NameFilter: "name"},
			Model: "Flow", Audit: Audit{"Architect", "Flow"}, Permission: "architect:flow",
			Archy: []string{"flow", "commonModule"}, Unmanaged: true, IDAttributes: []string{"flow_id", "*_flow_id"},
			DependsOn: []string{Division, Queue, Skill, Language, WrapupCode, ScheduleGroup, Schedule, EmergencyGroup,
				IntegrationAction, Integration, User, Group},
		},
		{
			Name: DIDPool, Resource: "genesyscloud_telephony_providers_edges_did_pool",
			DataSource: "genesyscloud_telephony_providers_edges_did_pool", Noun: "DID pool", Names: NoName,
			Summary: "Genesys Cloud DID pool: a range of phone numbers that IVRs and users can be given.",
			// A pool has no name of its own (the org names it after its first number), so its
			// first number tells pools apart; its data source finds it by both numbers and is
			// hand-written, as is the local org's handler (ranges must not overlap).
			FoundBy: "start_phone_number", Unmanaged: true,
			// DELETE answers 409 while an IVR still uses a number of the pool.
			API: API{Collection: "/api/v2/telephony/providers/edges/didpools", Update: "PUT", Version: IntVersion,
				DeleteWaitsForReferrers: true},
			Model: "DIDPool", Audit: Audit{"Telephony", "DIDPool"}, Permission: "telephony:plugin", BulkRead: true,
			Actions: map[string]string{"GET": "view", "POST": "all", "PUT": "all", "DELETE": "all"},
			Fields: []Field{
				{Attr: "start_phone_number", JSON: "startPhoneNumber", Type: String, Mode: Required, Format: E164,
					Description: "First number of the range, E.164 (e.g. `+13175550000`)."},
				{Attr: "end_phone_number", JSON: "endPhoneNumber", Type: String, Mode: Required, Format: E164,
					Description: "Last number of the range, E.164, with as many digits as `start_phone_number`."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Description of the pool."},
				{Attr: "comments", JSON: "comments", Type: String, Mode: Optional, Description: "Comments on the pool."},
				{Attr: "pool_provider", JSON: "provider", Type: String, Mode: OptionalComputed,
					Enum:        []string{"PURE_CLOUD", "PURE_CLOUD_VOICE"},
					Description: "Provider of the numbers: `PURE_CLOUD` or `PURE_CLOUD_VOICE`. When not set, the org decides and the value is left unmanaged."},
			},
		},
		{
			Name: Integration, Resource: "genesyscloud_integration", DataSource: "genesyscloud_integration", Noun: "integration",
			API:   API{Collection: "/api/v2/integrations", Update: "PATCH"},
			Model: "Integration", CreateModel: "CreateIntegrationRequest",
			Audit: Audit{"Integrations", "Integration"}, Permission: "integrations:integration",
			Archy: []string{"integration"}, Unmanaged: true, IDAttributes: []string{"integration_id"},
		},
		{
			Name: IntegrationAction, Resource: "genesyscloud_integration_action", DataSource: "genesyscloud_integration_action",
			Noun:  "data action",
			API:   API{Collection: "/api/v2/integrations/actions", Update: "PATCH", Version: IntVersion},
			Model: "Action", CreateModel: "PostActionInput", UpdateModel: "UpdateActionInput",
			Audit: Audit{"Integrations", "Action"}, Permission: "integrations:action",
			Archy: []string{"dataAction"}, Unmanaged: true, IDAttributes: []string{"action_id", "data_action_id"},
			DependsOn: []string{Integration},
			// An integration's custom auth action is listed with the data actions but is made
			// by the org with its integration (catalogue_integrations.go).
			Builtin: IsCustomAuthAction,
		},
		{
			Name: ResponseLibrary, Resource: "genesyscloud_responsemanagement_library",
			DataSource: "genesyscloud_responsemanagement_library", Noun: "response library",
			API:   API{Collection: "/api/v2/responsemanagement/libraries", Update: "PUT", Version: IntVersion},
			Model: "Library", Audit: Audit{"ResponseManagement", "Library"}, Permission: "responses:library",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"library_id", "library_ids"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Library name."},
			},
		},
	}
}
