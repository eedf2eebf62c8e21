package telephony

import (
	"cmp"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Telephony DID pools: E.164 ranges that may not overlap, PUT carrying the current
// version, delete refused while an IVR uses a number of the pool. The DID listing is
// derived from the pools and the IVRs' DNIS lists; nothing else is stored per number.
func (s *api) didPoolRoutes() {
	s.versionedRoutes(didPoolSpec(), s.listDIDPools, s.saveDIDPool)
	s.Route("GET /api/v2/telephony/providers/edges/didpools/dids", "telephony:plugin:view", s.listDIDNumbers)
}

// maxDIDEnumeration bounds how many numbers one DID listing request may enumerate; a
// pool can span millions of numbers, and listing unassigned ones would build them all.
const maxDIDEnumeration = 10000

// didPoolSpec describes DID pools to the versioned write skeleton (versioned.go). Pool
// names are not unique (the API derives none; TF never sends one).
func didPoolSpec() versionedSpec {
	return versionedSpec{
		kind: host.KindDIDPool, entry: kinds.Genesys().Named(kinds.DIDPool),
		inUse: func(tx *store.Tx, o *store.Object) error {
			p, ok := decodePool(o)
			if !ok {
				return nil
			}
			for n, ivr := range ivrNumberOwners(tx.List(host.KindIVR, "")) {
				if p.covers(n) {
					return apihttp.Conflict("The DID pool [%s] holds the number [%s], which the IVR [%s] (id %s) uses; remove it from the IVR first.", o.Name, n, ivr.Name, ivr.ID)
				}
			}
			return nil
		},
	}
}

// HoldsNumber reports whether an active DID pool of the org holds number: the generic
// entity's check that an IVR's numbers lie inside a pool (entity.Hooks.Contains).
func HoldsNumber(tx *store.Tx, number string) bool {
	return poolFor(activePools(tx), number) != nil
}

// numberRange is a pool's range parsed: DID pools' E.164 numbers (without the +) and
// extension pools' extensions. Numbers of a range have the width of its bounds, so "100" is
// never inside "1000".."1999", nor "+1317555" inside "+13175550000".."+13175559999".
type numberRange struct {
	start, end int64
	width      int
}

// overlaps reports whether a and b share a number: both of one width, bounds that cross.
// Pools of the org may not overlap.
func (a numberRange) overlaps(b numberRange) bool {
	return a.width == b.width && a.start <= b.end && b.start <= a.end
}

// poolRange is a stored DID pool with its range parsed.
type poolRange struct {
	obj *store.Object
	numberRange
}

func (p poolRange) covers(number string) bool {
	n, ok := host.ParseE164(number)
	return ok && len(number) == p.width && n >= p.start && n <= p.end
}

func (p poolRange) size() int64 { return p.end - p.start + 1 }

func (p poolRange) number(n int64) string { return "+" + strconv.FormatInt(n, 10) }

func decodePool(o *store.Object) (poolRange, bool) {
	var dp platform.DIDPool
	if host.DecodeObject(o, &dp) != nil || host.Deref(dp.State) != "active" {
		return poolRange{}, false
	}
	start, ok1 := host.ParseE164(host.Deref(dp.StartPhoneNumber))
	end, ok2 := host.ParseE164(host.Deref(dp.EndPhoneNumber))
	return poolRange{obj: o, numberRange: numberRange{start: start, end: end, width: len(host.Deref(dp.StartPhoneNumber))}}, ok1 && ok2
}

// activePools lists the active pools, lowest numbers first.
func activePools(tx *store.Tx) []poolRange {
	return sortedPools(tx.List(host.KindDIDPool, ""))
}

func sortedPools(objs []*store.Object) []poolRange {
	var out []poolRange
	for _, o := range objs {
		if p, ok := decodePool(o); ok {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b poolRange) int {
		return cmp.Or(cmp.Compare(a.width, b.width), cmp.Compare(a.start, b.start), strings.Compare(a.obj.ID, b.obj.ID))
	})
	return out
}

// poolFor returns the pool holding number, or nil.
func poolFor(pools []poolRange, number string) *poolRange {
	for i := range pools {
		if pools[i].covers(number) {
			return &pools[i]
		}
	}
	return nil
}

// ivrNumberOwners maps every DNIS number the IVRs use to its IVR.
func ivrNumberOwners(ivrs []*store.Object) map[string]*store.Object {
	out := map[string]*store.Object{}
	for _, o := range ivrs {
		var ivr platform.IVR
		if host.DecodeObject(o, &ivr) != nil {
			continue
		}
		for _, n := range ivr.Dnis {
			out[n] = o
		}
	}
	return out
}

func (s *api) listDIDPools(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	if _, err := host.EnumParam(r, "sortBy", "number"); err != nil {
		return err
	}
	ids := host.SetOf(apihttp.MultiParam(r, "id"))
	var items [][]byte
	for _, pr := range sortedPools(s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, host.KindDIDPool, "")) {
		if len(ids) == 0 || ids[pr.obj.ID] {
			items = append(items, pr.obj.Data)
		}
	}
	return apihttp.WritePageWithTotal(w, r, p, items)
}

