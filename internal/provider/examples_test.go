package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccExamples applies every examples/resources/<type>/resource.tf against a local org, so
// the documentation's examples are known to work, then destroys it.
func TestAccExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "resources", "*", "resource.tf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found (%v)", err)
	}
	for _, file := range files {
		typeName := filepath.Base(filepath.Dir(file))
		t.Run(typeName, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			// OpenTofu runs a provider in the root module's directory; in-process, the test's
			// working directory stands in for it (genesyscloud_flow reads files relative to it).
			dir, err := filepath.Abs(filepath.Dir(file))
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			o := newAccOrg(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: o.factories(),
				Steps: []resource.TestStep{{
					Config: o.config(string(src)),
					Check: func(s *terraform.State) error {
						for _, rs := range s.RootModule().Resources {
							if rs.Type == typeName {
								return nil
							}
						}
						return fmt.Errorf("example %s declares no %s", file, typeName)
					},
				}},
			})
		})
	}
}
