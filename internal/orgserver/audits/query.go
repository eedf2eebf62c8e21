package audits

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/platform"
)

// Audits: the realtime query over the org's audit log (every group writes it through
// audit.Record) and the service mapping that says which services, entity types and
// actions the local org emits.
// Queries are reads, so they need audits:audit:view although they are POSTs. Results are
// newest first unless the request sorts Timestamp ascending.
func (s *api) auditRoutes() {
	s.Route("POST /api/v2/audits/query/realtime", "audits:audit:view", s.queryAuditsRealtime)
	s.Route("GET /api/v2/audits/query/servicemapping", "audits:audit:view", s.auditServiceMapping)
	s.Route("GET /api/v2/audits/query/realtime/servicemapping", "audits:audit:view", s.auditServiceMapping)
}

const maxAuditPageSize = 500

// auditFields are the parts of an AuditLogMessage a query filters and sorts on.
type auditFields struct {
	EventDate   string `json:"eventDate"`
	ServiceName string `json:"serviceName"`
	Action      string `json:"action"`
	EntityType  string `json:"entityType"`
	Entity      struct {
		ID string `json:"id"`
	} `json:"entity"`
	Client struct {
		ID string `json:"id"`
	} `json:"client"`
	User struct {
		ID string `json:"id"`
	} `json:"user"`
}

func errInvalidDate(field, value string) *apihttp.Error {
	return &apihttp.Error{Status: http.StatusBadRequest, Code: "invalid.date",
		Message: "Dates must be specified as ISO-8601 strings. For example: yyyy-MM-ddTHH:mm:ss.SSSZ (field [" + field + "], value [" + value + "])"}
}

// parseInterval reads an ISO-8601 interval "start/end".
func parseInterval(v string) (start, end time.Time, err error) {
	a, b, ok := strings.Cut(v, "/")
	if !ok {
		return start, end, errInvalidDate("interval", v)
	}
	if start, err = time.Parse(time.RFC3339Nano, a); err != nil {
		return start, end, errInvalidDate("interval", v)
	}
	if end, err = time.Parse(time.RFC3339Nano, b); err != nil {
		return start, end, errInvalidDate("interval", v)
	}
	if !end.After(start) {
		return start, end, apihttp.BadRequest("The field [interval] must end after it starts, not [%s].", v)
	}
	return start, end, nil
}

// auditFilter is one validated AuditQueryFilter.
type auditFilter struct{ property, value string }

func (f auditFilter) match(m *auditFields) bool {
	switch f.property {
	case "UserId":
		return m.User.ID == f.value
	case "ClientId":
		return m.Client.ID == f.value
	case "Action":
		return strings.EqualFold(m.Action, f.value)
	case "EntityType":
		return strings.EqualFold(m.EntityType, f.value)
	case "EntityId":
		return m.Entity.ID == f.value
	}
	return false // TrusteeOrganizationId: the local org has no trustees
}

// auditRealtimeResults is AuditRealtimeQueryResultsResponse with the stored messages raw.
type auditRealtimeResults struct {
	Entities   []json.RawMessage `json:"entities"`
	PageSize   int               `json:"pageSize"`
	PageNumber int               `json:"pageNumber"`
	Total      int               `json:"total"`
	PageCount  int               `json:"pageCount"`
}

