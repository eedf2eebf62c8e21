package routing

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// A user's routing skills and languages are child objects of the user (Parent = user id,
// ID = user id + "/" + skill or language id) holding the UserRoutingSkill/Language JSON.
// Assigning does not change the user's version (as on a real org), but every change is
// audited as an "Update" of the User whose property (routingSkills / routingLanguages)
// lists the assignments before and after, so a drift report can say "skill X added to user Y".
func (s *api) userRoutingRoutes() {
	for _, a := range []assignmentKind{skillAssignments(), languageAssignments()} {
		base := "/api/v2/users/{id}/" + a.segment
		s.Route("GET "+base, "directory:user:view", a.handler(s.listAssignments))
		s.Route("POST "+base, a.perm, a.handler(s.postAssignment))
		s.Route(a.updateVerb+" "+base+"/{targetId}", a.perm, a.handler(s.updateAssignment))
		s.Route("DELETE "+base+"/{targetId}", a.perm, a.handler(s.deleteAssignment))
		s.Route("PATCH "+base+"/bulk", a.perm, a.handler(s.bulkAssignments(false)))
		if a.bulkReplace {
			s.Route("PUT "+base+"/bulk", a.perm, a.handler(s.bulkAssignments(true)))
		}
	}
}

// assignmentKind is what differs between skill and language assignments.
type assignmentKind struct {
	child, target store.Kind
	segment       string // path segment under the user
	field         string // the object's URI field: skillUri or languageUri
	property      string // audited property of the user
	perm          string
	updateVerb    string // PUT for a skill, PATCH for a language
	bulkReplace   bool
	bulkMax       int
	targetURI     func(id string) string
}

func skillAssignments() assignmentKind {
	return assignmentKind{child: host.KindUserSkill, target: host.KindSkill, segment: "routingskills", field: "skillUri", property: "routingSkills",
		perm: "routing:skill:assign", updateVerb: "PUT", bulkReplace: true, bulkMax: apihttp.MaxPageSize, targetURI: host.SkillSelfURI}
}

func languageAssignments() assignmentKind {
	return assignmentKind{child: host.KindUserLanguage, target: host.KindLanguage, segment: "routinglanguages", field: "languageUri", property: "routingLanguages",
		perm: "routing:language:assign", updateVerb: "PATCH", bulkMax: 50, targetURI: host.LanguageSelfURI}
}

// handler binds an assignment handler to its kind.
func (a assignmentKind) handler(h func(a assignmentKind, w http.ResponseWriter, r *http.Request) error) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error { return h(a, w, r) }
}

// assignment is UserRoutingSkill / UserRoutingLanguage as stored (proficiency always present).
type assignment struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Proficiency float64 `json:"proficiency"`
	State       string  `json:"state"`
	SkillURI    string  `json:"skillUri,omitempty"`
	LanguageURI string  `json:"languageUri,omitempty"`
	SelfURI     string  `json:"selfUri"`
}

// assignmentInput is UserRoutingSkillPost / UserRoutingLanguagePost.
type assignmentInput struct {
	ID          *string  `json:"id"`
	Proficiency *float64 `json:"proficiency"`
}

func checkProficiency(p *float64) error {
	if p == nil {
		return apihttp.Required("proficiency")
	}
	if *p < 0 || *p > 5 {
		return apihttp.BadRequest("The field [proficiency] must be from 0 to 5, not [%v].", *p)
	}
	return nil
}

// resolve builds the stored assignment of target id for a user, or a 400 naming an unknown id.
func (a assignmentKind) resolve(tx *store.Tx, userID, id string, proficiency float64) (assignment, error) {
	o := entity.Live(tx, a.target, id)
	if o == nil {
		return assignment{}, apihttp.UnknownRef("id", id)
	}
	as := assignment{ID: id, Name: o.Name, Proficiency: proficiency, State: "active",
		SelfURI: "/api/v2/users/" + userID + "/" + a.segment + "/" + id}
	if a.field == "skillUri" {
		as.SkillURI = a.targetURI(id)
	} else {
		as.LanguageURI = a.targetURI(id)
	}
	return as, nil
}

// current reads a user's assignments by target id.
func (a assignmentKind) current(tx *store.Tx, userID string) (map[string]assignment, error) {
	out := map[string]assignment{}
	for _, o := range tx.List(a.child, userID) {
		var as assignment
		if err := host.DecodeObject(o, &as); err != nil {
			return nil, err
		}
		out[as.ID] = as
	}
	return out, nil
}

// change runs edit on a user's assignments inside one transaction, writes the difference
// and audits it; it returns the assignments after the change.
func (s *api) changeAssignments(r *http.Request, a assignmentKind, edit func(tx *store.Tx, userID string, cur map[string]assignment) (map[string]assignment, error)) (map[string]assignment, error) {
	var next map[string]assignment
	err := s.Store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
		u, err := entity.Lookup(tx, host.KindUser, r.PathValue("id"))
		if err != nil {
			return err
		}
		if entity.IsDeleted(u.Data) {
			return apihttp.NotFound()
		}
		cur, err := a.current(tx, u.ID)
		if err != nil {
			return err
		}
		before := assignmentValues(cur)
		if next, err = edit(tx, u.ID, cur); err != nil {
			return err
		}
		for id := range cur {
			if _, ok := next[id]; !ok {
				tx.Delete(a.child, u.ID+"/"+id)
			}
		}
		for id, as := range next {
			if old, ok := cur[id]; ok && old == as {
				continue
			}
			if _, err := entity.Put(tx, a.child, u.ID+"/"+id, u.ID, as.Name, as); err != nil {
				return err
			}
		}
		after := assignmentValues(next)
		if fmt.Sprint(before) == fmt.Sprint(after) {
			return nil // nothing changed: nothing to audit
		}
		host.Record(tx, r, audit.Event{Service: "Directory", EntityType: "User", Action: "Update", ID: u.ID, Name: u.Name,
			Changes: []platform.PropertyChange{{Property: host.Ptr(a.property), OldValues: before, NewValues: after}}})
		return nil
	})
	return next, err
}

