package orgserver

import (
	"strings"
	"testing"
)

// TestOfficialProviderCallsAreServed: every call the official provider makes for the kinds
// cxascode covers (as its resources list them: reference/resource-api-map.json, plus the
// products it reads while it configures itself) reaches a handler, instead of the
// catch-all "No API" 404 it used to get for some of them.
func TestOfficialProviderCallsAreServed(t *testing.T) {
	_, c := parallelDevOrg(t)
	const id = "00000000-0000-0000-0000-000000000000"
	for _, call := range []string{
		"GET /api/v2/authorization/products",
		"GET /api/v2/authorization/permissions",
		"PUT /api/v2/authorization/roles/default",
		"GET /api/v2/voicemail/userpolicies/{id}",
		"PATCH /api/v2/voicemail/userpolicies/{id}",
		"GET /api/v2/routing/users/{id}/utilization",
		"PUT /api/v2/routing/users/{id}/utilization",
		"DELETE /api/v2/routing/users/{id}/utilization",
		"GET /api/v2/voicemail/groups/{id}/policy",
		"PATCH /api/v2/voicemail/groups/{id}/policy",
		"GET /api/v2/presence/definitions",
		"GET /api/v2/presencedefinitions",
	} {
		method, path, _ := strings.Cut(call, " ")
		r := c.do(method, strings.ReplaceAll(path, "{id}", id), map[string]any{})
		if strings.Contains(string(r.Body), "No API") {
			t.Errorf("%s is not served: %d %s", call, r.Status, r.Body)
		}
	}
}

func TestAuthorizationProductsAndPermissions(t *testing.T) {
	_, c := parallelDevOrg(t)
	products := c.must(200, "GET", "/api/v2/authorization/products", nil)
	if _, ok := products["total"].(float64); !ok || products["entities"] == nil {
		t.Errorf("products listing lacks total or entities: %v", products)
	}
	perms := c.must(200, "GET", "/api/v2/authorization/permissions?pageSize=100", nil)
	if perms["total"].(float64) < 5 {
		t.Fatalf("permission domains = %v", perms["total"])
	}
	routing := c.must(200, "GET", "/api/v2/authorization/permissions"+q("queryType", "domain", "query", "routing"), nil)
	es := routing["entities"].([]any)
	if len(es) != 1 || es[0].(map[string]any)["domain"] != "routing" {
		t.Fatalf("routing domain = %v", routing)
	}
	queue := es[0].(map[string]any)["permissionMap"].(map[string]any)["queue"].([]any)
	actions := map[string]bool{}
	for _, p := range queue {
		actions[p.(map[string]any)["action"].(string)] = true
	}
	for _, a := range []string{"view", "add", "edit", "delete"} {
		if !actions[a] {
			t.Errorf("routing:queue:%s missing from %v", a, queue)
		}
	}
	if l := c.must(200, "GET", "/api/v2/authorization/permissions?pageSize=1", nil); len(l["entities"].([]any)) != 1 || l["pageCount"].(float64) < 5 {
		t.Errorf("permission paging = %v", l)
	}
	c.wantError(400, "invalid.value", "GET", "/api/v2/authorization/permissions?queryType=nope", nil)
}

func TestVoicemailUserPolicy(t *testing.T) {
	_, c := parallelDevOrg(t)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Vera", "email": "vera@example.com"})["id"].(string)
	path := "/api/v2/voicemail/userpolicies/" + u
	got := c.must(200, "GET", path, nil)
	if got["enabled"] != true || got["alertTimeoutSeconds"].(float64) != 30 || got["sendEmailNotifications"] != true {
		t.Errorf("default policy = %v", got)
	}
	p := c.must(200, "PATCH", path, map[string]any{"alertTimeoutSeconds": 45, "pin": "1234"})
	if p["alertTimeoutSeconds"].(float64) != 45 || p["sendEmailNotifications"] != true || p["pin"] != nil || p["modifiedDate"] == nil {
		t.Errorf("patched = %v", p)
	}
	if got := c.must(200, "GET", path, nil); got["alertTimeoutSeconds"].(float64) != 45 || got["pin"] != nil {
		t.Errorf("after patch = %v", got)
	}
	c.wantError(400, "bad.request", "PATCH", path, map[string]any{"alertTimeoutSeconds": -1})
	c.wantError(404, "not.found", "GET", "/api/v2/voicemail/userpolicies/nope", nil)
	c.must(200, "DELETE", "/api/v2/users/"+u, nil)
	c.wantError(404, "not.found", "GET", path, nil)
}

