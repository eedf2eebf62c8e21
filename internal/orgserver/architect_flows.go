package orgserver

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
	"gopkg.in/yaml.v3"
)

// Architect flows. Flow content arrives through the Archy-style job protocol
// (architect_flow_jobs.go); here are the flow entities, their versions and the lock.
//
// Choices where the real API is not documented precisely:
//   - a flow is unique by (name, type); DELETE is a soft delete (deleted:true, readable with
//     ?deleted=true, 404 otherwise) refused with 409 while an IVR or another flow's published
//     version uses the flow, or while another client holds the lock;
//   - the lock belongs to an OAuth client (lockedClient); checkout takes it, checkin, revert
//     and unlock release it; PUT /flows/{id} needs the caller to hold it;
//   - /versions/{v}/configuration and /latestconfiguration return the uploaded YAML
//     converted to a JSON object as written (not canonicalised), e.g. {"inboundCall":{…}};
//     export returns the YAML bytes themselves.
func (s *Server) flowRoutes() {
	s.route("GET /api/v2/flows", "architect:flow:view", s.listFlows)
	s.route("POST /api/v2/flows", "architect:flow:add", s.createFlow)
	s.route("GET /api/v2/flows/{id}", "architect:flow:view", s.getFlow)
	s.route("PUT /api/v2/flows/{id}", "architect:flow:edit", s.putFlow)
	s.route("DELETE /api/v2/flows/{id}", "architect:flow:delete", s.deleteFlow)
	s.route("GET /api/v2/flows/{id}/versions", "architect:flow:view", s.listFlowVersions)
	s.route("GET /api/v2/flows/{id}/versions/{version}", "architect:flow:view", s.getFlowVersion)
	s.route("GET /api/v2/flows/{id}/versions/{version}/configuration", "architect:flow:view", s.getFlowConfiguration)
	s.route("GET /api/v2/flows/{id}/latestconfiguration", "architect:flow:view", s.getFlowConfiguration)
	s.route("POST /api/v2/flows/actions/{action}", "architect:flow:edit", s.flowAction)
	s.flowLogLevelRoutes() // architect_flow_loglevels.go
	s.dataTableRoutes()    // architect_datatables.go
	s.promptRoutes()       // architect_prompts.go
	s.flowJobRoutes()
}

func flowSelfURI(id string) string { return "/api/v2/flows/" + id }

func clientRef(p apihttp.Principal) *platform.DomainEntityRef {
	return &platform.DomainEntityRef{ID: ptr(p.ClientID), Name: ptr(p.ClientName), SelfURI: ptr("/api/v2/oauth/clients/" + p.ClientID)}
}

// lockedByOther reports whether someone other than p holds the flow's lock.
func lockedByOther(f *platform.Flow, p apihttp.Principal) bool {
	return f.LockedClient != nil && deref(f.LockedClient.ID) != p.ClientID
}

// visibleFlow reads a flow for a GET: deleted flows are found only with ?deleted=true.
func (s *Server) visibleFlow(r *http.Request) (*store.Object, *platform.Flow, error) {
	o, err := s.lookup(r, kindFlow, r.PathValue("id"))
	if err != nil {
		return nil, nil, err
	}
	var f platform.Flow
	if err := decodeObject(o, &f); err != nil {
		return nil, nil, err
	}
	withDeleted, err := boolParam(r, "deleted")
	if err != nil {
		return nil, nil, err
	}
	if deref(f.Deleted) && !withDeleted {
		return nil, nil, apihttp.NotFound()
	}
	return o, &f, nil
}

// findFlow returns the flow that is not deleted with this name (any case) and API type.
func findFlow(tx *store.Tx, name, apiType string) (*store.Object, *platform.Flow) {
	for _, o := range tx.List(kindFlow, "") {
		if !strings.EqualFold(o.Name, name) {
			continue
		}
		var f platform.Flow
		if decodeObject(o, &f) == nil && !deref(f.Deleted) && deref(f.Type) == apiType {
			return o, &f
		}
	}
	return nil, nil
}

// apiFlowType validates a flow type in any case and returns the API spelling.
func apiFlowType(field, v string) (string, error) {
	if t := archy.FlowTypeFromAPI(v); t != "" {
		return archy.APIType(t), nil
	}
	allowed := make([]string, 0, len(archy.FlowTypes()))
	for _, t := range archy.FlowTypes() {
		allowed = append(allowed, strings.ToLower(archy.APIType(t)))
	}
	return "", apihttp.InvalidValue(field, v, allowed)
}

