package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wantFirstConfigError parses src as cx.hcl and checks the first problem reported.
func wantFirstConfigError(t *testing.T, src, want string) {
	t.Helper()
	_, err := ParseConfig("cx.hcl", []byte(src))
	if err == nil {
		t.Fatalf("no error, want %s", want)
	}
	if got := strings.Split(err.Error(), "\n")[0]; got != want {
		t.Errorf("error:\n got %s\nwant %s", got, want)
	}
}

// writeFiles creates files (slash paths relative to root) for workspaces built inside a test.
func writeFiles(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