func TestVoicemailGroupPolicy(t *testing.T) {
	_, c := parallelDevOrg(t)
	g := c.must(200, "POST", "/api/v2/groups", map[string]any{"name": "Billing", "type": "official", "visibility": "public", "rulesVisible": true})["id"].(string)
	path := "/api/v2/voicemail/groups/" + g + "/policy"
	got := c.must(200, "GET", path, nil)
	if got["enabled"] != false || got["name"] != "Billing" || got["group"].(map[string]any)["id"] != g {
		t.Errorf("default policy = %v", got)
	}
	p := c.must(200, "PATCH", path, map[string]any{"sendEmailNotifications": true, "disableEmailPii": true, "groupAlertType": "SEQUENTIAL"})
	if p["sendEmailNotifications"] != true || p["disableEmailPii"] != true || p["includeEmailTranscriptions"] != false || p["groupAlertType"] != "SEQUENTIAL" {
		t.Errorf("patched = %v", p)
	}
	if got := c.must(200, "GET", path, nil); got["disableEmailPii"] != true {
		t.Errorf("after patch = %v", got)
	}
	c.wantError(400, "invalid.value", "PATCH", path, map[string]any{"groupAlertType": "LOUD"})
	c.wantError(404, "not.found", "GET", "/api/v2/voicemail/groups/nope/policy", nil)
}

func TestUserUtilization(t *testing.T) {
	_, c := parallelDevOrg(t)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Uma", "email": "uma@example.com"})["id"].(string)
	path := "/api/v2/routing/users/" + u + "/utilization"
	got := c.must(200, "GET", path, nil)
	if got["level"] != "Organization" || got["utilization"].(map[string]any)["chat"].(map[string]any)["maximumCapacity"].(float64) != 4 {
		t.Errorf("default utilization = %v", got)
	}
	label := c.must(200, "POST", "/api/v2/routing/utilization/labels", map[string]any{"name": "Red"})["id"].(string)
	put := c.must(200, "PUT", path, map[string]any{
		"utilization":       map[string]any{"call": map[string]any{"maximumCapacity": 1, "includeNonAcd": true}, "email": map[string]any{"maximumCapacity": 2, "interruptableMediaTypes": []string{"call"}}},
		"labelUtilizations": map[string]any{label: map[string]any{"maximumCapacity": 3}},
	})
	if put["level"] != "Agent" {
		t.Errorf("put = %v", put)
	}
	got = c.must(200, "GET", path, nil)
	if got["level"] != "Agent" || got["utilization"].(map[string]any)["email"].(map[string]any)["maximumCapacity"].(float64) != 2 ||
		got["labelUtilizations"].(map[string]any)[label].(map[string]any)["labelName"] != "Red" {
		t.Errorf("after put = %v", got)
	}
	c.wantError(400, "bad.request", "PUT", path, map[string]any{"utilization": map[string]any{"call": map[string]any{"maximumCapacity": 26}}})
	c.wantError(400, "invalid.value", "PUT", path, map[string]any{"utilization": map[string]any{"fax": map[string]any{"maximumCapacity": 1}}})
	c.wantError(400, "bad.request", "PUT", path, map[string]any{"labelUtilizations": map[string]any{"nope": map[string]any{"maximumCapacity": 1}}})
	c.must(204, "DELETE", path, nil)
	if got := c.must(200, "GET", path, nil); got["level"] != "Organization" {
		t.Errorf("after delete = %v", got)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/routing/users/nope/utilization", nil)
}