func (s *Server) listFlows(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	types := map[string]bool{}
	for _, t := range apihttp.MultiParam(r, "type") {
		at, err := apiFlowType("type", t)
		if err != nil {
			return err
		}
		types[at] = true
	}
	withDeleted, err := boolParam(r, "deleted")
	if err != nil {
		return err
	}
	sortBy := qs.Get("sortBy")
	if sortBy != "" && sortBy != "id" && sortBy != "name" {
		return apihttp.InvalidValue("sortBy", sortBy, []string{"id", "name"})
	}
	desc, err := sortDescending(r)
	if err != nil {
		return err
	}
	ids, divs := setOf(apihttp.MultiParam(r, "id")), setOf(apihttp.MultiParam(r, "divisionId"))
	name, description, nameOrDesc := qs.Get("name"), qs.Get("description"), qs.Get("nameOrDescription")
	lockedBy := qs.Get("lockedByClientId")
	objs := s.listVisible(r, kindFlow)
	if sortBy != "name" { // the API's default order is by id
		slices.SortFunc(objs, func(a, b *store.Object) int { return strings.Compare(a.ID, b.ID) })
	}
	var items [][]byte
	for _, o := range objs {
		var f platform.Flow
		if decodeObject(o, &f) != nil {
			continue
		}
		switch {
		case deref(f.Deleted) && !withDeleted,
			len(types) > 0 && !types[deref(f.Type)],
			len(ids) > 0 && !ids[o.ID],
			len(divs) > 0 && (f.Division == nil || !divs[deref(f.Division.ID)]),
			!apihttp.NameMatches(name, o.Name, false),
			description != "" && !apihttp.NameMatches(description, deref(f.Description), false),
			nameOrDesc != "" && !apihttp.NameMatches(nameOrDesc, o.Name, false) && !apihttp.NameMatches(nameOrDesc, deref(f.Description), false),
			lockedBy != "" && (f.LockedClient == nil || deref(f.LockedClient.ID) != lockedBy):
			continue
		}
		items = append(items, o.Data)
	}
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}

func (s *Server) getFlow(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.visibleFlow(r)
	if err != nil {
		return err
	}
	apihttp.WriteRaw(w, http.StatusOK, o.Data)
	return nil
}

// createFlow is POST /api/v2/flows: an empty flow (no version yet) of a name and type.
func (s *Server) createFlow(w http.ResponseWriter, r *http.Request) error {
	var in platform.Flow
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	name := strings.TrimSpace(deref(in.Name))
	if name == "" {
		return apihttp.Required("name")
	}
	if deref(in.Type) == "" {
		return apihttp.Required("type")
	}
	apiType, err := apiFlowType("type", *in.Type)
	if err != nil {
		return err
	}
	return s.commitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		if o, _ := findFlow(tx, name, apiType); o != nil {
			return nil, apihttp.Conflict("A %s flow named [%s] exists already (id %s).", strings.ToLower(apiType), name, o.ID)
		}
		divID := ""
		if in.Division != nil {
			divID = deref(in.Division.ID)
		}
		divID, divName, err := entity.DivisionRef(tx, divID, "division.id")
		if err != nil {
			return nil, err
		}
		id := uuid.NewString()
		f := platform.Flow{
			ID: ptr(id), Name: ptr(name), Description: in.Description, Type: ptr(apiType),
			Division: &platform.WritableDivision{ID: ptr(divID), Name: ptr(divName), SelfURI: ptr(entity.DivisionSelfURI(divID))},
			Active:   ptr(false), System: ptr(false), Deleted: ptr(false), SelfURI: ptr(flowSelfURI(id)),
		}
		return s.putAudited(tx, p, kindFlow, f, audit.Event{Service: "Architect", EntityType: "Flow", Action: "Create", ID: id, Name: name})
	})
}

// putFlow updates a flow's name, description and division; the caller must hold the lock.
func (s *Server) putFlow(w http.ResponseWriter, r *http.Request) error {
	var in platform.Flow
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	name := strings.TrimSpace(deref(in.Name))
	if name == "" {
		return apihttp.Required("name")
	}
	p := apihttp.PrincipalOf(r.Context())
	var out []byte
	err := s.store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		o, f, err := txFlow(tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		if t := deref(in.Type); t != "" && !strings.EqualFold(t, deref(f.Type)) {
			return apihttp.BadRequest("The field [type] cannot change (the flow is %s, not %s).", deref(f.Type), t)
		}
		if f.LockedClient == nil || lockedByOther(f, p) {
			return apihttp.Conflict("The flow [%s] is not checked out by this client; POST /api/v2/flows/actions/checkout?flow=%s first.", o.Name, o.ID)
		}
		if other, _ := findFlow(tx, name, deref(f.Type)); other != nil && other.ID != o.ID {
			return apihttp.Conflict("A %s flow named [%s] exists already (id %s).", strings.ToLower(deref(f.Type)), name, other.ID)
		}
		f.Name, f.Description = ptr(name), in.Description
		if in.Division != nil && deref(in.Division.ID) != "" {
			divID, divName, err := entity.DivisionRef(tx, *in.Division.ID, "division.id")
			if err != nil {
				return err
			}
			f.Division = &platform.WritableDivision{ID: ptr(divID), Name: ptr(divName), SelfURI: ptr(entity.DivisionSelfURI(divID))}
		}
		if out, err = entity.Put(tx, kindFlow, o.ID, "", name, f); err != nil {
			return err
		}
		record(tx, r, audit.Event{Service: "Architect", EntityType: "Flow", Action: "Update", ID: o.ID, Name: name, Old: o.Data, New: out})
		return nil
	})
	if err != nil {
		return err
	}
	apihttp.WriteRaw(w, http.StatusOK, out)
	return nil
}

