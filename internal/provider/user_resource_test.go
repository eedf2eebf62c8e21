package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccUser(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_user.u"
	manager := o.apiUser("Mia Manager", "mia@example.com")
	deps := `
resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}
resource "genesyscloud_routing_language" "german" {
  name = "German"
}
`
	// Attribute syntax; routing_skills = [] removes every skill, routing_languages is unmanaged.
	updated := o.config(deps + fmt.Sprintf(`
resource "genesyscloud_user" "u" {
  email           = "ann@example.com"
  name            = "Ann Agent-Smith"
  title           = "Senior agent"
  manager         = %q
  acd_auto_answer = true
  state           = "inactive"
  routing_skills  = []
  certifications  = []
}
`, manager))
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_user", usersPath), o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: usersPath,
		// Block syntax of the official provider's examples.
		create: o.config(deps + `
resource "genesyscloud_user" "u" {
  email          = "ann@example.com"
  name           = "Ann Agent"
  password       = "initial-Secret-1"
  department     = "Billing"
  profile_skills = ["Invoices"]
  certifications = ["CX 101"]
  routing_skills {
    skill_id    = genesyscloud_routing_skill.billing.id
    proficiency = 4.5
  }
  routing_languages {
    language_id = genesyscloud_routing_language.german.id
    proficiency = 3
  }
  addresses {
    other_emails {
      address = "ann@home.example.com"
      type    = "HOME"
    }
    phone_numbers {
      number = "+13175550123"
    }
  }
  employer_info {
    employee_id = "E-1"
    date_hire   = "2024-02-01"
  }
}
data "genesyscloud_user" "by_email" {
  email = genesyscloud_user.u.email
}
data "genesyscloud_user" "by_name" {
  name = genesyscloud_user.u.name
}
`),
		createChecks: attrChecks(addr, map[string]string{"state": "active", "acd_auto_answer": "false",
			"routing_skills.0.proficiency": "4.5", "routing_languages.0.proficiency": "3",
			"addresses.0.phone_numbers.0.media_type": "PHONE", "addresses.0.phone_numbers.0.type": "WORK",
			"employer_info.0.employee_id": "E-1"},
			resource.TestCheckResourceAttrSet(addr, "division_id"),
			resource.TestCheckResourceAttrPair(addr, "routing_skills.0.skill_id", "genesyscloud_routing_skill.billing", "id"),
			resource.TestCheckResourceAttrPair("data.genesyscloud_user.by_email", "id", addr, "id"),
			foundByName("genesyscloud_user", addr)),
		update: updated,
		updateChecks: attrChecks(addr, map[string]string{"name": "Ann Agent-Smith", "state": "inactive", "manager": manager,
			"department": absent, "routing_skills.#": "0",
			"routing_languages.#": "1", // unmanaged, kept
			"profile_skills.#":    "1", // unmanaged, kept
			"certifications.#":    "0", "addresses.#": "0", "employer_info.#": "0"}),
		importIgnore: []string{"password"},
		// Drift: a title edited and a skill assigned in the org are put back.
		editInOrg: func(id string) {
			u := orgObject[platform.User](o, usersPath, id)
			o.do(http.MethodPatch, usersPath+"/"+id, platform.UpdateUser{Version: u.Version, Title: ptr("edited in the UI")}, nil)
			skill := st.s.RootModule().Resources["genesyscloud_routing_skill.billing"].Primary.ID
			o.do(http.MethodPut, usersPath+"/"+id+"/routingskills/bulk", []platform.UserRoutingSkillPost{{ID: &skill, Proficiency: ptr(1.0)}}, nil)
		},
		restored: func(s *terraform.State) error {
			u := orgObject[platform.User](o, usersPath, idOf(s, addr)+"?expand=skills")
			if deref(u.Title) != "Senior agent" || len(u.Skills) != 0 {
				return fmt.Errorf("after apply the org has title %q and %d skills", deref(u.Title), len(u.Skills))
			}
			return nil
		},
	})...)
}

// TestAccUserRestoresDeleted: an email held by a deleted user is taken over by restoring
// that user, as the official provider does.
func TestAccUserRestoresDeleted(t *testing.T) {
	o := newAccOrg(t)
	old := o.apiUser("Old Ann", "ann@example.com")
	o.do(http.MethodDelete, usersPath+"/"+old, nil, nil)
	o.test(o.checkDestroyed("genesyscloud_user", usersPath),
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_user" "u" {
  email = "ann@example.com"
  name  = "Ann Agent"
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("genesyscloud_user.u", "id", old),
				resource.TestCheckResourceAttr("genesyscloud_user.u", "name", "Ann Agent"),
				resource.TestCheckResourceAttr("genesyscloud_user.u", "state", "active"),
			),
		},
	)
}
