package architect

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
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
	"gopkg.in/yaml.v3"
)

// Architect flows. Flow content arrives through the Archy-style job protocol
// (flow_jobs.go); here are the flow entities, their versions and the lock.
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
func (s *api) flowRoutes() {
	// The catalogue gives flows no update method (a configuration changes by publishing a
	// new version through an import job); the API's PUT renames a locked flow.
	s.Route("PUT /api/v2/flows/{id}", "architect:flow:edit", s.putFlow)
	s.Route("GET /api/v2/flows/{id}/versions", "architect:flow:view", s.listFlowVersions)
	s.Route("GET /api/v2/flows/{id}/versions/{version}", "architect:flow:view", s.getFlowVersion)
	s.Route("GET /api/v2/flows/{id}/versions/{version}/configuration", "architect:flow:view", s.getFlowConfiguration)
	s.Route("GET /api/v2/flows/{id}/latestconfiguration", "architect:flow:view", s.getFlowConfiguration)
	s.Route("POST /api/v2/flows/actions/{action}", "architect:flow:edit", s.flowAction)
	s.flowJobRoutes()
}

func flowSelfURI(id string) string { return "/api/v2/flows/" + id }

// lockedByOther reports whether someone other than p holds the flow's lock.
func lockedByOther(f *platform.Flow, p apihttp.Principal) bool {
	return f.LockedClient != nil && host.Deref(f.LockedClient.ID) != p.ClientID
}

// visibleFlow reads a flow for a GET: deleted flows are found only with ?deleted=true.
func (s *api) visibleFlow(r *http.Request) (*store.Object, *platform.Flow, error) {
	o, err := s.Lookup(r, host.KindFlow, r.PathValue("id"))
	if err != nil {
		return nil, nil, err
	}
	var f platform.Flow
	if err := host.DecodeObject(o, &f); err != nil {
		return nil, nil, err
	}
	withDeleted, err := host.BoolParam(r, "deleted")
	if err != nil {
		return nil, nil, err
	}
	if host.Deref(f.Deleted) && !withDeleted {
		return nil, nil, apihttp.NotFound()
	}
	return o, &f, nil
}

