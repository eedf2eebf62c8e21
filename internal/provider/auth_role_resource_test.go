package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccAuthRole(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_auth_role.r"
	updated := o.config(`
resource "genesyscloud_auth_role" "r" {
  name        = "Queue editor"
  description = "Edits queues"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["view", "edit"]
  }
}
data "genesyscloud_auth_role" "by_name" {
  name = genesyscloud_auth_role.r.name
}
`)
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_auth_role", rolesPath), o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: rolesPath,
		create: o.config(`
resource "genesyscloud_auth_role" "r" {
  name = "Queue viewer"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["view"]
    conditions {
      conjunction = "AND"
      terms {
        variable_name = "Queue.id"
        operator      = "EQ"
        operands {
          type     = "QUEUE"
          queue_id = "00000000-0000-0000-0000-000000000001"
        }
      }
    }
  }
}
`),
		createChecks: attrChecks(addr, map[string]string{"permissions.#": "0",
			"permission_policies.0.conditions.0.terms.0.operands.0.queue_id": "00000000-0000-0000-0000-000000000001"}),
		update: updated,
		updateChecks: attrChecks(addr, map[string]string{"name": "Queue editor", "permission_policies.0.action_set.#": "2",
			"permission_policies.0.conditions.#": "0"},
			foundByName("genesyscloud_auth_role", addr)),
		// Drift: a policy added in the org is taken away again.
		editInOrg: func(id string) {
			r := orgObject[platform.DomainOrganizationRole](o, rolesPath, id)
			o.do(http.MethodPut, rolesPath+"/"+id, platform.DomainOrganizationRoleUpdate{Name: r.Name, Description: r.Description,
				PermissionPolicies: append(r.PermissionPolicies, platform.DomainPermissionPolicy{Domain: ptr("directory"), EntityName: ptr("user"), ActionSet: []string{"view"}})}, nil)
		},
		restored: inOrg(o, rolesPath, addr, func(r platform.DomainOrganizationRole) error {
			if len(r.PermissionPolicies) != 1 {
				return fmt.Errorf("the org's role has %d policies after apply, want 1", len(r.PermissionPolicies))
			}
			return nil
		}),
	})...)
}

// TestAccAuthRoleDefault manages a built-in role; destroy leaves it in the org.
func TestAccAuthRoleDefault(t *testing.T) {
	o := newAccOrg(t)
	var id string
	o.test(func(*terraform.State) error {
		// The built-in role is still in the org: reading it fails the test otherwise.
		orgObject[platform.DomainOrganizationRole](o, rolesPath, id)
		return nil
	},
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_auth_role" "employee" {
  name            = "employee"
  description     = "What every user may do"
  default_role_id = "employee"
  permission_policies {
    domain      = "directory"
    entity_name = "user"
    action_set  = ["view"]
  }
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("genesyscloud_auth_role.employee", "description", "What every user may do"),
				func(s *terraform.State) error { id = idOf(s, "genesyscloud_auth_role.employee"); return nil },
			),
		},
	)
}
