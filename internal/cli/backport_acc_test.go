package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
)

// accCX is a cx command line against an in-process local org: the workspace's .cx/org
// points at the test server the way a running `cx org serve` would, so every command
// (apply, drift, backport, plan) takes its real path, background org included.
type accCX struct {
	t    *testing.T
	root string
	ts   *orgserver.TestServer
}

// newAccCX skips unless acceptance tests are enabled (TF_ACC=1, TF_ACC_TERRAFORM_PATH =
// the tofu binary), builds the provider and prepares root to use ts as its local org.
func newAccCX(t *testing.T, root string, ts *orgserver.TestServer) *accCX {
	t.Helper()
	tofu := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || tofu == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to the tofu binary")
	}
	providerDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(providerDir, target.ProviderBinary), "github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build provider: %v\n%s", err, out)
	}
	t.Setenv("CX_TOFU", tofu)
	t.Setenv("CX_PROVIDER_DIR", providerDir)
	t.Setenv("CI", "true") // prod is protected: deploys run as CI does
	pointAtTestOrg(t, root, ts)
	return &accCX{t: t, root: root, ts: ts}
}

// pointAtTestOrg writes root's .cx/org the way a running `cx org serve` would, so the
// workspace's local environments use ts.
func pointAtTestOrg(t *testing.T, root string, ts *orgserver.TestServer) {
	t.Helper()
	orgDir := filepath.Join(root, ".cx", "org")
	info, _ := json.Marshal(map[string]any{"pid": os.Getpid(), "url": ts.URL, "started": time.Now().UTC()})
	writeTestFile(t, filepath.Join(orgDir, "server.json"), string(info))
	creds, _ := json.Marshal(orgserver.CredentialsFile{URL: ts.URL, AdminKey: ts.AdminKey(), Clients: ts.Credentials})
	writeTestFile(t, filepath.Join(orgDir, orgserver.CredentialsFileName), string(creds))
}

