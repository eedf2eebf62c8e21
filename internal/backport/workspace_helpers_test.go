package backport

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cxascode/cxascode/internal/workspace"
)

// prodCXHCL is the cx.hcl of a test workspace with one environment, prod, on the local org.
const prodCXHCL = "environment \"prod\" {\n  org = \"local:prod\"\n}\n"

// testWorkspace writes files (root-relative, slash separated) into a new directory and loads
// it as a workspace.
func testWorkspace(t *testing.T, files map[string]string) *workspace.Workspace {
	t.Helper()
	root := t.TempDir()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}
