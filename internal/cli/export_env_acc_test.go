package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// hotlineFlowYAML is the smallest inbound call flow (kinds_backport_acc_test.go's) with a
// greeting naming a phone number, an e-mail address and a URL: values that differ per
// environment.
var hotlineFlowYAML = strings.NewReplacer("Cx Kinds Evacuation", "Cx Export Hotline",
	"Our office is closed because of an emergency.", "Call tel:+13175550100, write to help@example.com or visit https://help.example.com.").
	Replace(evacuationFlowYAML)

// TestAccExportFlowSubstitutions: a flow's environment-specific values are exported behind
// {{placeholders}} filled from the environment's tfvars; the exported workspace adopts the
// flow without publishing it, and cx check finds nothing hard-coded.
func TestAccExportFlowSubstitutions(t *testing.T) {
	base, ts, cx := newDevSource(t)
	src, out := filepath.Join(base, "src"), filepath.Join(base, "exported")
	writeTestFile(t, filepath.Join(src, "flow-hotline", "main.tf"), sharedProvider+`
resource "genesyscloud_flow" "hotline" {
  filepath = "${path.module}/hotline.yaml"
}
`)
	writeTestFile(t, filepath.Join(src, "flow-hotline", "hotline.yaml"), hotlineFlowYAML)
	if _, _, code := cx.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply the flow: exit %d", code)
	}
	if _, _, code := cx.run("export", "--env", "dev", "--into", out, "--include", "flow:Cx Export Hotline"); code != 0 {
		t.Fatalf("export: exit %d", code)
	}
	project := filepath.Join(out, "flow-cx-export-hotline")
	yaml := readTestFile(t, filepath.Join(project, "flows", "cx-export-hotline.yaml"))
	for _, want := range []string{"{{cx_export_hotline_phone_1}}", "{{cx_export_hotline_email_1}}", "{{cx_export_hotline_url_1}}"} {
		if !strings.Contains(yaml, want) {
			t.Errorf("the exported flow has no %s:\n%s", want, yaml)
		}
	}
	if flow := readTestFile(t, filepath.Join(project, "flow.tf")); !strings.Contains(flow, "cx_export_hotline_phone_1 = var.cx_export_hotline_phone_1") {
		t.Errorf("the flow resource does not fill the placeholders from variables:\n%s", flow)
	}
	if tfvars := readTestFile(t, filepath.Join(project, "env", "dev.tfvars")); !strings.Contains(tfvars, `"+13175550100"`) || !strings.Contains(tfvars, `"https://help.example.com"`) {
		t.Errorf("env/dev.tfvars:\n%s", tfvars)
	}
	exported := &accCX{t: t, root: out, ts: ts}
	checkNoHardCodedValues(t, exported)
	for _, p := range checkPlanImportsOnly(t, exported).Projects {
		if log := readTestFile(t, p.Log); strings.Contains(log, "published_version") && strings.Contains(log, "known after apply") {
			t.Errorf("plan of %s right after export publishes the flow:\n%s", p.Project, log)
		}
	}
	if _, _, code := exported.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply the export: exit %d", code)
	}
	if _, _, code := exported.run("plan", "--env", "dev"); code != 0 {
		t.Errorf("plan after applying the export: exit %d, want 0 (no changes)", code)
	}
}
