package provider

import (
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

const languagesPath = "/api/v2/routing/languages"

func TestAccRoutingLanguage(t *testing.T) {
	o := newAccOrg(t)
	language := func(name string) string {
		return o.config(`
resource "genesyscloud_routing_language" "l" {
  name = "` + name + `"
}
data "genesyscloud_routing_language" "by_name" {
  name = genesyscloud_routing_language.l.name
}
`)
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_routing_language", languagesPath),
		resource.TestStep{
			Config: language("German"),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("genesyscloud_routing_language.l", "name", "German"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_routing_language.by_name", "id", "genesyscloud_routing_language.l", "id"),
				o.checkExists("genesyscloud_routing_language.l", languagesPath),
				st.capture,
			),
		},
		resource.TestStep{
			Config:           language("Swiss German"),
			ConfigPlanChecks: expectAction("genesyscloud_routing_language.l", plancheck.ResourceActionReplace),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("genesyscloud_routing_language.l", "name", "Swiss German"),
				func(*terraform.State) error {
					return o.expectGone(languagesPath + "/" + st.id("genesyscloud_routing_language.l"))
				},
				st.capture,
			),
		},
		importStep("genesyscloud_routing_language.l"),
		resource.TestStep{
			PreConfig:        func() { o.do(http.MethodDelete, languagesPath+"/"+st.id("genesyscloud_routing_language.l"), nil, nil) },
			Config:           language("Swiss German"),
			ConfigPlanChecks: expectDrift("genesyscloud_routing_language.l", plancheck.ResourceActionCreate),
			Check:            o.checkExists("genesyscloud_routing_language.l", languagesPath),
		},
	)
}
