package release

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// UpgradeReport is cx upgrade-check's answer: per environment and project, the diff moving
// to the candidate provider would cause.
type UpgradeReport struct {
	// Candidate names the candidate provider (its path).
	Candidate string       `json:"candidate"`
	Envs      []EnvUpgrade `json:"envs"`
}

// ExitCode follows plan's: 1 when a project could not be compared, 2 when the providers'
// plans differ, 0 when the upgrade changes nothing.
func (r UpgradeReport) ExitCode() int {
	code := 0
	for _, e := range r.Envs {
		for _, p := range e.Projects {
			if p.Error != "" {
				return 1
			}
			if len(p.Resources) > 0 {
				code = 2
			}
		}
	}
	return code
}

// WriteText prints the report for a terminal: per environment and project, each resource
// whose planned change differs and its attributes, current → candidate.
func (r UpgradeReport) WriteText(w io.Writer) {
	fmt.Fprintf(w, "Upgrade check: the current provider against %s\n", r.Candidate)
	for _, e := range r.Envs {
		fmt.Fprintf(w, "%s:\n", e.Env)
		for _, p := range e.Projects {
			switch {
			case p.Error != "":
				fmt.Fprintf(w, "  %s: not compared: %s\n", p.Project, p.Error)
			case len(p.Resources) == 0:
				fmt.Fprintf(w, "  %s: no differences\n", p.Project)
			default:
				fmt.Fprintf(w, "  %s: %d resources plan differently\n", p.Project, len(p.Resources))
				for _, rd := range p.Resources {
					fmt.Fprintf(w, "    %s (current: %s, candidate: %s)\n", rd.Address,
						strings.Join(rd.CurrentActions, "+"), strings.Join(rd.CandidateActions, "+"))
					for _, a := range rd.Attributes {
						fmt.Fprintf(w, "      %s: %s → %s\n", a.Path, showValue(a.Current), showValue(a.Candidate))
					}
				}
			}
		}
	}
}

// WriteMarkdown prints the report as Markdown fit for a pull-request comment: per
// environment a table of the attributes that would change.
func (r UpgradeReport) WriteMarkdown(w io.Writer) {
	fmt.Fprintf(w, "### Provider upgrade check: `%s`\n\n", r.Candidate)
	for _, e := range r.Envs {
		fmt.Fprintf(w, "**%s**\n\n", e.Env)
		var rows []string
		for _, p := range e.Projects {
			if p.Error != "" {
				fmt.Fprintf(w, "- %s: not compared: %s\n", p.Project, p.Error)
			}
			for _, rd := range p.Resources {
				actions := strings.Join(rd.CurrentActions, "+") + " → " + strings.Join(rd.CandidateActions, "+")
				if len(rd.Attributes) == 0 {
					rows = append(rows, fmt.Sprintf("| %s | `%s` | %s | | | |", p.Project, rd.Address, actions))
				}
				for _, a := range rd.Attributes {
					rows = append(rows, fmt.Sprintf("| %s | `%s` | %s | `%s` | `%s` | `%s` |", p.Project, rd.Address, actions,
						a.Path, showValue(a.Current), showValue(a.Candidate)))
				}
			}
		}
		if len(rows) == 0 {
			fmt.Fprintln(w, "No differences.")
			fmt.Fprintln(w)
			continue
		}
		fmt.Fprintln(w, "| project | resource | actions | attribute | current | candidate |\n|---|---|---|---|---|---|")
		fmt.Fprintln(w, strings.Join(rows, "\n"))
		fmt.Fprintln(w)
	}
}

// showValue prints a planned value as JSON, placeholders as they are.
func showValue(v any) string {
	if s, ok := v.(string); ok && (s == unknownValue || s == sensitiveValue) {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
