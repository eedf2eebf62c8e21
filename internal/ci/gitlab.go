package ci

import (
	"fmt"
	"strings"
)

// GitLabFile is the GitLab CI file, relative to the repository root.
const GitLabFile = ".gitlab-ci.yml"

// GitLab CI rules for the three flows: merge requests plan, pushes to the default branch
// deploy, scheduled pipelines look for drift.
const (
	gitlabRuleMergeRequest = `$CI_PIPELINE_SOURCE == "merge_request_event"`
	gitlabRuleMain         = `$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH`
	gitlabRuleSchedule     = `$CI_PIPELINE_SOURCE == "schedule"`
)

// GitLabCommentTokenVariable is the CI/CD variable holding a token allowed to write merge
// request notes (scope api); the plan comment job reads it by name.
const GitLabCommentTokenVariable = "CX_GITLAB_TOKEN"

// GitLab returns .gitlab-ci.yml with the same flows as GitHub's workflows. GitLab passes
// CI/CD variables to every job as environment variables under their own names, so the org
// credentials named in cx.hcl need no mention in the file at all.
func GitLab(p *Pipeline) []File {
	return []File{{Path: GitLabFile, Generated: []byte(gitlab(p))}}
}

func gitlab(p *Pipeline) string {
	var y yamlText
	y.line(0, "workflow:")
	y.line(1, "rules:")
	for _, r := range []string{gitlabRuleMergeRequest, gitlabRuleMain, gitlabRuleSchedule} {
		y.line(2, "- if: '%s'", r)
	}
	y.line(0, "stages:")
	y.line(1, "- plan")
	y.line(1, "- comment")
	for _, env := range p.Environments {
		e := jobSafe(env.Name)
		y.line(1, "- %s-gate", e)
		y.line(1, "- %s-apply", e)
		y.line(1, "- %s-verify", e)
	}
	y.line(1, "- drift")
	y.line(0, "default:")
	y.line(1, "image: golang:1")
	y.line(1, "before_script:")
	y.line(2, "- curl -fsSL https://get.opentofu.org/install-opentofu.sh | sh -s -- --install-method standalone")
	y.line(2, "- go install github.com/cxascode/cxascode/cmd/cx@%s", p.CXVersion)
	y.line(0, "variables:")
	y.line(1, "GIT_DEPTH: 0") // --affected-since and releases read history
	if p.WorkingDirectory != "." {
		y.line(1, "CX_WORKSPACE: %s", p.WorkingDirectory)
	}
	gitlabPlans(&y, p)
	gitlabDeploy(&y, p)
	gitlabDrift(&y, p)
	return y.String()
}

func gitlabRules(y *yamlText, rule, when string) {
	y.line(1, "rules:")
	y.line(2, "- if: '%s'", rule)
	if when != "" {
		y.line(3, "when: %s", when)
	}
}

// gitlabScript writes a job's script; in a workspace below the repository root it first
// changes into the workspace.
func gitlabScript(y *yamlText, p *Pipeline, lines ...string) {
	if p.WorkingDirectory != "." {
		lines = append([]string{`cd "$CX_WORKSPACE"`}, lines...)
	}
	y.line(1, "script:")
	for _, l := range lines {
		y.line(2, "- %s", yamlQuoteIfNeeded(l))
	}
}

func gitlabArtifact(y *yamlText, p *Pipeline, file string) {
	y.line(1, "artifacts:")
	y.line(2, "when: always")
	y.line(2, "paths:")
	y.line(3, "- %s/%s", p.WorkingDirectory, file)
}