// txFlow reads a flow that is not deleted inside a transaction.
func txFlow(tx *store.Tx, id string) (*store.Object, *platform.Flow, error) {
	o, err := entity.Lookup(tx, kindFlow, id)
	if err != nil {
		return nil, nil, err
	}
	var f platform.Flow
	if err := decodeObject(o, &f); err != nil {
		return nil, nil, err
	}
	if deref(f.Deleted) {
		return nil, nil, apihttp.NotFound()
	}
	return o, &f, nil
}

func (s *Server) deleteFlow(w http.ResponseWriter, r *http.Request) error {
	p := apihttp.PrincipalOf(r.Context())
	err := s.store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		o, f, err := txFlow(tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		if lockedByOther(f, p) {
			return apihttp.Conflict("The flow [%s] is locked by the client [%s]; unlock it first.", o.Name, deref(f.LockedClient.Name))
		}
		if err := flowInUse(tx, o); err != nil {
			return err
		}
		f.Deleted, f.Active, f.LockedClient = ptr(true), ptr(false), nil
		out, err := entity.Put(tx, kindFlow, o.ID, "", o.Name, f)
		if err != nil {
			return err
		}
		record(tx, r, audit.Event{Service: "Architect", EntityType: "Flow", Action: "Delete", ID: o.ID, Name: o.Name, Old: o.Data, New: out})
		return nil
	})
	if err != nil {
		return err
	}
	return noContent(w)
}

// versionNumber reads "3.0" (or "3") as 3; 0 when it is not a version id.
func versionNumber(v string) int {
	n, err := strconv.Atoi(strings.TrimSuffix(v, ".0"))
	if err != nil || n < 1 {
		return 0
	}
	return n
}

func versionID(n int) string { return strconv.Itoa(n) + ".0" }

// flowVersions returns a flow's stored versions, oldest first.
func (s *Server) flowVersions(orgID, flowID string) []*store.Object {
	vs := s.store.List(orgID, kindFlowVersion, flowID)
	slices.SortFunc(vs, func(a, b *store.Object) int {
		return versionNumber(strings.TrimPrefix(a.ID, flowID+"/")) - versionNumber(strings.TrimPrefix(b.ID, flowID+"/"))
	})
	return vs
}

func (s *Server) listFlowVersions(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	o, _, err := s.visibleFlow(r)
	if err != nil {
		return err
	}
	apihttp.WriteJSON(w, http.StatusOK, apihttp.NewListing(r, p, datas(s.flowVersions(apihttp.PrincipalOf(r.Context()).OrgID, o.ID))))
	return nil
}

// versionParam resolves the {version} path value ("2.0", "2" or "latest").
func (s *Server) versionParam(r *http.Request, flowID string) (*store.Object, error) {
	org := apihttp.PrincipalOf(r.Context()).OrgID
	v := r.PathValue("version")
	if v == "" || v == "latest" {
		vs := s.flowVersions(org, flowID)
		if len(vs) == 0 {
			return nil, apihttp.NotFound()
		}
		return vs[len(vs)-1], nil
	}
	n := versionNumber(v)
	if n == 0 {
		return nil, apihttp.NotFound()
	}
	o := s.store.Get(org, kindFlowVersion, flowID+"/"+versionID(n))
	if o == nil {
		return nil, apihttp.NotFound()
	}
	return o, nil
}

func (s *Server) getFlowVersion(w http.ResponseWriter, r *http.Request) error {
	fl, _, err := s.visibleFlow(r)
	if err != nil {
		return err
	}
	v, err := s.versionParam(r, fl.ID)
	if err != nil {
		return err
	}
	apihttp.WriteRaw(w, http.StatusOK, v.Data)
	return nil
}

