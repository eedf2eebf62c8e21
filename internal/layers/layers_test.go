// Package layers holds no code, only the test that keeps the module's packages in layers:
// each package may stand on the ones below it, never on one above it.
package layers

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"path"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/cxascode/cxascode"

// rule constrains the module packages a package (and, with children, the packages under it)
// may import. only lists every module package it may use; forbid lists those it must not.
// Non-test code is checked with its transitive dependencies; tests with their direct imports,
// against testForbid.
type rule struct {
	pkg        string
	children   bool
	only       []string
	forbid     []string
	testForbid []string
	why        string
}

// rules is the layering, lowest layer first.
func rules() []rule {
	clients := []string{"internal/cli", "internal/drift", "internal/backport", "internal/runner", "internal/test", "internal/release", "internal/orgadmin", "internal/export", "internal/envdiff", "internal/ci"}
	out := []rule{
		{pkg: "internal/kinds", only: []string{},
			why: "the catalogue is the floor every layer reads; it can read none of them"},
		{pkg: "internal/platform", only: []string{"internal/kinds"},
			why: "the API client serves every layer above it; it knows the kinds, nothing else"},
		{pkg: "internal/archy", only: []string{"internal/kinds"},
			why: "Archy YAML is a file format: it knows the kinds flows name, not the API or OpenTofu"},
		{pkg: "internal/configscan", only: []string{"internal/archy", "internal/kinds"},
			why: "the provider and the workspace both read configurations through it"},
		{pkg: "internal/console", only: []string{"internal/kinds", "internal/archy"},
			why: "the console reaches the org only through its HTTP handler, as a client would; it reads the catalogue and the simulator's result, no part of the server"},
		{pkg: "internal/orgserver/store", only: []string{"internal/safefile"},
			why: "the local org's store keeps data; the API's rules and HTTP sit above it"},
		{pkg: "internal/orgserver/apihttp", only: []string{"internal/orgserver/store", "internal/safefile"},
			why: "the API's HTTP conventions (errors, bodies, paging, the caller) serve every handler; they know no API group"},
		{pkg: "internal/orgserver/audit", only: []string{"internal/orgserver/apihttp", "internal/orgserver/store", "internal/safefile", "internal/platform", "internal/kinds"},
			why: "the audit recorder takes a transaction and a principal; it knows no handler"},
		{pkg: "internal/orgserver/entity", only: []string{"internal/orgserver/audit", "internal/orgserver/apihttp", "internal/orgserver/store", "internal/safefile", "internal/platform", "internal/kinds"},
			why: "the generic entity is domain rules over the store and the catalogue; the server's handlers call it, never the reverse"},
		{pkg: "internal/orgserver/host", only: []string{"internal/orgserver/entity", "internal/orgserver/audit", "internal/orgserver/apihttp", "internal/orgserver/store", "internal/safefile", "internal/platform", "internal/kinds"},
			why: "what the API groups stand on (routes, store, write skeleton, shared kinds); it knows no API group and not the server"},
	}
	// The API groups stand on the host and the floors below it, never on the server or on
	// each other: what two groups share lives in the host.
	areaFloor := []string{"internal/orgserver/host", "internal/orgserver/entity", "internal/orgserver/audit", "internal/orgserver/apihttp",
		"internal/orgserver/store", "internal/safefile", "internal/platform", "internal/kinds", "internal/archy"}
	for _, area := range []string{"routing", "directory", "authorization", "architect", "integrations", "audits", "telephony", "outbound", "conversations", "responsemanagement", "scripts"} {
		out = append(out, rule{pkg: "internal/orgserver/" + area, only: areaFloor,
			why: "an API group of the local org uses the host and the floors below it, not the server or another group"})
	}
	return append(out, []rule{
		{pkg: "internal/orgserver", children: true,
			forbid: append([]string{"internal/provider", "internal/workspace"}, clients...),
			why:    "the local org is an API server: the provider and cx are its clients, never its parts"},
		{pkg: "internal/provider", children: true,
			forbid:     append([]string{"internal/workspace", "internal/orgserver"}, clients...),
			testForbid: append([]string{"internal/workspace"}, clients...),
			why: "the provider is a plugin OpenTofu runs: it knows the API, not cx's workspace or tools, " +
				"and not the local org (only its tests start one)"},
	}...)
}

// listedPackage is what go list says of one package.
type listedPackage struct {
	ImportPath   string
	Deps         []string
	Imports      []string
	TestImports  []string
	XTestImports []string
}

func listModule(t *testing.T) []listedPackage {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", module+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decode go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		t.Fatal("go list found no packages")
	}
	return pkgs
}

// inModule returns the module-relative paths of the module's packages among paths.
func inModule(paths []string) []string {
	var out []string
	for _, p := range paths {
		if rel, ok := strings.CutPrefix(p, module+"/"); ok {
			out = append(out, rel)
		}
	}
	return out
}

// under reports whether pkg is base or, with children, a package below it.
func under(pkg, base string, children bool) bool {
	return pkg == base || children && strings.HasPrefix(pkg, base+"/")
}

func TestLayers(t *testing.T) {
	t.Parallel()
	pkgs := listModule(t)
	for _, r := range rules() {
		found := false
		for _, p := range pkgs {
			rel, _ := strings.CutPrefix(p.ImportPath, module+"/")
			if !under(rel, r.pkg, r.children) {
				continue
			}
			found = true
			for _, dep := range inModule(p.Deps) {
				if r.only != nil && !slices.Contains(r.only, dep) {
					t.Errorf("%s depends on %s; it may use only %v of this module: %s", rel, dep, r.only, r.why)
				}
				for _, f := range r.forbid {
					if under(dep, f, true) {
						t.Errorf("%s depends on %s: %s", rel, dep, r.why)
					}
				}
			}
			for _, imp := range inModule(append(append([]string{}, p.TestImports...), p.XTestImports...)) {
				for _, f := range r.testForbid {
					if under(imp, f, true) {
						t.Errorf("tests of %s import %s: %s", rel, imp, r.why)
					}
				}
			}
		}
		if !found {
			t.Errorf("rule for %s matches no package: update the table", r.pkg)
		}
	}
}

// A package never stands on the package of the directory that holds it: the parent is the
// larger whole, built from its children.
func TestNoChildImportsItsParent(t *testing.T) {
	t.Parallel()
	for _, p := range listModule(t) {
		rel, _ := strings.CutPrefix(p.ImportPath, module+"/")
		parent := path.Dir(rel)
		if parent == "." {
			continue
		}
		if slices.Contains(inModule(p.Deps), parent) {
			t.Errorf("%s depends on its parent package %s", rel, parent)
		}
	}
}
