package orgserver

import (
	"strings"
	"testing"
)

func TestScheduleConsumedResources(t *testing.T) {
	_, c := parallelDevOrg(t)
	l := c.must(200, "GET", "/api/v2/architect/dependencytracking/consumedresources"+q("id", "f1", "version", "1.0", "objectType", "INBOUNDCALLFLOW"), nil)
	if e, ok := l["entities"].([]any); !ok || len(e) != 0 || l["total"].(float64) != 0 || l["pageCount"].(float64) != 0 || l["pageSize"].(float64) != 25 {
		t.Errorf("consumed resources = %v", l)
	}
	m := c.wantError(400, "bad.request", "GET", "/api/v2/architect/dependencytracking/consumedresources"+q("id", "f1", "version", "1.0"), nil)
	if !strings.Contains(m["message"].(string), "[objectType]") {
		t.Errorf("message %q does not name objectType", m["message"])
	}
}
