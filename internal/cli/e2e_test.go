package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/target"
)

// providerHead selects the provider by its official source address, as cx's CLI
// configuration maps it to the local plugin.
const providerHead = `terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}
`

// cxBinary runs a built cx in a workspace with a controlled environment.
type cxBinary struct {
	t    *testing.T
	exe  string
	root string
	env  []string
}

type cxRun struct {
	code           int
	stdout, stderr string
}

func (c *cxBinary) run(args ...string) cxRun {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.exe, args...)
	cmd.Dir = c.root
	cmd.Env = c.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := cxRun{stdout: out.String(), stderr: errOut.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		c.t.Fatalf("cx %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// want fails unless the run ended with exit code code.
func (r cxRun) want(t *testing.T, code int, what string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("%s: exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", what, r.code, code, r.stdout, r.stderr)
	}
}

// runJSON is the part of `cx plan|apply --json` the test reads.
type runJSON struct {
	Env      string `json:"env"`
	ExitCode int    `json:"exitCode"`
	Projects []struct {
		Project string `json:"project"`
		Status  string `json:"status"`
		Add     int    `json:"add"`
	} `json:"projects"`
}

func (r cxRun) decode(t *testing.T) runJSON {
	t.Helper()
	var out runJSON
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, r.stdout)
	}
	return out
}

func (j runJSON) names() []string {
	var out []string
	for _, p := range j.Projects {
		out = append(out, p.Project)
	}
	slices.Sort(out)
	return out
}

func (j runJSON) status(project string) string {
	for _, p := range j.Projects {
		if p.Project == project {
			return p.Status
		}
	}
	return ""
}

