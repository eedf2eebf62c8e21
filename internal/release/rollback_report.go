package release

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Title is a release's one-line heading: number, environment, tag, commit, time, and the
// release a rollback went back to.
func (r *Release) Title() string {
	t := fmt.Sprintf("Release %d of %s (%s, commit %.12s, %s)", r.Number, r.Env, r.Tag, r.Commit, r.Time.Format(time.RFC3339))
	if r.RollbackOf > 0 {
		t += fmt.Sprintf(", rollback to release %d", r.RollbackOf)
	}
	return t
}

// WriteText prints the release and its note for a terminal.
func (r *Release) WriteText(w io.Writer) {
	fmt.Fprintln(w, r.Title())
	r.Note.WriteText(w)
}

// WriteMarkdown prints the release's note under its title, for a pull-request comment.
func (r *Release) WriteMarkdown(w io.Writer) { r.Note.WriteMarkdown(w, r.Title()) }

func (res *RollbackResult) title() string {
	return fmt.Sprintf("Rollback of %s to release %d (%s, commit %.12s)", res.Env, res.To.Number, res.To.Tag, res.To.Commit)
}

// WriteText prints the rollback for a terminal: its plan as a release note, the projects
// left alone, the new release and the git commit. Refusals go to the caller's error output.
func (res *RollbackResult) WriteText(w io.Writer) {
	fmt.Fprintln(w, res.title())
	res.Plan.WriteText(w)
	for _, p := range res.LeftAlone {
		fmt.Fprintf(w, "note: project %s did not exist at release %d; it is left as it is\n", p, res.To.Number)
	}
	if res.Release != nil {
		fmt.Fprintln(w)
		res.Release.WriteText(w)
	}
	if res.Git != nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, res.Git.Describe())
	}
}

// WriteMarkdown prints the rollback as a pull-request comment: its plan as a release note,
// what the guard refused and why, the projects left alone, the new release and the git
// commit (for a branch, how to merge it).
func (res *RollbackResult) WriteMarkdown(w io.Writer) {
	res.Plan.WriteMarkdown(w, res.title())
	if len(res.Refusals) > 0 {
		fmt.Fprintln(w, "**Refused** (name each with `--allow-destroy` to let it go):")
		fmt.Fprintln(w)
		for _, r := range res.Refusals {
			fmt.Fprintf(w, "- `%s` in %s: %s\n", r.Object.Address, r.Project, strings.Join(r.Reasons, "; "))
		}
		fmt.Fprintln(w)
	}
	if len(res.LeftAlone) > 0 {
		fmt.Fprintf(w, "Left as they are (they did not exist at release %d): %s\n\n", res.To.Number, "`"+strings.Join(res.LeftAlone, "`, `")+"`")
	}
	if res.Release != nil {
		res.Release.WriteMarkdown(w)
		fmt.Fprintln(w)
	}
	if res.Git != nil {
		fmt.Fprintln(w, res.Git.Describe())
	}
}
