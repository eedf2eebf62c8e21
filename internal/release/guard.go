package release

import (
	"context"
	"fmt"
	"math/big"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// Refusal is an object a rollback would destroy and must not without --allow-destroy.
type Refusal struct {
	Project string `json:"project"`
	Object  Object `json:"object"`
	// Reasons say why, each a sentence a person can act on.
	Reasons []string `json:"reasons"`
}

func (r Refusal) String() string {
	return fmt.Sprintf("%s: %s: %s", r.Project, r.Object.Address, strings.Join(r.Reasons, "; "))
}

// GuardInput is what the guard looks at.
type GuardInput struct {
	// Plan is the rollback's plan note, with the ids of the objects it destroys.
	Plan Note
	// Target is the release rolled back to; Later the releases after it and Pending the
	// applies not yet released: what they added was created after the target.
	Target  Release
	Later   []Release
	Pending []Applied
	// Allowed are the addresses (TYPE.NAME, or PROJECT:TYPE.NAME) the user lets go.
	Allowed []string
	// Client reads the org, to find what an object is in use by; nil skips those checks.
	Client *platform.Client
}

// Guard lists the objects the rollback would destroy that were created after the target
// release, or whose loss loses data or breaks routing, except those allowed. "In use" is
// what the org says now (see usage): a queue's members, a data table's rows, the IVRs whose
// numbers fall in a DID pool or which route to a flow, and the published flows whose
// dependency tracking says they consume a queue or a flow.
func Guard(ctx context.Context, in GuardInput) ([]Refusal, error) {
	u := &usage{client: in.Client}
	var out []Refusal
	for _, p := range in.Plan.Sorted().Projects {
		for _, o := range p.Destroyed {
			if slices.Contains(in.Allowed, o.Address) || slices.Contains(in.Allowed, p.Project+":"+o.Address) {
				continue
			}
			var reasons []string
			if why := createdAfter(p.Project, o.Address, in); why != "" {
				reasons = append(reasons, why)
			}
			if in.Client != nil && o.ID != "" {
				inUse, err := u.reasons(ctx, o)
				if err != nil {
					return nil, fmt.Errorf("check what %s is used by: %w", o.Address, err)
				}
				reasons = append(reasons, inUse...)
			}
			if len(reasons) > 0 {
				out = append(out, Refusal{Project: p.Project, Object: o, Reasons: reasons})
			}
		}
	}
	return out, nil
}

// createdAfter says which later release (or unreleased apply) added the object.
func createdAfter(project, address string, in GuardInput) string {
	added := func(n Note) bool {
		for _, p := range n.Projects {
			if p.Project == project && slices.ContainsFunc(p.Added, func(o Object) bool { return o.Address == address }) {
				return true
			}
		}
		return false
	}
	for _, r := range in.Later {
		if added(r.Note) {
			return fmt.Sprintf("created after release %d (added in release %d, %s): the rollback would delete it", in.Target.Number, r.Number, r.Tag)
		}
	}
	for _, a := range in.Pending {
		if added(a.Note) {
			return fmt.Sprintf("created after release %d (added by an apply of %s not yet released): the rollback would delete it", in.Target.Number, short(a.Commit))
		}
	}
	return ""
}

// usage answers what objects of the org are in use by, reading each listing once.
type usage struct {
	client *platform.Client
	ivrs   []map[string]any
	flows  map[string][]string // id of a consumed object → names of the flows consuming it
}

// inUseCheck tells why an object is in use (none: it is not).
type inUseCheck func(u *usage, ctx context.Context, o Object) ([]string, error)

// inUseChecks are the kinds whose loss loses data or breaks routing, by catalogue name,
// each with how to tell; a kind not here is destroyed without a usage check.
func inUseChecks() map[string]inUseCheck {
	return map[string]inUseCheck{
		kinds.Queue: func(u *usage, ctx context.Context, o Object) ([]string, error) {
			var out []string
			n, err := u.count(ctx, "/api/v2/routing/queues/"+url.PathEscape(o.ID)+"/members")
			if err != nil {
				return nil, err
			}
			if n > 0 {
				out = append(out, fmt.Sprintf("queue with %s: deleting it loses the membership", plural(n, "member")))
			}
			flows, err := u.consumers(ctx, o.ID)
			if err != nil {
				return nil, err
			}
			for _, f := range flows {
				out = append(out, fmt.Sprintf("queue used by flow %q: its calls would route nowhere", f))
			}
			return out, nil
		},
		kinds.DataTable: func(u *usage, ctx context.Context, o Object) ([]string, error) {
			n, err := u.count(ctx, "/api/v2/flows/datatables/"+url.PathEscape(o.ID)+"/rows")
			if err != nil || n == 0 {
				return nil, err
			}
			return []string{fmt.Sprintf("data table with %s: deleting it loses them", plural(n, "row"))}, nil
		},
		kinds.Flow: func(u *usage, ctx context.Context, o Object) ([]string, error) {
			var out []string
			ivrs, err := u.listIVRs(ctx)
			if err != nil {
				return nil, err
			}
			for _, ivr := range ivrs {
				for _, field := range []string{"openHoursFlow", "closedHoursFlow", "holidayHoursFlow"} {
					if ref, _ := ivr[field].(map[string]any); ref != nil && ref["id"] == o.ID {
						out = append(out, fmt.Sprintf("flow used by IVR %q (%s): its calls would route nowhere", ivr["name"], field))
					}
				}
			}
			flows, err := u.consumers(ctx, o.ID)
			if err != nil {
				return nil, err
			}
			for _, f := range flows {
				out = append(out, fmt.Sprintf("flow used by flow %q", f))
			}
			return out, nil
		},
		kinds.DIDPool: func(u *usage, ctx context.Context, o Object) ([]string, error) {
			var pool map[string]any
			if err := u.client.Do(ctx, "GET", kindCollection(kinds.DIDPool)+"/"+url.PathEscape(o.ID), nil, nil, &pool); err != nil {
				return nil, err
			}
			first, _ := pool["startPhoneNumber"].(string)
			last, _ := pool["endPhoneNumber"].(string)
			ivrs, err := u.listIVRs(ctx)
			if err != nil {
				return nil, err
			}
			var out []string
			for _, ivr := range ivrs {
				dnis, _ := ivr["dnis"].([]any)
				for _, d := range dnis {
					if s, _ := d.(string); inNumberRange(s, first, last) {
						out = append(out, fmt.Sprintf("DID pool used by IVR %q (number %s): calls to it would no longer reach the IVR", ivr["name"], s))
						break
					}
				}
			}
			return out, nil
		},
	}
}

func (u *usage) reasons(ctx context.Context, o Object) ([]string, error) {
	for name, check := range inUseChecks() {
		if k := kinds.Genesys().Named(name); k != nil && k.Resource == o.Kind {
			return check(u, ctx, o)
		}
	}
	return nil, nil
}

func kindCollection(name string) string { return kinds.Genesys().Named(name).API.Collection }

// count is a listing's total, from one entry's page.
func (u *usage) count(ctx context.Context, path string) (int, error) {
	var page struct {
		Total    *int  `json:"total"`
		Entities []any `json:"entities"`
	}
	if err := u.client.Do(ctx, "GET", path, url.Values{"pageSize": {"1"}}, nil, &page); err != nil {
		return 0, err
	}
	if page.Total != nil {
		return *page.Total, nil
	}
	return len(page.Entities), nil
}

// listAll reads every page of a listing.
func (u *usage) listAll(ctx context.Context, path string, query url.Values) ([]map[string]any, error) {
	var all []map[string]any
	for n := 1; ; n++ {
		q := url.Values{"pageSize": {"100"}, "pageNumber": {strconv.Itoa(n)}}
		for k, v := range query {
			q[k] = v
		}
		var page struct {
			Entities  []map[string]any `json:"entities"`
			PageCount int              `json:"pageCount"`
		}
		if err := u.client.Do(ctx, "GET", path, q, nil, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Entities...)
		if n >= page.PageCount || len(page.Entities) == 0 {
			return all, nil
		}
	}
}

func (u *usage) listIVRs(ctx context.Context) ([]map[string]any, error) {
	if u.ivrs != nil {
		return u.ivrs, nil
	}
	ivrs, err := u.listAll(ctx, kindCollection(kinds.IVR), nil)
	if err != nil {
		return nil, fmt.Errorf("list IVRs: %w", err)
	}
	u.ivrs = append([]map[string]any{}, ivrs...)
	return u.ivrs, nil
}

// consumers are the names of the published flows whose dependency tracking says they
// consume the object with id.
func (u *usage) consumers(ctx context.Context, id string) ([]string, error) {
	if u.flows == nil {
		flows, err := u.listAll(ctx, kindCollection(kinds.Flow), nil)
		if err != nil {
			return nil, fmt.Errorf("list flows: %w", err)
		}
		u.flows = map[string][]string{}
		for _, f := range flows {
			pub, _ := f["publishedVersion"].(map[string]any)
			version, _ := pub["id"].(string)
			fid, _ := f["id"].(string)
			typ, _ := f["type"].(string)
			if version == "" || fid == "" {
				continue
			}
			consumed, err := u.listAll(ctx, "/api/v2/architect/dependencytracking/consumedresources", url.Values{
				"id": {fid}, "version": {version}, "objectType": {strings.ToUpper(typ) + "FLOW"}})
			if err != nil {
				return nil, fmt.Errorf("dependencies of flow %q: %w", f["name"], err)
			}
			name, _ := f["name"].(string)
			for _, c := range consumed {
				if cid, _ := c["id"].(string); cid != "" {
					u.flows[cid] = append(u.flows[cid], name)
				}
			}
		}
	}
	return u.flows[id], nil
}

// inNumberRange reports whether the E.164 number n lies in [first, last].
func inNumberRange(n, first, last string) bool {
	num := func(s string) (*big.Int, bool) { return new(big.Int).SetString(strings.TrimPrefix(s, "+"), 10) }
	v, ok1 := num(n)
	lo, ok2 := num(first)
	hi, ok3 := num(last)
	if !ok1 || !ok2 {
		return false
	}
	if !ok3 {
		hi = lo
	}
	return v.Cmp(lo) >= 0 && v.Cmp(hi) <= 0
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
