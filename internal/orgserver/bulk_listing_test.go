package orgserver

import (
	"reflect"
	"testing"
)

// The provider answers many reads of users, groups and roles from one listing (its bulk
// reads), which is only right when a listed entry is exactly what GET by id returns with
// the same query: a user's routing skills and languages included.
func TestListEntriesAreWhatGetByIDReturns(t *testing.T) {
	_, c := parallelDevOrg(t)
	skill := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Billing"})["id"].(string)
	lang := c.must(200, "POST", "/api/v2/routing/languages", map[string]any{"name": "Welsh"})["id"].(string)
	user := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Ann", "email": "ann@example.com"})["id"].(string)
	c.must(200, "PUT", "/api/v2/users/"+user+"/routingskills/bulk", []map[string]any{{"id": skill, "proficiency": 3}})
	c.must(200, "PATCH", "/api/v2/users/"+user+"/routinglanguages/bulk", []map[string]any{{"id": lang, "proficiency": 4}})
	group := c.must(200, "POST", "/api/v2/groups", map[string]any{"name": "Tier 1", "type": "official", "visibility": "public", "rulesVisible": true})["id"].(string)
	c.must(202, "POST", "/api/v2/groups/"+group+"/members", map[string]any{"memberIds": []string{user}})
	role := c.must(200, "POST", "/api/v2/authorization/roles", map[string]any{"name": "Agents", "permissions": []string{"routing:queue:view"}})["id"].(string)

	for _, tc := range []struct{ collection, id, query string }{
		{"/api/v2/users", user, "expand=skills,languages"},
		{"/api/v2/groups", group, ""},
		{"/api/v2/authorization/roles", role, ""},
	} {
		byID := c.must(200, "GET", tc.collection+"/"+tc.id+"?"+tc.query, nil)
		listing := c.must(200, "GET", tc.collection+"?pageSize=500&"+tc.query, nil)
		var listed map[string]any
		for _, e := range listing["entities"].([]any) {
			if e := e.(map[string]any); e["id"] == tc.id {
				listed = e
			}
		}
		if !reflect.DeepEqual(listed, byID) {
			t.Errorf("%s: listed entry\n%v\ndiffers from GET by id\n%v", tc.collection, listed, byID)
		}
	}
}
