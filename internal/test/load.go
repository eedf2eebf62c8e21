package test

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Suite is the tests of a workspace for one environment, in the graph's order.
type Suite struct {
	// Levels are the graph's levels of projects; Tests[p] the tests of project p in file
	// and line order.
	Levels [][]string
	Tests  map[string][]*Test
	// FlowFiles maps a flow's name to the root-relative YAML file that declares it, so that a
	// step of a simulated call is cited where the team edits it; FlowSources holds that file's
	// text, which matches_workspace compares with the published version.
	FlowFiles   map[string]string
	FlowSources map[string][]byte
}

// Count is how many tests the suite holds.
func (s *Suite) Count() int {
	n := 0
	for _, ts := range s.Tests {
		n += len(ts)
	}
	return n
}

// Load reads the tests of the named projects (all when none) for environment env: every
// <project>/tests/*.cxtest.hcl, with var.NAME read from the project's env/<env>.tfvars. The
// error lists every problem of every file, each with its file:line.
func Load(ws *workspace.Workspace, g *workspace.Graph, env string, projects []string) (*Suite, error) {
	levels, err := g.Levels()
	if err != nil {
		return nil, err
	}
	for _, name := range projects {
		if ws.Project(name) == nil {
			return nil, fmt.Errorf("the workspace has no project %q", name)
		}
	}
	s := &Suite{Tests: map[string][]*Test{}, FlowFiles: map[string]string{}, FlowSources: map[string][]byte{}}
	var errs []error
	for _, level := range levels {
		var kept []string
		for _, name := range level {
			if len(projects) > 0 && !slices.Contains(projects, name) {
				continue
			}
			kept = append(kept, name)
			tests, err := loadProject(ws, ws.Project(name), env)
			if err != nil {
				errs = append(errs, err)
			}
			s.Tests[name] = tests
		}
		if len(kept) > 0 {
			s.Levels = append(s.Levels, kept)
		}
	}
	// Flow files of every project: a call crosses into flows other projects own.
	for _, p := range ws.Projects {
		for _, f := range p.Reads {
			if src, err := os.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(f))); err == nil {
				if fl, err := archy.Parse(f, src); err == nil && fl.Name != "" {
					s.FlowFiles[fl.Name], s.FlowSources[fl.Name] = f, src
				}
			}
		}
	}
	return s, errors.Join(errs...)
}

// loadProject parses a project's test files.
func loadProject(ws *workspace.Workspace, p *workspace.Project, env string) ([]*Test, error) {
	dir := filepath.Join(ws.Root, filepath.FromSlash(p.Dir), Dir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the tests of %s: %w", p.Name, err)
	}
	vars, err := readVars(ws.Root, p.Environments[env].Vars)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), FileSuffix) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var tests []*Test
	var errs []error
	seen := map[string]Pos{}
	for _, n := range names {
		rel := path.Join(p.Dir, Dir, n)
		src, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			errs = append(errs, fmt.Errorf("read %s: %w", rel, err))
			continue
		}
		ts, err := ParseFile(rel, p.Name, src, vars)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, t := range ts {
			if prev, dup := seen[t.Name]; dup {
				errs = append(errs, fmt.Errorf("%s: project %s has two tests named %q; the other is at %s", t.Pos, p.Name, t.Name, prev))
				continue
			}
			seen[t.Name] = t.Pos
			tests = append(tests, t)
		}
	}
	return tests, errors.Join(errs...)
}

// readVars reads a tfvars file's literal values ("" or missing: none).
func readVars(root, rel string) (map[string]cty.Value, error) {
	vars := map[string]cty.Value{}
	if rel == "" {
		return vars, nil
	}
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", rel, err)
	}
	f, diags := hclsyntax.ParseConfig(src, rel, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	attrs, diags := f.Body.JustAttributes()
	if diags.HasErrors() {
		return nil, diags
	}
	for name, a := range attrs {
		v, d := a.Expr.Value(nil)
		if d.HasErrors() {
			return nil, d
		}
		vars[name] = v
	}
	return vars, nil
}
