package check

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// gitWorkspace makes a git repository holding a workspace and commits the given changes in
// order: each commit appends a line to each of its files.
func gitWorkspace(t *testing.T, commits [][]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", root}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=cx", "GIT_AUTHOR_EMAIL=cx@example.com",
			"GIT_COMMITTER_NAME=cx", "GIT_COMMITTER_EMAIL=cx@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	writeFile(t, filepath.Join(root, "cx.hcl"), "workspace {\n  name = \"churn\"\n}\n")
	for i, files := range commits {
		for _, f := range files {
			path := filepath.Join(root, filepath.FromSlash(f))
			old, _ := os.ReadFile(path)
			writeFile(t, path, string(old)+fmt.Sprintf("# change %d\n", i))
		}
		git("add", "-A")
		git("commit", "-q", "-m", fmt.Sprintf("change %d", i))
	}
	return root
}

func repeat(n int, files ...string) [][]string {
	out := make([][]string, n)
	for i := range out {
		out[i] = files
	}
	return out
}

func TestCheckChurn(t *testing.T) {
	for _, tc := range []struct {
		name    string
		commits [][]string
		id      string
		project string
	}{
		{"co-changing projects",
			append(repeat(5, "shared-queues/main.tf", "flow-claims/main.tf"), repeat(1, "flow-claims/main.tf")...),
			"churn/co-changing-projects", "flow-claims"},
		{"independent halves",
			append(repeat(3, "everything/claims.tf", "everything/claims_queues.tf"), repeat(3, "everything/billing.tf")...),
			"churn/independent-halves", "everything"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			report, err := Run(gitWorkspace(t, tc.commits))
			if err != nil {
				t.Fatal(err)
			}
			if len(report.Findings) != 1 {
				t.Fatalf("%d findings, want one %s: %v", len(report.Findings), tc.id, report.Findings)
			}
			f := report.Findings[0]
			if f.ID() != tc.id || f.Project != tc.project {
				t.Errorf("found %s about %s, want %s about %s: %s", f.ID(), f.Project, tc.id, tc.project, f.Message)
			}
			t.Log(f.Message, f.Suggestion)
		})
	}
	// Below the thresholds there is no advice: four shared commits, or halves too quiet.
	for _, commits := range [][][]string{
		repeat(4, "shared-queues/main.tf", "flow-claims/main.tf"),
		append(repeat(3, "everything/claims.tf"), repeat(2, "everything/billing.tf")...),
	} {
		report, err := Run(gitWorkspace(t, commits))
		if err != nil {
			t.Fatal(err)
		}
		if len(report.Findings) != 0 {
			t.Errorf("advice below the thresholds: %v", report.Findings)
		}
	}
}