func (s *api) queryAuditsRealtime(w http.ResponseWriter, r *http.Request) error {
	var in platform.AuditRealtimeQueryRequest
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if host.Deref(in.Interval) == "" {
		return apihttp.Required("interval")
	}
	start, end, err := parseInterval(*in.Interval)
	if err != nil {
		return err
	}
	var filters []auditFilter
	for _, f := range in.Filters {
		if f.Property == nil {
			return apihttp.Required("filters.property")
		}
		if err := host.CheckEnum("filters.property", f.Property, "UserId", "TrusteeOrganizationId", "ClientId", "Action", "EntityType", "EntityId"); err != nil {
			return err
		}
		if host.Deref(f.Value) == "" {
			return apihttp.Required("filters.value")
		}
		filters = append(filters, auditFilter{*f.Property, *f.Value})
	}
	descending := true
	for _, so := range in.Sort {
		if err := host.CheckEnum("sort.name", so.Name, "Timestamp"); err != nil {
			return err
		}
		if so.SortOrder == nil {
			return apihttp.Required("sort.sortOrder")
		}
		if err := host.CheckEnum("sort.sortOrder", so.SortOrder, "ascending", "descending"); err != nil {
			return err
		}
		descending = *so.SortOrder == "descending"
	}
	size, number := 25, 1
	if in.PageSize != nil {
		if *in.PageSize < 1 || *in.PageSize > maxAuditPageSize {
			return apihttp.BadRequest("The field [pageSize] must be a whole number from 1 to %d, not [%d].", maxAuditPageSize, *in.PageSize)
		}
		size = *in.PageSize
	}
	if in.PageNumber != nil {
		if *in.PageNumber < 1 {
			return apihttp.BadRequest("The field [pageNumber] must be a positive whole number, not [%d].", *in.PageNumber)
		}
		number = *in.PageNumber
	}
	var hits []json.RawMessage
	for _, raw := range s.Store.AuditLog(apihttp.PrincipalOf(r.Context()).OrgID) {
		var m auditFields
		if json.Unmarshal(raw, &m) != nil {
			continue
		}
		at, err := time.Parse(time.RFC3339Nano, m.EventDate)
		if err != nil || at.Before(start) || !at.Before(end) {
			continue
		}
		if in.ServiceName != nil && *in.ServiceName != "" && !strings.EqualFold(m.ServiceName, *in.ServiceName) {
			continue
		}
		if !slices.ContainsFunc(filters, func(f auditFilter) bool { return !f.match(&m) }) {
			hits = append(hits, raw)
		}
	}
	// The log is oldest first; several writes can share a millisecond, so order by position.
	if descending {
		slices.Reverse(hits)
	}
	out := auditRealtimeResults{Entities: []json.RawMessage{}, PageSize: size, PageNumber: number, Total: len(hits)}
	out.PageCount = (len(hits) + size - 1) / size
	if from, to := apihttp.PageWindow(len(hits), number, size); from < to {
		out.Entities = hits[from:to]
	}
	return apihttp.OK(w, out)
}

// auditServices is what the local org's API groups emit: service → entity type → actions.
func auditServices() map[string]map[string][]string {
	crud := []string{"Create", "Update", "Delete"}
	members := []string{"Create", "Update", "Delete", "MemberAdd", "MemberRemove", "MemberUpdate"}
	return map[string]map[string][]string{
		"Routing": {"Skill": crud, "Language": {"Create", "Delete"}, "WrapupCode": crud, "SkillGroup": members, "Queue": members},
		"Directory": {"User": crud, "Group": {"Create", "Update", "Delete", "MemberAdd", "MemberRemove"},
			"AuthOrganization": {"Update"}},
		"PeoplePermissions": {"Division": crud, "Role": crud, "User": {"Update"}, "Group": {"Update"}, "OAuthClient": {"Update"}},
		"Architect": {"Flow": {"Create", "Update", "Delete", "Publish", "Checkin", "Checkout", "Revert"},
			"Schedule": crud, "ScheduleGroup": crud, "IVR": crud},
		"Telephony":    {"DID": crud, "DIDPool": crud, "ExtensionPool": crud},
		"Integrations": {"Integration": crud, "Action": crud, "ActionDraft": {"Create", "Update", "Delete", "Publish"}, "Credential": crud},
	}
}

// auditServiceMapping lists the services, entity types and actions: the built-in list
// plus anything the org's log holds, so it stays true as API groups grow.
func (s *api) auditServiceMapping(w http.ResponseWriter, r *http.Request) error {
	services := auditServices()
	for _, raw := range s.Store.AuditLog(apihttp.PrincipalOf(r.Context()).OrgID) {
		var m auditFields
		if json.Unmarshal(raw, &m) != nil || m.ServiceName == "" || m.EntityType == "" {
			continue
		}
		if services[m.ServiceName] == nil {
			services[m.ServiceName] = map[string][]string{}
		}
		if acts := services[m.ServiceName][m.EntityType]; !slices.Contains(acts, m.Action) {
			services[m.ServiceName][m.EntityType] = append(acts, m.Action)
		}
	}
	type auditEntity struct {
		Name    string   `json:"name"`
		Actions []string `json:"actions"`
	}
	type service struct {
		Name     string        `json:"name"`
		Entities []auditEntity `json:"entities"`
	}
	out := struct {
		Services []service `json:"services"`
	}{Services: []service{}}
	for name, ents := range services {
		sv := service{Name: name, Entities: []auditEntity{}}
		for en, acts := range ents {
			acts = slices.Clone(acts)
			sort.Strings(acts)
			sv.Entities = append(sv.Entities, auditEntity{Name: en, Actions: acts})
		}
		sort.Slice(sv.Entities, func(i, j int) bool { return sv.Entities[i].Name < sv.Entities[j].Name })
		out.Services = append(out.Services, sv)
	}
	sort.Slice(out.Services, func(i, j int) bool { return out.Services[i].Name < out.Services[j].Name })
	return apihttp.OK(w, out)
}
