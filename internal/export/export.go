// Package export turns an org into a cx workspace of small projects: every object of the
// kinds the provider covers, as resource blocks with references instead of ids and import
// blocks that adopt the objects, laid out one project per Architect flow with shared
// projects for what several flows use (layout.go).
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Options configure Run.
type Options struct {
	Client *platform.Client
	// HTTPClient downloads exported flows from their signed URL (nil: http.DefaultClient).
	HTTPClient *http.Client
	// Env is the environment the org is read through; the new workspace gets one of that
	// name reaching the same org. LocalOrgDir is, for a local environment, the data
	// directory of the local org serving it (absolute).
	Env         workspace.Environment
	LocalOrgDir string
	// Into is the directory to create; it must not exist or be empty.
	Into string
	// Layout is ByFlow (default), ByKind or ByDivision; SharedThreshold is how many flows
	// must use an object for it to go to a shared project (0: DefaultSharedThreshold).
	Layout          string
	SharedThreshold int
	// Include and Exclude filter objects by "TYPE" or "TYPE:NAME" patterns (path.Match
	// globs; the genesyscloud_ prefix may be left out; names compared ignoring case). What an
	// included object refers to is exported too.
	Include, Exclude []string
	// Tofu is the org the provider reads, and the OpenTofu that runs it for GenerateTofu.
	Tofu Tofu
	// Generate is how the resource blocks are written (generate.go): GenerateInProcess (""
	// too) or GenerateTofu.
	Generate string
	// Generated, when set, is told of each project's resource blocks as generated, before
	// ids become references (the equivalence test compares the two generations by it).
	Generated func(project string, blocks []*hclwrite.Block)
	// Progress is told what is being done (nil: nothing is told), in ProgressStyle.
	Progress      io.Writer
	ProgressStyle ProgressStyle
}

// Result is what Run wrote.
type Result struct {
	Into string `json:"into"`
	// Projects are the projects written, with the number of objects each declares.
	Projects map[string]int `json:"projects"`
	Objects  int            `json:"objects"`
	// Added are objects outside the filter exported because an included object refers to them.
	Added   []string        `json:"added_by_dependency,omitempty"`
	Notes   []string        `json:"notes,omitempty"`
	Skipped []backport.Item `json:"skipped,omitempty"`
}

// Run reads the org and writes the workspace. Nothing is written at Into unless everything
// succeeded: the files go to a working directory beside it, renamed at the end. An export
// interrupted by its context keeps that directory, and the same export run again resumes
// from it (resume.go).
func Run(ctx context.Context, o Options) (*Result, error) {
	if o.Layout == "" {
		o.Layout = ByFlow
	}
	if o.Layout != ByFlow && o.Layout != ByKind && o.Layout != ByDivision {
		return nil, fmt.Errorf("--layout %q: choose %s (a project per flow), %s (a project per area) or %s (a project per flow, shared objects by division)",
			o.Layout, ByFlow, ByKind, ByDivision)
	}
	if o.Generate != "" && o.Generate != GenerateInProcess && o.Generate != GenerateTofu {
		return nil, fmt.Errorf("generate the configuration with %q: choose %s (in process, the default) or %s (OpenTofu)", o.Generate, GenerateInProcess, GenerateTofu)
	}
	if o.SharedThreshold < 0 {
		return nil, fmt.Errorf("--shared-threshold %d: an object goes to a shared project when at least that many flows use it; give 1 or more", o.SharedThreshold)
	}
	into, err := filepath.Abs(o.Into)
	if err != nil {
		return nil, err
	}
	if err := checkEmpty(into); err != nil {
		return nil, err
	}
	include, err := parsePatterns("--include", o.Include)
	if err != nil {
		return nil, err
	}
	exclude, err := parsePatterns("--exclude", o.Exclude)
	if err != nil {
		return nil, err
	}
	// Two exports into one directory would share (and remove) one working directory.
	lock, err := lockExport(ctx, into)
	if err != nil {
		return nil, err
	}
	defer lock.RemoveAndUnlock()
	if err := usable(ctx, o.Client); err != nil {
		return nil, err
	}
	prog := newProgress(o.Progress, o.ProgressStyle, o.Client)
	defer prog.close()
	work, resumed, err := openWorkDir(into, exportParams{Env: o.Env.Name, Org: o.Env.Org, Layout: o.Layout,
		SharedThreshold: o.SharedThreshold, Include: o.Include, Exclude: o.Exclude}, time.Now())
	if err != nil {
		return nil, err
	}
	res, err := run(ctx, o, into, work, resumed, prog, include, exclude)
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, work.interrupted(err)
	case err != nil:
		work.remove() // nothing half-written, nothing to resume from a failure the input caused
		return nil, err
	}
	work.remove()
	return res, nil
}

