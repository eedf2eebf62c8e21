package host

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Kinds of stored objects the hand-written API groups keep (divisions, which every entity
// is placed in, are entity.KindDivision). They live below every API group because the
// groups refer to each other's objects: queues to skills, flows to queues, grants to
// roles. Child kinds use Object.Parent for the owner's id.
const (
	KindOrganization    store.Kind = "organization"
	KindRole            store.Kind = "authorization.role"
	KindSkill           store.Kind = "routing.skill"
	KindLanguage        store.Kind = "routing.language"
	KindWrapupCode      store.Kind = "routing.wrapupcode"
	KindSkillGroup      store.Kind = "routing.skillgroup"
	KindSkillGroupDivs  store.Kind = "routing.skillgroup.memberdivisions" // Parent = ID = skill group id; Data = [division id]
	KindQueue           store.Kind = "routing.queue"
	KindQueueMember     store.Kind = "routing.queue.member"     // Parent = queue id, ID = queue id + "/" + user id
	KindQueueWrapupCode store.Kind = "routing.queue.wrapupcode" // Parent = queue id, ID = queue id + "/" + code id
	KindGroup           store.Kind = "group"
	KindGroupMember     store.Kind = "group.member" // Parent = group id, ID = group id + "/" + user id
	KindUser            store.Kind = "user"
	KindUserSkill       store.Kind = "user.routingskill"    // Parent = user id, ID = user id + "/" + skill id
	KindUserLanguage    store.Kind = "user.routinglanguage" // Parent = user id, ID = user id + "/" + language id
	KindSubjectGrant    store.Kind = "authorization.grant"  // Parent = subject id, ID = subject/role/division

	// Architect, telephony and integrations.
	KindSchedule          store.Kind = "architect.schedule"
	KindScheduleGroup     store.Kind = "architect.schedulegroup"
	KindIVR               store.Kind = "architect.ivr"
	KindDIDPool           store.Kind = "telephony.didpool"
	KindIntegration       store.Kind = "integration"
	KindIntegrationConfig store.Kind = "integration.config"       // Parent = ID = integration id
	KindAction            store.Kind = "integration.action"       // Parent = integration id
	KindActionDraft       store.Kind = "integration.action.draft" // Parent = integration id, ID = the action's id

	// Architect flows (architect/flows.go, architect/flow_jobs.go). Versions and their content
	// are children of the flow; content holds the uploaded YAML and the consumed resources.
	KindFlow          store.Kind = "architect.flow"
	KindFlowVersion   store.Kind = "architect.flow.version"   // Parent = flow id, ID = flow id + "/" + version id; Data = FlowVersion
	KindFlowContent   store.Kind = "architect.flow.content"   // Parent = flow id, ID = flow id + "/" + version id; Data = flowContent
	KindFlowJob       store.Kind = "architect.flow.job"       // Data = flowJob (state + the client that registered it)
	KindFlowExportJob store.Kind = "architect.flow.exportjob" // Data = flowExportJob
	KindFlowLogLevel  store.Kind = "architect.flow.loglevel"  // ID = the flow's id; Data = FlowSettingsResponse

	// Data tables (their rows are a child kind of the generic entity), which flows use.
	KindDataTable store.Kind = "architect.datatable"

	// Presence definitions (directory), which the generic entity also writes.
	KindPresenceDefinition store.Kind = "presence.definition"

	// Scripts (scripts), which authorization moves between divisions.
	KindScript store.Kind = kinds.Script
)

// AllDivisions is the division id of a grant that applies in every division.
const AllDivisions = "*"
