package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// TestAccResponseAsset: an asset is uploaded from its file (named after it, in the home
// division, found by name), moved to another division in place, imported, put back after a
// console move, replaced when the file's content changes, and deleted on destroy; a name the
// org refuses reaches the user with the API call and correlation id, a filename with
// whitespace is refused at plan time.
func TestAccResponseAsset(t *testing.T) {
	o := newAccOrg(t)
	const typ, addr = "genesyscloud_responsemanagement_responseasset", "genesyscloud_responsemanagement_responseasset.it"
	coll := responseAssetAPI(nil).path
	file := filepath.Join(t.TempDir(), "logo.svg")
	write := func(content string) {
		if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(`<svg xmlns="http://www.w3.org/2000/svg"/>`)
	config := func(division string) string {
		return o.config(supportDivision + "data \"genesyscloud_auth_division_home\" \"home\" {}\n" + fmt.Sprintf(`
resource %q "it" {
  filename    = %q
  division_id = %s
}
`, typ, file, division) + byNameData(typ, addr))
	}
	home, support := config("data.genesyscloud_auth_division_home.home.id"), config("genesyscloud_auth_division.d.id")
	var st lastState
	o.test(o.checkDestroyed(typ, coll),
		resource.TestStep{
			Config: home,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", "logo.svg"),
				resource.TestCheckResourceAttr(addr, "file_content_hash", contentHash([]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))),
				inHomeDivision(addr), foundByName(typ, addr), o.checkExists(addr, coll), st.capture),
		},
		resource.TestStep{
			Config:           support,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(st.updatedInPlace("the asset", addr),
				resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.d", "id"), st.capture),
		},
		// The org keeps no file: an import reads the asset's name as its filename and leaves
		// the hash to the next plan.
		resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"filename", "file_content_hash"}},
		resource.TestStep{
			PreConfig: func() {
				var homeDiv struct{ ID string }
				o.do("GET", "/api/v2/authorization/divisions/home", nil, &homeDiv)
				o.do("PUT", coll+"/"+st.id(addr), map[string]any{"name": "logo.svg", "divisionId": homeDiv.ID}, nil)
			},
			Config:           support,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: inOrg(o, coll, addr, func(a responseAsset) error {
				if a.Division == nil || deref(a.Division.Name) != "Support" {
					return fmt.Errorf("the asset's division after apply = %+v, want Support", a.Division)
				}
				return nil
			}),
		},
		resource.TestStep{
			PreConfig:        func() { write(`<svg xmlns="http://www.w3.org/2000/svg" width="2"/>`) },
			Config:           support,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
			Check:            o.checkExists(addr, coll),
		},
		planFails(o.config(fmt.Sprintf("resource %q \"bad\" {\n  filename = \"my logo.svg\"\n}\n", typ)), regexp.MustCompile(`whitespace`)),
		resource.TestStep{
			Config:      o.config(fmt.Sprintf("resource %q \"bad\" {\n  filename = %q\n  name     = \".hidden\"\n}\n", typ, file)),
			ExpectError: regexp.MustCompile(`(?s)Could not create response asset ".hidden".*POST /api/v2/responsemanagement/responseassets/uploads.*400.*name.*correlation id:\s+[0-9a-f-]{36}`),
		},
	)
}
