package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/orgserver"
)

// TestAccExampleDriftAfterApply is acceptance 2 of `cx drift`: right after `cx apply`, every
// project of the example workspace reports nothing in every environment — no managed drift
// (the normalizer forgives ordering, server defaults and flow layout) and no unmanaged
// object the example's own objects could be mistaken for.
func TestAccExampleDriftAfterApply(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "contact-center")
	if _, err := os.Stat(filepath.Join(src, "cx.hcl")); err != nil {
		t.Skip("examples/contact-center is not there")
	}
	root := t.TempDir()
	cx := newAccCX(t, root, orgserver.NewTestServer(t))
	copyTree(t, src, root)
	for _, env := range []string{"dev", "test", "prod"} {
		if _, _, code := cx.run("apply", "--env", env); code != 0 {
			t.Fatalf("apply %s: exit %d", env, code)
		}
		out, _, code := cx.run("drift", "--env", env, "--json")
		var rep drift.Report
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("drift %s: %v", env, err)
		}
		if code != drift.ExitInSync || len(rep.Findings) != 0 || len(rep.Errors) != 0 {
			t.Errorf("drift %s right after apply: exit %d, findings %+v, errors %+v", env, code, rep.Findings, rep.Errors)
		}
		if len(rep.Projects) != 6 || len(rep.Checked) == 0 {
			t.Errorf("drift %s checked projects %v and %d objects", env, rep.Projects, len(rep.Checked))
		}
	}
}

// copyTree copies a workspace (its files, not Go tests or state) into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		writeTestFile(t, filepath.Join(dst, rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
