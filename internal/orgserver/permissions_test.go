package orgserver

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// divisionsAB makes divisions A and B in the dev org and returns their ids.
func divisionsAB(t *testing.T, deploy *rawClient) (a, b string) {
	t.Helper()
	a = deploy.must(200, "POST", "/api/v2/authorization/divisions", map[string]any{"name": "A"})["id"].(string)
	b = deploy.must(200, "POST", "/api/v2/authorization/divisions", map[string]any{"name": "B"})["id"].(string)
	return a, b
}

// clientWithRole makes a role holding perms and a client holding that role in divisions,
// and returns a raw client with the new client's token.
func clientWithRole(t *testing.T, ts *TestServer, deploy *rawClient, name string, perms []string, divisions ...string) *rawClient {
	t.Helper()
	deploy.must(200, "POST", "/api/v2/authorization/roles", map[string]any{"name": name + " role", "permissions": perms})
	ts.NewClient(t, "dev", ClientSpec{Name: name, Grants: []ClientGrant{{Role: name + " role", Divisions: divisions}}})
	return newRawClient(t, ts, "dev", name)
}

// wantMissing checks a 403 missing.permissions that names perm.
func wantMissing(t *testing.T, c *rawClient, perm, method, path string, body any) {
	t.Helper()
	e := c.wantError(403, "missing.permissions", method, path, body)
	if msg, _ := e["message"].(string); !strings.Contains(msg, "["+perm+"]") {
		t.Errorf("%s %s: message %q does not name %s", method, path, msg, perm)
	}
}

// listedIDs are the ids of a page-number listing's entities, and its total.
func listedIDs(t *testing.T, c *rawClient, path string) (ids map[string]bool, total float64) {
	t.Helper()
	l := c.must(200, "GET", path, nil)
	ids = map[string]bool{}
	for _, e := range l["entities"].([]any) {
		ids[e.(map[string]any)["id"].(string)] = true
	}
	total, _ = l["total"].(float64)
	return ids, total
}

// The case: a client whose role grants routing:queue:view in division A only sees
// queue A, not queue B, and cannot create queues; one with routing:skill:* in every
// division creates skills but not queues.
func TestPermissionsQueueViewerInOneDivision(t *testing.T) {
	ts, deploy := parallelDevOrg(t)
	a, b := divisionsAB(t, deploy)
	qa := deploy.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Queue A", "division": map[string]any{"id": a}})["id"].(string)
	qb := deploy.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Queue B", "division": map[string]any{"id": b}})["id"].(string)

	viewer := clientWithRole(t, ts, deploy, "queue-viewer", []string{"routing:queue:view"}, "A")
	viewer.must(200, "GET", "/api/v2/routing/queues/"+qa, nil)
	viewer.wantError(404, "not.found", "GET", "/api/v2/routing/queues/"+qb, nil)
	ids, total := listedIDs(t, viewer, "/api/v2/routing/queues?pageSize=100")
	if !ids[qa] || ids[qb] || total != 1 {
		t.Errorf("viewer lists %v (total %v), want only queue A", ids, total)
	}
	wantMissing(t, viewer, "routing:queue:add", "POST", "/api/v2/routing/queues", map[string]any{"name": "New", "division": map[string]any{"id": a}})
	wantMissing(t, viewer, "routing:skill:view", "GET", "/api/v2/routing/skills", nil)
	// Asking who one is needs no permission, as on a real org.
	viewer.must(200, "GET", "/api/v2/tokens/me", nil)
	// The deploy client still sees both.
	if ids, _ := listedIDs(t, deploy, "/api/v2/routing/queues?pageSize=100"); !ids[qa] || !ids[qb] {
		t.Errorf("deploy lists %v, want both queues", ids)
	}

	// Permission policies with wildcards, granted in every division.
	deploy.must(200, "POST", "/api/v2/authorization/roles", map[string]any{"name": "Skill admin", "permissionPolicies": []any{
		map[string]any{"domain": "routing", "entityName": "skill", "actionSet": []string{"*"}}}})
	ts.NewClient(t, "dev", ClientSpec{Name: "skill-admin", Grants: []ClientGrant{{Role: "Skill admin", Divisions: []string{"*"}}}})
	skills := newRawClient(t, ts, "dev", "skill-admin")
	sk := skills.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Billing", "divisionId": b})["id"].(string)
	skills.must(200, "GET", "/api/v2/routing/skills/"+sk, nil)
	wantMissing(t, skills, "routing:queue:add", "POST", "/api/v2/routing/queues", map[string]any{"name": "Nope"})
	wantMissing(t, skills, "routing:queue:view", "GET", "/api/v2/routing/queues/"+qa, nil)
}

