package ci

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func readGenerated(t *testing.T, dir, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGitHubRegenerationIsIdempotentAndKeepsHandEdits: a second run writes nothing; edits
// above and below the markers survive a regeneration, edits between them do not.
func TestGitHubRegenerationIsIdempotentAndKeepsHandEdits(t *testing.T) {
	p, _ := examplePipeline(t)
	dir := t.TempDir()
	changed, err := Write(dir, GitHub(p))
	if err != nil || len(changed) != 3 {
		t.Fatalf("first write: %v %v", changed, err)
	}
	first := readGenerated(t, dir, GitHubDeployFile)
	if changed, err := Write(dir, GitHub(p)); err != nil || len(changed) != 0 {
		t.Fatalf("second write changed %v (%v)", changed, err)
	}
	if again := readGenerated(t, dir, GitHubDeployFile); !bytes.Equal(first, again) {
		t.Fatal("regenerating changed the bytes")
	}

	above := "# Team note: deploys are announced in #cx-deploys\n"
	below := "  announce:\n    needs: [verify-prod]\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo deployed\n"
	edited := strings.Replace(string(first), BeginMarker, above+BeginMarker, 1)
	edited = strings.Replace(edited, "cx apply --env dev shared-skills", "cx apply --env dev shared-skills --parallel 1", 1)
	edited += below
	path := filepath.Join(dir, filepath.FromSlash(GitHubDeployFile))
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if changed, err := Write(dir, GitHub(p)); err != nil || !slices.Equal(changed, []string{GitHubDeployFile}) {
		t.Fatalf("regenerating over hand edits changed %v (%v)", changed, err)
	}
	got := string(readGenerated(t, dir, GitHubDeployFile))
	if !strings.Contains(got, above+BeginMarker) || !strings.HasSuffix(got, EndMarker+"\n"+below) {
		t.Errorf("edits outside the markers were lost:\n%s", got)
	}
	if strings.Contains(got, "--parallel 1") {
		t.Error("an edit between the markers survived regeneration")
	}
	jobs, err := ReadGitHubWorkflow([]byte(got))
	if err != nil || !slices.ContainsFunc(jobs, func(j Job) bool { return j.ID == "announce" }) {
		t.Errorf("the hand-written job is not a job of the workflow: %v", err)
	}
}

// TestWriteRefusesFilesWithoutMarkers: a workflow someone wrote by hand is not replaced.
func TestWriteRefusesFilesWithoutMarkers(t *testing.T) {
	p, _ := examplePipeline(t)
	dir := t.TempDir()
	path := filepath.Join(dir, filepath.FromSlash(GitHubDriftFile))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("name: mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, GitHub(p)); err == nil || !strings.Contains(err.Error(), "without cx ci's markers") {
		t.Fatalf("Write over an unmarked file: %v", err)
	}
	if b := readGenerated(t, dir, GitHubDriftFile); string(b) != "name: mine\n" {
		t.Errorf("the unmarked file was changed: %q", b)
	}
}

// TestGitHubFlowsOfTheExample: the deploy runs dev, test, prod in promotion order, each
// behind its gate, one apply job per project with the graph's edges, the fan-out of each
// environment as deep as the graph; the pull request plans every environment since the
// target branch; the nightly drift covers every environment.
func TestGitHubFlowsOfTheExample(t *testing.T) {
	p, g := examplePipeline(t)
	levels, err := g.Levels()
	if err != nil {
		t.Fatal(err)
	}
	files := GitHub(p)
	deploy, err := ReadGitHubWorkflow(files[1].Generated)
	if err != nil {
		t.Fatal(err)
	}
	ordered, err := RunOrder(deploy)
	if err != nil {
		t.Fatal(err)
	}
	var gates []string
	for _, j := range ordered {
		if j.Environment != "" {
			gates = append(gates, j.ID+"="+j.Environment)
		}
	}
	if want := []string{"gate-dev=dev", "gate-test=test", "gate-prod=prod"}; !slices.Equal(gates, want) {
		t.Errorf("gates in run order = %v, want %v", gates, want)
	}
	for _, env := range []string{"dev", "test", "prod"} {
		chain, err := LongestNeedsChain(deploy, func(j Job) bool { return strings.HasPrefix(j.ID, "apply-"+env+"-") })
		if err != nil || chain != len(levels) || chain != p.Depth() {
			t.Errorf("%s: longest needs chain of apply jobs = %d (%v), want the graph's depth %d", env, chain, err, len(levels))
		}
	}
	for _, e := range g.Edges {
		job := deploy[slices.IndexFunc(deploy, func(j Job) bool { return j.ID == "apply-test-"+e.From })]
		if !slices.Contains(job.Needs, "apply-test-"+e.To) {
			t.Errorf("%s does not need apply-test-%s (edge %s → %s)", job.ID, e.To, e.From, e.To)
		}
	}
	wantCommands(t, deploy, "apply-dev-flow-billing", "apply --env dev flow-billing")
	wantCommands(t, deploy, "verify-test", "test --env test", "apply --env test --release")

	pr, err := ReadGitHubWorkflow(files[0].Generated)
	if err != nil {
		t.Fatal(err)
	}
	wantCommands(t, pr, "plan-prod", "plan --env prod --affected-since origin/main")
	if got := strings.Count(string(files[0].Generated), "createComment"); got != 1 || !strings.Contains(string(files[0].Generated), "updateComment") {
		t.Error("the pull request should create its plan comment once and update it after")
	}
	drift, err := ReadGitHubWorkflow(files[2].Generated)
	if err != nil {
		t.Fatal(err)
	}
	for _, env := range []string{"dev", "test", "prod"} {
		wantCommands(t, drift, "drift-"+env, "drift --env "+env+" --format markdown")
	}
}

func wantCommands(t *testing.T, jobs []Job, id string, want ...string) {
	t.Helper()
	i := slices.IndexFunc(jobs, func(j Job) bool { return j.ID == id })
	if i < 0 {
		t.Errorf("no job %s", id)
		return
	}
	var got []string
	for _, s := range jobs[i].Scripts {
		for _, c := range CXCommands(s, map[string]string{"BASE_REF": "main"}) {
			got = append(got, strings.Join(c, " "))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s runs cx %q, want %q", id, got, want)
	}
}

// TestSecretsComeFromTheSecretStoreByName: a real-org environment's jobs read the
// credentials cx.hcl names from the secret store; the files hold names, never values.
func TestSecretsComeFromTheSecretStoreByName(t *testing.T) {
	root := writeWorkspace(t, map[string]string{"cx.hcl": `environment "dev" {
  org = "local:dev"
}
environment "prod" {
  org             = "region:us-east-1"
  credentials_env = {
    client_id     = "PROD_CLIENT_ID"
    client_secret = "PROD_CLIENT_SECRET"
  }
  protected    = true
  promote_from = "dev"
}
state {
  backend "s3" {
    bucket = "cx-state"
    key    = "{env}/{project}.tfstate"
    region = "us-east-1"
  }
}
`, "shared-skills/main.tf": `resource "genesyscloud_routing_skill" "s" {
  name = "Billing"
}
`})
	p, _, err := loadPipeline(t, root)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "environment dev") {
		t.Errorf("warnings = %q, want only dev's local org", p.Warnings)
	}
	for _, f := range append(GitHub(p), GitLab(p)...) {
		text := string(f.Generated)
		if strings.Contains(f.Path, ".github") && strings.Contains(f.Path, "deploy") {
			if !strings.Contains(text, "PROD_CLIENT_SECRET: ${{ secrets.PROD_CLIENT_SECRET }}") {
				t.Errorf("%s does not read the prod secret from the store:\n%s", f.Path, text)
			}
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, "PROD_CLIENT") && !strings.Contains(line, "${{ secrets.PROD_CLIENT") {
				t.Errorf("%s: a credential outside the secret store: %q", f.Path, line)
			}
		}
	}
}

