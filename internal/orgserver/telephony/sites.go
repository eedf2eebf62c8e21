package telephony

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/google/uuid"
)

// A site itself is a regular kind the generic entity serves (kinds.Site); what the API keeps
// beside it is here: the site's number plans (one array, read and replaced whole), its
// outbound routes (a collection under the site) and the org's media regions the official
// provider checks a site's regions against.
const (
	// kindSiteNumberPlans holds a site's number plans: ID = Parent = the site's id, Data =
	// the array of NumberPlan.
	kindSiteNumberPlans store.Kind = "telephony.site.numberplans"
	// kindSiteOutboundRoute is an outbound route: Parent = the site's id, Data = OutboundRouteBase.
	kindSiteOutboundRoute store.Kind = "telephony.site.outboundroute"
)

// mediaRegions are the regions a local org's media may stream through: the local org runs in
// one place, which it calls the first US region.
var mediaRegions = []byte(`{"awsHomeRegion":"us-east-1","awsCoreRegions":["us-east-1","us-west-2","eu-west-1","ap-southeast-2"],"awsSatelliteRegions":[]}`)

func (s *api) siteRoutes() {
	const sites = "/api/v2/telephony/providers/edges/sites/{id}"
	view, all := "telephony:plugin:view", "telephony:plugin:all"
	s.Route("GET /api/v2/telephony/mediaregions", view, func(w http.ResponseWriter, _ *http.Request) error {
		return apihttp.OKRaw(w, mediaRegions)
	})
	s.Route("GET "+sites+"/numberplans", view, s.getNumberPlans)
	s.Route("PUT "+sites+"/numberplans", all, s.putNumberPlans)
	s.Route("GET "+sites+"/outboundroutes", view, s.listOutboundRoutes)
	s.Route("POST "+sites+"/outboundroutes", all, func(w http.ResponseWriter, r *http.Request) error { return s.saveOutboundRoute(w, r, "") })
	s.Route("GET "+sites+"/outboundroutes/{routeId}", view, s.getOutboundRoute)
	s.Route("PUT "+sites+"/outboundroutes/{routeId}", all, func(w http.ResponseWriter, r *http.Request) error {
		return s.saveOutboundRoute(w, r, r.PathValue("routeId"))
	})
	s.Route("DELETE "+sites+"/outboundroutes/{routeId}", all, s.deleteOutboundRoute)
}

// siteStoreKind is where the generic entity keeps sites.
func (s *api) siteStoreKind() store.Kind { return s.Entities.StoreKind(kinds.Site) }

// liveSite finds the site of the request's path inside a transaction (404 when absent).
func (s *api) liveSite(tx *store.Tx, r *http.Request) (*store.Object, error) {
	o := s.Entities.Live(tx, kinds.Site, r.PathValue("id"))
	if o == nil {
		return nil, apihttp.NotFound()
	}
	return o, nil
}

func (s *api) getNumberPlans(w http.ResponseWriter, r *http.Request) error {
	site, err := s.Lookup(r, s.siteStoreKind(), r.PathValue("id"))
	if err != nil {
		return err
	}
	org := apihttp.PrincipalOf(r.Context()).OrgID
	if plans := s.Store.Get(org, kindSiteNumberPlans, site.ID); plans != nil {
		return apihttp.OKRaw(w, plans.Data)
	}
	return apihttp.OKRaw(w, []byte(`[]`))
}

// putNumberPlans replaces the site's plans: each needs a name unique among them, a plan
// without an id gets one.
func (s *api) putNumberPlans(w http.ResponseWriter, r *http.Request) error {
	var plans []map[string]any
	if err := apihttp.DecodeBody(r, &plans); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, p := range plans {
		name, _ := p["name"].(string)
		name = strings.TrimSpace(name)
		if name == "" {
			return apihttp.BadRequest("The field [numberPlans[%d].name] is required.", i)
		}
		if seen[strings.ToLower(name)] {
			return apihttp.BadRequest("The field [numberPlans[%d].name] repeats the plan name [%s].", i, name)
		}
		seen[strings.ToLower(name)] = true
		if id, _ := p["id"].(string); id == "" {
			p["id"] = uuid.NewString()
		}
		p["state"] = "active"
	}
	if plans == nil {
		plans = []map[string]any{}
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		site, err := s.liveSite(tx, r)
		if err != nil {
			return nil, err
		}
		out, err := entity.Put(tx, kindSiteNumberPlans, site.ID, site.ID, site.Name, plans)
		if err != nil {
			return nil, err
		}
		audit.Record(tx, p, audit.Event{Service: "Telephony", EntityType: "Site", Action: "Update", ID: site.ID, Name: site.Name})
		return out, nil
	})
}

func (s *api) listOutboundRoutes(w http.ResponseWriter, r *http.Request) error {
	site, err := s.Lookup(r, s.siteStoreKind(), r.PathValue("id"))
	if err != nil {
		return err
	}
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	name := strings.ToLower(r.URL.Query().Get("name"))
	var items [][]byte
	for _, o := range s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, kindSiteOutboundRoute, site.ID) {
		if name == "" || strings.ToLower(o.Name) == name {
			items = append(items, o.Data)
		}
	}
	return apihttp.WritePageWithTotal(w, r, p, items)
}

