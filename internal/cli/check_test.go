package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckCommand runs cx check on a workspace with one warning and one suppressed
// finding: the exit code follows --fail-on and the check block, every format renders.
func TestCheckCommand(t *testing.T) {
	root := t.TempDir()
	writeTestFile(t, filepath.Join(root, "cx.hcl"), `check {
  suppress "reach-in/remote-state" {
    path   = "flow-claims"
    reason = "migrating off remote state in the next release"
  }
}
`)
	writeTestFile(t, filepath.Join(root, "flow-claims", "main.tf"), `resource "genesyscloud_routing_queue" "claims" {
  name = "Claims"
  lifecycle {
    ignore_changes = [name]
  }
  description = "Insurance claims"
}

data "terraform_remote_state" "queues" {
  backend = "local"
}
`)
	var out, errOut bytes.Buffer
	if code := Main([]string{"check", "-C", root}, &out, &errOut); code != 0 {
		t.Fatalf("a warning fails the default --fail-on error: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{"flow-claims/main.tf:4: warning [hygiene/ignore-changes]", "suppressed [reach-in/remote-state]", "migrating off remote state"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if code := Main([]string{"check", "-C", root, "--fail-on", "warning", "--json"}, &out, &errOut); code != 1 {
		t.Errorf("--fail-on warning with a warning: exit %d, want 1", code)
	}
	var report struct {
		Findings   []struct{ Rule string }
		Suppressed []struct{ Reason string }
	}
	if err := json.Unmarshal(out.Bytes(), &report); err != nil || len(report.Findings) != 1 || len(report.Suppressed) != 1 {
		t.Errorf("--json: %v %+v\n%s", err, report, out.String())
	}
	for _, format := range []string{"markdown", "sarif"} {
		out.Reset()
		if code := Main([]string{"check", "-C", root, "--format", format}, &out, &errOut); code != 0 || out.Len() == 0 {
			t.Errorf("--format %s: exit %d, %d bytes", format, code, out.Len())
		}
	}
	if code := Main([]string{"check", "-C", root, "--fail-on", "fatal"}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "--fail-on") {
		t.Errorf("an unknown --fail-on: exit %d, %s", code, errOut.String())
	}
}