// run runs cx with args in the workspace and returns stdout, stderr and the exit code.
func (c *accCX) run(args ...string) (string, string, int) {
	c.t.Helper()
	var out, errOut bytes.Buffer
	code := Main(append(args, "-C", c.root), &out, &errOut)
	c.t.Logf("cx %s → exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
	return out.String(), errOut.String(), code
}

func (c *accCX) git(args ...string) string {
	c.t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com"}, args...)...)
	cmd.Dir = c.root
	out, err := cmd.CombinedOutput()
	if err != nil {
		c.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func orgClientFor(t *testing.T, ts *orgserver.TestServer, org, name string) *platform.Client {
	t.Helper()
	cred := ts.Credential(t, org, name)
	c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const backportFlowYAML = `# The billing line: a greeting, then a menu.
inboundCall:
  name: Cx Backport IVR
  division: Home
  startUpRef: "/inboundCall/menus/menu[Main Menu_10]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  initialGreeting:
    tts: {{greeting}}
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
  menus:
    - menu:
        name: Main Menu
        refId: Main Menu_10
        audio:
          tts: For billing press 1. # what callers hear first
        settingsMenu:
          repeatCount:
            lit: 2
        choices:
          - menuTransferToAcd:
              name: Billing
              dtmf: digit_1
              targetQueue:
                lit:
                  name: Cx Backport Billing
          - menuDisconnect:
              name: Goodbye
              dtmf: digit_9
`

// TestAccDriftAndBackport is acceptance 1 of `cx drift` and `cx backport`: a workspace
// applied to prod; then, as the org's other client "console", a queue's alerting timeout
// changes, a user gains a skill, the published flow's menu prompt is edited and a queue is
// made by hand. cx drift reports all four with who and when; cx backport writes them into
// the project's files on a new branch; then cx drift is clean and cx plan shows only the
// adopted queue's import, and after applying it nothing.
func TestAccDriftAndBackport(t *testing.T) {
	cx, ts, root := prodWorkspace{name: "backport", protected: true, include: `"shared-*", "flow-*"`, files: map[string]string{
		"shared-skills/main.tf": sharedProvider + `
resource "genesyscloud_routing_skill" "billing" {
  name = "Cx Backport Billing"
}

resource "genesyscloud_routing_skill" "spanish" {
  name = "Cx Backport Spanish"
}
`,
		"flow-billing/main.tf": sharedProvider + `
data "genesyscloud_routing_skill" "billing" {
  name = "Cx Backport Billing"
}

# The billing queue: agents get 8 seconds to answer.
resource "genesyscloud_routing_queue" "billing" {
  name        = "Cx Backport Billing"
  description = "Billing line"

  media_settings_call {
    alerting_timeout_sec = 8 # short on purpose
  }
}

resource "genesyscloud_user" "agent" {
  email = "cx-backport-agent@example.com"
  name  = "Backport Agent"

  routing_skills {
    skill_id    = data.genesyscloud_routing_skill.billing.id
    proficiency = 3
  }
}
`,
		"flow-billing/flow.tf": `variable "greeting" {
  type = string
}

resource "genesyscloud_flow" "billing" {
  filepath      = "${path.module}/flows/billing.yaml"
  substitutions = { greeting = var.greeting }

  depends_on = [genesyscloud_routing_queue.billing]
}
`,
		"flow-billing/env/prod.tfvars":    "greeting = \"Welcome to billing.\"\n",
		"flow-billing/flows/billing.yaml": backportFlowYAML,
	}}.apply(t)
	ctx := context.Background()

	// The console's changes.
	console := orgClientFor(t, ts, "prod", "console")
	queueID := findID(t, console, "/api/v2/routing/queues", "Cx Backport Billing")
	var q map[string]any
	must(t, console.Do(ctx, http.MethodGet, "/api/v2/routing/queues/"+queueID, nil, nil, &q))
	q["mediaSettings"].(map[string]any)["call"].(map[string]any)["alertingTimeoutSeconds"] = 30
	must(t, console.Do(ctx, http.MethodPut, "/api/v2/routing/queues/"+queueID, nil, q, nil))
	userID := findID(t, console, "/api/v2/users", "Backport Agent")
	spanishID := findID(t, console, "/api/v2/routing/skills", "Cx Backport Spanish")
	must(t, console.Do(ctx, http.MethodPost, "/api/v2/users/"+userID+"/routingskills", nil,
		map[string]any{"id": spanishID, "proficiency": 2}, nil))
	edited := strings.Replace(strings.Replace(backportFlowYAML, "{{greeting}}", "Welcome to billing.", 1),
		"For billing press 1.", "For billing press 1, or stay on the line.", 1)
	publishFlow(t, console, []byte(edited))
	handID := createQueue(t, console, "Cx Backport Hand Made")

	wantConsoleFindings(t, cx, []string{
		"managed genesyscloud_routing_queue.billing", "managed genesyscloud_user.agent",
		"managed genesyscloud_flow.billing", "unmanaged " + handID,
	}, findingByAddressOrID)

	if _, _, code := cx.run("backport", "--env", "prod", "--into", "flow-billing"); code != 0 {
		t.Fatalf("backport: exit %d", code)
	}
	branch := strings.TrimSpace(cx.git("branch", "--show-current"))
	if !strings.HasPrefix(branch, "cx/backport-prod-") {
		t.Errorf("backport left branch %q checked out", branch)
	}
	if st := cx.git("status", "--porcelain", "--untracked-files=no"); st != "" {
		t.Errorf("backport left uncommitted changes:\n%s", st)
	}
	t.Logf("backport commit:\n%s", cx.git("show", "--stat", "--patch", "HEAD", "--", "flow-billing/main.tf", "flow-billing/flows/billing.yaml"))
	mainTF := readTestFile(t, filepath.Join(root, "flow-billing", "main.tf"))
	for _, s := range []string{"alerting_timeout_sec = 30 # short on purpose", "# The billing queue", `name = "Cx Backport Spanish"`, "proficiency = 2"} {
		if !strings.Contains(mainTF, s) {
			t.Errorf("flow-billing/main.tf lacks %q:\n%s", s, mainTF)
		}
	}
	flowYAML := readTestFile(t, filepath.Join(root, "flow-billing", "flows", "billing.yaml"))
	for _, s := range []string{"tts: {{greeting}}", "For billing press 1, or stay on the line.", "# The billing line"} {
		if !strings.Contains(flowYAML, s) {
			t.Errorf("billing.yaml lacks %q:\n%s", s, flowYAML)
		}
	}
	if adopted := readTestFile(t, filepath.Join(root, "flow-billing", "adopted.tf")); !regexp.MustCompile(`name\s+= "Cx Backport Hand Made"`).MatchString(adopted) {
		t.Errorf("adopted.tf:\n%s", adopted)
	}
	if imports := readTestFile(t, filepath.Join(root, "flow-billing", "imports.tf")); !strings.Contains(imports, handID) {
		t.Errorf("imports.tf:\n%s", imports)
	}

	// The backported flow file means exactly what is published, so it plans nothing.
	wantOnlyImportsThenInSync(t, cx, "flow-billing", 1, "the hand-made queue")
}

// wantOnlyImportsThenInSync checks that a workspace converged after cx backport: drift is
// clean, the plan adds, changes and destroys nothing anywhere and only imports the adopted
// objects into project, and after applying that, plan and drift are both clean.
func wantOnlyImportsThenInSync(t *testing.T, cx *accCX, project string, imports int, what string) {
	t.Helper()
	if out, _, code := cx.run("drift", "--env", "prod"); code != drift.ExitInSync {
		t.Errorf("drift after backport: exit %d\n%s", code, out)
	}
	out, _, code := cx.run("plan", "--env", "prod", "--json")
	var plan runner.Result
	must(t, json.Unmarshal([]byte(out), &plan))
	for _, p := range plan.Projects {
		if p.Add+p.Change+p.Destroy != 0 {
			t.Errorf("plan after backport: %s would add %d, change %d, destroy %d (log %s):\n%s", p.Project, p.Add, p.Change, p.Destroy, p.Log, readTestFile(t, p.Log))
		}
	}
	if p := plan.Project(project); p == nil || !strings.Contains(readTestFile(t, p.Log), fmt.Sprintf("%d to import", imports)) {
		t.Errorf("plan after backport: %s should import %s (exit %d)", project, what, code)
	}
	if _, _, code := cx.run("apply", "--env", "prod"); code != 0 {
		t.Fatalf("apply the imports: exit %d", code)
	}
	if _, _, code := cx.run("plan", "--env", "prod"); code != 0 {
		t.Errorf("plan after the imports: exit %d, want 0 (no changes)", code)
	}
	if _, _, code := cx.run("drift", "--env", "prod"); code != drift.ExitInSync {
		t.Errorf("drift after the imports: exit %d", code)
	}
}

const sharedProvider = `terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}
`

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func readTestFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// findID returns the id of the object named name in a listing.
func findID(t *testing.T, c *platform.Client, path, name string) string {
	t.Helper()
	objs, err := platform.ListAll[struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}](context.Background(), c, path, nil, 100)
	must(t, err)
	for _, o := range objs {
		if o.Name == name {
			return o.ID
		}
	}
	t.Fatalf("%s has no %q", path, name)
	return ""
}

func createQueue(t *testing.T, c *platform.Client, name string) string {
	t.Helper()
	var q platform.Queue
	must(t, c.Do(context.Background(), http.MethodPost, "/api/v2/routing/queues", nil, platform.CreateQueueRequest{Name: platform.Ptr(name)}, &q))
	return *q.ID
}

// publishFlow publishes YAML through the Archy job API, as a person with Archy would.
func publishFlow(t *testing.T, c *platform.Client, yaml []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := orgseed.PublishFlow(ctx, c, nil, yaml); err != nil {
		t.Fatalf("publish the flow: %v", err)
	}
}
