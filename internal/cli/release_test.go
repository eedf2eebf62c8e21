package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestReleasesOfAnEnvironmentWithNone: an environment without releases still gives a
// pull-request comment (Markdown) and a JSON list, not an empty output.
func TestReleasesOfAnEnvironmentWithNone(t *testing.T) {
	root := t.TempDir()
	writeTestFile(t, filepath.Join(root, "cx.hcl"), "workspace {\n  name = \"none\"\n}\n\nenvironment \"dev\" {\n  org = \"local:dev\"\n}\n")
	for _, tt := range []struct{ flag, want string }{
		{"--markdown", "### Releases of dev\n\ndev has no release yet (cx apply --env dev --release records one).\n"},
		{"--json", "[]\n"},
	} {
		var out, errOut bytes.Buffer
		if code := Main([]string{"releases", "--env", "dev", tt.flag, "-C", root}, &out, &errOut); code != 0 || out.String() != tt.want {
			t.Errorf("releases %s: exit %d, stdout %q, want %q\n%s", tt.flag, code, out.String(), tt.want, errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := Main([]string{"releases", "--env", "dev", "-C", root}, &out, &errOut); code != 0 || out.Len() != 0 || !strings.Contains(errOut.String(), "no release yet") {
		t.Errorf("releases as text: exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}
