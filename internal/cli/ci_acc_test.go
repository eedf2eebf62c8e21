package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/ci"
	"github.com/cxascode/cxascode/internal/orgserver"
)

// pipelineRun runs generated jobs' cx steps the way a CI system runs the jobs: one at a
// time in an order that respects needs:, a job only when every job it needs succeeded, a
// job holding an environment only once that environment's gate is approved. What a job's
// shell does around cx (redirections, artifacts, comments) is left out.
type pipelineRun struct {
	t        *testing.T
	cx       *accCX
	vars     map[string]string // the variables the scripts read, as the CI system sets them
	approved map[string]bool   // environments whose protection gate someone approved
	result   map[string]jobResult
	log      []string // "job: cx args → exit code", in run order
}

type jobResult struct {
	ran, succeeded bool
	codes          []int
	stdout         string
}

func newPipelineRun(t *testing.T, cx *accCX, vars map[string]string) *pipelineRun {
	return &pipelineRun{t: t, cx: cx, vars: vars, approved: map[string]bool{}, result: map[string]jobResult{}}
}

// workflow reads a generated workflow of the workspace and runs its jobs; jobs that
// succeeded in an earlier call are not run again (a gate approved later resumes the run).
func (r *pipelineRun) workflow(file string) {
	r.t.Helper()
	content, err := os.ReadFile(filepath.Join(r.cx.root, filepath.FromSlash(file)))
	must(r.t, err)
	jobs, err := ci.ReadGitHubWorkflow(content)
	must(r.t, err)
	ordered, err := ci.RunOrder(jobs)
	must(r.t, err)
	for _, j := range ordered {
		if r.result[j.ID].succeeded {
			continue
		}
		if j.Environment != "" && !r.approved[j.Environment] {
			continue // waiting for approval
		}
		if slices.ContainsFunc(j.Needs, func(n string) bool { return !r.result[n].succeeded }) {
			continue // skipped: a job it needs did not succeed
		}
		res := jobResult{ran: true, succeeded: true}
		for _, s := range j.Scripts {
			for _, args := range ci.CXCommands(s, r.vars) {
				out, _, code := r.cx.run(args...)
				res.codes = append(res.codes, code)
				res.stdout += out
				r.log = append(r.log, fmt.Sprintf("%s: cx %s → %d", j.ID, strings.Join(args, " "), code))
				// As the generated scripts do: a plan's exit 2 (changes) passes, any other
				// non-zero exit (drift's 2 included) fails the job and ends it.
				if code != 0 && !(args[0] == "plan" && code == 2) {
					res.succeeded = false
					break
				}
			}
			if !res.succeeded {
				break
			}
		}
		r.result[j.ID] = res
	}
}

// want checks that job ran and succeeded (or failed) with the exit codes given.
func (r *pipelineRun) want(job string, succeeded bool, codes ...int) {
	r.t.Helper()
	got := r.result[job]
	if !got.ran || got.succeeded != succeeded || !slices.Equal(got.codes, codes) {
		r.t.Errorf("job %s: %+v, want ran, succeeded=%t, exit codes %v\n%s", job, got, succeeded, codes, strings.Join(r.log, "\n"))
	}
}

// TestAccCIGeneratedWorkflowsRunAgainstTheLocalOrg generates the example contact center's
// GitHub workflows with cx ci github and runs their jobs' cx steps against an in-process
// local org: a merge to main applies dev, then test (each applied project, tests and a
// recorded release), while prod waits at its gate; the nightly drift passes; a pull request
// adding a project plans just that project in every environment; after a console edit the
// nightly drift fails on that environment only.
func TestAccCIGeneratedWorkflowsRunAgainstTheLocalOrg(t *testing.T) {
	root := t.TempDir()
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	copyTree(t, filepath.Join("..", "..", "examples", "contact-center"), root)
	writeTestFile(t, filepath.Join(root, ".gitignore"), ".cx/\n")
	cx.git("init", "--quiet", "--initial-branch=main")
	if _, _, code := cx.run("ci", "github"); code != 0 {
		t.Fatalf("cx ci github: exit %d", code)
	}
	if out, _, code := cx.run("ci", "github"); code != 0 || !strings.Contains(out, "up to date") {
		t.Fatalf("cx ci github again: exit %d\n%s", code, out)
	}
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "contact center and its pipelines")
	cx.git("remote", "add", "origin", root) // the checkout's origin/main, as in CI
	cx.git("fetch", "--quiet", "origin")

	merge := newPipelineRun(t, cx, nil)
	merge.approved["dev"], merge.approved["test"] = true, true
	merge.workflow(ci.GitHubDeployFile)
	projects := []string{"flow-billing", "flow-sales", "flow-support", "shared-schedules", "shared-skills", "shared-wrapupcodes"}
	lastDev, firstTest := -1, len(merge.log)
	for _, env := range []string{"dev", "test"} {
		for _, p := range projects {
			merge.want("apply-"+env+"-"+p, true, 0)
		}
		merge.want("verify-"+env, true, 0, 0)
	}
	for i, l := range merge.log {
		if strings.HasPrefix(l, "apply-dev-") || strings.HasPrefix(l, "verify-dev") {
			lastDev = i
		}
		if strings.HasPrefix(l, "apply-test-") {
			firstTest = min(firstTest, i)
		}
	}
	if lastDev > firstTest {
		t.Errorf("test was applied before dev finished:\n%s", strings.Join(merge.log, "\n"))
	}
	if r := merge.result["gate-prod"]; r.ran || slices.ContainsFunc(merge.log, func(l string) bool { return strings.Contains(l, "--env prod") }) {
		t.Errorf("prod deployed without its gate approved:\n%s", strings.Join(merge.log, "\n"))
	}
	if out, _, code := cx.run("releases", "--env", "test"); code != 0 || !strings.Contains(out, "cx/test/1") {
		t.Errorf("the merge recorded no release of test: exit %d\n%s", code, out)
	}

	nightly := newPipelineRun(t, cx, nil)
	nightly.workflow(ci.GitHubDriftFile)
	for _, env := range []string{"dev", "test", "prod"} {
		nightly.want("drift-"+env, true, 0)
	}

	cx.git("checkout", "--quiet", "-b", "add-extra-skill")
	writeTestFile(t, filepath.Join(root, "shared-extra", "main.tf"), providerHead+`
resource "genesyscloud_routing_skill" "extra" {
  name = "Cx CI Extra Skill"
}
`)
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "an extra skill")
	pr := newPipelineRun(t, cx, map[string]string{"BASE_REF": "main"})
	pr.workflow(ci.GitHubPullRequestFile)
	for _, env := range []string{"dev", "test", "prod"} {
		pr.want("plan-"+env, true, 2)
		if out := pr.result["plan-"+env].stdout; !strings.Contains(out, "shared-extra") || strings.Contains(out, "flow-billing") {
			t.Errorf("plan-%s should plan only the new project:\n%s", env, out)
		}
	}
	cx.git("checkout", "--quiet", "main")

	createQueue(t, orgClientFor(t, ts, "dev", "deploy"), "Cx CI Console Queue")
	nightly = newPipelineRun(t, cx, nil)
	nightly.workflow(ci.GitHubDriftFile)
	nightly.want("drift-dev", false, 2)
	nightly.want("drift-test", true, 0)
	nightly.want("drift-prod", true, 0)
}
