package console_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/cxascode/cxascode/internal/cli"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/target"
)

// exampleDir is the example workspace the acceptance deploys.
const exampleDir = "../../examples/contact-center"

// billing line of the example in dev (flow-billing/env/dev.tfvars), and what its test says a
// call pressing 1 on a Tuesday morning reaches (flow-billing/tests/billing.cxtest.hcl).
const (
	billingNumber = "+13175551001"
	billingQueue  = "Billing Payments"
)

// exampleInDev deploys examples/contact-center to dev of ts with cx, as `cx apply --env dev`
// does against a running `cx org serve`: the workspace's .cx/org points at ts. It returns a
// function running cx in the workspace (stdout, exit code). It skips unless acceptance tests
// are enabled (TF_ACC=1, TF_ACC_TERRAFORM_PATH = the tofu binary).
func exampleInDev(t *testing.T, ts *orgserver.TestServer) func(args ...string) (string, int) {
	t.Helper()
	tofu := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || tofu == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to the tofu binary")
	}
	providerDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(providerDir, target.ProviderBinary), "github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build the provider: %v\n%s", err, out)
	}
	t.Setenv("CX_TOFU", tofu)
	t.Setenv("CX_PROVIDER_DIR", providerDir)
	root := t.TempDir()
	copyExample(t, root)
	orgDir := filepath.Join(root, ".cx", "org")
	info, _ := json.Marshal(map[string]any{"pid": os.Getpid(), "url": ts.URL, "started": time.Now().UTC()})
	creds, _ := json.Marshal(orgserver.CredentialsFile{URL: ts.URL, AdminKey: ts.AdminKey(), Clients: ts.Credentials})
	writeFile(t, filepath.Join(orgDir, "server.json"), info)
	writeFile(t, filepath.Join(orgDir, orgserver.CredentialsFileName), creds)
	for _, args := range [][]string{{"init", "--quiet", "--initial-branch=main"}, {"add", "-A"}, {"commit", "--quiet", "-m", "example"}} {
		git := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com"}, args...)...)
		git.Dir = root
		if out, err := git.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	cx := func(args ...string) (string, int) {
		t.Helper()
		var out, errOut bytes.Buffer
		code := cli.Main(append(args, "-C", root), &out, &errOut)
		t.Logf("cx %s → exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		return out.String(), code
	}
	if _, code := cx("apply", "--env", "dev"); code != 0 {
		t.Fatalf("cx apply --env dev: exit %d", code)
	}
	return cx
}

// copyExample copies the example workspace (no Go files, no .cx) into root.
func copyExample(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(exampleDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(exampleDir, path)
		if d.IsDir() {
			if d.Name() == ".cx" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(root, rel), 0o755)
		}
		if strings.HasSuffix(path, ".go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(root, rel), b, 0o644)
	})
	if err != nil {
		t.Fatalf("copy the example: %v", err)
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// exampleAcceptance is issue 18's acceptance on the example deployed to dev: a person signed
// in as the client "console" changes the payments queue's description by hand, sees the
// audit entry, and cx drift reports the change made by "console"; then the simulator view
// follows a call to the billing line pressing 1 in open hours to the payments queue, and the
// page is kept as a screenshot.
func exampleAcceptance(t *testing.T, browser context.Context) {
	ts := orgserver.NewTestServer(t)
	console := ts.NewClient(t, "dev", orgserver.ClientSpec{Name: "console", Role: orgserver.RoleAdmin})
	cx := exampleInDev(t, ts)
	ctx := newTab(t, browser)

	editQueueInBrowser(t, ctx, ts.URL, console, billingQueue, "Edited by hand in the console")
	out, code := cx("drift", "--env", "dev", "--json")
	if code != drift.ExitDrift {
		t.Fatalf("cx drift after the console's edit: exit %d, want %d", code, drift.ExitDrift)
	}
	var rep drift.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("cx drift --json: %v", err)
	}
	var found bool
	for _, f := range rep.Findings {
		if f.Type != "genesyscloud_routing_queue" || f.Name != billingQueue {
			continue
		}
		found = true
		if a := f.Attribution; a == nil || a.Who != "console" || a.Client != console.ClientID {
			t.Errorf("the queue's drift is attributed to %+v, want the client console (%s)", a, console.ClientID)
		}
	}
	if !found {
		t.Errorf("cx drift does not report the queue %s: %+v", billingQueue, rep.Findings)
	}

	do(t, ctx, "simulate a call to the billing line pressing 1 on a Tuesday morning",
		chromedp.Click(chromedp.CSS(`a[href$="/console/simulate"]`)),
		chromedp.WaitVisible(chromedp.CSS("#simulate")),
		chromedp.SetValue(chromedp.CSS("#sim-number"), billingNumber),
		chromedp.SetValue(chromedp.CSS("#sim-at"), "2026-03-10T10:00"),
		chromedp.SetValue(chromedp.CSS("#sim-zone"), "America/New_York"),
		chromedp.SetValue(chromedp.CSS("#sim-dtmf"), "1"),
		chromedp.Submit(chromedp.CSS("#simulate")),
		chromedp.WaitVisible(chromedp.CSS("#sim-final")))
	if q := read(t, ctx, chromedp.Text(chromedp.CSS("#sim-queue"))); q != billingQueue {
		t.Errorf("the call reached the queue %q, want %q", q, billingQueue)
	}
	if s := read(t, ctx, chromedp.Text(chromedp.CSS("#sim-schedule"))); s != "open" {
		t.Errorf("the schedule state is %q, want open", s)
	}
	if hits := read(t, ctx, chromedp.Text(chromedp.CSS(".yaml .hit"))); hits == "" {
		t.Error("no YAML line of the flow is highlighted")
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 is a PNG
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(artifactsDir(t), "simulator-billing-dtmf-1.png")
	writeFile(t, path, shot)
	t.Logf("the simulator view is in %s", path)
}