// assignmentValues are the audit values of a user's assignments: one compact JSON object
// ({"id","name","proficiency"}) per assignment, ordered by name.
func assignmentValues(m map[string]assignment) []string {
	out := []string{}
	for _, as := range sortedAssignments(m) {
		b, _ := json.Marshal(struct {
			ID          string  `json:"id"`
			Name        string  `json:"name"`
			Proficiency float64 `json:"proficiency"`
		}{as.ID, as.Name, as.Proficiency})
		out = append(out, string(b))
	}
	return out
}

// sortedAssignments orders a user's assignments by name, then id, as lists and audit
// values show them.
func sortedAssignments(m map[string]assignment) []assignment {
	list := make([]assignment, 0, len(m))
	for _, as := range m {
		list = append(list, as)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Name != list[j].Name {
			return list[i].Name < list[j].Name
		}
		return list[i].ID < list[j].ID
	})
	return list
}

func copyAssignments(m map[string]assignment) map[string]assignment {
	out := make(map[string]assignment, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// assignmentListing answers with every assignment of the user as one page (bulk calls)
// or the requested page (GET).
func assignmentListing(r *http.Request, p apihttp.Page, m map[string]assignment) apihttp.Listing {
	list := sortedAssignments(m)
	items := make([][]byte, len(list))
	for i, as := range list {
		items[i], _ = json.Marshal(as)
	}
	return apihttp.NewListing(r, p, items)
}

func (s *api) listAssignments(a assignmentKind, w http.ResponseWriter, r *http.Request) error {
	p, u, err := s.PageUnder(r, host.KindUser)
	if err != nil {
		return err
	}
	items := host.Datas(s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, a.child, u.ID))
	desc, err := apihttp.SortDescending(r, "sortOrder", "ASC", "DESC")
	if err != nil {
		return err
	}
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}

func (s *api) postAssignment(a assignmentKind, w http.ResponseWriter, r *http.Request) error {
	var in assignmentInput
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if host.Deref(in.ID) == "" {
		return apihttp.Required("id")
	}
	return s.upsertAssignment(a, w, r, *in.ID, in.Proficiency)
}

// updateAssignment is PUT …/routingskills/{skillId} and PATCH …/routinglanguages/{languageId}:
// it sets the proficiency, assigning the skill or language if the user does not have it yet.
func (s *api) updateAssignment(a assignmentKind, w http.ResponseWriter, r *http.Request) error {
	var in assignmentInput
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.upsertAssignment(a, w, r, r.PathValue("targetId"), in.Proficiency)
}

func (s *api) upsertAssignment(a assignmentKind, w http.ResponseWriter, r *http.Request, id string, proficiency *float64) error {
	if err := checkProficiency(proficiency); err != nil {
		return err
	}
	next, err := s.changeAssignments(r, a, func(tx *store.Tx, userID string, cur map[string]assignment) (map[string]assignment, error) {
		as, err := a.resolve(tx, userID, id, *proficiency)
		if err != nil {
			return nil, err
		}
		next := copyAssignments(cur)
		next[id] = as
		return next, nil
	})
	if err != nil {
		return err
	}
	return apihttp.OK(w, next[id])
}

func (s *api) deleteAssignment(a assignmentKind, w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("targetId")
	_, err := s.changeAssignments(r, a, func(tx *store.Tx, userID string, cur map[string]assignment) (map[string]assignment, error) {
		if _, ok := cur[id]; !ok {
			return nil, apihttp.NotFound()
		}
		next := copyAssignments(cur)
		delete(next, id)
		return next, nil
	})
	if err != nil {
		return err
	}
	return host.NoContent(w)
}

// bulkAssignments is PATCH …/bulk (add or update the listed ones) and, with replace, PUT
// …/bulk (the listed ones become the user's only assignments).
func (s *api) bulkAssignments(replace bool) func(a assignmentKind, w http.ResponseWriter, r *http.Request) error {
	return func(a assignmentKind, w http.ResponseWriter, r *http.Request) error {
		var in []assignmentInput
		if err := apihttp.DecodeBody(r, &in); err != nil {
			return err
		}
		if len(in) > a.bulkMax {
			return apihttp.BadRequest("At most %d entries may be sent at once, not %d.", a.bulkMax, len(in))
		}
		for _, x := range in {
			if host.Deref(x.ID) == "" {
				return apihttp.Required("id")
			}
			if err := checkProficiency(x.Proficiency); err != nil {
				return err
			}
		}
		next, err := s.changeAssignments(r, a, func(tx *store.Tx, userID string, cur map[string]assignment) (map[string]assignment, error) {
			next := copyAssignments(cur)
			if replace {
				next = map[string]assignment{}
			}
			for _, x := range in {
				as, err := a.resolve(tx, userID, *x.ID, *x.Proficiency)
				if err != nil {
					return nil, err
				}
				next[*x.ID] = as
			}
			return next, nil
		})
		if err != nil {
			return err
		}
		return apihttp.OK(w, assignmentListing(r, apihttp.Page{Size: max(len(next), 25), Number: 1}, next))
	}
}
