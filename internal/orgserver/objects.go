package orgserver

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Kinds of stored objects the hand-written API groups keep (divisions, which every entity
// is placed in, are entity.KindDivision). Child kinds use Object.Parent for the owner's id.
const (
	kindOrganization    store.Kind = "organization"
	kindRole            store.Kind = "authorization.role"
	kindSkill           store.Kind = "routing.skill"
	kindLanguage        store.Kind = "routing.language"
	kindWrapupCode      store.Kind = "routing.wrapupcode"
	kindSkillGroup      store.Kind = "routing.skillgroup"
	kindSkillGroupDivs  store.Kind = "routing.skillgroup.memberdivisions" // Parent = ID = skill group id; Data = [division id]
	kindQueue           store.Kind = "routing.queue"
	kindQueueMember     store.Kind = "routing.queue.member"     // Parent = queue id, ID = queue id + "/" + user id
	kindQueueWrapupCode store.Kind = "routing.queue.wrapupcode" // Parent = queue id, ID = queue id + "/" + code id
	kindGroup           store.Kind = "group"
	kindGroupMember     store.Kind = "group.member" // Parent = group id, ID = group id + "/" + user id
	kindUser            store.Kind = "user"
	kindUserSkill       store.Kind = "user.routingskill"    // Parent = user id, ID = user id + "/" + skill id
	kindUserLanguage    store.Kind = "user.routinglanguage" // Parent = user id, ID = user id + "/" + language id
	kindSubjectGrant    store.Kind = "authorization.grant"  // Parent = subject id, ID = subject/role/division

	// Architect, telephony and integrations.
	kindSchedule          store.Kind = "architect.schedule"
	kindScheduleGroup     store.Kind = "architect.schedulegroup"
	kindIVR               store.Kind = "architect.ivr"
	kindDIDPool           store.Kind = "telephony.didpool"
	kindIntegration       store.Kind = "integration"
	kindIntegrationConfig store.Kind = "integration.config"       // Parent = ID = integration id
	kindAction            store.Kind = "integration.action"       // Parent = integration id
	kindActionDraft       store.Kind = "integration.action.draft" // Parent = integration id, ID = the action's id

	// Architect flows (architect_flows.go, architect_flow_jobs.go). Versions and their content
	// are children of the flow; content holds the uploaded YAML and the consumed resources.
	kindFlow          store.Kind = "architect.flow"
	kindFlowVersion   store.Kind = "architect.flow.version"   // Parent = flow id, ID = flow id + "/" + version id; Data = FlowVersion
	kindFlowContent   store.Kind = "architect.flow.content"   // Parent = flow id, ID = flow id + "/" + version id; Data = flowContent
	kindFlowJob       store.Kind = "architect.flow.job"       // Data = flowJob (state + the client that registered it)
	kindFlowExportJob store.Kind = "architect.flow.exportjob" // Data = flowExportJob
)

// lookup returns an object visible to the caller's org, or a 404 API error. Objects
// still inside the injected read-after-write lag are not visible yet. An object of a
// division the caller does not hold the route's permission in is not found to a read, as
// on a real org, and refused (403 naming the permission) to a write.
func (s *Server) lookup(r *http.Request, kind store.Kind, id string) (*store.Object, error) {
	o := s.store.Get(apihttp.PrincipalOf(r.Context()).OrgID, kind, id)
	if o == nil || s.faults.hidden(o.Created) {
		return nil, apihttp.NotFound()
	}
	if !canSee(r, o) {
		if r.Method == http.MethodGet {
			return nil, apihttp.NotFound()
		}
		return nil, apihttp.MissingPermission(apihttp.PrincipalOf(r.Context()).Access.Permission)
	}
	return o, nil
}

// decodeObject unmarshals a stored object into v.
func decodeObject(o *store.Object, v any) error { return json.Unmarshal(o.Data, v) }

// datas returns the stored JSON of objects, in order.
func datas(objs []*store.Object) [][]byte {
	out := make([][]byte, len(objs))
	for i, o := range objs {
		out[i] = o.Data
	}
	return out
}

// checkEnum validates an optional enum field.
func checkEnum(field string, v *string, allowed ...string) error {
	if v == nil {
		return nil
	}
	for _, a := range allowed {
		if *v == a {
			return nil
		}
	}
	return apihttp.InvalidValue(field, *v, allowed)
}

// boolParam reads an optional boolean query parameter.
func boolParam(r *http.Request, key string) (bool, error) {
	v := r.URL.Query().Get(key)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, apihttp.BadRequest("The query parameter [%s] must be true or false, not [%s].", key, v)
	}
	return b, nil
}

// noContent answers a void operation.
func noContent(w http.ResponseWriter) error {
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// ptr is the address of a copy of v, for the API models' optional fields.
func ptr[T any](v T) *T { return &v }
