package ci

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/rhysd/actionlint"
)

// TestActionlintAcceptsTheExampleWorkflows lints the example contact center's generated
// workflows with actionlint (with shellcheck on the run: scripts when it is installed):
// it must report nothing.
func TestActionlintAcceptsTheExampleWorkflows(t *testing.T) {
	p, _ := examplePipeline(t)
	dir := t.TempDir()
	if _, err := Write(dir, GitHub(p)); err != nil {
		t.Fatal(err)
	}
	linter, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{Shellcheck: "shellcheck"})
	if err != nil {
		t.Fatal(err)
	}
	// A control: the same linter finds a need naming no job, so silence below means something.
	broken := []byte("on: push\njobs:\n  a:\n    needs: [nope]\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n")
	if errs, err := linter.Lint("broken.yml", broken, nil); err != nil || len(errs) == 0 {
		t.Fatalf("actionlint found nothing wrong with a broken workflow (%v)", err)
	}
	for _, f := range GitHub(p) {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		errs, err := linter.LintFile(path, nil)
		if err != nil {
			t.Fatalf("actionlint %s: %v", f.Path, err)
		}
		for _, e := range errs {
			t.Errorf("actionlint %s:%d:%d: %s [%s]", f.Path, e.Line, e.Column, e.Message, e.Kind)
		}
	}
}
