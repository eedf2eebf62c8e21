package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// orgScript is what the test reads of a script in the org.
type orgScript struct {
	scriptObject
	StartPageName string `json:"startPageName"`
	PublishedDate string `json:"publishedDate"`
}

// TestAccScript: a script is uploaded from its file with a substitution filled in, published,
// found by name, renamed and moved to another division in place,
// imported, renamed back after a re-upload in the org, and uploaded again when the file
// changes; a second script of a name is refused before anything is sent, a file the org
// cannot import reaches the user with the API call and correlation id, and destroy deletes it.
func TestAccScript(t *testing.T) {
	o := newAccOrg(t)
	const typ, addr = "genesyscloud_script", "genesyscloud_script.it"
	coll := scriptAPI(nil).path
	dir := t.TempDir()
	file := filepath.Join(dir, "sales.json")
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("sales.json", `{"startPageName":"{{start}}","pages":[{"name":"{{start}}","rows":[]}],"variables":{"Scripter.Customer Name":{}}}`)
	write("broken.json", `{"pages":`)
	config := func(name, division string) string {
		return o.config(supportDivision + "data \"genesyscloud_auth_division_home\" \"home\" {}\n" + fmt.Sprintf(`
resource %q "it" {
  filepath      = %q
  script_name   = %q
  division_id   = %s
  substitutions = { start = "Greeting" }
}
`, typ, file, name, division) + byNameDataWith(typ, addr, "script_name", ""))
	}
	first, moved := config("Sales", "data.genesyscloud_auth_division_home.home.id"), config("Sales offers", "genesyscloud_auth_division.d.id")
	var st lastState
	o.test(o.checkDestroyed(typ, coll),
		resource.TestStep{
			Config: first,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "script_name", "Sales"),
				inHomeDivision(addr), foundByName(typ, addr), o.checkExists(addr, coll),
				inOrg(o, coll, addr, func(s orgScript) error {
					if s.StartPageName != "Greeting" || s.PublishedDate == "" {
						return fmt.Errorf("the script in the org = %+v, want its start page substituted and the script published", s)
					}
					return nil
				}), st.capture),
		},
		resource.TestStep{
			Config:           moved,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(st.updatedInPlace("the script", addr),
				resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.d", "id"),
				inOrg(o, coll, addr, func(s orgScript) error {
					if s.Name != "Sales offers" || s.Division == nil || deref(s.Division.Name) != "Support" {
						return fmt.Errorf("the script in the org = %+v, want it renamed and in Support", s)
					}
					return nil
				}), st.capture),
		},
		// The org keeps no file: an import reads the name and division only.
		resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true,
			ImportStateVerifyIgnore: []string{"filepath", "file_content_hash", "substitutions"}},
		resource.TestStep{
			PreConfig: func() {
				if err := uploadScript(context.Background(), o.api, "sales.json", []byte(`{"pages":[]}`), "Sales (copy)", st.id(addr)); err != nil {
					t.Fatal(err)
				}
			},
			Config:           moved,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: inOrg(o, coll, addr, func(s orgScript) error {
				if s.Name != "Sales offers" || s.StartPageName != "Greeting" {
					return fmt.Errorf("the script after apply = %+v, want the configured name and file back", s)
				}
				return nil
			}),
		},
		resource.TestStep{
			PreConfig:        func() { write("sales.json", `{"startPageName":"Offers","pages":[]}`) },
			Config:           moved,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(st.updatedInPlace("the script", addr),
				inOrg(o, coll, addr, func(s orgScript) error {
					if s.StartPageName != "Offers" {
						return fmt.Errorf("the script after the file changed = %+v", s)
					}
					return nil
				})),
		},
		resource.TestStep{
			Config:      moved + fmt.Sprintf("resource %q \"twin\" {\n  filepath    = %q\n  script_name = \"Sales offers\"\n}\n", typ, file),
			ExpectError: regexp.MustCompile(`A script named "Sales offers" exists`),
		},
		resource.TestStep{
			Config:      moved + fmt.Sprintf("resource %q \"broken\" {\n  filepath    = %q\n  script_name = \"Broken\"\n}\n", typ, filepath.Join(dir, "broken.json")),
			ExpectError: regexp.MustCompile(`(?s)Could not create script "Broken".*POST .*/uploads/v2/scripter.*400.*file.*correlation id:\s+[0-9a-f-]{36}`),
		},
	)
}

// TestAccScriptDefaultLookup: the default scripts every org has are found by their names, as
// configurations that give a campaign or a work type the default outbound script do.
func TestAccScriptDefaultLookup(t *testing.T) {
	o := newAccOrg(t)
	o.test(nil, resource.TestStep{
		Config: o.config(`
data "genesyscloud_script" "outbound" {
  name = "Default Outbound Script"
}

data "genesyscloud_script" "callback" {
  name = "Default Callback Script"
}
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttrSet("data.genesyscloud_script.outbound", "id"),
			resource.TestCheckResourceAttrSet("data.genesyscloud_script.callback", "id")),
	})
}

// Scripts go to the upload service on the apps host beside a real org's API host, and to
// the API host itself behind a gateway or for the local org.
func TestScriptUploadURL(t *testing.T) {
	t.Parallel()
	for base, want := range map[string]string{
		"https://api.mypurecloud.com": "https://apps.mypurecloud.com/uploads/v2/scripter",
		"https://api.euw2.pure.cloud": "https://apps.euw2.pure.cloud/uploads/v2/scripter",
		"http://127.0.0.1:8089":       "http://127.0.0.1:8089/uploads/v2/scripter",
		"https://gateway.example.com": "https://gateway.example.com/uploads/v2/scripter",
	} {
		c, err := platform.New(platform.Config{BaseURL: base, AccessToken: "t", RateLimitPerMinute: -1})
		if err != nil {
			t.Fatal(err)
		}
		if got := scriptUploadURL(c); got != want {
			t.Errorf("upload URL for %s = %s, want %s", base, got, want)
		}
	}
}
