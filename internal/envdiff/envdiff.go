// Package envdiff compares two environments' orgs object by object (cx diff): both orgs are
// listed the way cx export lists them, objects are paired by kind and name (ids differ from
// org to org), and each pair is compared in a canonical form — references by the name of the
// object they point at, the fields every org fills in differently left out, lists without
// order where order means nothing — and flows by their published Archy YAML in archy's
// canonical form, so that only what a person changed is reported.
package envdiff

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/export"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// Side is one environment's org.
type Side struct {
	Name   string
	Client *platform.Client
}

// Options configure Compare.
type Options struct {
	A, B Side
	// HTTPClient downloads exported flows (nil: http.DefaultClient).
	HTTPClient *http.Client
	// Progress is told what is being read (nil: nothing is told).
	Progress io.Writer
}

// Object names one object of an org.
type Object struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

// Changed is an object both orgs hold, differently: the attributes (JSON paths of the
// canonical form) whose values differ, Old from A and New from B.
type Changed struct {
	Object
	Changes []drift.AttrChange `json:"changes"`
}

// Report is what Compare found.
type Report struct {
	A       string    `json:"a"`
	B       string    `json:"b"`
	OnlyInA []Object  `json:"only_in_a"`
	OnlyInB []Object  `json:"only_in_b"`
	Changed []Changed `json:"changed"`
	// Same counts the objects both orgs hold alike.
	Same int `json:"same"`
}

// Differs reports whether the orgs differ at all.
func (r *Report) Differs() bool {
	return len(r.OnlyInA)+len(r.OnlyInB)+len(r.Changed) > 0
}

// Compare lists both orgs and compares them.
func Compare(ctx context.Context, o Options) (*Report, error) {
	progress := o.Progress
	if progress == nil {
		progress = io.Discard
	}
	var (
		wg     sync.WaitGroup
		orgs   [2]*orgView
		errs   [2]error
		writes sync.Mutex
	)
	for i, side := range []Side{o.A, o.B} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			orgs[i], errs[i] = readOrg(ctx, side, o.HTTPClient, &lockedWriter{w: progress, mu: &writes})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", []Side{o.A, o.B}[i].Name, err)
		}
	}
	return compareViews(o.A.Name, o.B.Name, orgs[0], orgs[1]), nil
}

// compareViews pairs the objects of two org views by key and compares each pair.
func compareViews(nameA, nameB string, a, b *orgView) *Report {
	rep := &Report{A: nameA, B: nameB, OnlyInA: []Object{}, OnlyInB: []Object{}, Changed: []Changed{}}
	norm := drift.DefaultNormalizer()
	for _, key := range sortedKeys(a.objects, b.objects) {
		oa, inA := a.objects[key]
		ob, inB := b.objects[key]
		switch {
		case !inB:
			rep.OnlyInA = append(rep.OnlyInA, oa.Object)
		case !inA:
			rep.OnlyInB = append(rep.OnlyInB, ob.Object)
		default:
			changes := norm.Diff(oa.Type, oa.canonical, ob.canonical, nil, nil)
			if oa.flow != nil || ob.flow != nil {
				changes = diffLines(oa.flow, ob.flow)
			}
			if len(changes) == 0 {
				rep.Same++
				continue
			}
			rep.Changed = append(rep.Changed, Changed{Object: oa.Object, Changes: changes})
		}
	}
	return rep
}

// orgView is one org's objects in canonical form, by pairing key.
type orgView struct {
	objects map[string]canonObject
}

type canonObject struct {
	Object
	canonical map[string]any
	// flow is a flow's YAML in archy's canonical form, by line; nil for other kinds.
	flow []string
}

// readOrg lists an org as cx export does and puts every object in canonical form.
func readOrg(ctx context.Context, side Side, hc *http.Client, progress io.Writer) (*orgView, error) {
	fmt.Fprintf(progress, "Reading %s…\n", side.Name)
	listed, errs := drift.Inventory(ctx, drift.InventoryOptions{Client: side.Client, Every: true, Builtins: true, Parallel: 8})
	if len(errs) > 0 {
		var msgs []string
		for _, e := range errs {
			msgs = append(msgs, e.Type+": "+e.Error)
		}
		return nil, fmt.Errorf("could not list the org:\n  %s", strings.Join(msgs, "\n  "))
	}
	flows, err := export.PublishedFlows(ctx, side.Client, hc, listed, progress)
	if err != nil {
		return nil, err
	}
	return canonicalView(listed, flows)
}