// TestStateSecretsReachEveryJob: what OpenTofu's state needs comes from the secret store
// into every GitHub job that runs cx against the org — the pg connection string cx.hcl leaves out, the encryption
// passphrase, and the API token of each Terraform Cloud backend a project declares itself
// (the Genesys blueprint's layout), by the variable OpenTofu reads it from — and actionlint
// accepts the result. GitLab passes CI/CD variables to every job by itself.
func TestStateSecretsReachEveryJob(t *testing.T) {
	root := writeWorkspace(t, map[string]string{"cx.hcl": `environment "dev" {
  org             = "region:us-east-1"
  credentials_env = {
    client_id     = "DEV_CLIENT_ID"
    client_secret = "DEV_CLIENT_SECRET"
  }
}
state {
  backend "pg" {}
  encryption {
    passphrase_env = "CX_STATE_PASSPHRASE"
  }
}
`, "shared-skills/main.tf": `resource "genesyscloud_routing_skill" "s" {
  name = "Billing"
}
`, "flow-billing/backend.tf": `terraform {
  backend "remote" {
    organization = "acme"
    workspaces {
      name = "flow-billing-dev"
    }
  }
}
`, "flow-billing/main.tf": `resource "genesyscloud_routing_queue" "q" {
  name = "Billing"
}
`, "flow-sales/backend.tf": `terraform {
  cloud {
    hostname     = "tfe.example-corp.com"
    organization = "acme"
    workspaces {
      name = "flow-sales-dev"
    }
  }
}
`, "flow-sales/main.tf": `resource "genesyscloud_routing_queue" "q" {
  name = "Sales"
}
`})
	p, _, err := loadPipeline(t, root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CX_STATE_PASSPHRASE", "PG_CONN_STR", "TF_TOKEN_app_terraform_io", "TF_TOKEN_tfe_example__corp_com"}
	if !slices.Equal(p.StateSecrets, want) {
		t.Errorf("state secrets = %q, want %q", p.StateSecrets, want)
	}
	// Wherever a job reaches the org (its credentials), it reaches the state too.
	for _, f := range GitHub(p) {
		text := string(f.Generated)
		jobs := strings.Count(text, "DEV_CLIENT_SECRET: ${{ secrets.DEV_CLIENT_SECRET }}")
		if jobs == 0 {
			t.Errorf("%s: no job reads the org's credentials", f.Path)
		}
		for _, s := range want {
			if n := strings.Count(text, s+": ${{ secrets."+s+" }}"); n != jobs {
				t.Errorf("%s: %s reaches %d of the %d jobs that run cx against dev", f.Path, s, n, jobs)
			}
		}
	}
	wantLintClean(t, p)
}