// Writes into, on or out of a division the caller lacks are refused with the route's
// permission, whichever handler serves the kind, and change nothing.
func TestPermissionsWritesStayInGrantedDivisions(t *testing.T) {
	ts, deploy := parallelDevOrg(t)
	a, b := divisionsAB(t, deploy)
	qb := deploy.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Queue B", "division": map[string]any{"id": b}})
	editor := clientWithRole(t, ts, deploy, "editor-a", []string{"*:*:*"}, "A")

	qa := editor.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Queue A", "division": map[string]any{"id": a}})
	wantMissing(t, editor, "routing:queue:add", "POST", "/api/v2/routing/queues", map[string]any{"name": "Into B", "division": map[string]any{"id": b}})
	// Creating without a division puts the object in the home division, which A's grant does not cover.
	wantMissing(t, editor, "routing:queue:add", "POST", "/api/v2/routing/queues", map[string]any{"name": "Into home"})
	wantMissing(t, editor, "routing:queue:edit", "PUT", "/api/v2/routing/queues/"+qb["id"].(string), map[string]any{"name": "Renamed", "division": map[string]any{"id": b}})
	wantMissing(t, editor, "routing:queue:edit", "PUT", "/api/v2/routing/queues/"+qb["id"].(string), map[string]any{"name": "Pulled into A", "division": map[string]any{"id": a}})
	wantMissing(t, editor, "routing:queue:edit", "PUT", "/api/v2/routing/queues/"+qa["id"].(string), map[string]any{"name": "Pushed to B", "division": map[string]any{"id": b}})
	wantMissing(t, editor, "routing:queue:delete", "DELETE", "/api/v2/routing/queues/"+qb["id"].(string), nil)
	if got := deploy.must(200, "GET", "/api/v2/routing/queues/"+qb["id"].(string), nil); got["name"] != "Queue B" || got["division"].(map[string]any)["id"] != b {
		t.Errorf("queue B after refused writes = %v", got)
	}
	if got := deploy.must(200, "GET", "/api/v2/routing/queues/"+qa["id"].(string), nil); got["division"].(map[string]any)["id"] != a {
		t.Errorf("queue A after refused move = %v", got)
	}
	editor.must(200, "PUT", "/api/v2/routing/queues/"+qa["id"].(string), map[string]any{"name": "Queue A2", "division": map[string]any{"id": a}})
	editor.must(204, "DELETE", "/api/v2/routing/queues/"+qa["id"].(string), nil)
}

// Every kind whose objects lie in divisions hides the other divisions' objects from GET
// and lists, and refuses their deletion: hand-written handlers and the generic entity alike.
func TestPermissionsDivisionsPerKind(t *testing.T) {
	ts, deploy := parallelDevOrg(t)
	a, b := divisionsAB(t, deploy)
	viewer := clientWithRole(t, ts, deploy, "viewer-a", []string{"*:*:view"}, a)
	editor := clientWithRole(t, ts, deploy, "editor-a", []string{"*:*:*"}, a)
	withDivision := func(body map[string]any, div string) map[string]any {
		out := map[string]any{"division": map[string]any{"id": div}}
		for k, v := range body {
			out[k] = v
		}
		return out
	}
	for _, tc := range []struct {
		collection string
		body       func(name, div string) map[string]any
	}{
		{"/api/v2/routing/skills", func(n, d string) map[string]any { return map[string]any{"name": n, "divisionId": d} }},
		{"/api/v2/routing/wrapupcodes", func(n, d string) map[string]any { return withDivision(map[string]any{"name": n}, d) }},
		{"/api/v2/routing/queues", func(n, d string) map[string]any { return withDivision(map[string]any{"name": n}, d) }},
		{"/api/v2/architect/schedules", func(n, d string) map[string]any { return withDivision(newSchedule(n), d) }},
		{"/api/v2/architect/schedulegroups", func(n, d string) map[string]any { return withDivision(map[string]any{"name": n}, d) }},
		{"/api/v2/architect/ivrs", func(n, d string) map[string]any { return withDivision(map[string]any{"name": n}, d) }},
		{"/api/v2/flows", func(n, d string) map[string]any {
			return withDivision(map[string]any{"name": n, "type": "INBOUNDCALL"}, d)
		}},
		{"/api/v2/users", func(n, d string) map[string]any {
			return map[string]any{"name": n, "email": strings.ReplaceAll(n, " ", "") + "@example.com", "divisionId": d}
		}},
		{"/api/v2/architect/emergencygroups", func(n, d string) map[string]any { return withDivision(map[string]any{"name": n}, d) }}, // generic entity
	} {
		t.Run(strings.TrimPrefix(tc.collection, "/api/v2/"), func(t *testing.T) {
			inA := deploy.must(200, "POST", tc.collection, tc.body("In A", a))["id"].(string)
			inB := deploy.must(200, "POST", tc.collection, tc.body("In B", b))["id"].(string)
			viewer.must(200, "GET", tc.collection+"/"+inA, nil)
			viewer.wantError(404, "not.found", "GET", tc.collection+"/"+inB, nil)
			ids, total := listedIDs(t, viewer, tc.collection+"?pageSize=100")
			if !ids[inA] || ids[inB] || total != 1 {
				t.Errorf("viewer lists %v (total %v), want only %s", ids, total, inA)
			}
			if e := editor.do("DELETE", tc.collection+"/"+inB, nil); e.Status != 403 || !bytes.Contains(e.Body, []byte("missing.permissions")) {
				t.Errorf("DELETE of the object in B: %d %s, want 403 missing.permissions", e.Status, e.Body)
			}
			deploy.must(200, "GET", tc.collection+"/"+inB, nil)
			if e := editor.do("POST", tc.collection, tc.body("New in B", b)); e.Status != 403 {
				t.Errorf("create in B: %d %s, want 403", e.Status, e.Body)
			}
			editor.must(200, "POST", tc.collection, tc.body("New in A", a))
		})
	}
}

