package orgserver

import (
	"encoding/json"
	"strings"
	"testing"
)

const sites = "/api/v2/telephony/providers/edges/sites"

// What a site keeps beside it: number plans replaced whole, outbound routes under the site
// (names unique in it, trunk bases that exist, versions), the org's default site, and all of
// it gone with the site.
func TestSiteNumberPlansRoutesAndDefault(t *testing.T) {
	_, c := parallelDevOrg(t)
	loc := c.must(200, "POST", "/api/v2/locations", map[string]any{"name": "Site HQ"})["id"].(string)
	site := c.must(200, "POST", sites, map[string]any{"name": "HQ", "mediaModel": "Cloud", "location": map[string]any{"id": loc}})
	id := site["id"].(string)
	if loc := site["location"].(map[string]any); loc["name"] != "Site HQ" {
		t.Errorf("site location = %v", loc)
	}
	c.wantError(400, "invalid.value", "POST", sites, map[string]any{"name": "Bad", "mediaModel": "Hybrid", "location": map[string]any{"id": loc}})
	m := c.wantError(400, "bad.request", "POST", sites, map[string]any{"name": "Lost", "mediaModel": "Cloud", "location": map[string]any{"id": "nope"}})
	if !strings.Contains(m["message"].(string), "location.id") {
		t.Errorf("unknown location: message %q does not name location.id", m["message"])
	}

	if got := c.mustList(200, "GET", sites+"/"+id+"/numberplans", nil); len(got) != 0 {
		t.Errorf("a new site's plans = %v", got)
	}
	plans := c.mustList(200, "PUT", sites+"/"+id+"/numberplans", []any{map[string]any{"name": "Extension", "classification": "Extension", "matchType": "numberList"}})
	if len(plans) != 1 || plans[0].(map[string]any)["id"] == "" {
		t.Errorf("plans after PUT = %v", plans)
	}
	c.wantError(400, "bad.request", "PUT", sites+"/"+id+"/numberplans", []any{map[string]any{"name": "A"}, map[string]any{"name": "a"}})

	trunk := c.must(200, "POST", "/api/v2/telephony/providers/edges/trunkbasesettings", map[string]any{"name": "Carrier",
		"trunkType": "EXTERNAL", "trunkMetabase": map[string]any{"id": "external_sip_pcv_byoc_carrier.json"}})["id"].(string)
	routes := sites + "/" + id + "/outboundroutes"
	route := c.must(200, "POST", routes, map[string]any{"name": "Out", "classificationTypes": []string{"National"},
		"externalTrunkBases": []any{map[string]any{"id": trunk}}})
	rid := route["id"].(string)
	if route["version"].(float64) != 1 || route["distribution"] != "SEQUENTIAL" {
		t.Errorf("created route = %v", route)
	}
	c.wantError(409, "general.conflict", "POST", routes, map[string]any{"name": "out", "classificationTypes": []string{"National"}})
	c.wantError(400, "bad.request", "POST", routes, map[string]any{"name": "Other", "classificationTypes": []string{}})
	c.wantError(400, "bad.request", "POST", routes, map[string]any{"name": "Other", "classificationTypes": []string{"National"},
		"externalTrunkBases": []any{map[string]any{"id": "nope"}}})
	c.wantError(409, "general.conflict", "PUT", routes+"/"+rid, map[string]any{"name": "Out", "classificationTypes": []string{"National"}, "version": 3})
	if got := c.must(200, "PUT", routes+"/"+rid, map[string]any{"name": "Out", "classificationTypes": []string{"International"}, "version": 1}); got["version"].(float64) != 2 {
		t.Errorf("route after PUT = %v", got)
	}
	if l := c.must(200, "GET", routes, nil); l["total"].(float64) != 1 {
		t.Errorf("routes = %v", l)
	}

	org := c.must(200, "GET", "/api/v2/organizations/me", nil)
	c.wantError(400, "bad.request", "PUT", "/api/v2/organizations/me", map[string]any{"defaultSiteId": "nope", "version": org["version"]})
	c.wantError(400, "bad.request", "PUT", "/api/v2/organizations/me", map[string]any{"defaultSiteId": id})
	if got := c.must(200, "PUT", "/api/v2/organizations/me", map[string]any{"defaultSiteId": id, "version": org["version"]}); got["defaultSiteId"] != id || got["name"] != org["name"] {
		t.Errorf("org after PUT = %v", got)
	}
	c.must(200, "GET", "/api/v2/telephony/mediaregions", nil)

	c.must(204, "DELETE", sites+"/"+id, nil)
	c.wantError(404, "not.found", "GET", routes+"/"+rid, nil)
	c.wantError(404, "not.found", "GET", sites+"/"+id+"/numberplans", nil)
}

// mustList sends a request whose answer is a JSON array and returns it.
func (c *rawClient) mustList(want int, method, path string, body any) []any {
	c.t.Helper()
	r := c.do(method, path, body)
	var out []any
	if r.Status != want || json.Unmarshal(r.Body, &out) != nil {
		c.t.Fatalf("%s %s: status %d, want %d with a JSON array; body %s", method, path, r.Status, want, r.Body)
	}
	return out
}
