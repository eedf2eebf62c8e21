package orgserver

import (
	"net/http"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Wrap-up codes: unique names, a starrable division, PUT as full replace, hard delete.
// Deleting a code that queues use is allowed; it disappears from those queues' code
// lists (the contract names no conflict for it, and TF deletes codes after queues anyway).
func (s *Server) wrapupCodeRoutes() {
	s.route("GET /api/v2/routing/wrapupcodes", "routing:wrapupCode:view", s.listWrapupCodes)
	s.route("POST /api/v2/routing/wrapupcodes", "routing:wrapupCode:add", s.createWrapupCode)
	s.route("GET /api/v2/routing/wrapupcodes/{id}", "routing:wrapupCode:view", s.getWrapupCode)
	s.route("PUT /api/v2/routing/wrapupcodes/{id}", "routing:wrapupCode:edit", s.putWrapupCode)
	s.route("DELETE /api/v2/routing/wrapupcodes/{id}", "routing:wrapupCode:delete", s.deleteWrapupCode)
}

func wrapupCodeSelfURI(id string) string { return "/api/v2/routing/wrapupcodes/" + id }

func (s *Server) listWrapupCodes(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	sortBy, err := apihttp.SortByNameOrID(r)
	if err != nil {
		return err
	}
	desc, err := apihttp.SortDescending(r, "sortOrder", "ascending", "descending")
	if err != nil {
		return err
	}
	name := qs.Get("name")
	ids := setOf(apihttp.MultiParam(r, "id"))
	divs := setOf(apihttp.MultiParam(r, "divisionId"))
	objs := s.listVisible(r, kindWrapupCode)
	// The API documents sortBy as ignored unless a name filter is given; the default order is by name.
	if name != "" && sortBy == "id" {
		slices.SortFunc(objs, func(a, b *store.Object) int { return strings.Compare(a.ID, b.ID) })
	}
	var items [][]byte
	for _, o := range objs {
		if len(ids) > 0 && !ids[o.ID] {
			continue
		}
		if !apihttp.NameMatches(name, o.Name, false) {
			continue
		}
		if len(divs) > 0 {
			var wc platform.WrapupCode
			if decodeObject(o, &wc) != nil || wc.Division == nil || !divs[deref(wc.Division.ID)] {
				continue
			}
		}
		items = append(items, o.Data)
	}
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}

// wrapupCodeFromRequest validates a request and builds the stored code. old is the code
// being replaced (nil on create): it keeps id, creation data and, when the request has
// none, the division.
func wrapupCodeFromRequest(tx *store.Tx, p apihttp.Principal, in platform.WrapupCodeRequest, id string, old *platform.WrapupCode) (platform.WrapupCode, error) {
	name := strings.TrimSpace(deref(in.Name))
	if name == "" {
		return platform.WrapupCode{}, apihttp.Required("name")
	}
	if existing := tx.FindByName(kindWrapupCode, "", name); existing != nil && existing.ID != id {
		return platform.WrapupCode{}, apihttp.Conflict("A wrap-up code named [%s] exists already (id %s).", name, existing.ID)
	}
	divID := ""
	if in.Division != nil {
		divID = deref(in.Division.ID)
	}
	if divID == "" && old != nil && old.Division != nil {
		divID = deref(old.Division.ID)
	}
	divID, divName, err := entity.DivisionRef(tx, divID, "division.id")
	if err != nil {
		return platform.WrapupCode{}, err
	}
	client := p.ClientID
	now := apihttp.FormatTime(tx.Now())
	wc := platform.WrapupCode{
		ID: ptr(id), Name: ptr(name), Description: in.Description,
		Division:    &platform.StarrableDivision{ID: ptr(divID), Name: ptr(divName), SelfURI: ptr(entity.DivisionSelfURI(divID))},
		DateCreated: ptr(now), DateModified: ptr(now), CreatedBy: ptr(client), ModifiedBy: ptr(client),
		SelfURI: ptr(wrapupCodeSelfURI(id)),
	}
	if old != nil {
		wc.DateCreated, wc.CreatedBy = old.DateCreated, old.CreatedBy
	}
	return wc, nil
}

func (s *Server) getWrapupCode(w http.ResponseWriter, r *http.Request) error {
	return s.serveStored(w, r, kindWrapupCode)
}

func (s *Server) createWrapupCode(w http.ResponseWriter, r *http.Request) error {
	var in platform.WrapupCodeRequest
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.commitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		id := uuid.NewString()
		wc, err := wrapupCodeFromRequest(tx, p, in, id, nil)
		if err != nil {
			return nil, err
		}
		return s.putAudited(tx, p, kindWrapupCode, wc, audit.Event{Service: "Routing", EntityType: "WrapupCode", Action: "Create", ID: id, Name: *wc.Name})
	})
}

func (s *Server) putWrapupCode(w http.ResponseWriter, r *http.Request) error {
	var in platform.WrapupCodeRequest
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.commitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, old, err := loadStored[platform.WrapupCode](tx, kindWrapupCode, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		wc, err := wrapupCodeFromRequest(tx, p, in, o.ID, &old)
		if err != nil {
			return nil, err
		}
		// Queue code lists sort by the code's name, which the child keeps as its index name.
		if *wc.Name != o.Name {
			for _, c := range queueWrapupCodeLinks(tx, o.ID) {
				tx.Put(&store.Object{Kind: c.Kind, ID: c.ID, Parent: c.Parent, Name: *wc.Name, Data: c.Data})
			}
		}
		return s.putAudited(tx, p, kindWrapupCode, wc, audit.Event{Service: "Routing", EntityType: "WrapupCode", Action: "Update", ID: o.ID, Name: *wc.Name, Old: o.Data})
	})
}

func (s *Server) deleteWrapupCode(w http.ResponseWriter, r *http.Request) error {
	return s.commitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, err := entity.Lookup(tx, kindWrapupCode, r.PathValue("id"))
		if err != nil {
			return err
		}
		for _, c := range queueWrapupCodeLinks(tx, o.ID) {
			tx.Delete(c.Kind, c.ID)
		}
		s.deleteAudited(tx, p, o, "Routing", "WrapupCode")
		return nil
	})
}

// queueWrapupCodeLinks lists the queue assignments of one wrap-up code.
func queueWrapupCodeLinks(tx *store.Tx, codeID string) []*store.Object {
	var out []*store.Object
	for _, c := range tx.List(kindQueueWrapupCode, "*") {
		if strings.HasSuffix(c.ID, "/"+codeID) {
			out = append(out, c)
		}
	}
	return out
}