// getFlowConfiguration returns a version's YAML as a JSON object (see flowRoutes).
func (s *Server) getFlowConfiguration(w http.ResponseWriter, r *http.Request) error {
	fl, _, err := s.visibleFlow(r)
	if err != nil {
		return err
	}
	v, err := s.versionParam(r, fl.ID)
	if err != nil {
		return err
	}
	c := s.store.Get(apihttp.PrincipalOf(r.Context()).OrgID, kindFlowContent, v.ID)
	if c == nil {
		return apihttp.NotFound()
	}
	var content flowContent
	if err := decodeObject(c, &content); err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(content.YAML), &doc); err != nil {
		return fmt.Errorf("stored flow %s version %s does not parse: %w", fl.ID, v.ID, err)
	}
	apihttp.WriteJSON(w, http.StatusOK, yamlToJSONValue(&doc, 0))
	return nil
}

// yamlToJSONValue converts a YAML tree into values encoding/json can write: mapping keys
// become strings whatever their YAML type; aliases are expanded up to a depth that stops
// self-referencing anchors.
func yamlToJSONValue(n *yaml.Node, depth int) any {
	if n == nil || depth > 200 {
		return nil
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return yamlToJSONValue(n.Content[0], depth+1)
	case yaml.AliasNode:
		return yamlToJSONValue(n.Alias, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, yamlToJSONValue(c, depth+1))
		}
		return out
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = yamlToJSONValue(n.Content[i+1], depth+1)
		}
		return out
	}
	var v any
	if n.Decode(&v) != nil {
		return n.Value
	}
	switch v.(type) {
	case nil, bool, int, int64, uint64, float64, string:
		return v
	}
	return n.Value // timestamps and other tagged scalars keep their text
}

// flowAction is POST /api/v2/flows/actions/{checkin|checkout|deactivate|publish|revert|unlock}?flow=<id>.
// checkin and publish answer an Operation, the others the flow.
func (s *Server) flowAction(w http.ResponseWriter, r *http.Request) error {
	action := r.PathValue("action")
	actions := []string{"checkin", "checkout", "deactivate", "publish", "revert", "unlock"}
	if !slices.Contains(actions, action) {
		return apihttp.InvalidValue("action", action, actions)
	}
	id := r.URL.Query().Get("flow")
	if id == "" {
		return apihttp.Required("flow")
	}
	p := apihttp.PrincipalOf(r.Context())
	var out []byte
	err := s.store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		o, f, err := txFlow(tx, id)
		if err != nil {
			return err
		}
		auditAction := strings.ToUpper(action[:1]) + action[1:]
		switch action {
		case "checkout":
			if lockedByOther(f, p) {
				return apihttp.Conflict("The flow [%s] is checked out by the client [%s]; it must unlock it first.", o.Name, deref(f.LockedClient.Name))
			}
			f.LockedClient = clientRef(p)
		case "checkin", "revert":
			if f.LockedClient == nil || lockedByOther(f, p) {
				return apihttp.Conflict("The flow [%s] is not checked out by this client.", o.Name)
			}
			f.LockedClient = nil
		case "unlock":
			f.LockedClient = nil
		case "deactivate":
			if lockedByOther(f, p) {
				return apihttp.Conflict("The flow [%s] is locked by the client [%s].", o.Name, deref(f.LockedClient.Name))
			}
			f.Active = ptr(false)
		case "publish":
			if lockedByOther(f, p) {
				return apihttp.Conflict("The flow [%s] is locked by the client [%s].", o.Name, deref(f.LockedClient.Name))
			}
			v := r.URL.Query().Get("version")
			if v == "" && f.CheckedInVersion != nil {
				v = deref(f.CheckedInVersion.ID)
			}
			vo := tx.Get(kindFlowVersion, o.ID+"/"+versionID(versionNumber(v)))
			if vo == nil {
				return apihttp.BadRequest("The flow [%s] has no version [%s] to publish; publish content through POST /api/v2/flows/jobs.", o.Name, v)
			}
			var fv platform.FlowVersion
			if err := decodeObject(vo, &fv); err != nil {
				return err
			}
			f.PublishedVersion, f.Active, f.PublishedBy = &fv, ptr(true), nil
		}
		b, err := entity.Put(tx, kindFlow, o.ID, "", o.Name, f)
		if err != nil {
			return err
		}
		record(tx, r, audit.Event{Service: "Architect", EntityType: "Flow", Action: auditAction, ID: o.ID, Name: o.Name, Old: o.Data, New: b})
		out = b
		if action == "checkin" || action == "publish" {
			op := platform.Operation{
				ID: ptr(uuid.NewString()), Complete: ptr(true), Client: clientRef(p),
				ActionName: ptr(strings.ToUpper(action)), ActionStatus: ptr("SUCCESS"),
			}
			out, err = json.Marshal(op)
		}
		return err
	})
	if err != nil {
		return err
	}
	apihttp.WriteRaw(w, http.StatusOK, out)
	return nil
}

// epochMillis is how FlowVersion dates are written.
func epochMillis(t time.Time) *int { return ptr(int(t.UnixMilli())) }
