package workspace

import (
	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/hashicorp/hcl/v2"
)

// The workspace reports problems with the scan's positions and diagnostics, so that a
// project's scan and the workspace's own checks (cx.hcl, the graph) read alike.
type (
	// Pos is a place in a workspace file, root-relative and slash separated.
	Pos = configscan.Pos
	// Severity says whether a diagnostic stops a run (error) or only informs (warning).
	Severity = configscan.Severity
	// Diagnostic is one problem with the places that cause it.
	Diagnostic = configscan.Diagnostic
	// Diagnostics is a list of diagnostics; it is an error when it holds at least one error.
	Diagnostics = configscan.Diagnostics
)

// Severities, most severe first.
const (
	SeverityError   = configscan.SeverityError
	SeverityWarning = configscan.SeverityWarning
)

func posOf(r hcl.Range) Pos { return configscan.PosOf(r) }
