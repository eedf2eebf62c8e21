package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestAccFlowScriptReference: a flow's screen pop script is looked up like any served kind:
// one that neither exists nor is declared fails the plan with the file and line, and one
// declared in the same configuration (by its script_name) lets the flow publish.
func TestAccFlowScriptReference(t *testing.T) {
	script := filepath.Join(t.TempDir(), "intake.json")
	if err := os.WriteFile(script, []byte(`{"startPageName":"Start","pages":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// An inbound call flow whose screen pop shows the script "Claims Intake" (line 18,
	// column 17 names it).
	testFlowReference(t, orgFlowFixture(t, "claims_screen_pop.yaml"),
		`flow.yaml:18:17: script "Claims Intake" does not exist in the org and is not created by this configuration`,
		fmt.Sprintf(`
resource "genesyscloud_script" "intake" {
  filepath    = %q
  script_name = "Claims Intake"
}`, script), "genesyscloud_script.intake")
}
