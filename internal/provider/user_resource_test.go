package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
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
	o.test(o.checkDestroyed("genesyscloud_user", usersPath),
		resource.TestStep{
			// Block syntax of the official provider's examples.
			Config: o.config(deps + `
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
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "state", "active"),
				resource.TestCheckResourceAttr(addr, "acd_auto_answer", "false"),
				resource.TestCheckResourceAttrSet(addr, "division_id"),
				resource.TestCheckResourceAttr(addr, "routing_skills.0.proficiency", "4.5"),
				resource.TestCheckResourceAttrPair(addr, "routing_skills.0.skill_id", "genesyscloud_routing_skill.billing", "id"),
				resource.TestCheckResourceAttr(addr, "routing_languages.0.proficiency", "3"),
				resource.TestCheckResourceAttr(addr, "addresses.0.phone_numbers.0.media_type", "PHONE"),
				resource.TestCheckResourceAttr(addr, "addresses.0.phone_numbers.0.type", "WORK"),
				resource.TestCheckResourceAttr(addr, "employer_info.0.employee_id", "E-1"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_user.by_email", "id", addr, "id"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_user.by_name", "id", addr, "id"),
				o.checkExists(addr, usersPath),
			),
		},
		resource.TestStep{
			Config:           updated,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", "Ann Agent-Smith"),
				resource.TestCheckResourceAttr(addr, "state", "inactive"),
				resource.TestCheckResourceAttr(addr, "manager", manager),
				resource.TestCheckNoResourceAttr(addr, "department"),
				resource.TestCheckResourceAttr(addr, "routing_skills.#", "0"),
				resource.TestCheckResourceAttr(addr, "routing_languages.#", "1"), // unmanaged, kept
				resource.TestCheckResourceAttr(addr, "profile_skills.#", "1"),    // unmanaged, kept
				resource.TestCheckResourceAttr(addr, "certifications.#", "0"),
				resource.TestCheckResourceAttr(addr, "addresses.#", "0"),
				resource.TestCheckResourceAttr(addr, "employer_info.#", "0"),
				st.capture,
			),
		},
		resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password"}},
		resource.TestStep{
			// Drift: a title edited and a skill assigned in the org are put back.
			PreConfig: func() {
				id := st.id(addr)
				u := orgObject[platform.User](o, usersPath, id)
				o.do(http.MethodPatch, usersPath+"/"+id, platform.UpdateUser{Version: u.Version, Title: ptr("edited in the UI")}, nil)
				skill := st.s.RootModule().Resources["genesyscloud_routing_skill.billing"].Primary.ID
				o.do(http.MethodPut, usersPath+"/"+id+"/routingskills/bulk", []platform.UserRoutingSkillPost{{ID: &skill, Proficiency: ptr(1.0)}}, nil)
			},
			Config:           updated,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: func(s *terraform.State) error {
				u := orgObject[platform.User](o, usersPath, idOf(s, addr)+"?expand=skills")
				if deref(u.Title) != "Senior agent" || len(u.Skills) != 0 {
					return fmt.Errorf("after apply the org has title %q and %d skills", deref(u.Title), len(u.Skills))
				}
				return nil
			},
		},
	)
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
