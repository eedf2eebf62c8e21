package drift

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/workspace"
)

// IgnoreFile is the name of the ignore file at the workspace root.
const IgnoreFile = ".cxignore"

// listedObject is what a list endpoint returns of each object, for every covered kind. The
// catalogue's Builtin hooks see it as a map, so it is decoded as one.
type listedObject = map[string]any

// coveredKinds are the catalogue's kinds drift lists to find unmanaged objects: those marked
// Unmanaged that the provider serves (a kind the workspace cannot declare would be reported
// whole). A nameless kind (a DID pool) is listed too: a managed object is known by the id in
// its project's state, and one made by hand goes by its FoundBy value (kinds.Kind.Designation).
// The catalogue leaves out user roles (assignments, not objects).
func coveredKinds() []*kinds.Kind {
	return kinds.Genesys().Where(func(k *kinds.Kind) bool {
		return k.Unmanaged && k.Served() && k.Resource != "" && k.API.Listable()
	})
}

// CoveredTypes returns the resource types searched for unmanaged objects, sorted.
func CoveredTypes() []string {
	var out []string
	for _, k := range coveredKinds() {
		out = append(out, k.Resource)
	}
	sort.Strings(out)
	return out
}

// UnmanagedOptions configure FindUnmanaged.
type UnmanagedOptions struct {
	Client *platform.Client
	// Declared are the objects the workspace's projects declare (type + name, compared
	// ignoring case).
	Declared []workspace.Object
	// ManagedIDs are the ids in the projects' states: an object managed under a name the
	// scan cannot read (a variable) is still managed.
	ManagedIDs map[string]bool
	Ignore     *IgnoreRules
	// Types limits the search to these resource types (empty: CoveredTypes).
	Types []string
	// Parallel bounds concurrent listings (0: 4); they share the client's rate budget.
	Parallel int
}

// FindUnmanaged lists every covered type in the org and returns the objects no project
// declares or manages and no ignore rule matches, plus one error per type it could not list.
func FindUnmanaged(ctx context.Context, o UnmanagedOptions) ([]Finding, []RunError) {
	declared := map[string]bool{}
	for _, d := range o.Declared {
		declared[objectKey(d.Type, d.Name)] = true
	}
	listed, errs := Inventory(ctx, InventoryOptions{Client: o.Client, Types: o.Types, Parallel: o.Parallel})
	var findings []Finding
	for _, l := range listed {
		switch {
		case o.ManagedIDs[l.ID], declared[objectKey(l.Type, l.Name)]:
		case o.Ignore.Match(l.Type, l.Name):
		default:
			findings = append(findings, Finding{Kind: KindUnmanaged, Type: l.Type, Name: l.Name, ID: l.ID})
		}
	}
	return findings, errs
}

// Listed is one object of the org as its kind's list endpoint answered it.
type Listed struct {
	Type string // the resource type
	Name string // its name, or what its kind is looked up by (a data table row's key)
	ID   string // the id the provider holds (a child's ChildID)
	// Object is the list entry; for a kind with BulkRead it is what GET by id answers.
	Object map[string]any
	// Builtin: an object every org has (InventoryOptions.Builtins only).
	Builtin bool
}

// InventoryOptions configure Inventory.
type InventoryOptions struct {
	Client *platform.Client
	// Types limits the listing to these resource types (empty: CoveredTypes).
	Types []string
	// Parallel bounds concurrent listings (0: 4); they share the client's rate budget.
	Parallel int
	// Listed, when set, is told each type's count as its listing finishes (progress).
	Listed func(typ string, n int)
	// Found, when set, is told each type's objects as its listing finishes, after the
	// listing is recorded (Record): cx export starts reading them while other types are
	// still listed. It must not block.
	Found func(objs []Listed)
	// Every lists every listable kind the provider serves, also those drift leaves out
	// (nameless DID pools, …): what cx export reads.
	Every bool
	// Builtins keeps the objects every org has (marked Builtin) instead of leaving them out.
	Builtins bool
	// Record, when set, receives the listing of every bulk-readable kind (kinds.Kind.BulkRead,
	// listed by page number), each listed with the query reads of one object are sent with
	// (kinds.API.ReadQuery), so that its entries are what GET by id answers: cx export hands
	// them to the provider, which then need not list the same collections again.
	Record *platform.Listings
}

// EveryKind are the kinds Inventory lists with Every: each listable kind the provider serves.
func EveryKind() []*kinds.Kind {
	return kinds.Genesys().Where(func(k *kinds.Kind) bool {
		return k.Served() && k.Resource != "" && k.API.Listable()
	})
}

