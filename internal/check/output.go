package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Format is an output format of the report.
type Format string

// Formats cx check writes.
const (
	FormatText     Format = "text"
	FormatJSON     Format = "json"
	FormatMarkdown Format = "markdown"
	FormatSARIF    Format = "sarif"
)

// Formats lists the output formats, for flag help.
func Formats() []Format { return []Format{FormatText, FormatJSON, FormatMarkdown, FormatSARIF} }

// Write renders the report in a format.
func (r *Report) Write(w io.Writer, format Format) error {
	switch format {
	case FormatText, "":
		return r.writeText(w)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case FormatMarkdown:
		return r.writeMarkdown(w)
	case FormatSARIF:
		return r.WriteSARIF(w)
	}
	return fmt.Errorf("unknown format %q", format)
}

func (r *Report) writeText(w io.Writer) error {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s: %s [%s] %s\n", f.Where(), f.Severity, f.ID(), f.Message)
		for _, s := range f.Suggestion {
			fmt.Fprintf(&b, "    %s\n", s)
		}
	}
	for _, s := range r.Suppressed {
		fmt.Fprintf(&b, "%s: suppressed [%s] %s (reason: %s; %s)\n", s.Finding.Where(), s.Finding.ID(), s.Finding.Message, s.Reason, s.At)
	}
	fmt.Fprintf(&b, "%s\n", r.summary())
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) summary() string {
	return fmt.Sprintf("%d errors, %d warnings, %d info, %d suppressed",
		r.Count(Error), r.Count(Warning)-r.Count(Error), r.Count(Info)-r.Count(Warning), len(r.Suppressed))
}

// markdownCell keeps a value on one table row and out of HTML: "env/<env>.tfvars" would
// otherwise render as an unknown tag.
func markdownCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

func (r *Report) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## cx check: %s\n\n%s\n", r.Workspace, r.summary())
	if len(r.Findings) > 0 {
		b.WriteString("\n| severity | check | where | what to do |\n|---|---|---|---|\n")
		for _, f := range r.Findings {
			cell := markdownCell(f.Message)
			for _, s := range f.Suggestion {
				cell += "<br>" + markdownCell(s)
			}
			fmt.Fprintf(&b, "| %s | `%s` | `%s` | %s |\n", f.Severity, f.ID(), markdownCell(f.Where()), cell)
		}
	}
	if len(r.Suppressed) > 0 {
		b.WriteString("\n### Suppressed\n\n| check | where | reason |\n|---|---|---|\n")
		for _, s := range r.Suppressed {
			fmt.Fprintf(&b, "| `%s` | `%s` | %s |\n", s.Finding.ID(), markdownCell(s.Finding.Where()), markdownCell(s.Reason))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