// run is Run's work in its working directory.
func run(ctx context.Context, o Options, into string, work *workDir, resumed bool, prog *progress, include, exclude []pattern) (*Result, error) {
	how := o.Generate
	if how == "" {
		how = GenerateInProcess
	}
	// Without filters every object listed is written: the provider reads each kind's objects
	// as soon as it is listed, while the rest of the org is listed and the flows are exported
	// (which wait on the org). Unless an earlier run generated the configuration already.
	var ahead *providerReads
	readAhead := how == GenerateInProcess && len(include) == 0 && len(exclude) == 0 && !generatedBefore(work.file("scratch"))
	listed, listings, ok := work.loadListing()
	if resumed && ok {
		prog.resumed(fmt.Sprintf("the org's listing (%d objects)", len(listed)))
	} else {
		// The listings are handed to the provider for the generation: it imports the same
		// objects, and would otherwise list the same collections again.
		listings = platform.NewListings()
		var found func([]drift.Listed)
		if readAhead {
			var err error
			if ahead, err = o.Tofu.readAhead(ctx, listings); err != nil {
				return nil, err
			}
			defer ahead.stop()
			found = func(objs []drift.Listed) { ahead.add(aheadObjects(objs)) }
		}
		prog.beginStep("list", len(drift.EveryKind()), "Listing the org…")
		var errs []drift.RunError
		listed, errs = drift.Inventory(ctx, drift.InventoryOptions{Client: o.Client, Every: true, Builtins: true, Record: listings,
			Parallel: inventoryParallel, Listed: prog.listed, Found: found})
		if len(errs) > 0 {
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Type+": "+e.Error)
			}
			return nil, fmt.Errorf("could not list the org:\n  %s", strings.Join(msgs, "\n  "))
		}
		if err := work.saveListing(listed, listings); err != nil {
			return nil, err
		}
	}
	if readAhead && ahead == nil {
		var err error
		if ahead, err = o.Tofu.readAhead(ctx, listings); err != nil {
			return nil, err
		}
		defer ahead.stop()
		ahead.add(aheadObjects(listed))
	}
	if ahead != nil {
		ahead.finish()
	}
	flows, err := exportFlows(ctx, o.Client, o.HTTPClient, listed, work, prog)
	if err != nil {
		return nil, err
	}
	nodes := graphOf(listed, flows)
	chosen, added, err := choose(nodes, include, exclude)
	if err != nil {
		return nil, err
	}
	lay, err := PlanLayoutWith(chosen, LayoutOptions{Layout: o.Layout, SharedThreshold: o.SharedThreshold})
	if err != nil {
		return nil, err
	}
	refsOf := map[string][]string{}
	for _, n := range chosen {
		refsOf[n.ID] = n.Refs
	}
	res := &Result{Into: into, Projects: map[string]int{}, Notes: lay.Notes}
	for _, id := range added {
		for _, l := range listed {
			if l.ID == id {
				res.Added = append(res.Added, fmt.Sprintf("%s %q", l.Type, l.Name))
			}
		}
	}
	// Labels, unique per project and type, before anything is written: references need them.
	w := &writer{env: o.Env.Name, byID: map[string]placed{}, known: map[string]drift.Listed{},
		data: map[string]map[string]string{}, dataBlocks: map[string]*hclwrite.File{}, literal: map[string]bool{}}
	byProject := map[string][]placed{}
	imports := map[string][]importTarget{}
	taken := map[string]bool{}
	for _, l := range listed {
		w.known[l.ID] = l
		project, ok := lay.Project[l.ID]
		if !ok {
			continue
		}
		base := backport.Slug(labelName(l))
		label := base
		for i := 2; taken[project+"\x00"+l.Type+"."+label]; i++ {
			label = fmt.Sprintf("%s_%d", base, i)
		}
		taken[project+"\x00"+l.Type+"."+label] = true
		p := placed{Listed: l, project: project, label: label}
		w.byID[l.ID] = p
		byProject[project] = append(byProject[project], p)
		if l.Type != flowType {
			imports[project] = append(imports[project], importTarget{l.Type, label, l.ID})
		}
		res.Projects[project]++
		res.Objects++
	}
	total := 0
	for _, its := range imports {
		total += len(its)
	}
	with := "the provider"
	if how == GenerateTofu {
		with = "OpenTofu"
	}
	prog.beginStep("generate", total, fmt.Sprintf("Generating the configuration of %d project(s) with %s…", len(byProject), with))
	generated, reused, err := o.Tofu.generate(ctx, how, work.file("scratch"), imports, listings, ahead, prog.advance)
	if err != nil {
		return nil, err
	}
	if reused {
		prog.resumed("the generated configuration")
	}
	if o.Generated != nil {
		for _, project := range slices.Sorted(maps.Keys(generated)) {
			o.Generated(project, generated[project])
		}
	}
	out := work.file("workspace")
	if err := os.RemoveAll(out); err != nil { // what an interrupted run began to write
		return nil, fmt.Errorf("prepare the output: %w", err)
	}
	w.root = out
	prog.beginStep("write", len(byProject), fmt.Sprintf("Writing %d project(s)…", len(byProject)))
	for _, project := range slices.Sorted(maps.Keys(byProject)) {
		if err := w.writeProject(project, byProject[project], generated[project], flows, refsOf); err != nil {
			return nil, err
		}
		prog.advance(1)
	}
	for _, id := range slices.Sorted(maps.Keys(w.literal)) {
		l := w.known[id]
		res.Notes = append(res.Notes, fmt.Sprintf("%s %q is referred to by id from other projects: its kind has no data source to find it by name",
			l.Type, l.Name))
	}
	if err := writeConfig(out, into, o, res.Projects); err != nil {
		return nil, err
	}
	if err := finish(out, into); err != nil {
		return nil, err
	}
	return res, nil
}