// Inventory lists every covered type in the org in the largest pages each list endpoint
// takes and returns its objects, leaving out deleted ones and those every org has (the
// catalogue's Builtin), sorted by type and name, plus one error per type it could not list.
func Inventory(ctx context.Context, o InventoryOptions) ([]Listed, []RunError) {
	kindsListed := coveredKinds()
	if o.Every {
		kindsListed = EveryKind()
	}
	var covered []*kinds.Kind
	for _, k := range kindsListed {
		if len(o.Types) == 0 || contains(o.Types, k.Resource) {
			covered = append(covered, k)
		}
	}
	parallel := o.Parallel
	if parallel <= 0 {
		parallel = 4
	}
	var (
		mu     sync.Mutex
		listed []Listed
		errs   []RunError
		wg     sync.WaitGroup
		slots  = make(chan struct{}, parallel)
	)
	lst := lister{client: o.Client, record: o.Record, done: &listings{calls: map[string]*listCall{}}}
	for _, k := range covered {
		typ := k.Resource
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				mu.Lock()
				errs = append(errs, RunError{Type: typ, Error: ctx.Err().Error()})
				mu.Unlock()
				return
			}
			defer func() { <-slots }()
			objs, err := lst.listKind(ctx, k)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, RunError{Type: typ, Error: err.Error()})
				return
			}
			n, first := 0, len(listed)
			for _, obj := range objs {
				if k.Holds != nil && !k.Holds(obj) {
					continue // another kind's entry of a shared collection
				}
				builtin := k.Builtin != nil && k.Builtin(obj)
				if obj["state"] == "deleted" || builtin && !o.Builtins {
					continue
				}
				id, _ := obj["id"].(string)
				// A kind named by another field (a data table row by its key) or nameless (a
				// DID pool, told apart by its first number) goes by that.
				listed = append(listed, Listed{Type: typ, Name: k.Designation(obj), ID: id, Object: obj, Builtin: builtin})
				n++
			}
			if o.Listed != nil {
				o.Listed(typ, n)
			}
			if o.Found != nil {
				o.Found(slices.Clone(listed[first:]))
			}
		}()
	}
	wg.Wait()
	sort.SliceStable(listed, func(i, j int) bool {
		if listed[i].Type != listed[j].Type {
			return listed[i].Type < listed[j].Type
		}
		return strings.ToLower(listed[i].Name) < strings.ToLower(listed[j].Name)
	})
	sort.Slice(errs, func(i, j int) bool { return errs[i].Type < errs[j].Type })
	return listed, errs
}

func objectKey(typ, name string) string { return typ + "\x00" + strings.ToLower(name) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// IgnoreRule is one line of .cxignore: a type pattern and a name pattern.
type IgnoreRule struct {
	Type string // a resource type or a pattern ("*", "genesyscloud_routing_*")
	Name string // a name pattern, compared ignoring case
	Line int
}

// IgnoreRules is a parsed .cxignore. The nil value ignores nothing.
type IgnoreRules struct {
	File  string
	Rules []IgnoreRule
}

// IgnoreError lists every malformed line of an ignore file.
type IgnoreError struct {
	File     string
	Problems []IgnoreProblem
}

// IgnoreProblem is one malformed line.
type IgnoreProblem struct {
	Line int
	Msg  string
}

func (e *IgnoreError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s:%d: %s", e.File, p.Line, p.Msg)
	}
	return b.String()
}

// ParseIgnore reads an ignore file. Each line is `TYPE NAME-PATTERN` (the pattern is the
// rest of the line, so names may hold spaces); `*` matches any run of characters, `?` one,
// `\` makes the next character literal. Blank lines and lines starting with # are skipped.
// A type that is neither covered nor a pattern is an error: a typo would silently ignore
// nothing.
func ParseIgnore(file string, data []byte) (*IgnoreRules, error) {
	rules := &IgnoreRules{File: file}
	var problems []IgnoreProblem
	covered := CoveredTypes()
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var typ, name string
		if j := strings.IndexAny(line, " \t"); j >= 0 {
			typ, name = line[:j], strings.TrimSpace(line[j+1:])
		} else {
			typ, name = line, ""
		}
		switch {
		case name == "":
			problems = append(problems, IgnoreProblem{n, fmt.Sprintf("%q has no name pattern: write `TYPE NAME-PATTERN`, e.g. `%s *`", line, typ)})
		case !strings.ContainsAny(typ, "*?") && !contains(covered, typ):
			problems = append(problems, IgnoreProblem{n, fmt.Sprintf("unknown type %q (drift covers %s)", typ, strings.Join(covered, ", "))})
		case strings.HasSuffix(strings.ReplaceAll(name, `\\`, ""), `\`) || strings.HasSuffix(strings.ReplaceAll(typ, `\\`, ""), `\`):
			problems = append(problems, IgnoreProblem{n, "pattern ends with an unfinished \\ escape"})
		default:
			rules.Rules = append(rules.Rules, IgnoreRule{Type: typ, Name: name, Line: n})
		}
	}
	if len(problems) > 0 {
		return nil, &IgnoreError{File: file, Problems: problems}
	}
	return rules, nil
}

// LoadIgnore reads .cxignore at the workspace root; a missing file ignores nothing.
func LoadIgnore(root string) (*IgnoreRules, error) {
	data, err := os.ReadFile(filepath.Join(root, IgnoreFile))
	if os.IsNotExist(err) {
		return &IgnoreRules{File: IgnoreFile}, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseIgnore(IgnoreFile, data)
}

// Match reports whether a rule ignores the object.
func (r *IgnoreRules) Match(typ, name string) bool {
	if r == nil {
		return false
	}
	for _, rule := range r.Rules {
		if glob(rule.Type, typ) && glob(strings.ToLower(rule.Name), strings.ToLower(name)) {
			return true
		}
	}
	return false
}

// glob matches s against pattern (`*`, `?`, `\` escape) without backtracking blow-up:
// the classic two-pointer algorithm, linear in practice.
func glob(pattern, s string) bool {
	p, str := []rune(pattern), []rune(s)
	pi, si := 0, 0
	starP, starS := -1, 0
	for si < len(str) {
		if pi < len(p) {
			switch c := p[pi]; {
			case c == '*':
				starP, starS = pi, si
				pi++
				continue
			case c == '?':
				pi++
				si++
				continue
			case c == '\\' && pi+1 < len(p):
				if p[pi+1] == str[si] {
					pi += 2
					si++
					continue
				}
			case c == str[si]:
				pi++
				si++
				continue
			}
		}
		if starP < 0 {
			return false
		}
		starS++
		pi, si = starP+1, starS
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}
