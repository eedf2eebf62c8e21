package ci

import (
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The keys GitLab CI accepts at the top level of .gitlab-ci.yml besides jobs, and in a job
// (GitLab's CI/CD YAML reference); anything else is a typo GitLab would reject or ignore.
var (
	gitlabTopKeys = []string{"default", "include", "stages", "variables", "workflow", "image", "services",
		"before_script", "after_script", "cache", "spec"}
	gitlabJobKeys = []string{"after_script", "allow_failure", "artifacts", "before_script", "cache", "coverage",
		"dast_configuration", "dependencies", "environment", "extends", "hooks", "identity", "id_tokens", "image",
		"inherit", "interruptible", "manual_confirmation", "needs", "pages", "parallel", "release", "resource_group",
		"retry", "rules", "script", "secrets", "services", "stage", "tags", "timeout", "trigger", "variables", "when"}
	gitlabRuleKeys  = []string{"if", "changes", "exists", "when", "allow_failure", "needs", "variables", "interruptible"}
	gitlabNeedKeys  = []string{"job", "artifacts", "optional", "project", "ref", "pipeline", "parallel"}
	gitlabWhenTerms = []string{"on_success", "on_failure", "never", "always", "manual", "delayed"}
)

// TestGitLabCIOfTheExampleIsStructurallyValid checks the example's .gitlab-ci.yml against
// GitLab's keys: known top-level and job keys, every job in a declared stage, every needs:
// naming a job of an earlier or the same stage, no cycle, rules with valid when: terms.
func TestGitLabCIOfTheExampleIsStructurallyValid(t *testing.T) {
	p, _ := examplePipeline(t)
	content, err := Merge(GitLabFile, nil, GitLab(p)[0].Generated)
	if err != nil {
		t.Fatal(err)
	}
	var stages struct{ Stages []string }
	if err := yaml.Unmarshal(content, &stages); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(content, &raw); err != nil {
		t.Fatal(err)
	}
	doc := map[string]map[string]any{}
	for k, v := range raw {
		if slices.Contains(gitlabTopKeys, k) {
			continue
		}
		job, ok := v.(map[string]any)
		if !ok {
			t.Errorf("top-level key %s is neither a GitLab setting nor a job", k)
			continue
		}
		doc[k] = job
	}
	if def, _ := raw["default"].(map[string]any); def != nil {
		if _, ok := def["before_script"].([]any); !ok {
			t.Errorf("default.before_script is not a list: %v", def["before_script"])
		}
	}
	stageOf := map[string]int{}
	for id, job := range doc {
		for k := range job {
			if !slices.Contains(gitlabJobKeys, k) {
				t.Errorf("job %s: unknown key %s", id, k)
			}
		}
		if _, ok := job["script"].([]any); !ok {
			t.Errorf("job %s has no script list", id)
		}
		if bs, ok := job["before_script"]; ok {
			if _, ok := bs.([]any); !ok {
				t.Errorf("job %s: before_script is not a list", id)
			}
		}
		stage, _ := job["stage"].(string)
		s := slices.Index(stages.Stages, stage)
		if s < 0 {
			t.Errorf("job %s: stage %v is not in stages %v", id, job["stage"], stages.Stages)
		}
		stageOf[id] = s
		rules, _ := job["rules"].([]any)
		if len(rules) == 0 {
			t.Errorf("job %s has no rules: it would run in every pipeline", id)
		}
		for _, r := range rules {
			for k, v := range r.(map[string]any) {
				if !slices.Contains(gitlabRuleKeys, k) || k == "when" && !slices.Contains(gitlabWhenTerms, v.(string)) {
					t.Errorf("job %s: rule %s: %v", id, k, v)
				}
			}
		}
		needs, _ := job["needs"].([]any)
		for _, n := range needs {
			if m, ok := n.(map[string]any); ok {
				for k := range m {
					if !slices.Contains(gitlabNeedKeys, k) {
						t.Errorf("job %s: needs entry key %s", id, k)
					}
				}
			}
		}
	}
	jobs, err := ReadGitLabCI(content)
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != len(doc) {
		t.Errorf("ReadGitLabCI read %d jobs, the file has %d", len(jobs), len(doc))
	}
	if _, err := RunOrder(jobs); err != nil { // every need names a job, no cycle
		t.Fatal(err)
	}
	for _, j := range jobs {
		for _, n := range j.Needs {
			if stageOf[n] > stageOf[j.ID] {
				t.Errorf("job %s needs %s of a later stage", j.ID, n)
			}
		}
	}
	if w := doc["gate-prod"]["rules"].([]any)[0].(map[string]any)["when"]; w != "manual" {
		t.Errorf("prod is protected: its gate should be manual, rule when = %v", w)
	}
	if r := doc["gate-dev"]["rules"].([]any)[0].(map[string]any); r["when"] != nil {
		t.Errorf("dev is not protected: its gate should start by itself, rule %v", r)
	}
}

// TestGitLabRunsTheSameFlowsAsGitHub: every job of either system exists in the other under
// the same name, needs the same jobs, holds the same environment and runs the same cx
// commands; each environment's fan-out is as deep as the graph.
func TestGitLabRunsTheSameFlowsAsGitHub(t *testing.T) {
	p, _ := examplePipeline(t)
	var github []Job
	for _, f := range GitHub(p) {
		jobs, err := ReadGitHubWorkflow(f.Generated)
		if err != nil {
			t.Fatal(err)
		}
		github = append(github, jobs...)
	}
	gitlab, err := ReadGitLabCI(GitLab(p)[0].Generated)
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"BASE_REF": "main", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
	commands := func(j Job) []string {
		var out []string
		for _, s := range j.Scripts {
			for _, c := range CXCommands(s, vars) {
				out = append(out, strings.Join(c, " "))
			}
		}
		return out
	}
	if len(github) != len(gitlab) {
		t.Errorf("GitHub has %d jobs, GitLab %d", len(github), len(gitlab))
	}
	for _, gh := range github {
		i := slices.IndexFunc(gitlab, func(j Job) bool { return j.ID == gh.ID })
		if i < 0 {
			t.Errorf("GitLab has no job %s", gh.ID)
			continue
		}
		gl := gitlab[i]
		if !slices.Equal(gh.Needs, gl.Needs) || !slices.Equal(commands(gh), commands(gl)) {
			t.Errorf("job %s differs:\nGitHub needs %v runs %q\nGitLab needs %v runs %q", gh.ID, gh.Needs, commands(gh), gl.Needs, commands(gl))
		}
		if gh.Environment != "" && gh.Environment != gl.Environment {
			t.Errorf("job %s: GitHub environment %q, GitLab %q", gh.ID, gh.Environment, gl.Environment)
		}
	}
	for _, env := range p.Environments {
		chain, err := LongestNeedsChain(gitlab, func(j Job) bool { return strings.HasPrefix(j.ID, "apply-"+env.Name+"-") })
		if err != nil || chain != p.Depth() {
			t.Errorf("%s: longest needs chain %d (%v), want %d", env.Name, chain, err, p.Depth())
		}
	}
}
