package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestAccFlowImportTakesOnItsFile: a flow published in the org and imported with a file
// that means what the org published (what cx export writes) takes the file on without
// publishing it again: the plan's one update keeps published_version, and so does the apply.
func TestAccFlowImportTakesOnItsFile(t *testing.T) {
	o := newAccOrg(t)
	d := newFlowDir(t, o)
	yaml := inboundCallFlow("Adopted IVR", "Bye_1", "Welcome", `  tasks:
    - task:
        name: Bye
        refId: Bye_1
        actions:
          - disconnect:
              name: Goodbye
`)
	st := o.publishFlowDirectly(yaml)
	if deref(st.Status) != "Success" || st.Flow == nil {
		t.Fatalf("publish the flow in the org: %s %v", deref(st.Status), st.Messages)
	}
	adopt := d.step(yaml, fmt.Sprintf(`
import {
  to = genesyscloud_flow.f
  id = %q
}
resource "genesyscloud_flow" "f" {
  filepath = %q
}
`, deref(st.Flow.ID), d.file()))
	adopt.ConfigPlanChecks = expectPlan(
		plancheck.ExpectResourceAction("genesyscloud_flow.f", plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue("genesyscloud_flow.f", tfjsonpath.New("published_version"), knownvalue.StringExact("1.0")),
	)
	adopt.Check = resource.ComposeAggregateTestCheckFunc(
		resource.TestCheckResourceAttr("genesyscloud_flow.f", "published_version", "1.0"),
		resource.TestCheckResourceAttrSet("genesyscloud_flow.f", "file_content_hash"),
	)
	o.test(o.checkDestroyed("genesyscloud_flow", flowsPath), adopt)
}
