package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccUserPrompt: a prompt is made with one resource (block syntax, as the official
// examples write it), given a second language and new text in place, found by name,
// imported, put back after a console edit, replaced on a new name, and deleted on destroy;
// a name flows cannot refer to is refused with the API's answer.
func TestAccUserPrompt(t *testing.T) {
	o := newAccOrg(t)
	addr := "genesyscloud_architect_user_prompt.it"
	const coll = "/api/v2/architect/prompts"
	english := `
  resources {
    language   = "en-us"
    text       = "Welcome"
    tts_string = "Welcome to support"
  }`
	german := `
  resources {
    language   = "de-de"
    text       = "Willkommen"
    tts_string = "Willkommen beim Support"
  }`
	config := func(name, description, resources string) string {
		return o.config(fmt.Sprintf("resource \"genesyscloud_architect_user_prompt\" \"it\" {\n  name        = %q\n  description = %q%s\n}\n", name, description, resources))
	}
	lookup := "\ndata \"genesyscloud_architect_user_prompt\" \"by_name\" {\n  name = genesyscloud_architect_user_prompt.it.name\n}\n"
	var firstID string
	updated := config("Welcome_greeting", "First words callers hear", english+german)
	o.test(o.checkDestroyed("genesyscloud_architect_user_prompt", coll),
		resource.TestStep{
			Config: config("Welcome_greeting", "First words", english),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "resources.#", "1"),
				resource.TestCheckTypeSetElemNestedAttrs(addr, "resources.*", map[string]string{"language": "en-us", "tts_string": "Welcome to support"}),
				o.checkExists(addr, coll),
				func(s *terraform.State) error { firstID = idOf(s, addr); return nil },
			),
		},
		resource.TestStep{
			Config: updated + lookup,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "resources.#", "2"),
				resource.TestCheckTypeSetElemNestedAttrs(addr, "resources.*", map[string]string{"language": "de-de", "text": "Willkommen"}),
				resource.TestCheckResourceAttr(addr, "description", "First words callers hear"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_architect_user_prompt.by_name", "id", addr, "id"),
			),
		},
		resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true},
		resource.TestStep{
			// Someone edits the German text in the console; apply puts it back.
			PreConfig: func() {
				o.do(http.MethodPut, coll+"/"+firstID+"/resources/de-de", map[string]any{"text": "Hallo", "ttsString": "Hallo"}, nil)
			},
			Config: updated,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: func(s *terraform.State) error {
				var res map[string]any
				o.do(http.MethodGet, coll+"/"+firstID+"/resources/de-de", nil, &res)
				if res["ttsString"] != "Willkommen beim Support" {
					return fmt.Errorf("German resource after apply = %v", res)
				}
				return nil
			},
		},
		resource.TestStep{
			Config: config("Welcome_message", "First words", english),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionReplace),
			}},
			Check: func(*terraform.State) error { return o.expectGone(coll + "/" + firstID) },
		},
		resource.TestStep{
			Config:      config("Welcome_message", "First words", english) + "resource \"genesyscloud_architect_user_prompt\" \"bad\" {\n  name = \"Main menu\"\n}\n",
			ExpectError: regexp.MustCompile(`(?s)Could not create user prompt "Main menu".*\[name\] must start with a letter`),
		},
	)
}

// greetingFlowYAML plays the user prompt Welcome_greeting as its greeting.
var greetingFlowYAML = inboundCallFlowGreeting("Greeting line", "Greet_1", "exp: AudioPlaybackOptions(ToAudio(Prompt.Welcome_greeting), true)", `  tasks:
    - task:
        name: Greet
        refId: Greet_1
        actions:
          - disconnect:
              name: Goodbye
`)

// TestAccFlowPromptReference: now that user prompts are served, the plan-time reference
// check looks them up: a prompt that neither exists nor is declared fails the plan with the
// file and line; one declared in the same configuration lets the flow publish.
func TestAccFlowPromptReference(t *testing.T) {
	testFlowReference(t, greetingFlowYAML,
		`user prompt "Welcome_greeting" does not exist in the org and is not created by this configuration`, `
resource "genesyscloud_architect_user_prompt" "welcome" {
  name = "Welcome_greeting"
  resources {
    language   = "en-us"
    tts_string = "Welcome"
  }
}`, "genesyscloud_architect_user_prompt.welcome") // flow_refcheck_datatable_test.go
}