func gitlabPlans(y *yamlText, p *Pipeline) {
	var plans []string
	for _, env := range p.Environments {
		job, out := planJob(env.Name), "plan-"+jobSafe(env.Name)
		plans = append(plans, job)
		y.line(0, "%s:", job)
		y.line(1, "stage: plan")
		gitlabRules(y, gitlabRuleMergeRequest, "")
		// Exit 2 (changes present) is the expected outcome of a merge request; only 1 fails.
		gitlabScript(y, p,
			fmt.Sprintf(`cx plan --env %s --affected-since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" > %s.txt && code=0 || code=$?`, shellQuote(env.Name), out),
			fmt.Sprintf("cat %s.txt", out),
			fmt.Sprintf(`{ echo "### %s (exit $code)"; echo; echo '~~~'; cat %s.txt; echo '~~~'; } > %s.md`, env.Name, out, out),
			`test "$code" -ne 1`)
		gitlabArtifact(y, p, out+".md")
	}
	// One note, found by its marker and edited in place, so a merge request keeps a single
	// current plan however often it is pushed.
	y.line(0, "comment:")
	y.line(1, "stage: comment")
	y.line(1, "needs:")
	for _, j := range plans {
		y.line(2, "- job: %s", j)
		y.line(3, "artifacts: true")
	}
	gitlabRules(y, gitlabRuleMergeRequest, "always")
	y.line(1, "before_script:") // the note needs jq, not cx
	y.line(2, "- apt-get update -qq && apt-get install -y -qq jq")
	var files []string
	for _, env := range p.Environments {
		files = append(files, "plan-"+jobSafe(env.Name)+".md")
	}
	notes := "$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
	auth := fmt.Sprintf(`--header "PRIVATE-TOKEN: $%s"`, GitLabCommentTokenVariable)
	gitlabScript(y, p,
		fmt.Sprintf(`{ echo '%s'; echo '## cx plan'; for f in %s; do [ -f "$f" ] && { echo; cat "$f"; }; done; } > plan-comment.md`, planCommentMarker, strings.Join(files, " ")),
		fmt.Sprintf(`note=$(curl -fsS %s "%s?per_page=100" | jq -r '[.[] | select(.body | startswith("%s"))][0].id // empty')`, auth, notes, planCommentMarker),
		fmt.Sprintf(`if [ -n "$note" ]; then curl -fsS -X PUT %s --data-urlencode "body@plan-comment.md" "%s/$note"; else curl -fsS -X POST %s --data-urlencode "body@plan-comment.md" "%s"; fi`, auth, notes, auth, notes))
}

func gitlabDeploy(y *yamlText, p *Pipeline) {
	ids := p.jobIDs()
	previous := ""
	for _, env := range p.Environments {
		e := jobSafe(env.Name)
		// The gate holds the GitLab environment; a protected environment's gate is manual, so
		// someone allowed to deploy there starts it (and GitLab's deployment approvals apply).
		y.line(0, "%s:", gateJob(env.Name))
		y.line(1, "stage: %s-gate", e)
		if previous != "" {
			y.line(1, "needs: [%s]", verifyJob(previous))
		} else {
			y.line(1, "needs: []")
		}
		y.line(1, "environment:")
		y.line(2, "name: %s", env.Name)
		y.line(2, "action: prepare")
		when := ""
		if env.Protected {
			when = "manual"
		}
		gitlabRules(y, gitlabRuleMain, when)
		if env.Protected {
			y.line(1, "allow_failure: false")
		}
		y.line(1, "before_script: []")
		y.line(1, "script:")
		y.line(2, `- echo "Deploying $CI_COMMIT_SHA to %s"`, env.Name)
		var applies []string
		for _, pr := range p.Projects {
			job := applyJob(env.Name, ids[pr.Name])
			applies = append(applies, job)
			y.line(0, "%s:", job)
			y.line(1, "stage: %s-apply", e)
			needs := []string{gateJob(env.Name)}
			for _, d := range pr.Needs {
				needs = append(needs, applyJob(env.Name, ids[d]))
			}
			y.line(1, "needs: [%s]", strings.Join(needs, ", "))
			y.line(1, "resource_group: %s-%s", e, ids[pr.Name])
			gitlabRules(y, gitlabRuleMain, "")
			gitlabScript(y, p, fmt.Sprintf("cx apply --env %s %s", shellQuote(env.Name), shellQuote(pr.Name)))
		}
		y.line(0, "%s:", verifyJob(env.Name))
		y.line(1, "stage: %s-verify", e)
		y.line(1, "needs: [%s]", strings.Join(applies, ", "))
		y.line(1, "environment:")
		y.line(2, "name: %s", env.Name)
		gitlabRules(y, gitlabRuleMain, "")
		// A no-op apply of every project that records the release (tag cx/<env>/<n>).
		gitlabScript(y, p,
			fmt.Sprintf("cx test --env %s", shellQuote(env.Name)),
			fmt.Sprintf("cx apply --env %s --release", shellQuote(env.Name)),
			fmt.Sprintf(`git push "https://oauth2:$%s@$CI_SERVER_HOST/$CI_PROJECT_PATH.git" "refs/tags/cx/*:refs/tags/cx/*"`, GitLabCommentTokenVariable))
		previous = env.Name
	}
}

func gitlabDrift(y *yamlText, p *Pipeline) {
	for _, env := range p.Environments {
		out := "drift-" + jobSafe(env.Name)
		y.line(0, "%s:", driftJob(env.Name))
		y.line(1, "stage: drift")
		y.line(1, "needs: []")
		gitlabRules(y, gitlabRuleSchedule, "")
		// Exit 2 (drift found) fails the job; the report is kept as an artifact either way.
		gitlabScript(y, p,
			fmt.Sprintf("cx drift --env %s --format markdown > %s.md && code=0 || code=$?", shellQuote(env.Name), out),
			fmt.Sprintf("cat %s.md", out),
			`exit "$code"`)
		gitlabArtifact(y, p, out+".md")
	}
}