func (s *api) saveDIDPool(w http.ResponseWriter, r *http.Request, id string) error {
	var in platform.DIDPool
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	startText, endText := strings.TrimSpace(host.Deref(in.StartPhoneNumber)), strings.TrimSpace(host.Deref(in.EndPhoneNumber))
	rng := poolRange{numberRange: numberRange{width: len(startText)}}
	for _, f := range []struct {
		field, text string
		out         *int64
	}{{"startPhoneNumber", startText, &rng.start}, {"endPhoneNumber", endText, &rng.end}} {
		if f.text == "" {
			return apihttp.Required(f.field)
		}
		n, ok := host.ParseE164(f.text)
		if !ok {
			return apihttp.BadRequest("The field [%s] must be an E.164 number such as +13175550100, not [%s].", f.field, f.text)
		}
		*f.out = n
	}
	if err := checkRangeOrder("startPhoneNumber", "endPhoneNumber", startText, endText, rng.start, rng.end); err != nil {
		return err
	}
	if err := host.CheckEnum("provider", in.Provider, "PURE_CLOUD", "PURE_CLOUD_VOICE"); err != nil {
		return err
	}
	req := versionedRequest{Name: in.Name, Version: in.Version, DefaultName: startText}
	if in.Division != nil {
		req.Division = &platform.WritableDivision{ID: in.Division.ID}
	}
	spec := didPoolSpec()
	return s.saveVersioned(w, r, spec, id, req, func(tx *store.Tx, m versionedMeta) (any, error) {
		for _, other := range activePools(tx) {
			if other.obj.ID != m.id && other.overlaps(rng.numberRange) {
				return nil, apihttp.Conflict("The range %s..%s overlaps the DID pool [%s] (id %s, %s..%s).",
					startText, endText, other.obj.Name, other.obj.ID, other.number(other.start), other.number(other.end))
			}
		}
		if id != "" {
			// Shrinking a pool may not strand numbers that IVRs use.
			old, _ := decodePool(tx.Get(host.KindDIDPool, id))
			for n, ivr := range ivrNumberOwners(tx.List(host.KindIVR, "")) {
				if old.covers(n) && !rng.covers(n) {
					return nil, apihttp.Conflict("The number [%s] of this pool is used by the IVR [%s] (id %s) and would fall outside the new range.", n, ivr.Name, ivr.ID)
				}
			}
		}
		return platform.DIDPool{
			ID: host.Ptr(m.id), Name: host.Ptr(m.name), Description: in.Description,
			Division: &platform.Division{ID: m.division.ID, Name: m.division.Name, SelfURI: m.division.SelfURI},
			Version:  host.Ptr(m.version), DateCreated: host.Ptr(m.created), DateModified: host.Ptr(m.now),
			CreatedBy: host.Ptr(m.createdBy), ModifiedBy: host.Ptr(m.client), State: host.Ptr("active"),
			StartPhoneNumber: host.Ptr(startText), EndPhoneNumber: host.Ptr(endText), Comments: in.Comments, Provider: in.Provider,
			SelfURI: host.Ptr(spec.selfURI(m.id)),
		}, nil
	})
}

// listDIDNumbers lists the numbers of the pools (all, or id[]) with their assignment:
// type ASSIGNED lists the numbers IVRs use, UNASSIGNED the rest, ASSIGNED_AND_UNASSIGNED both.
func (s *api) listDIDNumbers(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	typ := qs.Get("type")
	if typ == "" {
		return apihttp.Required("type")
	}
	if err := host.CheckEnum("type", &typ, "ASSIGNED_AND_UNASSIGNED", "ASSIGNED", "UNASSIGNED"); err != nil {
		return err
	}
	desc, err := host.SortDescending(r)
	if err != nil {
		return err
	}
	match := qs.Get("numberMatch")
	ids := host.SetOf(apihttp.MultiParam(r, "id"))
	org := apihttp.PrincipalOf(r.Context()).OrgID
	pools := sortedPools(s.Store.List(org, host.KindDIDPool, ""))
	owners := ivrNumberOwners(s.Store.List(org, host.KindIVR, ""))
	var selected []poolRange
	var total int64
	for _, pr := range pools {
		if len(ids) == 0 || ids[pr.obj.ID] {
			selected = append(selected, pr)
			total += pr.size()
		}
	}
	if typ != "ASSIGNED" && total > maxDIDEnumeration {
		return apihttp.BadRequest("The selected DID pools hold %d numbers; listing unassigned numbers is limited to %d. Select fewer pools with [id] or use type=ASSIGNED.", total, maxDIDEnumeration)
	}
	poolSpec, ivrKind := didPoolSpec(), kinds.Genesys().Named(kinds.IVR)
	var items [][]byte
	add := func(pr poolRange, number string, owner *store.Object) {
		if match != "" && !strings.Contains(number, match) {
			return
		}
		d := platform.DIDNumber{
			Name: host.Ptr(number), Number: host.Ptr(number), Assigned: host.Ptr(owner != nil),
			DidPool: &platform.AddressableEntityRef{ID: host.Ptr(pr.obj.ID), SelfURI: host.Ptr(poolSpec.selfURI(pr.obj.ID))},
		}
		if owner != nil {
			d.Owner = &platform.DomainEntityRef{ID: host.Ptr(owner.ID), Name: host.Ptr(owner.Name), SelfURI: host.Ptr(ivrKind.API.Item(owner.ID))}
			d.OwnerType = host.Ptr("IVR_CONFIG")
		}
		b, _ := json.Marshal(d)
		items = append(items, b)
	}
	for _, pr := range selected {
		if typ == "ASSIGNED" {
			var used []string
			for n := range owners {
				if pr.covers(n) {
					used = append(used, n)
				}
			}
			slices.Sort(used) // same width, so text order is numeric order
			for _, n := range used {
				add(pr, n, owners[n])
			}
			continue
		}
		for n := pr.start; n <= pr.end; n++ {
			number := pr.number(n)
			owner := owners[number]
			if typ == "UNASSIGNED" && owner != nil {
				continue
			}
			add(pr, number, owner)
		}
	}
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}
