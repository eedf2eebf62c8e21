package check

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cxascode/cxascode/internal/workspace"
)

// rule is one thing a check looks for: its ids, default severity and a description for
// SARIF's rule list.
type rule struct {
	check, name string
	severity    Severity
	description string
}

func (r rule) id() string { return r.check + "/" + r.name }

// at makes a finding of the rule.
func (r rule) at(project string, pos Pos, format string, args ...any) Finding {
	return Finding{Check: r.check, Rule: r.name, Severity: r.severity, Project: project, Pos: pos,
		Message: fmt.Sprintf(format, args...)}
}

// The built-in rules. Severities: error for what breaks promotion between environments or
// couples projects' state (hard-coded ids, remote state, writes into another project's
// objects); warning for structure that will hurt as the workspace grows; info for advice.
var (
	ruleMonolithFlows      = rule{"monolith", "several-flows", Warning, "a project holds more than one Architect flow"}
	ruleMonolithSize       = rule{"monolith", "too-large", Warning, "a project holds more resources than monolith_max_resources"}
	ruleMonolithMixed      = rule{"monolith", "shared-in-flow-project", Warning, "a flow project declares an object other projects use"}
	ruleReachInWrite       = rule{"reach-in", "writes-other-project", Error, "a project changes an object another project declares"}
	ruleReachInByID        = rule{"reach-in", "by-id", Error, "a literal object id refers to an object instead of its name"}
	ruleReachInRemoteState = rule{"reach-in", "remote-state", Error, "terraform_remote_state couples a project to another's state"}
	ruleOverShared         = rule{"over-shared", "single-user", Warning, "a shared object only one flow project uses"}
	ruleHardCodedGUID      = rule{"hard-coded", "guid", Error, "a GUID written as a literal; ids differ per org"}
	ruleHardCodedPhone     = rule{"hard-coded", "phone-number", Warning, "a phone number written outside env/<env>.tfvars"}
	ruleHardCodedEmail     = rule{"hard-coded", "email", Warning, "an e-mail address written outside env/<env>.tfvars"}
	ruleHardCodedURL       = rule{"hard-coded", "url", Warning, "a URL written outside env/<env>.tfvars"}
	ruleHygieneUnpinned    = rule{"hygiene", "unpinned-provider", Warning, "a required provider without a version constraint that bounds it"}
	ruleHygieneUngated     = rule{"hygiene", "protected-without-ci", Warning, "a protected environment no CI workflow deploys"}
	ruleHygieneNoTest      = rule{"hygiene", "flow-without-test", Info, "a flow project without a cx test file"}
	ruleHygieneIgnore      = rule{"hygiene", "ignore-changes", Warning, "lifecycle.ignore_changes hides drift"}
	// Error: every environment's apply would read and write the one state.
	ruleHygieneOneState = rule{"hygiene", "one-state-backend", Error, "a project's own backend keeps one state for several environments"}
	// Info: most examples leave some descriptions out, and a missing one misleads nobody.
	ruleHygieneNoDescription = rule{"hygiene", "no-description", Info, "a resource without a description where the API keeps one"}
	ruleChurnCoupled         = rule{"churn", "co-changing-projects", Info, "two projects that change in the same commits"}
	ruleChurnHalves          = rule{"churn", "independent-halves", Info, "a project whose files fall into groups that never change together"}
	ruleUnusedSuppression    = rule{"check", "unused-suppression", Warning, "a suppression in cx.hcl that matches no finding"}
)

func allRules() []rule {
	return []rule{ruleMonolithFlows, ruleMonolithSize, ruleMonolithMixed, ruleReachInWrite, ruleReachInByID, ruleReachInRemoteState,
		ruleOverShared, ruleHardCodedGUID, ruleHardCodedPhone, ruleHardCodedEmail, ruleHardCodedURL,
		ruleHygieneUnpinned, ruleHygieneUngated, ruleHygieneNoTest, ruleHygieneIgnore, ruleHygieneOneState, ruleHygieneNoDescription, ruleChurnCoupled, ruleChurnHalves, ruleUnusedSuppression}
}

// ruleDescription is a rule's one-line description, for SARIF.
func ruleDescription(id string) string {
	for _, r := range allRules() {
		if r.id() == id {
			return r.description
		}
	}
	if file, ok := strings.CutPrefix(id, checkPolicy+"/"); ok {
		return "the workspace's Rego policy " + file + ".rego"
	}
	return id
}

// checks are the built-in checks in the order they run.
func checks() []func(*view) []Finding {
	return []func(*view) []Finding{checkMonolith, checkReachIn, checkOverShared, checkHardCoded, checkHygiene, checkChurn}
}

// Run checks the workspace at root with the check block of its cx.hcl.
func Run(root string) (*Report, error) {
	cfg, err := LoadConfig(root)
	if err != nil {
		return nil, err
	}
	return RunWith(root, cfg)
}

// RunWith checks the workspace at root with a given configuration.
func RunWith(root string, cfg *Config) (*Report, error) {
	ws, err := workspace.Load(root)
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	v, err := newView(ws, cfg)
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	var found []Finding
	for _, c := range checks() {
		found = append(found, c(v)...)
	}
	policies, err := checkPolicies(context.Background(), v)
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	found = append(found, policies...)
	report := assemble(ws.Config.Name, found, cfg)
	report.RepositoryPath = repositoryPath(root)
	return report, nil
}

// repositoryPath is root relative to its git repository's root, slash separated.
func repositoryPath(root string) string {
	repo, ok := repositoryRoot(root)
	if !ok {
		return ""
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(repo, abs)
	if err != nil || rel == "." {
		return ""
	}
	return filepath.ToSlash(rel)
}

// assemble applies the configuration to what the checks found: severities overridden,
// suppressed findings set apart with their reasons, everything in a stable order. A
// suppression that matches nothing is reported: once its finding is fixed it would
// silently hide the next one under its path.
func assemble(workspaceName string, found []Finding, cfg *Config) *Report {
	report := &Report{Workspace: workspaceName, Findings: []Finding{}, Suppressed: []Suppressed{}}
	used := make([]bool, len(cfg.Suppressions))
	sortFindings(found)
	var kept []Finding
	for _, f := range found {
		f.Severity = cfg.severityOf(f)
		if i, ok := cfg.suppressionFor(f); ok {
			used[i] = true
			s := cfg.Suppressions[i]
			report.Suppressed = append(report.Suppressed, Suppressed{Finding: f, Reason: s.Reason, At: s.Pos})
			continue
		}
		kept = append(kept, f)
	}
	for i, s := range cfg.Suppressions {
		if !used[i] {
			kept = append(kept, ruleUnusedSuppression.at("", s.Pos,
				"suppress %q for %s matches no finding; remove it so it cannot hide a new one", s.ID, s.Path))
		}
	}
	sortFindings(kept)
	report.Findings = append(report.Findings, kept...)
	return report
}

// suppressionFor is the index of the first suppression covering a finding.
func (c *Config) suppressionFor(f Finding) (int, bool) {
	for i, s := range c.Suppressions {
		if s.matches(f) {
			return i, true
		}
	}
	return 0, false
}
