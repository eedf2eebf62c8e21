package ci

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/rhysd/actionlint"
)

// newLinter returns actionlint as GitHub users run it, with shellcheck on run: scripts when
// it is installed.
func newLinter(t *testing.T) *actionlint.Linter {
	t.Helper()
	linter, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{Shellcheck: "shellcheck"})
	if err != nil {
		t.Fatal(err)
	}
	return linter
}

// wantLintClean writes p's GitHub workflows into a new directory and fails the test for
// everything actionlint reports in them.
func wantLintClean(t *testing.T, p *Pipeline) {
	t.Helper()
	dir := t.TempDir()
	if _, err := Write(dir, GitHub(p)); err != nil {
		t.Fatal(err)
	}
	linter := newLinter(t)
	for _, f := range GitHub(p) {
		errs, err := linter.LintFile(filepath.Join(dir, filepath.FromSlash(f.Path)), nil)
		if err != nil {
			t.Fatalf("actionlint %s: %v", f.Path, err)
		}
		for _, e := range errs {
			t.Errorf("actionlint %s:%d:%d: %s [%s]", f.Path, e.Line, e.Column, e.Message, e.Kind)
		}
	}
}

// TestActionlintAcceptsTheExampleWorkflows lints the example contact center's generated
// workflows with actionlint: it must report nothing.
func TestActionlintAcceptsTheExampleWorkflows(t *testing.T) {
	// A control: the same linter finds a need naming no job, so silence below means something.
	broken := []byte("on: push\njobs:\n  a:\n    needs: [nope]\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n")
	if errs, err := newLinter(t).Lint("broken.yml", broken, nil); err != nil || len(errs) == 0 {
		t.Fatalf("actionlint found nothing wrong with a broken workflow (%v)", err)
	}
	p, _ := examplePipeline(t)
	wantLintClean(t, p)
}
