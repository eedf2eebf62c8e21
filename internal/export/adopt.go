package export

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/envimport"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/workspace"
)

// Adopting an org built by hand: a workspace deployed elsewhere (dev) meets an org that
// already holds its objects (a test org someone set up in the console). Each object the
// workspace declares is matched by type and name to the org's, and an import block per match
// goes into the project's imports.tf under the environment's ids (internal/envimport), so
// that the next apply there takes the objects over instead of failing on their names.

// AdoptOptions configure Adopt.
type AdoptOptions struct {
	Workspace *workspace.Workspace
	Env       string
	Client    *platform.Client
	// Projects limits the adoption to these projects (empty: every project).
	Projects []string
}

// Match is one declared object found in the org.
type Match struct {
	Project string `json:"project"`
	Address string `json:"address"`
	Name    string `json:"name"`
	ID      string `json:"id"`
}

// AdoptResult says what Adopt matched and what it could not.
type AdoptResult struct {
	Env string `json:"env"`
	// Imports are the declared objects found in the org; the files the import blocks went to
	// are Files (workspace-relative).
	Imports []Match  `json:"imports"`
	Files   []string `json:"files"`
	// Missing are declared objects the org does not hold: the next apply creates them.
	Missing []Match `json:"missing"`
	// Ambiguous are declared objects several objects of the org match by name.
	Ambiguous []Match `json:"ambiguous,omitempty"`
	// Extra are objects of covered kinds in the org that no project declares.
	Extra []Match `json:"extra"`
}

// Adopt matches the workspace's declared objects to the org's and writes the import blocks.
// The environment's ids in an imports.tf cx wrote are replaced (other environments' stay);
// an imports.tf a person wrote is refused.
func Adopt(ctx context.Context, o AdoptOptions) (*AdoptResult, error) {
	listed, errs := drift.Inventory(ctx, drift.InventoryOptions{Client: o.Client, Every: true})
	if len(errs) > 0 {
		var msgs []string
		for _, e := range errs {
			msgs = append(msgs, e.Type+": "+e.Error)
		}
		return nil, fmt.Errorf("could not list the org:\n  %s", strings.Join(msgs, "\n  "))
	}
	byName := map[string][]drift.Listed{}
	for _, l := range listed {
		byName[l.Type+"\x00"+strings.ToLower(l.Name)] = append(byName[l.Type+"\x00"+strings.ToLower(l.Name)], l)
	}
	res := &AdoptResult{Env: o.Env, Imports: []Match{}, Missing: []Match{}, Extra: []Match{}, Files: []string{}}
	declared := map[string]bool{}
	for _, p := range o.Workspace.Projects {
		for _, d := range p.Declares {
			declared[d.Type+"\x00"+strings.ToLower(d.Name)] = true
		}
	}
	toWrite := map[string][]Match{}
	for _, p := range o.Workspace.Projects {
		if len(o.Projects) > 0 && !slices.Contains(o.Projects, p.Name) {
			continue
		}
		var matches []Match
		for _, d := range p.Declares {
			m := Match{Project: p.Name, Address: d.Address, Name: d.Name}
			found := byName[d.Type+"\x00"+strings.ToLower(d.Name)]
			switch len(found) {
			case 0:
				res.Missing = append(res.Missing, m)
			case 1:
				m.ID = found[0].ID
				matches = append(matches, m)
			default:
				res.Ambiguous = append(res.Ambiguous, m)
			}
		}
		found, missing := namelessMatches(o.Workspace.Root, p, o.Env, listed) // adopt_nameless.go
		parents := map[string]string{}
		for _, m := range matches {
			parents[m.Address] = m.ID
		}
		children, childrenMissing := childMatches(o.Workspace.Root, p, parents, listed) // adopt_nameless.go
		found, missing = append(found, children...), append(missing, childrenMissing...)
		matches = append(matches, found...)
		res.Missing = append(res.Missing, missing...)
		for _, m := range found {
			declared[m.ID] = true
		}
		if len(matches) == 0 {
			continue
		}
		file := path.Join(p.Dir, envimport.File)
		if err := checkImportsFile(o.Workspace.Root, file); err != nil {
			return nil, err
		}
		toWrite[file] = matches
		res.Imports = append(res.Imports, matches...)
		res.Files = append(res.Files, file)
	}
	// Every file is checked before any is written: a refusal leaves the workspace as it was.
	for _, file := range res.Files {
		if err := writeImports(o.Workspace.Root, file, o.Env, toWrite[file]); err != nil {
			return nil, err
		}
	}
	for _, l := range listed {
		if !declared[l.Type+"\x00"+strings.ToLower(l.Name)] && !declared[l.ID] {
			res.Extra = append(res.Extra, Match{Address: l.Type, Name: l.Name, ID: l.ID})
		}
	}
	return res, nil
}

// checkImportsFile refuses an imports file that a person wrote.
func checkImportsFile(root, rel string) error {
	_, err := envimport.ReadFile(filepath.Dir(filepath.Join(root, filepath.FromSlash(rel))))
	return err
}

func writeImports(root, rel, env string, matches []Match) error {
	dir := filepath.Dir(filepath.Join(root, filepath.FromSlash(rel)))
	ids, err := envimport.ReadFile(dir)
	if err != nil {
		return err
	}
	delete(ids, env) // this adoption's matches replace the environment's earlier ones
	for _, m := range matches {
		ids.Set(env, m.Address, m.ID)
	}
	return envimport.WriteFile(dir, ids)
}
