// Package ci generates CI pipelines for a workspace: GitHub Actions workflows and a GitLab CI
// file with three flows — a pull request plans every environment for the projects it affects
// and posts one plan comment, a merge to main deploys the environments in promotion order
// behind their gates, and a nightly run reports drift.
//
// Projects fan out into one job each, with needs: edges copied from the inferred graph, so
// a large workspace spreads over many runners and the longest needs: chain of an
// environment's deploy is the graph's depth. Credentials come from the CI system's secret
// store by the names cx.hcl gives; no secret value is ever written into a generated file.
//
// Every generated file holds its content between two marker lines (BeginMarker, EndMarker).
// Regenerating replaces only what lies between them, so comments, extra keys and extra jobs
// written outside the markers survive; the same workspace always yields the same bytes.
package ci

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/pgstate"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
)

// DefaultCXVersion is the module version of cx the pipelines install when none is given.
const DefaultCXVersion = "latest"

// Pipeline is what every generator needs to know about a workspace: its environments in
// promotion order and its projects in graph order with their direct dependencies.
type Pipeline struct {
	Name         string
	Environments []Environment // in promotion order: each after the one it promotes from
	Projects     []Project     // dependencies first, ties by name
	// WorkingDirectory is the workspace root relative to the repository root the pipelines
	// live in, slash separated; "." when they are the same.
	WorkingDirectory string
	// CXVersion is what `go install …/cmd/cx@` installs: a module version or "latest".
	CXVersion string
	// StateSecrets are the environment variables OpenTofu's state needs in every job, filled
	// from the CI system's secret store under the same names: the pg backend's PG_CONN_STR
	// (when cx.hcl's state block holds no conn_str), the state encryption's passphrase, and
	// the API token of each remote or cloud backend projects declare themselves (TF_TOKEN_…,
	// as the Genesys CI/CD blueprint keeps state in Terraform Cloud). Sorted.
	StateSecrets []string
	// Warnings are what keeps the pipelines from working on a CI system as they stand:
	// every job runs on a fresh runner, so nothing kept on one machine survives it.
	Warnings []string
}

// Environment is one deployment target of the pipelines.
type Environment struct {
	Name      string
	Protected bool
	// SecretNames are the environment variables holding the org's OAuth client, which the
	// pipelines fill from the CI system's secret store under the same names. Empty for an
	// environment on the embedded local org.
	SecretNames []string
}

// Project is one project of the workspace and the projects it depends on directly.
type Project struct {
	Name  string
	Needs []string // direct dependencies, sorted by name
}

// Options are the choices a generator leaves to its caller.
type Options struct {
	WorkingDirectory string // see Pipeline.WorkingDirectory; "" means "."
	CXVersion        string // "" means DefaultCXVersion
}

// New describes the pipelines of a loaded workspace and its graph. It fails when the graph
// has a cycle, since no job order exists then.
func New(ws *workspace.Workspace, g *workspace.Graph, o Options) (*Pipeline, error) {
	order, err := g.Order()
	if err != nil {
		return nil, fmt.Errorf("order the workspace's projects for the pipeline: %w", err)
	}
	needs := map[string][]string{}
	for _, e := range g.Edges {
		needs[e.From] = append(needs[e.From], e.To)
	}
	p := &Pipeline{Name: ws.Config.Name, WorkingDirectory: o.WorkingDirectory, CXVersion: o.CXVersion}
	if p.WorkingDirectory == "" {
		p.WorkingDirectory = "."
	}
	if p.CXVersion == "" {
		p.CXVersion = DefaultCXVersion
	}
	for _, name := range order {
		// GitHub evaluates ${{ }} anywhere in a workflow, a project's name included.
		if strings.Contains(name, "${{") {
			return nil, fmt.Errorf("project %q: a name holding ${{ would be evaluated by GitHub Actions; rename its directory", name)
		}
		deps := slices.Clone(needs[name])
		slices.Sort(deps)
		p.Projects = append(p.Projects, Project{Name: name, Needs: slices.Compact(deps)})
	}
	for _, e := range ws.Config.Environments {
		env := Environment{Name: e.Name, Protected: e.Protected}
		if !e.IsLocal() {
			env.SecretNames = []string{e.ClientIDEnv, e.ClientSecretEnv}
			for _, s := range env.SecretNames {
				if !secretName.MatchString(s) {
					return nil, fmt.Errorf("environment %s: credentials_env names %q, which no CI secret can be called (letters, digits and _, not starting with a digit)", e.Name, s)
				}
			}
		} else {
			p.Warnings = append(p.Warnings, fmt.Sprintf("environment %s is on the embedded local org (%s): each CI job starts an empty one of its own; point it at a real org for the pipelines to deploy anything lasting", e.Name, e.Org))
		}
		p.Environments = append(p.Environments, env)
	}
	secrets, ownBackends, err := stateSecrets(ws)
	if err != nil {
		return nil, err
	}
	p.StateSecrets = secrets
	if ws.Config.State.Backend == "local" && ownBackends < len(ws.Projects) {
		p.Warnings = append(p.Warnings, "state is local (cx.hcl's state block): CI jobs run on fresh runners and would each start from empty state; use a shared OpenTofu backend such as s3 or pg")
	}
	if len(p.Environments) == 0 {
		return nil, fmt.Errorf("workspace %s has no environment to deploy to", ws.Root)
	}
	return p, nil
}

