package ci

import (
	"fmt"
	"slices"
	"strings"
)

// The GitHub Actions workflow files, relative to the repository root.
const (
	GitHubPullRequestFile = ".github/workflows/cx-pull-request.yml"
	GitHubDeployFile      = ".github/workflows/cx-deploy.yml"
	GitHubDriftFile       = ".github/workflows/cx-drift.yml"
)

// planCommentMarker identifies the one pull-request comment the plan summary lives in, so a
// new push edits it instead of adding another.
const planCommentMarker = "<!-- cx plan summary -->"

// driftSchedule runs the nightly drift at a quiet minute rather than on the hour, when
// GitHub's scheduler is busiest.
const driftSchedule = "17 3 * * *"

// GitHub returns the three workflows: pull request, deploy (merge to main) and nightly drift.
func GitHub(p *Pipeline) []File {
	return []File{
		{Path: GitHubPullRequestFile, Generated: []byte(githubPullRequest(p))},
		{Path: GitHubDeployFile, Generated: []byte(githubDeploy(p))},
		{Path: GitHubDriftFile, Generated: []byte(githubDrift(p))},
	}
}

// yamlText builds YAML line by line; the generators write literal YAML so the output is
// stable byte for byte and reads like a hand-written workflow.
type yamlText struct{ b strings.Builder }

func (y *yamlText) line(indent int, format string, args ...any) {
	y.b.WriteString(strings.Repeat("  ", indent))
	fmt.Fprintf(&y.b, format, args...)
	y.b.WriteByte('\n')
}

// block writes a literal block scalar (|) of lines at indent.
func (y *yamlText) block(indent int, key string, lines ...string) {
	y.line(indent, "%s: |", key)
	for _, l := range lines {
		if l == "" {
			y.b.WriteByte('\n')
			continue
		}
		y.line(indent+1, "%s", l)
	}
}

func (y *yamlText) String() string { return y.b.String() }

// githubPreamble writes what every workflow starts with up to its jobs: key.
func githubPreamble(y *yamlText, p *Pipeline, name string, on []string, permissions []string, concurrency string) {
	y.line(0, "name: %s", name)
	y.line(0, "on:")
	for _, l := range on {
		y.line(1, "%s", l)
	}
	y.line(0, "permissions:")
	for _, l := range permissions {
		y.line(1, "%s", l)
	}
	y.line(0, "concurrency:")
	y.line(1, "group: %s", concurrency)
	y.line(1, "cancel-in-progress: %t", strings.HasPrefix(name, "cx pull request"))
	if p.WorkingDirectory != "." {
		y.line(0, "defaults:")
		y.line(1, "run:")
		y.line(2, "working-directory: %s", p.WorkingDirectory)
	}
	y.line(0, "jobs:")
}

// githubSetup writes the steps every job starts with: the repository with its history
// (--affected-since and releases read git), Go to install cx, and OpenTofu.
func githubSetup(y *yamlText, p *Pipeline) {
	y.line(2, "steps:")
	y.line(3, "- uses: actions/checkout@v4")
	y.line(4, "with:")
	y.line(5, "fetch-depth: 0")
	y.line(3, "- uses: actions/setup-go@v5")
	y.line(4, "with:")
	y.line(5, "go-version: stable")
	y.line(3, "- uses: opentofu/setup-opentofu@v1")
	y.line(4, "with:")
	y.line(5, "tofu_wrapper: false")
	y.line(3, "- name: Install cx")
	y.line(4, "run: go install github.com/cxascode/cxascode/cmd/cx@%s", p.CXVersion)
}

// githubJobEnv writes a job's env: the org credentials of env, each read from the secret
// store under the name cx.hcl gives it, and what the state needs (Pipeline.StateSecrets).
func githubJobEnv(y *yamlText, p *Pipeline, env Environment, extra ...string) {
	if len(env.SecretNames) == 0 && len(p.StateSecrets) == 0 && len(extra) == 0 {
		return
	}
	y.line(2, "env:")
	for _, l := range extra {
		y.line(3, "%s", l)
	}
	for _, s := range append(slices.Clone(env.SecretNames), p.StateSecrets...) {
		y.line(3, "%s: ${{ secrets.%s }}", s, s)
	}
}

