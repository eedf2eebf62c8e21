package provider

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// apiUser creates a user through the API (for tests that need one but do not test users).
func (o *accOrg) apiUser(name, email string) string {
	o.t.Helper()
	var u platform.User
	o.do(http.MethodPost, usersPath, platform.CreateUser{Name: &name, Email: &email}, &u)
	return deref(u.ID)
}

// groupMemberIDs lists a group's members through the API.
func (o *accOrg) groupMemberIDs(id string) []string {
	o.t.Helper()
	var l struct {
		Entities []platform.User `json:"entities"`
	}
	o.do(http.MethodGet, groupsPath+"/"+id+"/members", nil, &l)
	var ids []string
	for _, u := range l.Entities {
		ids = append(ids, deref(u.ID))
	}
	return ids
}

func TestAccGroup(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_group.g"
	ann := o.apiUser("Ann Agent", "ann@example.com")
	bob := o.apiUser("Bob Agent", "bob@example.com")
	updated := o.config(fmt.Sprintf(`
resource "genesyscloud_group" "g" {
  name          = "Billing agents"
  visibility    = "members"
  rules_visible = false
  owner_ids     = [%q]
  member_ids    = [%q]
}
`, bob, bob))
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_group", groupsPath), append(o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: groupsPath,
		create: o.config(fmt.Sprintf(`
resource "genesyscloud_group" "g" {
  name        = "Billing"
  description = "Billing team"
  owner_ids   = [%q]
  member_ids  = [%q]
  addresses {
    number = "+13175550100"
    type   = "GROUPRING"
  }
}
data "genesyscloud_group" "by_name" {
  name = genesyscloud_group.g.name
}
`, ann, ann)),
		createChecks: attrChecks(addr, map[string]string{"type": "official", "visibility": "public", "rules_visible": "true",
			"member_ids.#": "1", "addresses.0.number": "+13175550100"},
			foundByName("genesyscloud_group", addr)),
		update: updated,
		updateChecks: attrChecks(addr, map[string]string{"name": "Billing agents", "visibility": "members", "addresses.#": "0",
			"member_ids.0": bob}),
		// Drift: a member added in the org is removed again.
		editInOrg: func(id string) {
			o.do(http.MethodPost, groupsPath+"/"+id+"/members", platform.GroupMembersUpdate{MemberIds: []string{ann}}, nil)
		},
		restored: func(s *terraform.State) error {
			if got := o.groupMemberIDs(idOf(s, addr)); !slices.Equal(got, []string{bob}) {
				return fmt.Errorf("members in the org after apply = %v, want [%s]", got, bob)
			}
			return nil
		},
	}),
		resource.TestStep{
			// Unset member_ids = unmanaged: members added in the org are left alone.
			PreConfig: func() {
				o.do(http.MethodPost, groupsPath+"/"+st.id(addr)+"/members", platform.GroupMembersUpdate{MemberIds: []string{ann}}, nil)
			},
			Config: o.config(fmt.Sprintf(`
resource "genesyscloud_group" "g" {
  name          = "Billing agents"
  visibility    = "members"
  rules_visible = false
  owner_ids     = [%q]
}
`, bob)),
			ConfigPlanChecks: expectPlan(plancheck.ExpectEmptyPlan()),
			Check:            resource.TestCheckResourceAttr(addr, "member_ids.#", "2"),
		},
	)...)
}