// Depth is the number of levels of the project graph: the longest chain of projects each
// depending on the next, counted in projects.
func (p *Pipeline) Depth() int {
	level := map[string]int{}
	depth := 0
	for _, pr := range p.Projects { // dependencies come first
		l := 1
		for _, d := range pr.Needs {
			l = max(l, level[d]+1)
		}
		level[pr.Name] = l
		depth = max(depth, l)
	}
	return depth
}

// secretName is what both CI systems accept as a secret's (and an environment variable's) name.
var secretName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

var notJobIDChar = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// jobIDs gives every project a job-id-safe name (letters, digits, _ and -), unique in the
// workspace: both CI systems restrict job names, project directories do not.
func (p *Pipeline) jobIDs() map[string]string {
	ids := map[string]string{}
	taken := map[string]bool{}
	for _, pr := range p.Projects {
		id := jobSafe(pr.Name)
		base := id
		for n := 2; taken[strings.ToLower(id)]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		taken[strings.ToLower(id)] = true
		ids[pr.Name] = id
	}
	return ids
}

// applyJob, gateJob, verifyJob, planJob and driftJob name the jobs of the flows, the same in
// both CI systems, so a reader of one finds the other's jobs.
// Environment names are sanitized the same way as project names.
func applyJob(env, projectID string) string { return "apply-" + jobSafe(env) + "-" + projectID }
func gateJob(env string) string             { return "gate-" + jobSafe(env) }
func verifyJob(env string) string           { return "verify-" + jobSafe(env) }
func planJob(env string) string             { return "plan-" + jobSafe(env) }
func driftJob(env string) string            { return "drift-" + jobSafe(env) }

func jobSafe(name string) string {
	id := strings.Trim(notJobIDChar.ReplaceAllString(name, "-"), "-")
	if id == "" {
		return "x"
	}
	return id
}

var shellWord = regexp.MustCompile(`^[A-Za-z0-9_./:@=+-]+$`)

// shellQuote quotes s for a POSIX shell when it holds anything but plain word characters:
// in double quotes with $ ` " and \ escaped, which reads as literal to people and shellcheck.
func shellQuote(s string) string {
	if shellWord.MatchString(s) {
		return s
	}
	return `"` + shellEscaper.Replace(s) + `"`
}

var shellEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`")

// yamlQuoteIfNeeded single-quotes a script line when plain YAML would misread it (a colon
// followed by a space, a leading special character, a comment sign).
func yamlQuoteIfNeeded(s string) string {
	if strings.ContainsAny(s[:1], "!&*{}[]|>'\"%@`#,?:-") || strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

// stateSecrets lists the variables state needs (Pipeline.StateSecrets) and counts the
// projects that declare a backend of their own.
func stateSecrets(ws *workspace.Workspace) (secrets []string, ownBackends int, err error) {
	set := map[string]bool{}
	st := ws.Config.State
	if st.IsPostgres() {
		if v, ok := st.Settings["conn_str"]; !ok || v.IsNull() {
			set[pgstate.ConnEnv] = true
		}
	}
	if st.Encryption != nil {
		set[st.Encryption.PassphraseEnv] = true
	}
	for _, pr := range ws.Projects {
		b, ok := tofu.ProjectBackend(filepath.Join(ws.Root, filepath.FromSlash(pr.Dir)))
		if !ok {
			continue
		}
		ownBackends++
		if env := b.TokenEnv(); env != "" {
			set[env] = true
		}
	}
	for s := range set {
		if !secretName.MatchString(s) {
			return nil, 0, fmt.Errorf("state needs the variable %q, which no CI secret can be called (letters, digits and _, not starting with a digit)", s)
		}
		secrets = append(secrets, s)
	}
	slices.Sort(secrets)
	return secrets, ownBackends, nil
}