// The deploy and read-only clients keep their powers: everything for one, every view for
// the other, in every division, including those made after them.
func TestPermissionsDefaultClients(t *testing.T) {
	ts, deploy := parallelDevOrg(t)
	_, b := divisionsAB(t, deploy)
	q := deploy.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Queue B", "division": map[string]any{"id": b}})["id"].(string)
	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", "/api/v2/routing/queues/"+q, nil)
	wantMissing(t, ro, "routing:queue:edit", "PUT", "/api/v2/routing/queues/"+q, map[string]any{"name": "x"})
	wantMissing(t, ro, "telephony:plugin:all", "POST", didPools, map[string]any{"startPhoneNumber": "+13175559000", "endPhoneNumber": "+13175559001"})
}

// A client's grants are subject grants: granting it a role through the API gives it the
// role's permissions on its next call; revoking takes them away.
func TestPermissionsGrantedThroughSubjectAPI(t *testing.T) {
	ts, deploy := parallelDevOrg(t)
	role := deploy.must(200, "POST", "/api/v2/authorization/roles", map[string]any{"name": "Queue viewer", "permissions": []string{"routing:queue:view"}})["id"].(string)
	cred := ts.NewClient(t, "dev", ClientSpec{Name: "late", Role: RoleGranted})
	late := newRawClient(t, ts, "dev", "late")
	wantMissing(t, late, "routing:queue:view", "GET", "/api/v2/routing/queues", nil)
	deploy.must(204, "POST", "/api/v2/authorization/subjects/"+cred.ClientID+"/divisions/*/roles/"+role, nil)
	late.must(200, "GET", "/api/v2/routing/queues", nil)
	// A role still granted to the client cannot be deleted.
	deploy.wantError(400, "bad.request", "DELETE", "/api/v2/authorization/roles/"+role, nil)
	deploy.must(204, "DELETE", "/api/v2/authorization/subjects/"+cred.ClientID+"/divisions/*/roles/"+role, nil)
	wantMissing(t, late, "routing:queue:view", "GET", "/api/v2/routing/queues", nil)
}

