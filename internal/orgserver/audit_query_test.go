package orgserver

import (
	"encoding/json"
	"testing"
	"time"
)

func TestAuditRealtimeQuery(t *testing.T) {
	ts, c := parallelDevOrg(t)
	before := time.Now().UTC().Add(-time.Minute)
	skill := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Billing"})["id"].(string)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Ann", "email": "ann@example.com"})["id"].(string)
	c.must(200, "PATCH", "/api/v2/users/"+u, map[string]any{"version": 1, "title": "Agent"})
	c.must(200, "POST", "/api/v2/users/"+u+"/routingskills", map[string]any{"id": skill, "proficiency": 4})
	interval := before.Format(time.RFC3339) + "/" + time.Now().UTC().Add(time.Minute).Format(time.RFC3339)

	ro := newRawClient(t, ts, "dev", "readonly") // a query is a read
	res := ro.must(200, "POST", "/api/v2/audits/query/realtime", map[string]any{
		"interval": interval, "serviceName": "Directory",
		"filters": []any{map[string]any{"property": "EntityId", "value": u}, map[string]any{"property": "Action", "value": "Update"}},
		"sort":    []any{map[string]any{"name": "Timestamp", "sortOrder": "ascending"}},
	})
	if res["total"].(float64) != 2 || res["pageCount"].(float64) != 1 {
		t.Fatalf("results = %v", res)
	}
	type msg struct {
		Client          struct{ ID string } `json:"client"`
		Context         map[string]string   `json:"context"`
		EventDate       string              `json:"eventDate"`
		Action          string              `json:"action"`
		EntityType      string              `json:"entityType"`
		Entity          struct{ ID, Name string }
		PropertyChanges []struct {
			Property             string
			OldValues, NewValues []string
		} `json:"propertyChanges"`
	}
	var msgs []msg
	b, _ := json.Marshal(res["entities"])
	if err := json.Unmarshal(b, &msgs); err != nil {
		t.Fatal(err)
	}
	deploy := ts.Credential(t, "dev", "deploy")
	for _, m := range msgs {
		if m.Client.ID != deploy.ClientID || m.Context["clientName"] != "deploy" || m.EntityType != "User" || m.Entity.ID != u || m.Entity.Name != "Ann" {
			t.Errorf("who/what = %+v", m)
		}
		if at, err := time.Parse(time.RFC3339Nano, m.EventDate); err != nil || at.Before(before) {
			t.Errorf("eventDate = %q", m.EventDate)
		}
	}
	title := msgs[0].PropertyChanges
	if len(title) != 1 || title[0].Property != "title" || len(title[0].OldValues) != 0 || title[0].NewValues[0] != "Agent" {
		t.Errorf("title change = %+v", title)
	}
	sk := msgs[1].PropertyChanges
	if len(sk) != 1 || sk[0].Property != "routingSkills" || len(sk[0].OldValues) != 0 || len(sk[0].NewValues) != 1 {
		t.Fatalf("skill change = %+v", sk)
	}
	var added struct {
		ID, Name    string
		Proficiency float64
	}
	if err := json.Unmarshal([]byte(sk[0].NewValues[0]), &added); err != nil || added.ID != skill || added.Name != "Billing" || added.Proficiency != 4 {
		t.Errorf("added skill value = %q", sk[0].NewValues[0])
	}

	// Default order is newest first; filters by client and entity type; paging.
	all := c.must(200, "POST", "/api/v2/audits/query/realtime", map[string]any{"interval": interval, "pageSize": 3,
		"filters": []any{map[string]any{"property": "ClientId", "value": deploy.ClientID}}})
	if all["total"].(float64) != 4 || all["pageCount"].(float64) != 2 || len(all["entities"].([]any)) != 3 {
		t.Errorf("all = %v", all)
	}
	if first := all["entities"].([]any)[0].(map[string]any); first["action"] != "Update" || first["serviceName"] != "Directory" {
		t.Errorf("newest = %v", first)
	}
	sk2 := c.must(200, "POST", "/api/v2/audits/query/realtime", map[string]any{"interval": interval,
		"filters": []any{map[string]any{"property": "EntityType", "value": "Skill"}}})
	if sk2["total"].(float64) != 1 {
		t.Errorf("skill events = %v", sk2)
	}
	old := c.must(200, "POST", "/api/v2/audits/query/realtime", map[string]any{"interval": "2020-01-01T00:00:00Z/2020-01-02T00:00:00Z"})
	if old["total"].(float64) != 0 || len(old["entities"].([]any)) != 0 {
		t.Errorf("empty interval = %v", old)
	}

	c.wantError(400, "bad.request", "POST", "/api/v2/audits/query/realtime", map[string]any{})
	c.wantError(400, "invalid.date", "POST", "/api/v2/audits/query/realtime", map[string]any{"interval": "yesterday"})
	c.wantError(400, "invalid.value", "POST", "/api/v2/audits/query/realtime", map[string]any{"interval": interval,
		"filters": []any{map[string]any{"property": "Colour", "value": "x"}}})
	c.wantError(400, "invalid.value", "POST", "/api/v2/audits/query/realtime", map[string]any{"interval": interval,
		"sort": []any{map[string]any{"name": "Timestamp", "sortOrder": "sideways"}}})

	sm := ro.must(200, "GET", "/api/v2/audits/query/realtime/servicemapping", nil)
	found := false
	for _, s := range sm["services"].([]any) {
		if s.(map[string]any)["name"] == "PeoplePermissions" {
			found = true
		}
	}
	if !found {
		t.Errorf("servicemapping = %v", sm)
	}
}
