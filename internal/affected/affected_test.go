package affected

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/workspace"
)

func write(t *testing.T, root, name, content string) {
	t.Helper()
	path := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func git(t *testing.T, root string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=cx", "-c", "user.email=cx@example.com"}, args...)...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func graph(t *testing.T, root string) *workspace.Graph {
	t.Helper()
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := workspace.BuildGraph(ws)
	return g
}

// TestSince: a changed shared project affects its dependents; an untracked file in a flow
// project affects that project alone; nothing changed affects nothing.
func TestSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	ctx := context.Background()
	root := t.TempDir()
	write(t, root, "shared-skills/main.tf", "resource \"genesyscloud_routing_skill\" \"s\" {\n  name = \"Cx Affected\"\n}\n")
	write(t, root, "flow-x/main.tf", "data \"genesyscloud_routing_skill\" \"s\" {\n  name = \"Cx Affected\"\n}\n")
	write(t, root, "flow-y/main.tf", "resource \"terraform_data\" \"y\" {}\n")
	git(t, root, "init", "-q")
	git(t, root, "add", "-A")
	git(t, root, "commit", "-qm", "start")

	if got, err := Since(ctx, root, graph(t, root), "HEAD"); err != nil || len(got) != 0 {
		t.Errorf("nothing changed: %v %v", got, err)
	}
	write(t, root, "flow-y/notes.tf", "# new\n")
	if got, err := Since(ctx, root, graph(t, root), "HEAD"); err != nil || !slices.Equal(got, []string{"flow-y"}) {
		t.Errorf("an untracked file in flow-y: %v %v", got, err)
	}
	write(t, root, "shared-skills/main.tf", "resource \"genesyscloud_routing_skill\" \"s\" {\n  name = \"Cx Affected\"\n  # changed\n}\n")
	got, err := Since(ctx, root, graph(t, root), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"shared-skills", "flow-x", "flow-y"} {
		if !slices.Contains(got, want) {
			t.Errorf("a changed shared-skills: %v lacks %s", got, want)
		}
	}
	if _, err := Since(ctx, root, graph(t, root), "no-such-ref"); err == nil || !strings.Contains(err.Error(), "git diff") {
		t.Errorf("an unknown ref: %v", err)
	}
}

func TestSinceOutsideGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(root))
	write(t, root, "p/main.tf", "resource \"terraform_data\" \"x\" {}\n")
	if _, err := Since(context.Background(), root, graph(t, root), "HEAD"); err == nil || !strings.Contains(err.Error(), "needs the workspace in a git repository") {
		t.Errorf("outside git: %v", err)
	}
}
