package orgserver

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"
)

// A pageNumber whose offset overflows int used to panic the handler and drop the
// connection; it is a page past the end like any other.
func TestHugePageNumber(t *testing.T) {
	ts, c := parallelDevOrg(t)
	for _, n := range []string{"Alpha", "Beta", "Gamma"} {
		c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": n})
	}
	qid := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Q"})["id"].(string)
	var members []map[string]any
	for _, n := range []string{"Ann", "Bob", "Cid"} {
		members = append(members, map[string]any{"id": seedRoutingUser(t, ts, "dev", routingUser{name: n})})
	}
	c.must(204, "POST", "/api/v2/routing/queues/"+qid+"/members", members)

	for _, number := range []string{"4611686018427387905", fmt.Sprint(math.MaxInt64), "9223372036854775" + "000"} {
		for _, path := range []string{
			"/api/v2/routing/skills?pageSize=2&pageNumber=" + number,
			"/api/v2/routing/queues/" + qid + "/members?pageSize=2&pageNumber=" + number,
		} {
			l := c.must(200, "GET", path, nil)
			if e, ok := l["entities"].([]any); !ok || len(e) != 0 {
				t.Errorf("GET %s: entities %v, want an empty list", path, l["entities"])
			}
			if _, has := l["nextUri"]; has {
				t.Errorf("GET %s: nextUri %v past the last page", path, l["nextUri"])
			}
		}
	}
	huge := json.Number("4611686018427387905")
	res := c.must(200, "POST", "/api/v2/users/search", map[string]any{"pageSize": 2, "pageNumber": huge,
		"query": []any{map[string]any{"type": "STARTS_WITH", "fields": []string{"name"}, "value": "a"}}})
	if r, ok := res["results"].([]any); !ok || len(r) != 0 || res["total"] != 1.0 {
		t.Errorf("users search past the end = %v", res)
	}
	res = c.must(200, "POST", "/api/v2/audits/query/realtime", map[string]any{"interval": auditInterval(), "pageSize": 2, "pageNumber": huge})
	if e, ok := res["entities"].([]any); !ok || len(e) != 0 || res["total"].(float64) < 3 {
		t.Errorf("audit query past the end = %v", res)
	}
}

// A cursor names a position (the sort key), so deleting the item it was made from
// between pages neither breaks nor shifts the listing.
func TestCursorSurvivesDeletedItem(t *testing.T) {
	_, c := parallelDevOrg(t)
	ids := map[string]string{}
	var want []string
	for i := range 6 {
		n := fmt.Sprintf("Group %d", i)
		ids[n] = c.must(200, "POST", "/api/v2/routing/skillgroups", map[string]any{"name": n})["id"].(string)
		want = append(want, n)
	}
	first := c.must(200, "GET", "/api/v2/routing/skillgroups?pageSize=2", nil)
	if got := names(first); !slices.Equal(got, want[:2]) {
		t.Fatalf("page 1 = %v, want %v", got, want[:2])
	}
	c.must(204, "DELETE", "/api/v2/routing/skillgroups/"+ids["Group 1"], nil) // the cursor's item
	second := c.must(200, "GET", first["nextUri"].(string), nil)
	if got := names(second); !slices.Equal(got, want[2:4]) {
		t.Fatalf("page after a deleted cursor item = %v, want %v", got, want[2:4])
	}
	// The same holds backwards: previousUri names page 2's first item.
	c.must(204, "DELETE", "/api/v2/routing/skillgroups/"+ids["Group 2"], nil)
	if got := names(c.must(200, "GET", second["previousUri"].(string), nil)); !slices.Equal(got, want[:1]) {
		t.Errorf("page before a deleted cursor item = %v, want %v", got, want[:1])
	}
	third := c.must(200, "GET", second["nextUri"].(string), nil)
	if got := names(third); !slices.Equal(got, want[4:]) {
		t.Errorf("page 3 = %v, want %v", got, want[4:])
	}
	if _, has := third["nextUri"]; has {
		t.Errorf("last page has nextUri %v", third["nextUri"])
	}
}

// auditInterval is an audit query interval around now.
func auditInterval() string {
	now := time.Now().UTC()
	return now.Add(-time.Hour).Format(time.RFC3339) + "/" + now.Add(time.Hour).Format(time.RFC3339)
}