// findFlow returns the flow that is not deleted with this name (any case) and API type.
func findFlow(tx *store.Tx, name, apiType string) (*store.Object, *platform.Flow) {
	for _, o := range tx.List(host.KindFlow, "") {
		if !strings.EqualFold(o.Name, name) {
			continue
		}
		var f platform.Flow
		if host.DecodeObject(o, &f) == nil && !host.Deref(f.Deleted) && host.Deref(f.Type) == apiType {
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

func (s *api) listFlows(w http.ResponseWriter, r *http.Request) error {
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
	withDeleted, err := host.BoolParam(r, "deleted")
	if err != nil {
		return err
	}
	sortBy, desc, err := host.Sorting(r, "id", "name")
	if err != nil {
		return err
	}
	ids, divs := host.SetOf(apihttp.MultiParam(r, "id")), host.SetOf(apihttp.MultiParam(r, "divisionId"))
	name, description, nameOrDesc := qs.Get("name"), qs.Get("description"), qs.Get("nameOrDescription")
	lockedBy := qs.Get("lockedByClientId")
	objs := s.ListVisible(r, host.KindFlow)
	if sortBy != "name" { // the API's default order is by id
		slices.SortFunc(objs, func(a, b *store.Object) int { return strings.Compare(a.ID, b.ID) })
	}
	var items [][]byte
	for _, o := range objs {
		var f platform.Flow
		if host.DecodeObject(o, &f) != nil {
			continue
		}
		switch {
		case host.Deref(f.Deleted) && !withDeleted,
			len(types) > 0 && !types[host.Deref(f.Type)],
			len(ids) > 0 && !ids[o.ID],
			len(divs) > 0 && (f.Division == nil || !divs[host.Deref(f.Division.ID)]),
			!apihttp.NameMatches(name, o.Name, false),
			description != "" && !apihttp.NameMatches(description, host.Deref(f.Description), false),
			nameOrDesc != "" && !apihttp.NameMatches(nameOrDesc, o.Name, false) && !apihttp.NameMatches(nameOrDesc, host.Deref(f.Description), false),
			lockedBy != "" && (f.LockedClient == nil || host.Deref(f.LockedClient.ID) != lockedBy):
			continue
		}
		items = append(items, o.Data)
	}
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}

func (s *api) getFlow(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.visibleFlow(r)
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, o.Data)
}

// createFlow is POST /api/v2/flows: an empty flow (no version yet) of a name and type.
func (s *api) createFlow(w http.ResponseWriter, r *http.Request) error {
	var in platform.Flow
	name, err := host.DecodeNamed(r, &in, func() *string { return in.Name })
	if err != nil {
		return err
	}
	if host.Deref(in.Type) == "" {
		return apihttp.Required("type")
	}
	apiType, err := apiFlowType("type", *in.Type)
	if err != nil {
		return err
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		if o, _ := findFlow(tx, name, apiType); o != nil {
			return nil, apihttp.Conflict("A %s flow named [%s] exists already (id %s).", strings.ToLower(apiType), name, o.ID)
		}
		div, err := host.DivisionRef(tx, host.DivisionID(in.Division))
		if err != nil {
			return nil, err
		}
		id := uuid.NewString()
		f := platform.Flow{
			ID: host.Ptr(id), Name: host.Ptr(name), Description: in.Description, Type: host.Ptr(apiType), Division: div,
			Active: host.Ptr(false), System: host.Ptr(false), Deleted: host.Ptr(false), SelfURI: host.Ptr(flowSelfURI(id)),
		}
		return host.PutAudited(tx, p, host.KindFlow, f, audit.Event{Service: "Architect", EntityType: "Flow", Action: "Create", ID: id, Name: name})
	})
}

// putFlow updates a flow's name, description and division; the caller must hold the lock.
func (s *api) putFlow(w http.ResponseWriter, r *http.Request) error {
	var in platform.Flow
	return s.CommitNamed(w, r, &in, func() *string { return in.Name }, func(tx *store.Tx, p apihttp.Principal, name string) ([]byte, error) {
		o, f, err := txFlow(tx, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		if t := host.Deref(in.Type); t != "" && !strings.EqualFold(t, host.Deref(f.Type)) {
			return nil, apihttp.BadRequest("The field [type] cannot change (the flow is %s, not %s).", host.Deref(f.Type), t)
		}
		if f.LockedClient == nil || lockedByOther(f, p) {
			return nil, apihttp.Conflict("The flow [%s] is not checked out by this client; POST /api/v2/flows/actions/checkout?flow=%s first.", o.Name, o.ID)
		}
		if other, _ := findFlow(tx, name, host.Deref(f.Type)); other != nil && other.ID != o.ID {
			return nil, apihttp.Conflict("A %s flow named [%s] exists already (id %s).", strings.ToLower(host.Deref(f.Type)), name, other.ID)
		}
		f.Name, f.Description = host.Ptr(name), in.Description
		if divID := host.DivisionID(in.Division); divID != "" {
			if f.Division, err = host.DivisionRef(tx, divID); err != nil {
				return nil, err
			}
		}
		return host.PutAudited(tx, p, host.KindFlow, f, audit.Event{Service: "Architect", EntityType: "Flow", Action: "Update", ID: o.ID, Name: name, Old: o.Data})
	})
}

// txFlow reads a flow that is not deleted inside a transaction.
func txFlow(tx *store.Tx, id string) (*store.Object, *platform.Flow, error) {
	o, f, err := host.LoadStored[platform.Flow](tx, host.KindFlow, id)
	if err != nil {
		return nil, nil, err
	}
	if host.Deref(f.Deleted) {
		return nil, nil, apihttp.NotFound()
	}
	return o, &f, nil
}

func (s *api) deleteFlow(w http.ResponseWriter, r *http.Request) error {
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, f, err := txFlow(tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		if lockedByOther(f, p) {
			return apihttp.Conflict("The flow [%s] is locked by the client [%s]; unlock it first.", o.Name, host.Deref(f.LockedClient.Name))
		}
		if err := flowInUse(tx, o); err != nil {
			return err
		}
		f.Deleted, f.Active, f.LockedClient = host.Ptr(true), host.Ptr(false), nil
		_, err = host.PutAudited(tx, p, host.KindFlow, f, audit.Event{Service: "Architect", EntityType: "Flow", Action: "Delete", ID: o.ID, Name: o.Name, Old: o.Data})
		return err
	})
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
func (s *api) flowVersions(orgID, flowID string) []*store.Object {
	vs := s.Store.List(orgID, host.KindFlowVersion, flowID)
	slices.SortFunc(vs, func(a, b *store.Object) int {
		return versionNumber(strings.TrimPrefix(a.ID, flowID+"/")) - versionNumber(strings.TrimPrefix(b.ID, flowID+"/"))
	})
	return vs
}

func (s *api) listFlowVersions(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	o, _, err := s.visibleFlow(r)
	if err != nil {
		return err
	}
	return apihttp.WritePage(w, r, p, host.Datas(s.flowVersions(apihttp.PrincipalOf(r.Context()).OrgID, o.ID)))
}

// versionParam resolves the {version} path value ("2.0", "2" or "latest").
// visibleFlowVersion is the version the path names of a flow the caller may see.
func (s *api) visibleFlowVersion(r *http.Request) (*store.Object, error) {
	fl, _, err := s.visibleFlow(r)
	if err != nil {
		return nil, err
	}
	return s.versionParam(r, fl.ID)
}

func (s *api) versionParam(r *http.Request, flowID string) (*store.Object, error) {
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
	o := s.Store.Get(org, host.KindFlowVersion, flowID+"/"+versionID(n))
	if o == nil {
		return nil, apihttp.NotFound()
	}
	return o, nil
}

func (s *api) getFlowVersion(w http.ResponseWriter, r *http.Request) error {
	v, err := s.visibleFlowVersion(r)
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, v.Data)
}

// getFlowConfiguration returns a version's YAML as a JSON object (see flowRoutes).
func (s *api) getFlowConfiguration(w http.ResponseWriter, r *http.Request) error {
	v, err := s.visibleFlowVersion(r)
	if err != nil {
		return err
	}
	c := s.Store.Get(apihttp.PrincipalOf(r.Context()).OrgID, host.KindFlowContent, v.ID)
	if c == nil {
		return apihttp.NotFound()
	}
	var content FlowContent
	if err := host.DecodeObject(c, &content); err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(content.YAML), &doc); err != nil {
		return fmt.Errorf("stored flow %s version %s does not parse: %w", v.Parent, v.ID, err)
	}
	return apihttp.OK(w, yamlToJSONValue(&doc, 0))
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
func (s *api) flowAction(w http.ResponseWriter, r *http.Request) error {
	action := r.PathValue("action")
	actions := []string{"checkin", "checkout", "deactivate", "publish", "revert", "unlock"}
	if !slices.Contains(actions, action) {
		return apihttp.InvalidValue("action", action, actions)
	}
	id := r.URL.Query().Get("flow")
	if id == "" {
		return apihttp.Required("flow")
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, f, err := txFlow(tx, id)
		if err != nil {
			return nil, err
		}
		auditAction := strings.ToUpper(action[:1]) + action[1:]
		switch action {
		case "checkout":
			if lockedByOther(f, p) {
				return nil, apihttp.Conflict("The flow [%s] is checked out by the client [%s]; it must unlock it first.", o.Name, host.Deref(f.LockedClient.Name))
			}
			f.LockedClient = host.ClientRef(p)
		case "checkin", "revert":
			if f.LockedClient == nil || lockedByOther(f, p) {
				return nil, apihttp.Conflict("The flow [%s] is not checked out by this client.", o.Name)
			}
			f.LockedClient = nil
		case "unlock":
			f.LockedClient = nil
		case "deactivate":
			if lockedByOther(f, p) {
				return nil, apihttp.Conflict("The flow [%s] is locked by the client [%s].", o.Name, host.Deref(f.LockedClient.Name))
			}
			f.Active = host.Ptr(false)
		case "publish":
			if lockedByOther(f, p) {
				return nil, apihttp.Conflict("The flow [%s] is locked by the client [%s].", o.Name, host.Deref(f.LockedClient.Name))
			}
			v := r.URL.Query().Get("version")
			if v == "" && f.CheckedInVersion != nil {
				v = host.Deref(f.CheckedInVersion.ID)
			}
			vo := tx.Get(host.KindFlowVersion, o.ID+"/"+versionID(versionNumber(v)))
			if vo == nil {
				return nil, apihttp.BadRequest("The flow [%s] has no version [%s] to publish; publish content through POST /api/v2/flows/jobs.", o.Name, v)
			}
			var fv platform.FlowVersion
			if err := host.DecodeObject(vo, &fv); err != nil {
				return nil, err
			}
			f.PublishedVersion, f.Active, f.PublishedBy = &fv, host.Ptr(true), nil
		}
		out, err := host.PutAudited(tx, p, host.KindFlow, f, audit.Event{Service: "Architect", EntityType: "Flow", Action: auditAction, ID: o.ID, Name: o.Name, Old: o.Data})
		if err != nil || (action != "checkin" && action != "publish") {
			return out, err
		}
		return json.Marshal(platform.Operation{
			ID: host.Ptr(uuid.NewString()), Complete: host.Ptr(true), Client: host.ClientRef(p),
			ActionName: host.Ptr(strings.ToUpper(action)), ActionStatus: host.Ptr("SUCCESS"),
		})
	})
}

// epochMillis is how FlowVersion dates are written.
func epochMillis(t time.Time) *int { return host.Ptr(int(t.UnixMilli())) }
