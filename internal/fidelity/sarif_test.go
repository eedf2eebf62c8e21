package fidelity

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/cxascode/cxascode/internal/check"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifDir brings the official SARIF 2.1.0 schema (in @microsoft/jest-sarif, pinned by its
// lock file), relative to this package.
const sarifDir = "../../fidelity/sarif"

// sarifSchema is the schema's file inside the installed package.
const sarifSchema = "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"

// TestSARIFMatchesTheOfficialSchema validates cx check's SARIF — a report with findings of
// every severity and one without any — against the SARIF 2.1.0 JSON schema as OASIS
// publishes it, which code-scanning services read uploads by.
func TestSARIFMatchesTheOfficialSchema(t *testing.T) {
	_, npm := requireNode(t)
	dir, err := filepath.Abs(sarifDir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), suiteTimeout)
	defer cancel()
	installSuite(ctx, t, npm, dir)

	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(sarifSchema)))
	if err != nil {
		t.Fatalf("the SARIF schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatalf("parse the SARIF schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatalf("compile the SARIF schema: %v", err)
	}

	// The schema is really applied: a level SARIF does not know is refused.
	bad := map[string]any{"version": "2.1.0", "runs": []any{map[string]any{
		"tool":    map[string]any{"driver": map[string]any{"name": "cx check"}},
		"results": []any{map[string]any{"message": map[string]any{"text": "x"}, "level": "catastrophic"}},
	}}}
	if schema.Validate(bad) == nil {
		t.Fatal("the schema accepted a result level SARIF does not define: it validates nothing")
	}

	for _, workspace := range []string{
		"../../examples/contact-center",         // warnings and notes, no error
		"../check/testdata/reach-in-by-id",      // an error
		"../check/testdata/hard-coded-flow",     // a finding in flow YAML
		"../check/testdata/hygiene-undescribed", // a note
	} {
		t.Run(filepath.Base(workspace), func(t *testing.T) {
			report, err := check.Run(workspace)
			if err != nil {
				t.Fatal(err)
			}
			if len(report.Findings) == 0 {
				t.Fatalf("%s gave no finding: the SARIF would show no result to validate", workspace)
			}
			var out bytes.Buffer
			if err := report.WriteSARIF(&out); err != nil {
				t.Fatal(err)
			}
			var inst any
			if err := json.Unmarshal(out.Bytes(), &inst); err != nil {
				t.Fatalf("cx check wrote SARIF that is not JSON: %v", err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("cx check's SARIF does not match the official schema:\n%v\n%s", err, out.String())
			}
		})
	}
}
