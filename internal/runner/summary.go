package runner

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteSummary prints the run's table, one project a row in run order, and a closing line
// with the counts and the exit code.
func (r *Result) WriteSummary(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROJECT\tSTATUS\tADD\tCHANGE\tDESTROY\tTIME\tDETAIL")
	for _, p := range r.Projects {
		counts := "\t\t"
		if p.Add+p.Change+p.Destroy > 0 {
			counts = fmt.Sprintf("%d\t%d\t%d", p.Add, p.Change, p.Destroy)
		}
		detail := p.Error
		if p.Speculative && p.Status != StatusFailed {
			detail = "speculative: planned as if " + strings.Join(p.PlannedAfter, ", ") + " were applied (cx apply plans it again)"
		}
		if p.Status == StatusFailed && p.Log != "" {
			detail += " (log: " + p.Log + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.1fs\t%s\n", p.Project, p.Status, counts, p.Seconds, detail)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var parts []string
	for _, s := range []Status{StatusApplied, StatusDestroyed, StatusChanges, StatusNoChanges, StatusDeferred, StatusFailed, StatusSkipped} {
		if n := r.Count(s); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "no projects")
	}
	if n := r.countSpeculative(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d speculative", n))
	}
	_, err := fmt.Fprintf(w, "\n%s %s: %s in %.1fs (parallel %d). Exit code %d: %s.\n",
		r.Action, r.Env, strings.Join(parts, ", "), r.Seconds, r.Parallel, r.ExitCode, exitMeaning(r.ExitCode))
	return err
}

// countSpeculative counts the projects planned against a speculative org.
func (r *Result) countSpeculative() int {
	n := 0
	for _, p := range r.Projects {
		if p.Speculative {
			n++
		}
	}
	return n
}

func exitMeaning(code int) string {
	switch code {
	case 0:
		return "done, nothing left to change"
	case 2:
		return "changes present"
	}
	return "some projects did not complete; fix them and re-run to finish"
}

// WriteJSON prints the result as indented JSON; field names are stable for tools.
func (r *Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
