// Package drift compares an environment's org with the workspace that deploys it: managed
// drift (refresh-only plans of every project, read per object and attribute), unmanaged
// objects (objects of a covered type that no project declares, minus .cxignore), and who
// made each change (the org's audit log). Noise is normalized away so a workspace that was
// just applied reports nothing. The report renders as a table, JSON, Markdown or JUnit.
package drift

import (
	"context"
	"errors"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/workspace"
)

// Options configure Detect.
type Options struct {
	Workspace *workspace.Workspace
	Env       string
	// Projects limits managed drift to these projects (empty: all). Unmanaged objects are
	// judged against every project's declarations either way.
	Projects []string
	// Planner makes the refresh-only plans (usually a *TofuPlanner); nil skips managed drift.
	Planner Planner
	// Client reads the org for unmanaged objects and attribution; nil skips both.
	Client *platform.Client
	// Parallel bounds concurrent plans, listings and audit queries (0: 4).
	Parallel int
	// Normalizer drops noise (nil: DefaultNormalizer).
	Normalizer *Normalizer
	// Ignore filters unmanaged objects (nil: .cxignore at the workspace root, if any).
	Ignore *IgnoreRules
	// SkipUnmanaged and SkipAttribution turn those parts off.
	SkipUnmanaged, SkipAttribution bool
	// UnmanagedTypes limits the unmanaged search (empty: CoveredTypes).
	UnmanagedTypes []string
	// AuditDays is how far back attribution looks (0: MaxAuditDays).
	AuditDays int
	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

// Detect runs managed drift, then the unmanaged search (which needs the managed objects'
// ids), then attribution. Failures of single projects or types are in Report.Errors; the
// error is for runs that cannot start (a bad .cxignore, no workspace).
func Detect(ctx context.Context, o Options) (*Report, error) {
	if o.Workspace == nil {
		return nil, errors.New("drift: a workspace is required")
	}
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	rep := &Report{Workspace: o.Workspace.Config.Name, Env: o.Env, Generated: now().UTC()}
	ignore := o.Ignore
	if ignore == nil && !o.SkipUnmanaged && o.Client != nil {
		var err error
		if ignore, err = LoadIgnore(o.Workspace.Root); err != nil {
			return nil, err
		}
	}
	projects, err := selectProjects(o.Workspace, o.Projects)
	if err != nil {
		return nil, err
	}

	managedIDs := map[string]bool{}
	if o.Planner != nil {
		m := FindManaged(ctx, ManagedOptions{Planner: o.Planner, Projects: projects, Parallel: o.Parallel, Normalizer: o.Normalizer})
		for _, p := range projects {
			rep.Projects = append(rep.Projects, p.Name)
		}
		rep.Findings = append(rep.Findings, m.Findings...)
		rep.Checked = m.Checked
		rep.Errors = append(rep.Errors, m.Errors...)
		managedIDs = m.IDs
	}

	if o.Client != nil && !o.SkipUnmanaged {
		var declared []workspace.Object
		for _, p := range o.Workspace.Projects {
			// Objects of nameless kinds are declared by the value they go by (a pool's first
			// number), which is what their findings are named by.
			declared = append(declared, p.Declares...)
			declared = append(declared, p.Nameless...)
		}
		found, errs := FindUnmanaged(ctx, UnmanagedOptions{Client: o.Client, Declared: declared, ManagedIDs: managedIDs,
			Ignore: ignore, Types: o.UnmanagedTypes, Parallel: o.Parallel})
		rep.Findings = append(rep.Findings, found...)
		rep.Errors = append(rep.Errors, errs...)
		rep.UnmanagedChecked = true
	}

	if o.Client != nil && !o.SkipAttribution && len(rep.Findings) > 0 {
		a := &Attributor{Client: o.Client, Days: o.AuditDays, Parallel: o.Parallel, Now: now}
		rep.Errors = append(rep.Errors, a.Attribute(ctx, rep.Findings)...)
	}
	rep.Sort()
	return rep, nil
}

func selectProjects(ws *workspace.Workspace, names []string) ([]*workspace.Project, error) {
	if len(names) == 0 {
		return ws.Projects, nil
	}
	var out []*workspace.Project
	var unknown []string
	for _, n := range names {
		if p := ws.Project(n); p != nil {
			out = append(out, p)
		} else {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		return nil, &UnknownProjectsError{Names: unknown}
	}
	return out, nil
}

// UnknownProjectsError names projects the workspace does not have.
type UnknownProjectsError struct{ Names []string }

func (e *UnknownProjectsError) Error() string {
	s := "unknown project"
	if len(e.Names) > 1 {
		s += "s"
	}
	for i, n := range e.Names {
		if i > 0 {
			s += ","
		}
		s += " " + n
	}
	return s + " (see `cx graph` for the workspace's projects)"
}
