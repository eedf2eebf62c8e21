package telephony

import (
	"cmp"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// KindExtensionPool is the store kind extension pools are kept under. No other API group
// refers to them, so it lives here rather than in host.
const KindExtensionPool store.Kind = "telephony.extensionpool"

// Extension pools: the ranges users' extensions come from. Like DID pools they are
// versioned entities without a name of their own: the API model marks name required (every
// telephony entity's base model does), but the official provider never sends one, so the
// org names a pool after its first number when the request has none, as it does DID pools.
// Ranges are digits of one width that may not overlap another pool's.
func (s *api) extensionPoolRoutes() {
	s.versionedRoutes(extensionPoolSpec(), s.listExtensionPools, s.saveExtensionPool)
}

// extensionPoolBody is the ExtensionPool model's writable part.
type extensionPoolBody struct {
	Name        *string                    `json:"name,omitempty"`
	Description *string                    `json:"description,omitempty"`
	Division    *platform.WritableDivision `json:"division,omitempty"`
	Version     *int                       `json:"version,omitempty"`
	StartNumber *string                    `json:"startNumber,omitempty"`
	EndNumber   *string                    `json:"endNumber,omitempty"`
}

// extensionPool is a stored pool as the API answers it.
type extensionPool struct {
	ID           string             `json:"id"`
	Name         string             `json:"name"`
	Description  *string            `json:"description,omitempty"`
	Division     *platform.Division `json:"division,omitempty"`
	Version      int                `json:"version"`
	DateCreated  string             `json:"dateCreated"`
	DateModified string             `json:"dateModified"`
	CreatedBy    string             `json:"createdBy"`
	ModifiedBy   string             `json:"modifiedBy"`
	State        string             `json:"state"`
	StartNumber  string             `json:"startNumber"`
	EndNumber    string             `json:"endNumber"`
	SelfURI      string             `json:"selfUri"`
	// stored is the object as stored, which listings answer as it is.
	stored []byte
}

// extensionRE is an extension: digits only, at most 15 of them (what int64 holds).
var extensionRE = regexp.MustCompile(`^[0-9]{1,15}$`)

func extensionPoolSpec() versionedSpec {
	return versionedSpec{kind: KindExtensionPool, entry: kinds.Genesys().Named(kinds.ExtensionPool)}
}

// parseExtensionRange is an extension pool's range (numberRange, didpools.go).
func parseExtensionRange(start, end string) (numberRange, bool) {
	s, err1 := strconv.ParseInt(start, 10, 64)
	e, err2 := strconv.ParseInt(end, 10, 64)
	return numberRange{start: s, end: e, width: len(start)}, err1 == nil && err2 == nil
}

// storedExtensionPools decodes the org's pools, lowest numbers first.
func storedExtensionPools(objs []*store.Object) []extensionPool {
	out := make([]extensionPool, 0, len(objs))
	for _, o := range objs {
		var p extensionPool
		if host.DecodeObject(o, &p) == nil && p.State != "deleted" {
			p.stored = o.Data
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b extensionPool) int {
		return cmp.Or(cmp.Compare(len(a.StartNumber), len(b.StartNumber)), strings.Compare(a.StartNumber, b.StartNumber), strings.Compare(a.ID, b.ID))
	})
	return out
}

// listExtensionPools pages the pools the caller sees, filtered by number (a pool whose range
// holds it) and divisionId, sorted by startNumber (the default) or endNumber.
func (s *api) listExtensionPools(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	sortBy, err := host.EnumParam(r, "sortBy", "startNumber", "endNumber")
	if err != nil {
		return err
	}
	number := strings.TrimSpace(r.URL.Query().Get("number"))
	divisions := host.SetOf(apihttp.MultiParam(r, "divisionId"))
	pools := storedExtensionPools(s.ListVisible(r, KindExtensionPool))
	if sortBy == "endNumber" {
		slices.SortStableFunc(pools, func(a, b extensionPool) int {
			return cmp.Or(cmp.Compare(len(a.EndNumber), len(b.EndNumber)), strings.Compare(a.EndNumber, b.EndNumber))
		})
	}
	var items [][]byte
	for _, pool := range pools {
		if len(divisions) > 0 && (pool.Division == nil || !divisions[host.Deref(pool.Division.ID)]) {
			continue
		}
		if number != "" {
			rng, ok := parseExtensionRange(pool.StartNumber, pool.EndNumber)
			n, err := strconv.ParseInt(number, 10, 64)
			if !ok || err != nil || len(number) != rng.width || n < rng.start || n > rng.end {
				continue
			}
		}
		items = append(items, pool.stored)
	}
	return apihttp.WritePageWithTotal(w, r, p, items)
}

// saveExtensionPool creates (id == "") or replaces a pool: both numbers required, digits of
// one width, the end not below the start, no overlap with another pool.
func (s *api) saveExtensionPool(w http.ResponseWriter, r *http.Request, id string) error {
	var in extensionPoolBody
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	startText, endText := strings.TrimSpace(host.Deref(in.StartNumber)), strings.TrimSpace(host.Deref(in.EndNumber))
	for _, f := range []struct{ field, text string }{{"startNumber", startText}, {"endNumber", endText}} {
		if f.text == "" {
			return apihttp.Required(f.field)
		}
		if !extensionRE.MatchString(f.text) {
			return apihttp.BadRequest("The field [%s] must be an extension of digits only, such as 1000, not [%s].", f.field, f.text)
		}
	}
	rng, _ := parseExtensionRange(startText, endText)
	if err := checkRangeOrder("startNumber", "endNumber", startText, endText, rng.start, rng.end); err != nil {
		return err
	}
	req := versionedRequest{Name: in.Name, Division: in.Division, Version: in.Version, DefaultName: startText}
	spec := extensionPoolSpec()
	return s.saveVersioned(w, r, spec, id, req, func(tx *store.Tx, m versionedMeta) (any, error) {
		for _, other := range storedExtensionPools(tx.List(KindExtensionPool, "")) {
			o, ok := parseExtensionRange(other.StartNumber, other.EndNumber)
			if ok && other.ID != m.id && o.overlaps(rng) {
				return nil, apihttp.Conflict("The range %s..%s overlaps the extension pool [%s] (id %s, %s..%s).",
					startText, endText, other.Name, other.ID, other.StartNumber, other.EndNumber)
			}
		}
		return extensionPool{
			ID: m.id, Name: m.name, Description: in.Description,
			Division: &platform.Division{ID: m.division.ID, Name: m.division.Name, SelfURI: m.division.SelfURI},
			Version:  m.version, DateCreated: m.created, DateModified: m.now, CreatedBy: m.createdBy, ModifiedBy: m.client,
			State: "active", StartNumber: startText, EndNumber: endText, SelfURI: spec.selfURI(m.id),
		}, nil
	})
}
