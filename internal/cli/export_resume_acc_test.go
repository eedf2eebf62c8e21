package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cxascode/cxascode/internal/export"
)

// TestAccExportResumes interrupts an export while OpenTofu generates the configuration (the
// context cancelled, as Ctrl-C does), runs the same command again, and checks that it resumed
// — the listings and flows are not read again — and wrote exactly what an export that was
// never interrupted writes.
func TestAccExportResumes(t *testing.T) {
	base, _, cx := newDevSource(t)
	if _, _, code := cx.run("org", "seed", "--objects", "300"); code != 0 {
		t.Fatalf("seed: exit %d", code)
	}
	resumed, fresh := filepath.Join(base, "a", "exported"), filepath.Join(base, "b", "exported")
	args := []string{"export", "--env", "dev", "--into", resumed, "--json", "-C", cx.root}

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stderr := &cancelOn{marker: `"event":"progress","step":"generate"`, cancel: cancel}
	var stdout bytes.Buffer
	code := MainContext(ctx, args, &stdout, stderr)
	t.Logf("cx %s (cancelled once OpenTofu is importing) → exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	if code == 0 || !strings.Contains(stderr.String(), "run the same command again to resume") {
		t.Fatalf("interrupted export: exit %d, want a failure that says how to resume\n%s", code, stderr.String())
	}
	work := filepath.Join(base, "a", ".exported.export-partial")
	if _, err := os.Stat(resumed); !os.IsNotExist(err) {
		t.Errorf("the interrupted export wrote %s (%v)", resumed, err)
	}
	if _, err := os.Stat(filepath.Join(work, "listed.json")); err != nil {
		t.Fatalf("the interrupted export kept no listing: %v", err)
	}

	out, errOut, code := cx.run(args[:len(args)-2]...)
	if code != 0 {
		t.Fatalf("resumed export: exit %d", code)
	}
	if strings.Contains(errOut, `"event":"listed"`) || !strings.Contains(errOut, `"reused":"the org's listing`) || !strings.Contains(errOut, `flow(s) exported"`) {
		t.Errorf("the resumed export did not reuse the listing and the flows:\n%s", errOut)
	}
	var res export.Result
	must(t, json.Unmarshal([]byte(out), &res))
	if _, err := os.Stat(work); !os.IsNotExist(err) {
		t.Errorf("the finished export left its working directory behind (%v)", err)
	}
	if _, _, code := cx.run("export", "--env", "dev", "--into", fresh); code != 0 {
		t.Fatalf("uninterrupted export: exit %d", code)
	}
	checkSameTree(t, "the resumed export", resumed, "the uninterrupted one", fresh)
}

// checkSameTree fails for each file that differs between the trees at gotDir and wantDir,
// or that only one holds.
func checkSameTree(t *testing.T, gotName, gotDir, wantName, wantDir string) {
	t.Helper()
	want, got := readTree(t, wantDir), readTree(t, gotDir)
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s differs between %s and %s:\n%s\n---\n%s", name, gotName, wantName, got[name], data)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s wrote %s, %s did not", gotName, name, wantName)
		}
	}
}

// cancelOn collects what is written and cancels once marker is written.
type cancelOn struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	marker string
	cancel context.CancelFunc
}

func (c *cancelOn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Write(p)
	if strings.Contains(c.buf.String(), c.marker) {
		c.cancel()
	}
	return len(p), nil
}

func (c *cancelOn) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

// readTree is every file under root by its slash path, with its content.
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = readTestFile(t, p)
		return nil
	})
	must(t, err)
	if len(out) == 0 {
		t.Fatalf("%s holds no files", root)
	}
	return out
}
