package cli

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/check"
)

// TestAccCheckExportedSeededOrg: cx export splits an org along the same rule cx check's
// monolith check holds projects to, so the workspace an export of a seeded org writes has
// no monolith finding (nor an over-shared one: both read which kinds stay shared from the
// catalogue).
func TestAccCheckExportedSeededOrg(t *testing.T) {
	// 300 objects: three lines of business, each a flow project, beside the shared ones.
	cx, _, out := seededOrg(t, 300)
	if _, stderr, code := cx.run("export", "--env", "dev", "--into", out); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	report, err := check.Run(out)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	must(t, report.Write(&text, check.FormatText))
	t.Logf("cx check on the exported org:\n%s", text.String())
	for _, f := range report.Findings {
		if f.Check == "monolith" || f.Check == "over-shared" {
			t.Errorf("the export's layout is the one cx check recommends, yet %s at %s: %s", f.ID(), f.Where(), f.Message)
		}
	}
}
