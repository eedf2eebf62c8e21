package configscan

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Pos is a place in a configuration file. File is relative to the workspace root (slash
// separated) for files found while scanning projects, so output is the same on every machine.
type Pos struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// PosOf is where an HCL range starts.
func PosOf(r hcl.Range) Pos {
	return Pos{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column}
}

// Severity says whether a diagnostic stops a run (error) or only informs (warning).
type Severity int

// Severities, most severe first.
const (
	SeverityError Severity = iota
	SeverityWarning
)

func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem with the places that cause it. Code is a stable identifier
// (e.g. "cycle", "duplicate-owner", "unresolved-reference") for tools that filter.
type Diagnostic struct {
	Severity  Severity
	Code      string
	Message   string
	Positions []Pos
}

// String is "file:line:col: message", the first position leading like compiler errors do.
func (d Diagnostic) String() string {
	if len(d.Positions) == 0 {
		return d.Message
	}
	return d.Positions[0].String() + ": " + d.Message
}

// Diagnostics is a list of diagnostics; it is an error when it holds at least one error.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Errors returns only the errors.
func (ds Diagnostics) Errors() Diagnostics { return ds.filter(SeverityError) }

// Warnings returns only the warnings.
func (ds Diagnostics) Warnings() Diagnostics { return ds.filter(SeverityWarning) }

func (ds Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

func (ds Diagnostics) String() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.Severity.String() + ": " + d.String()
	}
	return strings.Join(lines, "\n")
}