// outboundRoute looks up a route of the request's site (404 when either is absent).
func (s *api) outboundRoute(tx *store.Tx, r *http.Request) (*store.Object, error) {
	site, err := s.liveSite(tx, r)
	if err != nil {
		return nil, err
	}
	return host.ChildOf(tx.Get, kindSiteOutboundRoute, site.ID, r.PathValue("routeId"))
}

func (s *api) getOutboundRoute(w http.ResponseWriter, r *http.Request) error {
	site, err := s.Lookup(r, s.siteStoreKind(), r.PathValue("id"))
	if err != nil {
		return err
	}
	o, err := host.ChildOf(s.ReaderOf(r), kindSiteOutboundRoute, site.ID, r.PathValue("routeId"))
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, o.Data)
}

// saveOutboundRoute creates (routeID == "") or replaces a route: a name unique in its site,
// at least one classification type, a distribution of SEQUENTIAL or RANDOM, external trunk
// bases that exist, and on replace the current version.
func (s *api) saveOutboundRoute(w http.ResponseWriter, r *http.Request, routeID string) error {
	var in map[string]any
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	name, _ := in["name"].(string)
	if name = strings.TrimSpace(name); name == "" {
		return apihttp.Required("name")
	}
	types, _ := in["classificationTypes"].([]any)
	if len(types) == 0 {
		return apihttp.Required("classificationTypes")
	}
	if d, ok := in["distribution"].(string); ok {
		if err := host.CheckEnum("distribution", &d, "SEQUENTIAL", "RANDOM"); err != nil {
			return err
		}
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		site, err := s.liveSite(tx, r)
		if err != nil {
			return nil, err
		}
		trunks, err := s.trunkBaseRefs(tx, in["externalTrunkBases"])
		if err != nil {
			return nil, err
		}
		now := apihttp.FormatTime(tx.Now())
		route := map[string]any{"name": name, "classificationTypes": types, "enabled": in["enabled"] == true,
			"distribution": "SEQUENTIAL", "externalTrunkBases": trunks, "state": "active", "version": 1,
			"dateCreated": now, "dateModified": now, "createdBy": p.ClientID, "modifiedBy": p.ClientID}
		if d, ok := in["distribution"].(string); ok {
			route["distribution"] = d
		}
		if d, ok := in["description"].(string); ok {
			route["description"] = d
		}
		ev := audit.Event{Service: "Telephony", EntityType: "OutboundRoute", Action: "Create", Name: name}
		if routeID == "" {
			routeID = uuid.NewString()
		} else {
			old, err := s.outboundRoute(tx, r)
			if err != nil {
				return nil, err
			}
			var prev map[string]any
			_ = json.Unmarshal(old.Data, &prev)
			version, _ := prev["version"].(float64)
			var sent *int
			if v, ok := in["version"].(float64); ok {
				sent = host.Ptr(int(v))
			}
			if err := entity.CheckVersion(sent, int(version)); err != nil {
				return nil, err
			}
			route["version"], route["dateCreated"], route["createdBy"] = int(version)+1, prev["dateCreated"], prev["createdBy"]
			ev.Action, ev.Old = "Update", old.Data
		}
		for _, other := range tx.List(kindSiteOutboundRoute, site.ID) {
			if other.ID != routeID && strings.EqualFold(other.Name, name) {
				return nil, apihttp.Conflict("The site [%s] has an outbound route named [%s] already (id %s).", site.Name, name, other.ID)
			}
		}
		route["id"], route["selfUri"] = routeID, kinds.Genesys().Named(kinds.Site).API.Item(site.ID)+"/outboundroutes/"+routeID
		route["site"] = map[string]any{"id": site.ID, "name": site.Name, "selfUri": kinds.Genesys().Named(kinds.Site).API.Item(site.ID)}
		ev.ID = routeID
		return host.PutChildAudited(tx, p, kindSiteOutboundRoute, site.ID, route, ev)
	})
}

// trunkBaseRefs resolves the external trunk bases a route names: each must exist.
func (s *api) trunkBaseRefs(tx *store.Tx, raw any) ([]any, error) {
	list, _ := raw.([]any)
	out := make([]any, 0, len(list))
	kind := kinds.Genesys().Named(kinds.TrunkBase)
	for i, el := range list {
		ref, _ := el.(map[string]any)
		id, _ := ref["id"].(string)
		o := s.Entities.Live(tx, kinds.TrunkBase, id)
		if id == "" || o == nil {
			return nil, apihttp.BadRequest("The field [externalTrunkBases[%d].id] refers to [%s], which does not exist.", i, id)
		}
		out = append(out, map[string]any{"id": id, "name": o.Name, "selfUri": kind.API.Item(id)})
	}
	return out, nil
}

func (s *api) deleteOutboundRoute(w http.ResponseWriter, r *http.Request) error {
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, err := s.outboundRoute(tx, r)
		if err != nil {
			return err
		}
		host.DeleteAudited(tx, p, o, "Telephony", "OutboundRoute")
		return nil
	})
}

// DeleteSiteParts removes what a deleted site kept beside it, its number plans and outbound
// routes: the generic entity's hook for a deleted site (entity.Hooks.Deleted).
func DeleteSiteParts(tx *store.Tx, siteID string) {
	tx.Delete(kindSiteNumberPlans, siteID)
	for _, o := range tx.List(kindSiteOutboundRoute, siteID) {
		tx.Delete(kindSiteOutboundRoute, o.ID)
	}
}