// canonicalView puts listed objects (and the flows' YAML, by flow id) in canonical form.
func canonicalView(listed []drift.Listed, flows map[string][]byte) (*orgView, error) {
	refs := map[string]string{} // id → how the canonical form names the object
	for _, l := range listed {
		if l.ID != "" {
			refs[l.ID] = l.Type + " " + strconvQuote(l.Name)
		}
	}
	view := &orgView{objects: map[string]canonObject{}}
	seen := map[string]int{}
	for _, l := range listed {
		if l.Builtin {
			continue // every org has it
		}
		obj := Object{Type: l.Type, Name: pairName(l, refs)}
		key := obj.Type + "\x00" + strings.ToLower(obj.Name)
		// Names that repeat within a kind pair up in listing order.
		if seen[key]++; seen[key] > 1 {
			key += fmt.Sprintf("\x00%d", seen[key])
			obj.Name += fmt.Sprintf(" (%d)", seen[key])
		}
		c := canonObject{Object: obj}
		if y, isFlow := flows[l.ID]; isFlow {
			f, err := archy.Parse(l.Name+".yaml", y)
			if err != nil {
				return nil, fmt.Errorf("flow %q: %w", l.Name, err)
			}
			text, err := archy.Canonical(f)
			if err != nil {
				return nil, fmt.Errorf("flow %q: %w", l.Name, err)
			}
			// A flow's listing holds versions and locks every org keeps its own way: its
			// meaning is its YAML.
			c.flow = strings.Split(strings.TrimRight(string(text), "\n"), "\n")
		} else {
			c.canonical, _ = canonical(l.Object, refs).(map[string]any)
		}
		view.objects[key] = c
	}
	return view, nil
}

// pairName is the name objects are paired by: a child's (a data table row's key) within its
// parent's name, since two tables may hold rows of one key.
func pairName(l drift.Listed, refs map[string]string) string {
	if k := kinds.Genesys().ByResource(l.Type); k != nil && k.API.Parent != "" {
		if parent, _, ok := kinds.SplitChildID(l.ID); ok {
			return refs[parent] + " / " + l.Name
		}
	}
	return l.Name
}

// orgOwnFields are the fields every org fills in its own way: ids, links, versions, who and
// when, a user's chat address.
var orgOwnFields = map[string]bool{
	"id": true, "selfUri": true, "version": true, "dateCreated": true, "dateModified": true,
	"createdBy": true, "modifiedBy": true, "createdByApp": true, "modifiedByApp": true, "jabberId": true,
}

// canonical is v with the org's own fields left out and every id of a listed object replaced
// by that object's kind and name, so that two orgs' objects compare by what they mean.
func canonical(v any, refs map[string]string) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			if orgOwnFields[k] {
				// A reference ({"id": …}) keeps its target, by name.
				if k == "id" {
					if ref, ok := refs[asString(x)]; ok {
						out["ref"] = ref
					}
				}
				continue
			}
			out[k] = canonical(x, refs)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = canonical(x, refs)
		}
		return out
	case string:
		if ref, ok := refs[t]; ok {
			return ref
		}
	}
	return v
}

func asString(v any) string {
	s, _ := v.(string)
	return s
}

// diffLines names where two flows' canonical YAML first differs ("yaml:12", A's line and
// B's), and whether one ends before the other; nothing when they are the same.
func diffLines(a, b []string) []drift.AttrChange {
	for i := 0; i < max(len(a), len(b)); i++ {
		var la, lb any
		if i < len(a) {
			la = a[i]
		}
		if i < len(b) {
			lb = b[i]
		}
		if la != lb {
			return []drift.AttrChange{{Path: fmt.Sprintf("yaml:%d", i+1), Old: la, New: lb}}
		}
	}
	return nil
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// sortedKeys are the keys of both maps, sorted.
func sortedKeys(a, b map[string]canonObject) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range []map[string]canonObject{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// lockedWriter lets two readers report progress without interleaving within a line.
type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
