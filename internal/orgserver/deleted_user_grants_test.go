package orgserver

import (
	"strings"
	"testing"
)

// TestDeletedUserHoldsNoGrants: a real org takes a user's grants away when the user is
// deleted, so neither the role nor the division the grant was made in is kept alive by
// it. The official provider's destroy order (user_roles leaves its grants, then the user,
// the role and the division go) depends on that.
func TestDeletedUserHoldsNoGrants(t *testing.T) {
	_, c := parallelDevOrg(t)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Gone Soon", "email": "gone@example.com"})["id"].(string)
	role := c.must(200, "POST", "/api/v2/authorization/roles", map[string]any{"name": "Queue Viewer", "permissions": []string{"routing:queue:view"}})["id"].(string)
	div := c.must(200, "POST", "/api/v2/authorization/divisions", map[string]any{"name": "Support"})["id"].(string)
	c.must(204, "POST", "/api/v2/authorization/subjects/"+u+"/divisions/"+div+"/roles/"+role, nil)
	m := c.wantError(400, "bad.request", "DELETE", "/api/v2/authorization/divisions/"+div, nil)
	if !strings.Contains(m["message"].(string), "1 role grant(s)") {
		t.Errorf("division in use: message %v does not count the grant", m["message"])
	}

	c.must(200, "DELETE", "/api/v2/users/"+u, nil)
	if r := c.must(200, "GET", "/api/v2/authorization/roles/"+role, nil); r["userCount"].(float64) != 0 {
		t.Errorf("userCount after the holder was deleted = %v, want 0", r["userCount"])
	}
	if sg := c.must(200, "GET", "/api/v2/authorization/roles/"+role+"/subjectgrants", nil); sg["total"].(float64) != 0 {
		t.Errorf("subject grants after the holder was deleted = %v", sg)
	}
	// Either order works: the grant went with the user.
	c.must(204, "DELETE", "/api/v2/authorization/divisions/"+div, nil)
	c.must(204, "DELETE", "/api/v2/authorization/roles/"+role, nil)

	// Restoring the user does not bring the grants back.
	c.must(200, "PATCH", "/api/v2/users/"+u, map[string]any{"version": 2, "state": "active"})
	if got := c.must(200, "GET", "/api/v2/authorization/subjects/"+u, nil); len(got["grants"].([]any)) != 0 {
		t.Errorf("restored user's grants = %v", got["grants"])
	}
}
