package ci

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cxascode/cxascode/internal/workspace"
)

// writeWorkspace writes files (slash-separated paths relative to the root → content) into a
// new directory and returns it.
func writeWorkspace(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for rel, content := range files {
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// loadPipeline loads the workspace at root and its graph (failing the test on errors there)
// and returns what New makes of them.
func loadPipeline(t *testing.T, root string) (*Pipeline, *workspace.Graph, error) {
	t.Helper()
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, diags := workspace.BuildGraph(ws)
	if workspace.Diagnostics(diags).HasErrors() {
		t.Fatalf("workspace graph: %v", diags)
	}
	p, err := New(ws, g, Options{})
	return p, g, err
}

// examplePipeline is the pipeline of the example contact center.
func examplePipeline(t *testing.T) (*Pipeline, *workspace.Graph) {
	t.Helper()
	p, g, err := loadPipeline(t, filepath.Join("..", "..", "examples", "contact-center"))
	if err != nil {
		t.Fatal(err)
	}
	return p, g
}
