package export

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// Adopting an org built by hand: a workspace deployed elsewhere (dev) meets an org that
// already holds its objects (a test org someone set up in the console). Each object the
// workspace declares is matched by type and name to the org's, and an import block per match
// goes into the project's imports_<env>.tf, so that the next apply takes the objects over
// instead of failing on their names.

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
// An imports_<env>.tf that Adopt wrote before is replaced; one a person wrote is refused.
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
		matches = append(matches, found...)
		res.Missing = append(res.Missing, missing...)
		for _, m := range found {
			declared[m.ID] = true
		}
		if len(matches) == 0 {
			continue
		}
		file := path.Join(p.Dir, "imports_"+o.Env+".tf")
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

// adoptHeader starts every imports file Adopt writes; a file without it is someone's own.
const adoptHeader = "# Written by cx adopt"

// checkImportsFile refuses an imports file that a person wrote.
func checkImportsFile(root, rel string) error {
	data, err := readIfExists(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	if data != nil && !strings.HasPrefix(string(data), adoptHeader) && !strings.HasPrefix(string(data), "# Written by cx export") {
		return fmt.Errorf("%s exists and was not written by cx adopt or cx export: move its import blocks elsewhere first", rel)
	}
	return nil
}

func writeImports(root, rel, env string, matches []Match) error {
	abs := filepath.Join(root, filepath.FromSlash(rel))
	sort.Slice(matches, func(i, j int) bool { return matches[i].Address < matches[j].Address })
	f := hclwrite.NewEmptyFile()
	f.Body().AppendUnstructuredTokens(comment(fmt.Sprintf(
		"%s: the objects of %s's org this project declares, matched by type and name. The next\n"+
			"# cx apply --env %s imports them instead of creating them again. The ids are %s's.\n", adoptHeader, env, env, env)))
	for _, m := range matches {
		f.Body().AppendNewline()
		ib := f.Body().AppendNewBlock("import", nil)
		parts := strings.SplitN(m.Address, ".", 2)
		ib.Body().SetAttributeTraversal("to", hcl.Traversal{hcl.TraverseRoot{Name: parts[0]}, hcl.TraverseAttr{Name: parts[1]}})
		ib.Body().SetAttributeValue("id", cty.StringVal(m.ID))
	}
	return writeFile(abs, hclwrite.Format(f.Bytes()))
}