// usable checks with one request that the org answers and takes the credentials, so that
// an export of an org it cannot use fails at once with one error saying why, not with one
// per kind listed.
func usable(ctx context.Context, c *platform.Client) error {
	err := c.Do(ctx, http.MethodGet, "/api/v2/tokens/me", nil, nil, nil)
	var auth *platform.AuthError
	var api *platform.APIError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &auth) && auth.Status >= 400 && auth.Status < 500:
		return fmt.Errorf("the org refused the credentials: %w", err)
	case errors.As(err, &auth) || errors.As(err, &api):
		return fmt.Errorf("the org at %s did not answer as expected: %w", c.BaseURL(), err)
	case ctx.Err() != nil:
		return err
	}
	return fmt.Errorf("cannot reach the org at %s: %w", c.BaseURL(), err)
}

// checkEmpty refuses an output directory that holds anything: an export never mixes its
// files with others.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("--into %s: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("--into %s is not empty: export writes a new workspace; name a new directory", dir)
	}
	return nil
}

// finish moves the finished workspace into place: renamed over an empty (or missing) Into.
func finish(tmp, into string) error {
	if err := os.Remove(into); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("--into %s: %w", into, err)
	}
	if err := os.Rename(tmp, into); err != nil {
		return fmt.Errorf("move the export into %s: %w", into, err)
	}
	return nil
}

// inventoryParallel bounds the listings an export runs at once. An export lists every kind,
// most of them one page each, so their round trips, not the rate budget they share, are
// what it waits for.
const inventoryParallel = 12

// graphOf makes the layout's nodes: ids found anywhere in an object's JSON that are ids of
// other listed objects, a child's parent, and the objects a flow's YAML names.
func graphOf(listed []drift.Listed, flows map[string][]byte) []Node {
	ids := map[string]bool{}
	byName := map[string]string{}    // type + lower(name) → id
	divisions := map[string]string{} // division id → name
	for _, l := range listed {
		if k := kinds.Genesys().ByResource(l.Type); k != nil && k.Name == kinds.Division {
			divisions[l.ID] = l.Name
		}
	}
	for _, l := range listed {
		if l.Builtin {
			continue // every org has it: referred to by name, never exported
		}
		ids[l.ID] = true
		byName[l.Type+"\x00"+strings.ToLower(l.Name)] = l.ID
	}
	var nodes []Node
	for _, l := range listed {
		if l.Builtin {
			continue
		}
		n := Node{ID: l.ID, Type: l.Type, Name: l.Name, Division: divisions[divisionOf(l)]}
		seen := map[string]bool{l.ID: true}
		add := func(id string) {
			if ids[id] && !seen[id] {
				seen[id] = true
				n.Refs = append(n.Refs, id)
			}
		}
		if k := kinds.Genesys().ByResource(l.Type); k != nil && k.API.Parent != "" {
			if parent, _, ok := kinds.SplitChildID(l.ID); ok {
				add(parent)
			}
		}
		walkStrings(l.Object, add)
		if y, ok := flows[l.ID]; ok {
			if f, err := archy.Parse(l.Name+".yaml", y); err == nil {
				for _, r := range f.References() {
					if k := kinds.Genesys().ByArchy(string(r.Kind)); k != nil {
						add(byName[k.Resource+"\x00"+strings.ToLower(r.Name)])
					}
				}
			}
		}
		sort.Strings(n.Refs)
		nodes = append(nodes, n)
	}
	return nodes
}

