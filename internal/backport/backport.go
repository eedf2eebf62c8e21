// Package backport writes what drift found in an org back into the workspace, so that code
// matches the org again after a console change or a break-glass fix:
//
//   - managed drift: the changed attributes are set in the project's .tf files with hclwrite,
//     which keeps comments and layout (nested blocks included; set-like blocks such as a
//     user's routing_skills gain or lose elements); a flow whose published content changed
//     gets the org's published YAML, with the file's {{placeholders}} kept where the
//     environment's values match;
//   - unmanaged objects: a resource block (attributes read from the API under the provider's
//     attribute names) and an import block per object, in the project the caller chooses.
//
// Build computes every edit in memory; the caller writes them (Write), renders them as a
// patch (WritePatch) or commits them on a branch (Commit). Ids are written as references:
// to a resource or data source of the project holding that id, else to a data source
// looking the object up by name, which Build adds.
package backport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/workspace"
	tfjson "github.com/hashicorp/terraform-json"
)

// Options configure Build.
type Options struct {
	Workspace *workspace.Workspace
	Env       string
	// Report is what drift found; only its findings are backported.
	Report *drift.Report
	// Plans are the refresh-only plans drift made, by project name (see RecordingPlanner):
	// they hold every managed object's id and every flow's file and substitutions.
	Plans map[string]*tfjson.Plan
	// Client reads the org: flow exports, unmanaged objects, names of referenced objects.
	Client *platform.Client
	// HTTPClient downloads exported flows from their signed URL (nil: http.DefaultClient).
	HTTPClient *http.Client
	// Into is the project unmanaged objects are adopted into; "" leaves them out (each is
	// reported as skipped). A project that does not exist is created at the workspace root.
	Into string
}

// Change is one file Build rewrites or creates.
type Change struct {
	Path     string // root-relative, slash separated
	Old, New []byte
	Created  bool
}

// Item is one finding (or one part of it) and what Build did or why it could not.
type Item struct {
	Object string `json:"object"`
	What   string `json:"what"`
}

// Result is everything Build would change.
type Result struct {
	Env     string
	Changes []Change
	Done    []Item
	Skipped []Item
	// Refresh are the projects whose state must take the org's values once the code holds
	// them (so the next drift check compares the org with code that matches it).
	Refresh []string
	// Into is the project unmanaged objects went into ("" when none did).
	Into string
}

// newBuilder reads the provider's schemas and prepares an empty build.
func newBuilder(ctx context.Context, o Options) (*builder, error) {
	sch, err := loadSchemas(ctx)
	if err != nil {
		return nil, err
	}
	b := &builder{o: o, sch: sch, ed: newEditor(o.Workspace.Root), st: newStateIndex(o.Plans),
		res: &Result{Env: o.Env}, refresh: map[string]bool{}}
	b.refs = &refResolver{b: b, added: map[string]string{}}
	return b, nil
}

// Build computes the edits that make the workspace match the org for every finding of the
// report. A finding it cannot backport (a deleted object, a value written as an expression
// it cannot rewrite, a type it does not map) is in Skipped with the reason; the rest are in
// Done. The error is for failures that stop everything (unreadable files, the org).
func Build(ctx context.Context, o Options) (*Result, error) {
	if o.Workspace == nil || o.Report == nil {
		return nil, errors.New("backport: a workspace and a drift report are required")
	}
	b, err := newBuilder(ctx, o)
	if err != nil {
		return nil, err
	}
	var unmanaged []drift.Finding
	for _, f := range o.Report.Findings {
		switch f.Kind {
		case drift.KindManaged:
			if err := b.managed(ctx, f); err != nil {
				return nil, err
			}
		case drift.KindUnmanaged:
			unmanaged = append(unmanaged, f)
		}
	}
	if len(unmanaged) > 0 {
		if o.Into == "" {
			for _, f := range unmanaged {
				b.skip(unmanagedLabel(f), "not adopted: pass --into PROJECT to write it (and an import block) into a project, or list it in .cxignore")
			}
		} else if err := b.adopt(ctx, unmanaged); err != nil {
			return nil, err
		}
	}
	b.res.Changes, err = b.ed.changes()
	if err != nil {
		return nil, err
	}
	for p := range b.refresh {
		b.res.Refresh = append(b.res.Refresh, p)
	}
	sort.Strings(b.res.Refresh)
	return b.res, nil
}

// builder carries one Build.
type builder struct {
	o       Options
	sch     *schemas
	ed      *editor
	st      *stateIndex
	refs    *refResolver
	res     *Result
	refresh map[string]bool
}

func (b *builder) done(object, format string, args ...any) {
	b.res.Done = append(b.res.Done, Item{Object: object, What: fmt.Sprintf(format, args...)})
}

func (b *builder) skip(object, format string, args ...any) {
	b.res.Skipped = append(b.res.Skipped, Item{Object: object, What: fmt.Sprintf(format, args...)})
}

func unmanagedLabel(f drift.Finding) string { return fmt.Sprintf("%s %q", f.Type, f.Name) }

// Summary is a few lines for the terminal and the commit message.
func (r *Result) Summary() string {
	var s strings.Builder
	for _, it := range r.Done {
		fmt.Fprintf(&s, "  backported  %s: %s\n", it.Object, it.What)
	}
	for _, it := range r.Skipped {
		fmt.Fprintf(&s, "  skipped     %s: %s\n", it.Object, it.What)
	}
	for _, c := range r.Changes {
		verb := "modified"
		if c.Created {
			verb = "created"
		}
		fmt.Fprintf(&s, "  %-10s  %s\n", verb, c.Path)
	}
	return s.String()
}

// projectFor returns the workspace project of that name, or nil.
func (b *builder) projectFor(name string) *workspace.Project { return b.o.Workspace.Project(name) }

// rootRel joins a project-relative file path onto the project directory.
func rootRel(p *workspace.Project, file string) string {
	file = strings.TrimPrefix(path.Clean(strings.ReplaceAll(file, "\\", "/")), "./")
	if path.IsAbs(file) {
		return file
	}
	return path.Join(p.Dir, file)
}
