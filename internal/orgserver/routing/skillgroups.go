package routing

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Skill groups: unique names, cursor-paged lists, PATCH as partial update, hard delete.
// Members are not stored: they are the users whose routing skills and languages satisfy
// the group's skillConditions (conditions name skills and languages, not ids), limited to
// the member divisions. memberCount is computed when the group is written; like the real
// API's "estimated" count it does not follow later changes of users' skills.
//
// Member divisions are kept in a child object (host.KindSkillGroupDivs) because GET returns a
// SkillGroup, which has no memberDivisions. An empty list means the group's own division;
// "*" means every division.
func (s *api) skillGroupRoutes() {
	s.Route("GET /api/v2/routing/skillgroups/{id}/members", "routing:skillGroup:view", s.listSkillGroupMembers)
	s.Route("GET /api/v2/routing/skillgroups/{id}/members/divisions", "routing:skillGroup:view", s.getSkillGroupDivisions)
	s.Route("POST /api/v2/routing/skillgroups/{id}/members/divisions", "routing:skillGroup:edit", s.postSkillGroupDivisions)
}

func skillGroupSelfURI(id string) string { return "/api/v2/routing/skillgroups/" + id }

// The skill condition enums are functions, not variables, so that no caller can change them.
func skillGroupOperations() []string { return []string{"And", "Not", "Or"} }
func skillGroupComparators() []string {
	return []string{"EqualTo", "NotEqualTo", "LessThan", "GreaterThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"}
}

const maxSkillProficiency = 5

// allDivisions is the member-division wildcard.
const allDivisions = "*"

// objectReader is what condition evaluation reads: a transaction or a store snapshot of one org.
type objectReader interface {
	Get(kind store.Kind, id string) *store.Object
	List(kind store.Kind, parent string) []*store.Object
}

type orgSnapshot struct {
	s   *store.Store
	org string
}

func (o orgSnapshot) Get(kind store.Kind, id string) *store.Object { return o.s.Get(o.org, kind, id) }
func (o orgSnapshot) List(kind store.Kind, parent string) []*store.Object {
	return o.s.List(o.org, kind, parent)
}

func (s *api) listSkillGroups(w http.ResponseWriter, r *http.Request) error {
	name := r.URL.Query().Get("name")
	var keys []apihttp.CursorKey
	var items [][]byte
	for _, o := range s.ListVisible(r, host.KindSkillGroup) {
		if !apihttp.NameMatches(name, o.Name, true) {
			continue
		}
		var def platform.SkillGroupDefinition
		if err := host.DecodeObject(o, &def); err != nil {
			return err
		}
		b, err := json.Marshal(def)
		if err != nil {
			return err
		}
		keys, items = append(keys, apihttp.ObjectCursorKey(o)), append(items, b)
	}
	return apihttp.WriteCursorPage(w, r, keys, items, apihttp.MaxPageSize)
}

// validateSkillConditions checks conditions recursively; skills and languages are named
// and must exist (not deleted).
func validateSkillConditions(tx *store.Tx, prefix string, conds []platform.SkillGroupCondition) error {
	for i, c := range conds {
		f := fmt.Sprintf("%s[%d]", prefix, i)
		if host.Deref(c.Operation) == "" {
			return apihttp.Required(f + ".operation")
		}
		if err := host.CheckEnum(f+".operation", c.Operation, skillGroupOperations()...); err != nil {
			return err
		}
		for j, rc := range c.RoutingSkillConditions {
			g := fmt.Sprintf("%s.routingSkillConditions[%d]", f, j)
			if err := validateCondition(tx, g, "routingSkill", host.KindSkill, rc.RoutingSkill, rc.Comparator, rc.Proficiency, rc.ChildConditions); err != nil {
				return err
			}
		}
		for j, lc := range c.LanguageSkillConditions {
			g := fmt.Sprintf("%s.languageSkillConditions[%d]", f, j)
			if err := validateCondition(tx, g, "languageSkill", host.KindLanguage, lc.LanguageSkill, lc.Comparator, lc.Proficiency, lc.ChildConditions); err != nil {
				return err
			}
		}
	}
	return nil
}

