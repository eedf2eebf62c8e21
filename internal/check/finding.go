// Package check is cx check: guardrails that keep a workspace's structure healthy as it
// grows. Each built-in check reads the workspace (cx.hcl, the projects, the graph inferred
// from by-name references, the flow YAML) without running OpenTofu or touching an org, and
// reports findings that say what to change and where. The check block of cx.hcl tunes
// thresholds and suppresses findings with a written reason; suppressed findings stay in the
// report so a reviewer sees them.
package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
)

// Severity ranks a finding: info < warning < error. The zero value is info so a finding
// that forgets its severity never fails a build on its own.
type Severity int

// Severities, least severe first.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if s < Info || s > Error {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	for i, name := range severityNames {
		if strings.EqualFold(s, name) {
			return Severity(i), nil
		}
	}
	return Info, fmt.Errorf("severity %q: choose info, warning or error", s)
}

// MarshalText writes the severity's name, so JSON output reads "warning", not 1.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Pos is a place in a workspace file, relative to the workspace root.
type Pos = configscan.Pos

// Finding is one thing a check wants changed.
type Finding struct {
	// Check is the built-in check that found it ("monolith", "reach-in", …); Rule narrows it
	// ("unpinned-provider"); ID is "check/rule", what suppressions and SARIF name.
	Check    string   `json:"check"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Project is the project the finding is about ("" for the workspace as a whole).
	Project string `json:"project,omitempty"`
	// Pos is the file and line to change; its File alone (Line 0) when only a file is known.
	Pos     Pos    `json:"pos"`
	Message string `json:"message"`
	// Suggestion is the change the check proposes, one line per step (a monolith's split).
	Suggestion []string `json:"suggestion,omitempty"`
}

// ID is the finding's rule id, "check/rule".
func (f Finding) ID() string { return f.Check + "/" + f.Rule }

// Where is the finding's file:line, or its project when it has no file.
func (f Finding) Where() string {
	if f.Pos.File == "" {
		if f.Project == "" {
			return "cx.hcl"
		}
		return f.Project
	}
	if f.Pos.Line == 0 {
		return f.Pos.File
	}
	return fmt.Sprintf("%s:%d", f.Pos.File, f.Pos.Line)
}

// Suppressed is a finding a suppression of the check block silenced, with its reason.
type Suppressed struct {
	Finding Finding `json:"finding"`
	Reason  string  `json:"reason"`
	// At is where the suppression is written in cx.hcl.
	At Pos `json:"at"`
}

// Report is the outcome of a run.
type Report struct {
	Workspace  string       `json:"workspace"`
	Findings   []Finding    `json:"findings"`
	Suppressed []Suppressed `json:"suppressed"`
	// RepositoryPath is the workspace root relative to its git repository's root ("" when
	// they are the same or there is no repository): SARIF locations are read relative to the
	// repository, while findings are relative to the workspace.
	RepositoryPath string `json:"-"`
}

// Count is how many findings are at or above severity.
func (r *Report) Count(at Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity >= at {
			n++
		}
	}
	return n
}

// sortFindings orders findings by file, line, then id, so output is stable across runs.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Project != b.Project {
			return a.Project < b.Project
		}
		if a.ID() != b.ID() {
			return a.ID() < b.ID()
		}
		return a.Message < b.Message
	})
}
