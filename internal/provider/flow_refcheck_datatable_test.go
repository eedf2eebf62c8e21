package provider

import (
	"fmt"
	"os"
	"testing"
)

// orgFlowFixture is one of the local org's flow fixtures (orgserver/testdata/flows): the
// org's import tests and the plan-time checks here read the same YAML.
func orgFlowFixture(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile("../orgserver/testdata/flows/" + file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAccFlowDataTableReference: now that data tables are served, the plan-time reference
// check looks them up like queues: a table that neither exists nor is declared fails the
// plan with the file and line, and one declared in the same configuration lets the flow
// publish (the org then finds it too).
func TestAccFlowDataTableReference(t *testing.T) {
	// An inbound call flow that looks the caller up in the data table "Known Callers" (line
	// 20, column 17 names it).
	testFlowReference(t, orgFlowFixture(t, "caller_lookup.yaml"),
		`flow.yaml:20:17: data table "Known Callers" does not exist in the org and is not created by this configuration`, `
resource "genesyscloud_architect_datatable" "callers" {
  name = "Known Callers"
  properties {
    name = "key"
    type = "string"
  }
}`, "genesyscloud_architect_datatable.callers")
}

// testFlowReference runs the plan-time reference check both ways on a flow of flowYAML: the
// flow alone fails the plan with wantErr; beside declared, which declares the resource
// dependsOn that the flow refers to, it publishes.
func testFlowReference(t *testing.T, flowYAML, wantErr, declared, dependsOn string) {
	o := newAccOrg(t)
	d := newFlowDir(t, o)
	flow := fmt.Sprintf("resource \"genesyscloud_flow\" \"f\" {\n  filepath = %q\n}\n", d.file())
	missing := d.step(flowYAML, flow)
	missing.ExpectError = outputRegexp(wantErr)
	withDeclared := d.step(flowYAML, declared+fmt.Sprintf(`
resource "genesyscloud_flow" "f" {
  filepath   = %q
  depends_on = [%s]
}
`, d.file(), dependsOn))
	o.test(nil, missing, withDeclared)
}