// TestAccCommandsEndToEnd drives the built cx over a three-project workspace with the real
// OpenTofu and provider, against the background local org cx starts itself: plan and apply
// exit codes, --json, graph JSON, --affected-since in a git repository, the protected prod
// environment refused outside CI and deployed with break-glass (which shows up in the prod
// org's audit log), and destroy.
func TestAccCommandsEndToEnd(t *testing.T) {
	tofu := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || tofu == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to the tofu binary")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	bin := t.TempDir()
	for pkg, name := range map[string]string{
		"github.com/cxascode/cxascode/cmd/cx":                              "cx",
		"github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud": target.ProviderBinary,
	} {
		if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, name), pkg).CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", pkg, err, out)
		}
	}

	root := t.TempDir()
	writeTestFile(t, filepath.Join(root, "cx.hcl"), `environment "dev" {
  org = "local:dev"
}

environment "prod" {
  org       = "local:prod"
  protected = true
}
`)
	writeTestFile(t, filepath.Join(root, "shared-skills", "main.tf"), sharedSkills)
	writeTestFile(t, filepath.Join(root, "flow-a", "main.tf"), providerHead+`
data "genesyscloud_routing_skill" "general" {
  name = "Cx Init Skill"
}

resource "genesyscloud_routing_queue" "a" {
  name        = "Cx E2E Queue A"
  description = data.genesyscloud_routing_skill.general.id
}
`)
	writeTestFile(t, filepath.Join(root, "flow-b", "main.tf"), providerHead+`
resource "genesyscloud_routing_queue" "b" {
  name = "Cx E2E Queue B"
}
`)

	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "CI", "CX_TOFU", "CX_PROVIDER_DIR":
		default:
			env = append(env, kv)
		}
	}
	// The provider beside cx is the one cx uses; CI stays unset, so prod is protected.
	env = append(env, "CX_TOFU="+tofu)
	cx := &cxBinary{t: t, exe: filepath.Join(bin, "cx"), root: root, env: env}
	t.Cleanup(func() { cx.run("org", "stop", "-C", root) })

	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=cx", "-c", "user.email=cx@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "workspace")

	// The first plan starts the local org; flow-a is planned speculatively, against a copy of
	// the org with shared-skills' plan applied (its skill exists only there).
	r := cx.run("plan", "--json")
	r.want(t, 2, "first plan")
	plan := r.decode(t)
	if plan.Env != "dev" || plan.ExitCode != 2 || plan.status("shared-skills") != "changes" || plan.status("flow-b") != "changes" {
		t.Fatalf("first plan: %+v", plan)
	}
	if !strings.Contains(r.stderr, "Started the local org") {
		t.Errorf("the first command should start the local org:\n%s", r.stderr)
	}

	cx.run("apply", "--env", "dev").want(t, 0, "apply dev")
	r = cx.run("plan", "--json")
	r.want(t, 0, "plan after apply")
	if got := r.decode(t); got.ExitCode != 0 || len(got.Projects) != 3 {
		t.Errorf("plan after apply: %+v", got)
	}

	r = cx.run("graph", "--format", "json")
	r.want(t, 0, "graph")
	var graph struct {
		Order []string `json:"order"`
		Edges []struct {
			From string `json:"from"`
			To   string `json:"to"`
		} `json:"edges"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &graph); err != nil {
		t.Fatalf("graph JSON: %v\n%s", err, r.stdout)
	}
	if len(graph.Edges) != 1 || graph.Edges[0].From != "flow-a" || graph.Edges[0].To != "shared-skills" || len(graph.Order) != 3 {
		t.Errorf("graph: want the one edge flow-a -> shared-skills, got %+v", graph)
	}

	// A change to shared-skills selects it and flow-a, which depends on it, not flow-b.
	writeTestFile(t, filepath.Join(root, "shared-skills", "main.tf"), sharedSkills+"\n# touched\n")
	r = cx.run("plan", "--affected-since", "HEAD", "--json")
	r.want(t, 0, "plan --affected-since")
	if got := r.decode(t).names(); !slices.Equal(got, []string{"flow-a", "shared-skills"}) {
		t.Errorf("--affected-since HEAD ran %v, want flow-a and shared-skills", got)
	}
	git("commit", "-q", "-am", "touch shared-skills")
	r = cx.run("plan", "--affected-since", "HEAD")
	r.want(t, 0, "plan --affected-since with nothing changed")
	if !strings.Contains(r.stderr, "No project is affected") {
		t.Errorf("nothing changed since HEAD: %s", r.stderr)
	}

	// prod is protected: refused outside CI, deployed with break-glass, which is recorded.
	r = cx.run("apply", "--env", "prod")
	r.want(t, 1, "apply prod outside CI")
	if !strings.Contains(r.stderr, "protected") || !strings.Contains(r.stderr, "--break-glass") {
		t.Errorf("the refusal should say why and what to do: %s", r.stderr)
	}
	const reason = "INC-42: queue overflow"
	r = cx.run("apply", "--env", "prod", "--break-glass", "--reason", reason, "--json")
	r.want(t, 0, "apply prod with break-glass")
	if got := r.decode(t); got.Env != "prod" || got.status("flow-a") != "applied" {
		t.Errorf("break-glass apply: %+v", got)
	}
	if log, err := os.ReadFile(filepath.Join(root, ".cx", "breakglass.log")); err != nil || !strings.Contains(string(log), reason) {
		t.Errorf(".cx/breakglass.log: %s %v", log, err)
	}
	checkBreakGlassAudit(t, root, reason)

	r = cx.run("destroy", "--env", "dev", "--json")
	r.want(t, 0, "destroy dev")
	if got := r.decode(t); got.status("shared-skills") != "destroyed" || got.status("flow-a") != "destroyed" {
		t.Errorf("destroy dev: %+v", got)
	}
	cx.run("destroy", "--env", "prod").want(t, 1, "destroy prod outside CI")
}

// checkBreakGlassAudit reads the prod org's audit log: every record the break-glass apply
// wrote carries breakGlass=true and the reason in its context.
func checkBreakGlassAudit(t *testing.T, root, reason string) {
	t.Helper()
	creds, err := orgserver.ReadCredentials(filepath.Join(root, ".cx", "org", orgserver.CredentialsFileName))
	if err != nil {
		t.Fatal(err)
	}
	var cred orgserver.Credential
	for _, c := range creds.Clients {
		if c.Org == "prod" && c.Name == "deploy" {
			cred = c
		}
	}
	api, err := platform.New(platform.Config{BaseURL: creds.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	interval := now.Add(-time.Hour).Format(time.RFC3339) + "/" + now.Add(time.Minute).Format(time.RFC3339)
	res, err := api.QueryAuditsRealtime(context.Background(), platform.AuditRealtimeQueryRequest{Interval: &interval, ServiceName: ptrTo("Routing")})
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]bool{}
	for _, m := range res.Entities {
		var typ string
		if m.EntityType != nil {
			typ = *m.EntityType
		}
		types[typ] = true
		if m.Context["breakGlass"] != "true" || m.Context["reason"] != reason {
			t.Errorf("%s audit record lacks the break-glass context: %v", typ, m.Context)
		}
	}
	if len(res.Entities) < 3 || len(types) < 2 {
		t.Errorf("the break-glass apply should have written skill and queue audit records, got %d (%v)", len(res.Entities), types)
	}
}

func ptrTo[T any](v T) *T { return &v }