// validateCondition checks one skill or language condition at prefix (the skill or language
// named by nameField must exist), then its child conditions.
func validateCondition(tx *store.Tx, prefix, nameField string, kind store.Kind, name, comparator *string, proficiency *float64,
	children []platform.SkillGroupCondition) error {
	if host.Deref(name) == "" {
		return apihttp.Required(prefix + "." + nameField)
	}
	if entity.FindActiveByName(tx, kind, *name) == nil {
		return apihttp.UnknownRef(prefix+"."+nameField, *name)
	}
	if host.Deref(comparator) == "" {
		return apihttp.Required(prefix + ".comparator")
	}
	if err := host.CheckEnum(prefix+".comparator", comparator, skillGroupComparators()...); err != nil {
		return err
	}
	if proficiency == nil {
		return apihttp.Required(prefix + ".proficiency")
	}
	if *proficiency < 0 || *proficiency > maxSkillProficiency {
		return apihttp.BadRequest("The field [%s.proficiency] must be between 0 and %d, not [%v].", prefix, maxSkillProficiency, *proficiency)
	}
	return validateSkillConditions(tx, prefix+".childConditions", children)
}

// validateMemberDivisions checks division ids ("*" allowed) and returns them without duplicates.
func validateMemberDivisions(tx *store.Tx, field string, ids []string) ([]string, error) {
	out := []string{}
	for i, id := range ids {
		if id != allDivisions && tx.Get(entity.KindDivision, id) == nil {
			return nil, apihttp.UnknownRef(fmt.Sprintf("%s[%d]", field, i), id)
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

func (s *api) createSkillGroup(w http.ResponseWriter, r *http.Request) error {
	var in platform.SkillGroupWithMemberDivisions
	return s.CommitNamed(w, r, &in, func() *string { return in.Name }, func(tx *store.Tx, p apihttp.Principal, name string) ([]byte, error) {
		if err := host.CheckUniqueName(tx, host.KindSkillGroup, "skill group", name, ""); err != nil {
			return nil, err
		}
		div, err := host.DivisionRef(tx, host.DivisionID(in.Division))
		if err != nil {
			return nil, err
		}
		if err := validateSkillConditions(tx, "skillConditions", in.SkillConditions); err != nil {
			return nil, err
		}
		memberDivs, err := validateMemberDivisions(tx, "memberDivisions", in.MemberDivisions)
		if err != nil {
			return nil, err
		}
		id := uuid.NewString()
		now := apihttp.FormatTime(tx.Now())
		conds := in.SkillConditions
		if conds == nil {
			conds = []platform.SkillGroupCondition{}
		}
		sg := platform.SkillGroup{
			ID: host.Ptr(id), Name: host.Ptr(name), Description: in.Description,
			Division: div, DateCreated: host.Ptr(now), DateModified: host.Ptr(now), Status: host.Ptr("Complete"), SkillConditions: conds,
			SelfURI: host.Ptr(skillGroupSelfURI(id)),
		}
		if err := putSkillGroupDivisions(tx, id, memberDivs); err != nil {
			return nil, err
		}
		sg.MemberCount = host.Ptr(len(skillGroupMembers(tx, sg, memberDivs)))
		stored, err := entity.Put(tx, host.KindSkillGroup, id, "", name, sg)
		if err != nil {
			return nil, err
		}
		var resp platform.SkillGroupWithMemberDivisions
		if err := remarshal(sg, &resp); err != nil {
			return nil, err
		}
		resp.MemberDivisions = memberDivs
		audit.Record(tx, p, audit.Event{Service: "Routing", EntityType: "SkillGroup", Action: "Create", ID: id, Name: name, New: stored})
		return json.Marshal(resp)
	})
}

func putSkillGroupDivisions(tx *store.Tx, id string, divs []string) error {
	_, err := entity.Put(tx, host.KindSkillGroupDivs, id, id, "", divs)
	return err
}

func skillGroupDivisions(r objectReader, id string) []string {
	var divs []string
	if o := r.Get(host.KindSkillGroupDivs, id); o != nil {
		_ = json.Unmarshal(o.Data, &divs) // written by putSkillGroupDivisions only
	}
	return divs
}

func (s *api) patchSkillGroup(w http.ResponseWriter, r *http.Request) error {
	var in platform.SkillGroup
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return host.CommitStored(s.Host, w, r, host.KindSkillGroup, func(tx *store.Tx, p apihttp.Principal, o *store.Object, sg platform.SkillGroup) ([]byte, error) {
		if err := host.Rename(tx, host.KindSkillGroup, "skill group", o.ID, &sg.Name, in.Name); err != nil {
			return nil, err
		}
		if in.Description != nil {
			sg.Description = in.Description
		}
		if in.Division != nil && host.Deref(in.Division.ID) != "" {
			div, err := host.DivisionRef(tx, *in.Division.ID)
			if err != nil {
				return nil, err
			}
			sg.Division = div
		}
		if in.SkillConditions != nil {
			if err := validateSkillConditions(tx, "skillConditions", in.SkillConditions); err != nil {
				return nil, err
			}
			sg.SkillConditions = in.SkillConditions
		}
		sg.DateModified = host.Ptr(apihttp.FormatTime(tx.Now()))
		sg.MemberCount = host.Ptr(len(skillGroupMembers(tx, sg, skillGroupDivisions(tx, o.ID))))
		return host.PutAudited(tx, p, host.KindSkillGroup, sg, audit.Event{Service: "Routing", EntityType: "SkillGroup", Action: "Update", ID: o.ID, Name: *sg.Name, Old: o.Data})
	})
}

func (s *api) deleteSkillGroup(w http.ResponseWriter, r *http.Request) error {
	return s.DeleteStored(w, r, host.KindSkillGroup, "Routing", "SkillGroup", func(tx *store.Tx, o *store.Object) error {
		tx.Delete(host.KindSkillGroupDivs, o.ID)
		return nil
	})
}

func (s *api) listSkillGroupMembers(w http.ResponseWriter, r *http.Request) error {
	o, sg, err := host.LookupAs[platform.SkillGroup](s.Host, r, host.KindSkillGroup, r.PathValue("id"))
	if err != nil {
		return err
	}
	rd := orgSnapshot{s: s.Store, org: apihttp.PrincipalOf(r.Context()).OrgID}
	// skillGroupMembers keeps the store's order of users, which is the cursor order.
	var keys []apihttp.CursorKey
	var items [][]byte
	for _, u := range skillGroupMembers(rd, sg, skillGroupDivisions(rd, o.ID)) {
		b, err := json.Marshal(platform.UserReferenceWithName{ID: host.Ptr(u.ID), Name: host.Ptr(memberUserName(u)), SelfURI: host.Ptr(memberUserSelfURI(u.ID))})
		if err != nil {
			return err
		}
		keys, items = append(keys, apihttp.ObjectCursorKey(u)), append(items, b)
	}
	return apihttp.WriteCursorPage(w, r, keys, items, apihttp.MaxPageSize)
}

func (s *api) getSkillGroupDivisions(w http.ResponseWriter, r *http.Request) error {
	o, err := s.Lookup(r, host.KindSkillGroup, r.PathValue("id"))
	if err != nil {
		return err
	}
	rd := orgSnapshot{s: s.Store, org: apihttp.PrincipalOf(r.Context()).OrgID}
	out := platform.SkillGroupMemberDivisionList{Entities: []platform.Division{}}
	for _, id := range skillGroupDivisions(rd, o.ID) {
		d := platform.Division{ID: host.Ptr(id)}
		if div := rd.Get(entity.KindDivision, id); div != nil {
			d.Name, d.SelfURI = host.Ptr(div.Name), host.Ptr(entity.DivisionSelfURI(id))
		}
		out.Entities = append(out.Entities, d)
	}
	return apihttp.OK(w, out)
}

func (s *api) postSkillGroupDivisions(w http.ResponseWriter, r *http.Request) error {
	// The body is optional in the API; an empty request changes nothing.
	var in platform.SkillGroupMemberDivisions
	if r.ContentLength != 0 {
		if err := apihttp.DecodeBody(r, &in); err != nil {
			return err
		}
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, err := entity.Lookup(tx, host.KindSkillGroup, r.PathValue("id"))
		if err != nil {
			return err
		}
		add, err := validateMemberDivisions(tx, "addDivisionIds", in.AddDivisionIds)
		if err != nil {
			return err
		}
		old := skillGroupDivisions(tx, o.ID)
		divs := []string{}
		for _, id := range old {
			if !slices.Contains(in.RemoveDivisionIds, id) {
				divs = append(divs, id)
			}
		}
		for _, id := range add {
			if !slices.Contains(divs, id) {
				divs = append(divs, id)
			}
		}
		if slices.Equal(old, divs) {
			return nil
		}
		if err := putSkillGroupDivisions(tx, o.ID, divs); err != nil {
			return err
		}
		var sg platform.SkillGroup
		if err := host.DecodeObject(o, &sg); err != nil {
			return err
		}
		sg.MemberCount = host.Ptr(len(skillGroupMembers(tx, sg, divs)))
		if _, err := entity.Put(tx, host.KindSkillGroup, o.ID, "", o.Name, sg); err != nil {
			return err
		}
		audit.Record(tx, p, audit.Event{Service: "Routing", EntityType: "SkillGroup", Action: "Update", ID: o.ID, Name: o.Name,
			Changes: []platform.PropertyChange{{Property: host.Ptr("memberDivisions"), OldValues: nonNilStrings(old), NewValues: divs}}})
		return nil
	})
}

func nonNilStrings(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// skillGroupMembers lists the users (sorted by name) in the member divisions whose skills
// and languages satisfy the group's conditions. A group without conditions has no members.
func skillGroupMembers(rd objectReader, sg platform.SkillGroup, memberDivs []string) []*store.Object {
	if len(sg.SkillConditions) == 0 {
		return nil
	}
	divs := host.SetOf(memberDivs)
	if len(divs) == 0 && sg.Division != nil {
		divs[host.Deref(sg.Division.ID)] = true
	}
	skillIDs := activeIDsByName(rd, host.KindSkill)
	langIDs := activeIDsByName(rd, host.KindLanguage)
	var out []*store.Object
	for _, u := range rd.List(host.KindUser, "") {
		var user platform.User
		if host.DecodeObject(u, &user) != nil || host.Deref(user.State) == "deleted" {
			continue
		}
		if !divs[allDivisions] && (user.Division == nil || !divs[host.Deref(user.Division.ID)]) {
			continue
		}
		ev := conditionEval{skillIDs: skillIDs, langIDs: langIDs,
			skills: proficiencies(rd, host.KindUserSkill, u.ID), langs: proficiencies(rd, host.KindUserLanguage, u.ID)}
		if ev.all(sg.SkillConditions) {
			out = append(out, u)
		}
	}
	return out
}

func activeIDsByName(rd objectReader, kind store.Kind) map[string]string {
	m := map[string]string{}
	for _, o := range rd.List(kind, "") {
		if !entity.IsDeleted(o.Data) {
			m[strings.ToLower(o.Name)] = o.ID
		}
	}
	return m
}

// proficiencies reads a user's routing skills or languages (children with Parent = user
// id; Data {id, proficiency, state}) as id → proficiency.
func proficiencies(rd objectReader, kind store.Kind, userID string) map[string]float64 {
	m := map[string]float64{}
	for _, o := range rd.List(kind, userID) {
		var us struct {
			ID          string  `json:"id"`
			Proficiency float64 `json:"proficiency"`
			State       string  `json:"state"`
		}
		if json.Unmarshal(o.Data, &us) != nil || us.State == "deleted" {
			continue
		}
		id := us.ID
		if id == "" {
			id = strings.TrimPrefix(o.ID, userID+"/")
		}
		m[id] = us.Proficiency
	}
	return m
}

// conditionEval evaluates skill-group conditions for one user. Semantics (the API does not
// document them precisely): a condition holds when all its skill and language conditions
// hold; a skill or language condition needs the user to have that skill with a
// proficiency that compares as asked, then folds in its child conditions; in a list, each
// condition joins the result so far by its own operation (And, Or, Not = and-not), the
// first one starting the result (Not negates it).
type conditionEval struct {
	skillIDs, langIDs map[string]string
	skills, langs     map[string]float64
}

func (e conditionEval) all(conds []platform.SkillGroupCondition) bool {
	if len(conds) == 0 {
		return true
	}
	v := e.one(conds[0])
	if host.Deref(conds[0].Operation) == "Not" {
		v = !v
	}
	return e.fold(v, conds[1:])
}

func (e conditionEval) fold(v bool, conds []platform.SkillGroupCondition) bool {
	for _, c := range conds {
		x := e.one(c)
		switch host.Deref(c.Operation) {
		case "Or":
			v = v || x
		case "Not":
			v = v && !x
		default:
			v = v && x
		}
	}
	return v
}

func (e conditionEval) one(c platform.SkillGroupCondition) bool {
	for _, rc := range c.RoutingSkillConditions {
		if !e.fold(e.has(e.skills, e.skillIDs, rc.RoutingSkill, rc.Comparator, rc.Proficiency), rc.ChildConditions) {
			return false
		}
	}
	for _, lc := range c.LanguageSkillConditions {
		if !e.fold(e.has(e.langs, e.langIDs, lc.LanguageSkill, lc.Comparator, lc.Proficiency), lc.ChildConditions) {
			return false
		}
	}
	return true
}

func (e conditionEval) has(held map[string]float64, ids map[string]string, name, comparator *string, want *float64) bool {
	id, known := ids[strings.ToLower(host.Deref(name))]
	p, ok := held[id]
	if !known || !ok {
		return false
	}
	w := host.Deref(want)
	switch host.Deref(comparator) {
	case "EqualTo":
		return p == w
	case "NotEqualTo":
		return p != w
	case "LessThan":
		return p < w
	case "GreaterThan":
		return p > w
	case "GreaterThanOrEqualTo":
		return p >= w
	case "LessThanOrEqualTo":
		return p <= w
	}
	return false
}
