package provider

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccSiteNumberPlans checks that a site's number_plans manage the plans they name and
// only those: a plan the org keeps of its own survives every write, a changed plan keeps its
// id, and leaving the blocks out stops managing the plans without removing any.
func TestAccSiteNumberPlans(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_telephony_providers_edges_site.s"
	site := func(plans string) string {
		return o.config(siteLocation + `
resource "genesyscloud_telephony_providers_edges_site" "s" {
  name        = "Plans site"
  location_id = genesyscloud_location.branch.id
  media_model = "Cloud"
` + plans + `}
`)
	}
	shortCodes := func(classification string) string {
		return fmt.Sprintf(`  number_plans {
    name           = "Short codes"
    classification = %q
    match_type     = "digitLength"
    digit_length {
      start = "3"
      end   = "4"
    }
  }
`, classification)
	}
	plansPath := func(s *terraform.State) string {
		return "/api/v2/telephony/providers/edges/sites/" + idOf(s, addr) + "/numberplans"
	}
	type plan struct {
		ID, Name, Classification string
	}
	var shortCodesID string
	orgPlans := func(want ...string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			var plans []plan
			if err := o.api.Do(t.Context(), http.MethodGet, plansPath(s), nil, nil, &plans); err != nil {
				return err
			}
			var got []string
			for _, p := range plans {
				got = append(got, p.Name+"="+p.Classification)
				if p.Name == "Short codes" {
					if shortCodesID != "" && p.ID != shortCodesID {
						return fmt.Errorf("the plan was replaced: id %s → %s", shortCodesID, p.ID)
					}
					shortCodesID = p.ID
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				return fmt.Errorf("plans in the org = %v, want %v", got, want)
			}
			return nil
		}
	}
	o.test(o.checkDestroyed("genesyscloud_telephony_providers_edges_site", "/api/v2/telephony/providers/edges/sites"),
		resource.TestStep{Config: site(""), Check: resource.TestCheckResourceAttr(addr, "number_plans.#", "0")},
		resource.TestStep{
			// The org's own plan, as every real site has a few.
			PreConfig: func() {
				var sites struct{ Entities []struct{ ID string } }
				o.do(http.MethodGet, "/api/v2/telephony/providers/edges/sites?name=Plans%20site", nil, &sites)
				o.do(http.MethodPut, "/api/v2/telephony/providers/edges/sites/"+sites.Entities[0].ID+"/numberplans",
					[]map[string]any{{"name": "Emergency", "classification": "Emergency", "matchType": "numberList",
						"numbers": []map[string]any{{"start": "911", "end": "911"}}}}, nil)
			},
			Config: site(shortCodes("Short")),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "number_plans.#", "1"),
				resource.TestCheckResourceAttr(addr, "number_plans.0.digit_length.0.end", "4"),
				orgPlans("Emergency=Emergency", "Short codes=Short"),
			),
		},
		resource.TestStep{
			Config: site(shortCodes("Internal")),
			Check:  orgPlans("Emergency=Emergency", "Short codes=Internal"),
		},
		resource.TestStep{
			Config: site(""),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "number_plans.#", "0"),
				orgPlans("Emergency=Emergency", "Short codes=Internal"),
			),
		},
	)
}
