package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/zclconf/go-cty/cty"
)

// The hygiene check: habits that keep deployments predictable — providers pinned, protected
// environments deployed by CI, every flow with a cx test, no ignore_changes hiding drift.

func checkHygiene(v *view) []Finding {
	var out []Finding
	for _, m := range v.modules {
		out = append(out, unpinnedProviders(m)...)
		out = append(out, ignoredChanges(m)...)
		out = append(out, undescribed(m)...)
		out = append(out, oneStateBackend(v, m)...)
		if len(m.flows) > 0 && !hasCxTest(v.ws.Root, m.project.Dir) {
			out = append(out, ruleHygieneNoTest.at(m.project.Name, m.flows[0].pos,
				"project %s publishes a flow but has no %s/tests/*.cxtest.hcl; add a cx test that places a simulated call", m.project.Name, m.project.Dir))
		}
	}
	workflows := ciWorkflows(v.ws.Root)
	for _, env := range v.ws.Config.Environments {
		if env.Protected && !deploysEnvironment(workflows, env.Name) {
			out = append(out, ruleHygieneUngated.at("", env.Pos,
				"environment %s is protected but no CI pipeline (.github/workflows, .gitlab-ci.yml) runs cx apply --env %s; generate one with cx ci", env.Name, env.Name))
		}
	}
	return out
}

// upperBound matches version constraints that stop a provider upgrading by itself: an
// exact version, "=", "~>" or "<".
var upperBound = regexp.MustCompile(`^\s*(=|~>|<|v?[0-9])`)

func unpinnedProviders(m *module) []Finding {
	var out []Finding
	for _, body := range m.files {
		for _, b := range body.Blocks {
			if b.Type != "terraform" {
				continue
			}
			for _, rp := range b.Body.Blocks {
				if rp.Type != "required_providers" {
					continue
				}
				for _, a := range sortedAttributes(rp.Body) {
					if v, _ := a.Expr.Value(nil); !pinned(v) {
						out = append(out, ruleHygieneUnpinned.at(m.project.Name, configscan.PosOf(a.SrcRange),
							"provider %s has no version constraint with an upper bound; add version = \"~> X.Y\" so upgrades are a reviewed change", a.Name))
					}
				}
			}
		}
	}
	return out
}

// pinned reports whether a required_providers entry bounds its version.
func pinned(v cty.Value) bool {
	if v.IsNull() || !v.IsKnown() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		return false
	}
	if v.Type().IsObjectType() && !v.Type().HasAttribute("version") {
		return false
	}
	version := v.GetAttr("version")
	if version.IsNull() || !version.Type().Equals(cty.String) {
		return false
	}
	for _, c := range strings.Split(version.AsString(), ",") {
		if upperBound.MatchString(c) {
			return true
		}
	}
	return false
}

func ignoredChanges(m *module) []Finding {
	var out []Finding
	for _, r := range m.resources {
		for _, b := range r.block.Body.Blocks {
			if b.Type != "lifecycle" {
				continue
			}
			if a := b.Body.Attributes["ignore_changes"]; a != nil {
				out = append(out, ruleHygieneIgnore.at(m.project.Name, configscan.PosOf(a.SrcRange),
					"%s ignores changes, so cx drift cannot see them; remove ignore_changes and let the configuration own the attribute (or suppress with a reason)", r.address))
			}
		}
	}
	return out
}

// undescribed reports resources of kinds whose API keeps a description (the catalogue knows
// which) declared without one: the console and exports show it to the next person.
func undescribed(m *module) []Finding {
	var out []Finding
	for _, r := range m.resources {
		k := kinds.Genesys().ByResource(r.typ)
		if k == nil || !k.Describable() || r.block.Body.Attributes["description"] != nil {
			continue
		}
		out = append(out, ruleHygieneNoDescription.at(m.project.Name, r.pos,
			"%s has no description; say what it is for (description = \"…\"), the org shows it to whoever opens it next", r.address))
	}
	return out
}

func hasCxTest(root, dir string) bool {
	matches, _ := filepath.Glob(filepath.Join(root, filepath.FromSlash(dir), "tests", "*.cxtest.hcl"))
	return len(matches) > 0
}

// ciWorkflows is the text of the CI pipelines of the workspace's repository (GitHub Actions
// workflows, GitLab CI), in the workspace root and in the repository root above it.
func ciWorkflows(root string) []string {
	dirs := []string{root}
	if repo, ok := repositoryRoot(root); ok && repo != root {
		dirs = append(dirs, repo)
	}
	var texts []string
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, ".github", "workflows", "*.y*ml"))
		files = append(files, filepath.Join(dir, ".gitlab-ci.yml"))
		for _, f := range files {
			if src, err := os.ReadFile(f); err == nil {
				texts = append(texts, string(src))
			}
		}
	}
	return texts
}

// repositoryRoot is the nearest directory at or above dir holding .git, as an absolute path.
func repositoryRoot(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// deploysEnvironment reports whether a pipeline applies to the environment: a plan alone
// deploys nothing. The name may be quoted, as cx ci quotes names a shell would split.
func deploysEnvironment(workflows []string, env string) bool {
	re := regexp.MustCompile(`cx apply[^\n]*--env[ =]["']?` + regexp.QuoteMeta(env) + `(["'\s]|$)`)
	for _, w := range workflows {
		if re.MatchString(w) {
			return true
		}
	}
	return false
}

// oneStateBackend reports a project whose own backend keeps a single state (a remote or
// cloud backend naming its one workspace, an http backend) in a workspace of several
// environments: cx gives each environment its own OpenTofu workspace, and such a backend
// has only the one, so dev's apply and prod's would share a state.
func oneStateBackend(v *view, m *module) []Finding {
	if len(v.ws.Config.Environments) < 2 {
		return nil
	}
	b, ok := tofu.ProjectBackend(filepath.Join(v.ws.Root, filepath.FromSlash(m.project.Dir)))
	if !ok || !b.OneState {
		return nil
	}
	rel, err := filepath.Rel(v.ws.Root, b.File)
	if err != nil {
		rel = b.File
	}
	var envs []string
	for _, e := range v.ws.Config.Environments {
		envs = append(envs, e.Name)
	}
	return []Finding{ruleHygieneOneState.at(m.project.Name, configscan.Pos{File: filepath.ToSlash(rel), Line: b.Pos.Line, Column: b.Pos.Column},
		"project %s keeps its state in one %s workspace, and the environments %s would share it; use workspaces { prefix = \"…\" } (or tags) so each environment gets its own, as cx selects the workspace named after the environment",
		m.project.Name, b.Type, strings.Join(envs, ", "))}
}