// divisionOf is the id of the division an object belongs to: the field of its kind that refers
// to a division, or the "division" every divisioned API model embeds; "" when none.
func divisionOf(l drift.Listed) string {
	if k := kinds.Genesys().ByResource(l.Type); k != nil {
		for _, f := range k.Fields {
			if f.Ref == kinds.Division && f.Type == kinds.String {
				if id, ok := kinds.Get(l.Object, f.JSON).(string); ok {
					return id
				}
			}
		}
	}
	if id, ok := kinds.Get(l.Object, "division.id").(string); ok {
		return id
	}
	return ""
}

// walkStrings calls f with every string value inside v.
func walkStrings(v any, f func(string)) {
	switch x := v.(type) {
	case string:
		f(x)
	case []any:
		for _, e := range x {
			walkStrings(e, f)
		}
	case map[string]any:
		for _, e := range x {
			walkStrings(e, f)
		}
	}
}

// pattern is one --include/--exclude: a type glob and a name glob.
type pattern struct{ typ, name string }

func parsePatterns(flag string, in []string) ([]pattern, error) {
	var out []pattern
	for _, s := range in {
		typ, name, _ := strings.Cut(s, ":")
		if typ == "" {
			return nil, fmt.Errorf("%s %q: write TYPE or TYPE:NAME (globs), e.g. routing_queue:Billing*", flag, s)
		}
		if !strings.HasPrefix(typ, "genesyscloud_") && typ != "*" {
			typ = "genesyscloud_" + typ
		}
		if name == "" {
			name = "*"
		}
		for _, g := range []string{typ, name} {
			if _, err := path.Match(g, ""); err != nil {
				return nil, fmt.Errorf("%s %q: %w", flag, s, err)
			}
		}
		out = append(out, pattern{typ, strings.ToLower(name)})
	}
	return out, nil
}

func matchAny(ps []pattern, n Node) bool {
	for _, p := range ps {
		t, _ := path.Match(p.typ, n.Type)
		m, _ := path.Match(p.name, strings.ToLower(n.Name))
		if t && m {
			return true
		}
	}
	return false
}

// choose applies the filters: the included objects (all when no --include) minus the
// excluded, plus what they refer to (the dependency closure; excluded objects stay out and
// are referred to by name). added are the ids the closure brought in.
func choose(nodes []Node, include, exclude []pattern) (chosen []Node, added []string, err error) {
	byID := map[string]Node{}
	keep := map[string]bool{}
	for _, n := range nodes {
		byID[n.ID] = n
		if (len(include) == 0 || matchAny(include, n)) && !matchAny(exclude, n) {
			keep[n.ID] = true
		}
	}
	if len(keep) == 0 {
		return nil, nil, errors.New("no object of the org matches the filters: check --include/--exclude (TYPE or TYPE:NAME globs)")
	}
	var queue []string
	for id := range keep {
		queue = append(queue, id)
	}
	sort.Strings(queue)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, r := range byID[id].Refs {
			if keep[r] || matchAny(exclude, byID[r]) {
				continue
			}
			keep[r] = true
			added = append(added, r)
			queue = append(queue, r)
		}
	}
	for _, n := range nodes {
		if keep[n.ID] {
			chosen = append(chosen, n)
		}
	}
	if len(include) == 0 {
		added = nil // everything was chosen anyway
	}
	sort.Strings(added)
	return chosen, added, nil
}

// writeConfig writes the new workspace's cx.hcl: its one environment reaches the org the
// export read (for a local org, its data directory, relative to where the workspace goes).
func writeConfig(tmp, into string, o Options, projects map[string]int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Written by cx export from environment %q. `cx plan --env %s` shows the imports that adopt\n", o.Env.Name, o.Env.Name)
	fmt.Fprintf(&b, "# the org's objects; `cx apply --env %s` makes them managed; `cx graph` shows the projects.\n", o.Env.Name)
	fmt.Fprintf(&b, "workspace {\n  name = %q\n}\n\n", filepath.Base(into))
	fmt.Fprintf(&b, "environment %q {\n  org = %q\n", o.Env.Name, o.Env.Org)
	if o.Env.IsLocal() && o.LocalOrgDir != "" {
		rel, err := filepath.Rel(into, o.LocalOrgDir)
		if err != nil {
			rel = o.LocalOrgDir
		}
		fmt.Fprintf(&b, "  local_org = %q # the local org the export read\n", filepath.ToSlash(rel))
	}
	if !o.Env.IsLocal() {
		fmt.Fprintf(&b, "  credentials_env = {\n    client_id     = %q\n    client_secret = %q\n  }\n", o.Env.ClientIDEnv, o.Env.ClientSecretEnv)
	}
	b.WriteString("}\n\n")
	var names []string
	for p := range projects {
		names = append(names, p)
	}
	sort.Strings(names)
	fmt.Fprintf(&b, "projects {\n  include = [%s]\n}\n", quoteList(names))
	return safefile.WriteFileAtomic(filepath.Join(tmp, "cx.hcl"), []byte(b.String()), 0o644)
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
