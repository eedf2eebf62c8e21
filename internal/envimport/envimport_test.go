package envimport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// What Render writes, Parse reads back; a file a person wrote is refused by name; the
// variable is declared once.
func TestRenderParseAndTheVariable(t *testing.T) {
	ids := IDs{}
	ids.Set("dev", "genesyscloud_routing_skill.billing", "11111111-1111-1111-1111-111111111111")
	ids.Set("test", "genesyscloud_routing_skill.billing", "22222222-2222-2222-2222-222222222222")
	ids.Set("test", "genesyscloud_routing_queue.sales", "33333333-3333-3333-3333-333333333333")
	src := Render(ids)
	if n := strings.Count(string(src), "\nimport {"); n != 2 {
		t.Errorf("%d import blocks, want one per address (OpenTofu allows one per resource):\n%s", n, src)
	}
	got, err := Parse(src, "imports.tf")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ids, got); diff != "" {
		t.Errorf("parsed back (-want +got):\n%s", diff)
	}
	if _, err := Parse([]byte("import {\n  to = a.b\n  id = \"1\"\n}\n"), "x/imports.tf"); err == nil || !strings.Contains(err.Error(), "x/imports.tf exists and was not written by cx") {
		t.Errorf("a person's file: %v", err)
	}

	dir := t.TempDir()
	if err := WriteFile(dir, ids); err != nil {
		t.Fatal(err)
	}
	if !Declares(dir) {
		t.Error("WriteFile did not declare the variable")
	}
	if err := os.WriteFile(filepath.Join(dir, VariableFile), []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "vars.tf"), []byte("variable \"cx_environment\" {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := EnsureVariable(dir); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, VariableFile)); string(b) != "# mine\n" {
		t.Error("EnsureVariable wrote over a project that declares the variable itself")
	}
}
