package main

import (
	"fmt"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/kinds"
)

// perObjectListings are the listings the API offers only one object at a time and that an
// export needs for every object of the kind, because the official attributes hold them: a
// queue's members and wrap-up codes, a group's members and voicemail policy. No listing
// answers them for many objects at once, so the fewest requests count one page each.
var perObjectListings = map[string][]string{
	"genesyscloud_routing_queue": {"members", "wrap-up codes"},
	"genesyscloud_group":         {"members", "voicemail policy"},
}

// flowsPerExportJob is the most flows cx export puts in one export job (export.flowsPerJob).
const flowsPerExportJob = 50

// bound is the fewest requests an export of the listed objects needs, by what they are for.
type bound struct {
	// listPages: every kind the export lists, in pages of its largest size — one page for a
	// kind with no objects, since only a listing says so; a collection two kinds share once;
	// a child kind's per parent, a scoped kind's per scope object.
	listPages int
	// perObject: one page of each per-object listing (perObjectListings).
	perObject int
	// flowExports: per export job (at most flowsPerExportJob flows) its registration and one
	// read of its state.
	flowExports int
	flows       int
	tokens      int
}

func (b bound) total() int { return b.listPages + b.perObject + b.flowExports + b.tokens }

func (b bound) String() string {
	return fmt.Sprintf("%d list pages (every kind listed, at its largest page size) + %d per-object listings (queue members and wrap-up codes, group members and voicemail policies) + %d for %d flows' export jobs + %d token",
		b.listPages, b.perObject, b.flowExports, b.flows, b.tokens)
}

// lowerBound counts the fewest requests for the kinds cx export lists (those drift's
// inventory lists with Every) holding the listed objects.
func lowerBound(listed []drift.Listed) bound {
	byType := map[string][]drift.Listed{}
	for _, l := range listed {
		byType[l.Type] = append(byType[l.Type], l)
	}
	b := bound{tokens: 1}
	// Kinds listed at one collection (data actions and custom auth actions) share its pages.
	type collection struct{ objects, pageSize int }
	collections := map[string]*collection{}
	for _, k := range kinds.Genesys().Where(func(k *kinds.Kind) bool {
		return k.Served() && k.Resource != "" && k.API.Listable()
	}) {
		objs := byType[k.Resource]
		switch {
		case k.API.Parent != "":
			b.listPages += pagesPerOwner(k, objs, byType[kinds.Genesys().Named(k.API.Parent).Resource], func(l drift.Listed) []string {
				parent, _, _ := kinds.SplitChildID(l.ID)
				return []string{parent}
			})
		case k.API.Scope != nil:
			b.listPages += pagesPerOwner(k, objs, byType[kinds.Genesys().Named(k.API.Scope.Kind).Resource], func(l drift.Listed) []string {
				return asStrings(kinds.Get(l.Object, k.API.Scope.JSON))
			})
		default:
			key := k.API.Collection + k.API.Query + k.API.Search
			if collections[key] == nil {
				collections[key] = &collection{pageSize: k.API.PageSize()}
			}
			collections[key].objects += len(objs)
		}
		b.perObject += len(objs) * len(perObjectListings[k.Resource])
		if k.Resource == "genesyscloud_flow" {
			b.flows = len(objs)
		}
	}
	for _, c := range collections {
		b.listPages += pages(c.objects, c.pageSize)
	}
	b.flowExports = 2 * ceilDiv(b.flows, flowsPerExportJob)
	return b
}

// pagesPerOwner counts a child or scoped kind's pages: one listing per owner (parent or scope
// object), each at least one page.
func pagesPerOwner(k *kinds.Kind, objs, owners []drift.Listed, ownersOf func(drift.Listed) []string) int {
	per := map[string]int{}
	for _, o := range owners {
		per[o.ID] = 0
	}
	for _, l := range objs {
		for _, id := range ownersOf(l) {
			per[id]++
		}
	}
	n := 0
	for _, count := range per {
		n += pages(count, k.API.PageSize())
	}
	return n
}

// pages is how many pages of size hold n objects: at least one, which says there are none.
func pages(n, size int) int { return max(1, ceilDiv(n, size)) }

func ceilDiv(a, b int) int { return (a + b - 1) / b }

func asStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