func githubPullRequest(p *Pipeline) string {
	var y yamlText
	githubPreamble(&y, p, "cx pull request", []string{"pull_request:", "  branches: [main]"},
		[]string{"contents: read", "pull-requests: write"}, "cx-pr-${{ github.event.pull_request.number }}")
	var plans []string
	for _, env := range p.Environments {
		job := planJob(env.Name)
		plans = append(plans, job)
		out := "plan-" + jobSafe(env.Name)
		y.line(1, "%s:", job)
		y.line(2, "runs-on: ubuntu-latest")
		githubJobEnv(&y, p, env, "BASE_REF: ${{ github.base_ref }}")
		githubSetup(&y, p)
		y.line(3, "- name: cx plan %s", env.Name)
		// Exit 2 (changes present) is the expected outcome of a pull request; only 1 fails.
		y.block(4, "run", "set +e",
			fmt.Sprintf(`cx plan --env %s --affected-since "origin/$BASE_REF" > %s.txt`, shellQuote(env.Name), out),
			"code=$?",
			"set -e",
			fmt.Sprintf("cat %s.txt", out),
			fmt.Sprintf(`{ echo "### %s (exit $code)"; echo; echo '~~~'; cat %s.txt; echo '~~~'; } > %s.md`, env.Name, out, out),
			`if [ "$code" -eq 1 ]; then exit 1; fi`)
		y.line(3, "- uses: actions/upload-artifact@v4")
		y.line(4, "if: always()")
		y.line(4, "with:")
		y.line(5, "name: %s", out)
		y.line(5, "path: %s/%s.md", p.WorkingDirectory, out)
	}
	y.line(1, "comment:")
	y.line(2, "needs: [%s]", strings.Join(plans, ", "))
	y.line(2, "if: always()")
	y.line(2, "runs-on: ubuntu-latest")
	y.line(2, "steps:")
	y.line(3, "- uses: actions/download-artifact@v4")
	y.line(4, "with:")
	y.line(5, "pattern: plan-*")
	y.line(5, "merge-multiple: true")
	y.line(5, "path: plans")
	y.line(3, "- uses: actions/github-script@v7")
	y.line(4, "with:")
	var order []string
	for _, env := range p.Environments {
		order = append(order, fmt.Sprintf("'plan-%s.md'", jobSafe(env.Name)))
	}
	// One comment, found by its marker and edited in place, so a pull request keeps a single
	// current plan however often it is pushed.
	y.block(5, "script",
		"const fs = require('fs');",
		fmt.Sprintf("const marker = '%s';", planCommentMarker),
		fmt.Sprintf("const parts = [%s]", strings.Join(order, ", ")),
		"  .filter((f) => fs.existsSync(`plans/${f}`))",
		"  .map((f) => fs.readFileSync(`plans/${f}`, 'utf8'));",
		"const body = [marker, '## cx plan', ...parts].join('\\n\\n');",
		"const { owner, repo } = context.repo;",
		"const issue_number = context.issue.number;",
		"const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });",
		"const mine = comments.find((c) => c.body && c.body.startsWith(marker));",
		"if (mine) {",
		"  await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });",
		"} else {",
		"  await github.rest.issues.createComment({ owner, repo, issue_number, body });",
		"}")
	return y.String()
}

func githubDeploy(p *Pipeline) string {
	var y yamlText
	githubPreamble(&y, p, "cx deploy", []string{"push:", "  branches: [main]"},
		[]string{"contents: write"}, "cx-deploy")
	ids := p.jobIDs()
	previous := ""
	for _, env := range p.Environments {
		// The gate is the one job in the GitHub environment, so its protection rules
		// (reviewers, wait timer, branches) hold the whole environment's deploy once.
		y.line(1, "%s:", gateJob(env.Name))
		if previous != "" {
			y.line(2, "needs: [%s]", verifyJob(previous))
		}
		y.line(2, "runs-on: ubuntu-latest")
		y.line(2, "environment: %s", env.Name)
		y.line(2, "steps:")
		y.line(3, "- run: echo \"Deploying ${GITHUB_SHA} to %s\"", env.Name)
		var applies []string
		for _, pr := range p.Projects {
			job := applyJob(env.Name, ids[pr.Name])
			applies = append(applies, job)
			needs := []string{gateJob(env.Name)}
			for _, d := range pr.Needs {
				needs = append(needs, applyJob(env.Name, ids[d]))
			}
			y.line(1, "%s:", job)
			y.line(2, "needs: [%s]", strings.Join(needs, ", "))
			y.line(2, "runs-on: ubuntu-latest")
			githubJobEnv(&y, p, env)
			githubSetup(&y, p)
			y.line(3, "- name: %s", yamlQuoteIfNeeded("cx apply "+env.Name+" "+pr.Name))
			y.line(4, "run: %s", yamlQuoteIfNeeded(fmt.Sprintf("cx apply --env %s %s", shellQuote(env.Name), shellQuote(pr.Name))))
		}
		y.line(1, "%s:", verifyJob(env.Name))
		y.line(2, "needs: [%s]", strings.Join(applies, ", "))
		y.line(2, "runs-on: ubuntu-latest")
		githubJobEnv(&y, p, env)
		githubSetup(&y, p)
		y.line(3, "- name: cx test %s", env.Name)
		y.line(4, "run: cx test --env %s", shellQuote(env.Name))
		// A no-op apply of every project that records the release (tag cx/<env>/<n>).
		y.line(3, "- name: Record the release of %s", env.Name)
		y.block(4, "run",
			fmt.Sprintf("cx apply --env %s --release", shellQuote(env.Name)),
			`git push origin "refs/tags/cx/*:refs/tags/cx/*"`)
		previous = env.Name
	}
	return y.String()
}

func githubDrift(p *Pipeline) string {
	var y yamlText
	githubPreamble(&y, p, "cx drift", []string{"schedule:", fmt.Sprintf("  - cron: '%s'", driftSchedule), "workflow_dispatch:"},
		[]string{"contents: read"}, "cx-drift")
	for _, env := range p.Environments {
		out := "drift-" + jobSafe(env.Name)
		y.line(1, "%s:", driftJob(env.Name))
		y.line(2, "runs-on: ubuntu-latest")
		githubJobEnv(&y, p, env)
		githubSetup(&y, p)
		y.line(3, "- name: cx drift %s", env.Name)
		// Exit 2 (drift found) fails the job, after the report is kept as an artifact.
		y.block(4, "run", "set +e",
			fmt.Sprintf("cx drift --env %s --format markdown > %s.md", shellQuote(env.Name), out),
			"code=$?",
			"set -e",
			fmt.Sprintf("cat %s.md", out),
			`exit "$code"`)
		y.line(3, "- uses: actions/upload-artifact@v4")
		y.line(4, "if: always()")
		y.line(4, "with:")
		y.line(5, "name: %s", out)
		y.line(5, "path: %s/%s.md", p.WorkingDirectory, out)
	}
	return y.String()
}
