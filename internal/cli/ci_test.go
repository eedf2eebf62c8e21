package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/ci"
)

// TestCICommandsWriteIntoTheRepository: for a workspace below its repository's root, cx ci
// github and gitlab write where the CI systems look (the repository root) and run cx in the
// workspace's directory.
func TestCICommandsWriteIntoTheRepository(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	ws := filepath.Join(repo, "contact-center")
	writeTestFile(t, filepath.Join(ws, "cx.hcl"), "environment \"dev\" {\n  org = \"local:dev\"\n}\n")
	writeTestFile(t, filepath.Join(ws, "shared-skills", "main.tf"), sharedSkills)
	for _, system := range []string{"github", "gitlab"} {
		var out, errOut bytes.Buffer
		if code := Main([]string{"ci", system, "-C", ws}, &out, &errOut); code != 0 {
			t.Fatalf("cx ci %s: exit %d\n%s", system, code, errOut.String())
		}
		if !strings.Contains(errOut.String(), "warning: state is local") {
			t.Errorf("cx ci %s should warn that local state does not survive CI runners:\n%s", system, errOut.String())
		}
	}
	deploy := readTestFile(t, filepath.Join(repo, filepath.FromSlash(ci.GitHubDeployFile)))
	if !strings.Contains(deploy, "working-directory: contact-center") {
		t.Errorf("the workflows do not run cx in the workspace:\n%s", deploy)
	}
	gitlab := readTestFile(t, filepath.Join(repo, ci.GitLabFile))
	if !strings.Contains(gitlab, "CX_WORKSPACE: contact-center") || !strings.Contains(gitlab, `- cd "$CX_WORKSPACE"`) {
		t.Errorf(".gitlab-ci.yml does not run cx in the workspace:\n%s", gitlab)
	}
}
