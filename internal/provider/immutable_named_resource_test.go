package provider

import (
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// immutableNamedCase is one kind whose only attribute is a name that cannot change in place
// (skills, languages): the same life is checked for each.
type immutableNamedCase struct {
	tfType, label, apiPath string
	// first and renamed are the names before and after the rename that replaces the object.
	first, renamed string
	// createdChecks are checked after the first apply besides the name, lookup and existence.
	createdChecks []resource.TestCheckFunc
}

// testImmutableNamedResource creates an object, renames it (a replacement that must leave
// the old object gone), imports it, and recreates it after it is deleted in the org.
func testImmutableNamedResource(t *testing.T, c immutableNamedCase) {
	o := newAccOrg(t)
	addr := c.tfType + "." + c.label
	config := func(name string) string {
		return o.config(`
resource "` + c.tfType + `" "` + c.label + `" {
  name = "` + name + `"
}
data "` + c.tfType + `" "by_name" {
  name = ` + addr + `.name
}
`)
	}
	var st lastState
	created := append([]resource.TestCheckFunc{resource.TestCheckResourceAttr(addr, "name", c.first)}, c.createdChecks...)
	created = append(created,
		resource.TestCheckResourceAttrPair("data."+c.tfType+".by_name", "id", addr, "id"),
		o.checkExists(addr, c.apiPath),
		st.capture,
	)
	o.test(o.checkDestroyed(c.tfType, c.apiPath),
		resource.TestStep{
			Config: config(c.first),
			Check:  resource.ComposeAggregateTestCheckFunc(created...),
		},
		resource.TestStep{
			// A new name replaces the object; the old one must be gone from the org.
			Config:           config(c.renamed),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionReplace),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", c.renamed),
				func(*terraform.State) error {
					return o.expectGone(c.apiPath + "/" + st.id(addr))
				},
				st.capture,
			),
		},
		importStep(addr),
		resource.TestStep{
			// Drift: the object is deleted in the org; the plan must notice and apply recreate it.
			PreConfig:        func() { o.do(http.MethodDelete, c.apiPath+"/"+st.id(addr), nil, nil) },
			Config:           config(c.renamed),
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionCreate),
			Check:            o.checkExists(addr, c.apiPath),
		},
	)
}