// The admin surface makes clients with grants; a grant naming an unknown role or division
// is refused and makes nothing.
func TestAdminCreatesClientWithGrants(t *testing.T) {
	ts, _ := parallelDevOrg(t)
	post := func(body string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", ts.URL+"/admin/orgs/dev/clients", strings.NewReader(body))
		req.Header.Set(adminKeyHeader, ts.AdminKey())
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		json.NewDecoder(resp.Body).Decode(&m) //nolint:errcheck // checked by the callers' assertions
		return resp.StatusCode, m
	}
	status, m := post(`{"name": "viewer", "grants": [{"role": "employee", "divisions": ["Home"]}]}`)
	cred, _ := m["credential"].(map[string]any)
	if status != 200 || cred["client_secret"] == "" || cred["role"] != RoleGranted {
		t.Fatalf("create client: %d %v", status, m)
	}
	ts.Credentials = append(ts.Credentials, Credential{Org: "dev", Name: "viewer", ClientID: cred["client_id"].(string), ClientSecret: cred["client_secret"].(string)})
	viewer := newRawClient(t, ts, "dev", "viewer")
	viewer.must(200, "GET", "/api/v2/routing/queues", nil)
	wantMissing(t, viewer, "routing:queue:add", "POST", "/api/v2/routing/queues", map[string]any{"name": "x"})
	sub := viewer.do("GET", "/api/v2/authorization/subjects/"+cred["client_id"].(string), nil)
	if sub.Status != 403 { // employee holds no authorization:grant:view
		t.Errorf("subject read without authorization:grant:view: %d", sub.Status)
	}
	for _, bad := range []string{
		`{"name": "x", "grants": [{"role": "no such role", "divisions": ["*"]}]}`,
		`{"name": "y", "grants": [{"role": "employee", "divisions": ["no such division"]}]}`,
		`{"name": "viewer", "role": "admin"}`,
		`{"name": "z", "role": "superuser"}`,
	} {
		if status, m := post(bad); status != 400 {
			t.Errorf("%s: %d %v, want 400", bad, status, m)
		}
	}
}

// accessTo matches wildcards per part and collects the divisions of the grants that cover
// the permission.
func TestAccessToWildcards(t *testing.T) {
	held := []heldPermission{
		{pattern: [3]string{"routing", "queue", "view"}, division: "A"},
		{pattern: [3]string{"routing", "*", "edit"}, division: "B"},
		{pattern: [3]string{"architect", "flow", "*"}, division: host.AllDivisions},
	}
	for _, tc := range []struct {
		perm       string
		ok         bool
		restricted bool
		divisions  string
	}{
		{"routing:queue:view", true, true, "A"},
		{"routing:skill:edit", true, true, "B"},
		{"routing:queue:add", false, false, ""},
		{"architect:flow:add", true, false, ""},
		{"architect:schedule:add", false, false, ""},
		{"bogus", false, false, ""},
	} {
		a, ok := accessTo(held, tc.perm)
		var divs []string
		for d := range a.Divisions {
			divs = append(divs, d)
		}
		if ok != tc.ok || a.Restricted != tc.restricted || strings.Join(divs, ",") != tc.divisions {
			t.Errorf("%s: ok %v restricted %v divisions %v, want %v %v %q", tc.perm, ok, a.Restricted, divs, tc.ok, tc.restricted, tc.divisions)
		}
	}
}

// A flow import runs after the upload, outside any route; it is held to the divisions of
// the job's client all the same, and the job says which permission was missing.
func TestPermissionsFlowImportStaysInGrantedDivisions(t *testing.T) {
	ts, deploy := parallelDevOrg(t)
	divisionsAB(t, deploy)
	architect := clientWithRole(t, ts, deploy, "architect-a", []string{"architect:flow:*"}, "A")
	yaml := readFlowFixture(t, "verify_caller.yaml")

	st := uploadFlowJob(t, ts, architect, yaml) // the fixture names division Home
	if msgs := jobTexts(st, "Error"); st["status"] != "Failure" || len(msgs) != 1 || !strings.Contains(msgs[0], "[architect:flow:add]") {
		t.Fatalf("import into Home = %v, want a failure naming architect:flow:add", st)
	}
	if ids, _ := listedIDs(t, deploy, "/api/v2/flows"); len(ids) != 0 {
		t.Errorf("a refused import left flows %v", ids)
	}
	st = uploadFlowJob(t, ts, architect, bytes.Replace(yaml, []byte("division: Home"), []byte("division: A"), 1))
	if st["status"] != "Success" {
		t.Fatalf("import into A = %v", st)
	}
}

// Exporting a flow reads it: a flow of a division the caller cannot see is not there.
func TestPermissionsFlowExportHidesOtherDivisions(t *testing.T) {
	ts, deploy := parallelDevOrg(t)
	divisionsAB(t, deploy)
	st := uploadFlowJob(t, ts, deploy, readFlowFixture(t, "verify_caller.yaml")) // in Home
	id := st["flow"].(map[string]any)["id"].(string)
	viewer := clientWithRole(t, ts, deploy, "flow-viewer-a", []string{"architect:flow:view"}, "A")
	viewer.wantError(404, "not.found", "GET", "/api/v2/flows/"+id, nil)
	viewer.wantError(400, "bad.request", "POST", "/api/v2/flows/export/jobs", map[string]any{"flows": []any{map[string]any{"flow": map[string]any{"id": id}}}})
	deploy.must(200, "POST", "/api/v2/flows/export/jobs", map[string]any{"flows": []any{map[string]any{"flow": map[string]any{"id": id}}}})
}
