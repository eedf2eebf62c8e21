package directory

import (
	"encoding/json"
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

// Users: integer version checked on PATCH, email unique among users that are not deleted,
// soft delete (state "deleted": still readable by id, listed and searched only when asked).
// Routing skills and languages are child objects (routing/user_routing.go) merged in on expand.
func (s *api) userRoutes() {
	s.Route("POST /api/v2/users/search", "directory:user:view", s.searchUsers)
	s.Route("GET /api/v2/users/search", "directory:user:view", s.searchUsers)
	s.Route("POST /api/v2/users/{id}/password", "directory:user:setPassword", s.setPassword)
	s.voicemailUserPolicyRoutes() // voicemail_policies.go
	s.userProfileSkillRoutes()
}

func userState(data []byte) string {
	var u struct {
		State string `json:"state"`
	}
	json.Unmarshal(data, &u) //nolint:errcheck // stored JSON is ours
	return u.State
}

// userExpansion merges the requested child collections (expand=skills,languages) into a
// stored user document, and answers expand=locations with the user's locations (an empty
// list when it has none, as the real API does); other expansions are ignored, as the local
// org has no such data.
func (s *api) userExpansion(org string, data []byte, expand map[string]bool) []byte {
	if !expand["skills"] && !expand["languages"] && !expand["locations"] {
		return data
	}
	var doc map[string]json.RawMessage
	if json.Unmarshal(data, &doc) != nil {
		return data
	}
	id := ""
	json.Unmarshal(doc["id"], &id) //nolint:errcheck // id is always a string
	add := func(key string, kind store.Kind) {
		items := []json.RawMessage{}
		for _, o := range s.Store.List(org, kind, id) {
			items = append(items, o.Data)
		}
		doc[key], _ = json.Marshal(items)
	}
	if expand["skills"] {
		add("skills", host.KindUserSkill)
	}
	if expand["languages"] {
		add("languages", host.KindUserLanguage)
	}
	if _, has := doc["locations"]; expand["locations"] && !has {
		doc["locations"] = json.RawMessage("[]")
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return data
	}
	return out
}

func (s *api) listUsers(w http.ResponseWriter, r *http.Request) error {
	p, desc, err := apihttp.ParseSortedPage(r, "ASC", "DESC")
	if err != nil {
		return err
	}
	state := r.URL.Query().Get("state")
	if state == "" {
		state = "active"
	}
	if err := host.CheckEnum("state", &state, "active", "inactive", "deleted", "any"); err != nil {
		return err
	}
	org := apihttp.PrincipalOf(r.Context()).OrgID
	ids := host.SetOf(apihttp.MultiParam(r, "id"))
	jabber := host.SetOf(apihttp.MultiParam(r, "jabberId"))
	expand := host.SetOf(apihttp.MultiParam(r, "expand"))
	var items [][]byte
	for _, o := range s.ListVisible(r, host.KindUser) {
		if len(ids) > 0 && !ids[o.ID] {
			continue
		}
		if state != "any" && userState(o.Data) != state {
			continue
		}
		if len(jabber) > 0 {
			var u struct {
				Chat struct {
					JabberID string `json:"jabberId"`
				} `json:"chat"`
			}
			if json.Unmarshal(o.Data, &u) != nil || !jabber[u.Chat.JabberID] {
				continue
			}
		}
		items = append(items, o.Data)
	}
	if desc {
		slices.Reverse(items)
	}
	l := apihttp.NewListing(r, p, items)
	for i, e := range l.Entities {
		l.Entities[i] = s.userExpansion(org, e, expand)
	}
	return apihttp.OK(w, l)
}

// getUser is GET /users/{id}. Its state parameter defaults to active, as on a real org: a
// deleted user answers 404 unless the caller asks for state=deleted (or any), which is how
// clients tell "gone" from "still there" without a search.
func (s *api) getUser(w http.ResponseWriter, r *http.Request) error {
	state := r.URL.Query().Get("state")
	if state == "" {
		state = "active"
	}
	if err := host.CheckEnum("state", &state, "active", "inactive", "deleted", "any"); err != nil {
		return err
	}
	o, err := s.Lookup(r, host.KindUser, r.PathValue("id"))
	if err != nil {
		return err
	}
	if deleted := entity.IsDeleted(o.Data); state != "any" && deleted != (state == "deleted") {
		return apihttp.NotFound()
	}
	return apihttp.OKRaw(w, s.userExpansion(apihttp.PrincipalOf(r.Context()).OrgID, o.Data, host.SetOf(apihttp.MultiParam(r, "expand"))))
}

// setPassword is POST /users/{id}/password. Passwords are not stored (nothing here logs
// users in); the call is validated and audited so clients that set them work.
func (s *api) setPassword(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		NewPassword string `json:"newPassword"`
	}
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if in.NewPassword == "" {
		return apihttp.Required("newPassword")
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, err := entity.Lookup(tx, host.KindUser, r.PathValue("id"))
		if err != nil {
			return err
		}
		audit.Record(tx, p, audit.Event{Service: "Directory", EntityType: "User", Action: "ChangePassword", ID: o.ID, Name: o.Name,
			Changes: []platform.PropertyChange{}})
		return nil
	})
}

func checkEmail(field, email string) error {
	if local, domain, ok := strings.Cut(email, "@"); !ok || local == "" || domain == "" || strings.ContainsAny(email, " \t") {
		return apihttp.BadRequest("The field [%s] must be an email address, not [%s].", field, email)
	}
	return nil
}

func checkContacts(field string, cs []platform.Contact) error {
	for _, c := range cs {
		if err := host.CheckEnum(field+".mediaType", c.MediaType, "PHONE", "EMAIL", "SMS"); err != nil {
			return err
		}
		if err := host.CheckEnum(field+".type", c.Type, "PRIMARY", "WORK", "WORK2", "WORK3", "WORK4", "HOME", "MOBILE", "MAIN", "OTHER"); err != nil {
			return err
		}
	}
	return nil
}

func (s *api) createUser(w http.ResponseWriter, r *http.Request) error {
	var in platform.CreateUser
	name, err := host.DecodeNamed(r, &in, func() *string { return in.Name })
	if err != nil {
		return err
	}
	email := strings.TrimSpace(host.Deref(in.Email))
	if email == "" {
		return apihttp.Required("email")
	}
	if err := checkEmail("email", email); err != nil {
		return err
	}
	state := "active"
	if in.State != nil {
		state = *in.State
	}
	if err := host.CheckEnum("state", &state, "active", "inactive", "deleted"); err != nil {
		return err
	}
	if err := checkContacts("addresses", in.Addresses); err != nil {
		return err
	}
	orgInfo, _ := s.Store.Org(apihttp.PrincipalOf(r.Context()).OrgID)
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		if existing := host.FindUserByEmail(tx, email, false); existing != nil {
			return nil, apihttp.Conflict("A user with email [%s] exists already (id %s).", email, existing.ID)
		}
		if deleted := host.FindUserByEmail(tx, email, true); deleted != nil {
			return nil, apihttp.Conflict("A deleted user with email [%s] exists (id %s); restore it with PATCH state=active.", email, deleted.ID)
		}
		div, err := host.DivisionRefFor(tx, host.Deref(in.DivisionID), "divisionId")
		if err != nil {
			return nil, err
		}
		id := uuid.NewString()
		u := platform.User{
			ID: host.Ptr(id), Name: host.Ptr(name), Email: host.Ptr(email), Username: host.Ptr(email), State: host.Ptr(state), Version: host.Ptr(1),
			Division:   (*platform.Division)(div),
			Department: in.Department, Title: in.Title, Addresses: in.Addresses,
			PrimaryContactInfo: []platform.Contact{{Address: host.Ptr(email), MediaType: host.Ptr("EMAIL"), Type: host.Ptr("PRIMARY")}},
			AcdAutoAnswer:      host.Ptr(false),
			SelfURI:            host.Ptr(host.UserSelfURI(id)),
		}
		u.Chat, _ = json.Marshal(map[string]string{"jabberId": strings.ReplaceAll(id, "-", "") + "@" + orgInfo.Name + ".orgspan.local"})
		return host.PutAudited(tx, p, host.KindUser, u, audit.Event{Service: "Directory", EntityType: "User", Action: "Create", ID: id, Name: name})
	})
}

// patchUser applies the fields present in UpdateUser; absent fields keep their values.
// manager is a user id in the request and a reference on the user.
func (s *api) patchUser(w http.ResponseWriter, r *http.Request) error {
	var in platform.UpdateUser
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if err := host.CheckEnum("state", in.State, "active", "inactive", "deleted"); err != nil {
		return err
	}
	if err := checkContacts("addresses", in.Addresses); err != nil {
		return err
	}
	if err := checkContacts("primaryContactInfo", in.PrimaryContactInfo); err != nil {
		return err
	}
	if in.Name != nil && strings.TrimSpace(*in.Name) == "" {
		return apihttp.Required("name")
	}
	if in.Email != nil {
		if err := checkEmail("email", *in.Email); err != nil {
			return err
		}
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, u, err := host.LoadVersioned(tx, host.KindUser, r.PathValue("id"), in.Version, func(v platform.User) *int { return v.Version })
		if err != nil {
			return nil, err
		}
		if in.Name != nil {
			u.Name = host.Ptr(strings.TrimSpace(*in.Name))
		}
		if in.Email != nil {
			u.Email = host.Ptr(strings.TrimSpace(*in.Email))
			if in.Username == nil {
				u.Username = u.Email
			}
		}
		if in.State != nil {
			u.State = in.State
		}
		// Restoring a deleted user or changing an email must not create a second live user with that email.
		if host.Deref(u.State) != "deleted" {
			if other := host.FindUserByEmail(tx, host.Deref(u.Email), false); other != nil && other.ID != o.ID {
				return nil, apihttp.Conflict("A user with email [%s] exists already (id %s).", host.Deref(u.Email), other.ID)
			}
		}
		if in.Manager != nil {
			switch m := *in.Manager; {
			case m == "":
				u.Manager = nil
			case m == o.ID:
				return nil, apihttp.BadRequest("The field [manager] cannot refer to the user itself.")
			default:
				if entity.Live(tx, host.KindUser, m) == nil {
					return nil, apihttp.UnknownRef("manager", m)
				}
				u.Manager = &platform.User{ID: host.Ptr(m), SelfURI: host.Ptr(host.UserSelfURI(m))}
			}
		}
		host.SetIf(&u.Chat, in.Chat)
		host.SetIf(&u.Biography, in.Biography)
		host.SetPtr(&u.Department, in.Department)
		host.SetPtr(&u.Title, in.Title)
		host.SetPtr(&u.Username, in.Username)
		host.SetPtr(&u.PreferredName, in.PreferredName)
		host.SetPtr(&u.AcdAutoAnswer, in.AcdAutoAnswer)
		host.SetPtr(&u.EmployerInfo, in.EmployerInfo)
		host.SetIf(&u.PrimaryContactInfo, in.PrimaryContactInfo)
		host.SetIf(&u.Addresses, in.Addresses)
		host.SetIf(&u.Images, in.Images)
		host.SetIf(&u.ProfileSkills, in.ProfileSkills)
		if in.Locations != nil {
			locations, err := s.resolveUserLocations(tx.Get, in.Locations)
			if err != nil {
				return nil, err
			}
			u.Locations = locations
		}
		host.SetIf(&u.Certifications, in.Certifications)
		u.Version = host.Ptr(host.Deref(u.Version) + 1)
		return host.PutAudited(tx, p, host.KindUser, u, audit.Event{Service: "Directory", EntityType: "User", Action: "Update", ID: o.ID, Name: host.Deref(u.Name), Old: o.Data})
	})
}

// deleteUser soft-deletes and takes the user's grants away; the SDKs expect a JSON body
// (an empty object).
func (s *api) deleteUser(w http.ResponseWriter, r *http.Request) error {
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, u, err := host.LoadStored[platform.User](tx, host.KindUser, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		if entity.IsDeleted(o.Data) {
			return nil, apihttp.NotFound()
		}
		u.State = host.Ptr("deleted")
		u.Version = host.Ptr(host.Deref(u.Version) + 1)
		if _, err := host.PutAudited(tx, p, host.KindUser, u, audit.Event{Service: "Directory", EntityType: "User", Action: "Delete", ID: o.ID, Name: o.Name, Old: o.Data}); err != nil {
			return nil, err
		}
		// A deleted user holds no grants (authorization/subjects.go), so its roles and divisions can go.
		if err := s.DropSubjectGrants(tx, p, o.ID, "User", o.Name); err != nil {
			return nil, err
		}
		return []byte("{}"), nil
	})
}

// userSearchFields are the fields /users/search understands.
func userSearchFields(u *platform.User) host.SearchFields {
	scalars := map[string]*string{"id": u.ID, "name": u.Name, "email": u.Email, "username": u.Username,
		"state": u.State, "title": u.Title, "department": u.Department}
	return host.ScalarFields(scalars, func(field string) ([]string, bool) {
		switch field {
		case "divisionId", "division.id":
			if u.Division == nil {
				return nil, true
			}
			return host.SearchString(u.Division.ID)
		case "manager.id":
			if u.Manager == nil {
				return nil, true
			}
			return host.SearchString(u.Manager.ID)
		case "profileSkills":
			return u.ProfileSkills, true
		case "certifications":
			return u.Certifications, true
		}
		return nil, false
	})
}

// searchUsers is POST /users/search and GET /users/search?q64=. Deleted users are found
// only when a criterion searches the state field (the way the official provider finds a
// deleted user to restore).
func (s *api) searchUsers(w http.ResponseWriter, r *http.Request) error {
	req, items, err := host.SearchDecoded(s.Host, r, host.KindUser, userSearchFields, func(req host.SearchRequest, u *platform.User) bool {
		return host.Deref(u.State) != "deleted" || host.CriteriaMention(req.Query, "state")
	})
	if err != nil {
		return err
	}
	org := apihttp.PrincipalOf(r.Context()).OrgID
	expand := host.SetOf(req.Expand)
	for _, e := range apihttp.MultiParam(r, "expand") {
		expand[e] = true
	}
	resp := host.SearchPage("/api/v2/users/search", "users", req, items)
	for i, e := range resp.Results {
		resp.Results[i] = s.userExpansion(org, e, expand)
	}
	return apihttp.OK(w, resp)
}

// Profile skills: the free-text skills on a user's profile (not routing skills). The
// official provider writes them with every user (profile_skills) and reads them back with
// the user. PUT replaces the list and answers it; a user starts with none.
func (s *api) userProfileSkillRoutes() {
	s.Route("GET /api/v2/users/{id}/profileskills", "directory:user:view", s.getUserProfileSkills)
	s.Route("PUT /api/v2/users/{id}/profileskills", "directory:userProfile:edit", s.putUserProfileSkills)
}

// kindUserProfileSkills holds a user's profile skills; Parent = ID = user id; Data = [string].
const kindUserProfileSkills store.Kind = "user.profileskills"

// maxProfileSkillLength bounds one profile skill, as the profile's other short texts are.
const maxProfileSkillLength = 100

func (s *api) getUserProfileSkills(w http.ResponseWriter, r *http.Request) error {
	u, err := s.Lookup(r, host.KindUser, r.PathValue("id"))
	if err != nil {
		return err
	}
	if entity.IsDeleted(u.Data) {
		return apihttp.NotFound()
	}
	if o := s.Store.Get(apihttp.PrincipalOf(r.Context()).OrgID, kindUserProfileSkills, u.ID); o != nil {
		return apihttp.OKRaw(w, o.Data)
	}
	return apihttp.OK(w, []string{})
}

func (s *api) putUserProfileSkills(w http.ResponseWriter, r *http.Request) error {
	var skills []string
	if err := apihttp.DecodeBody(r, &skills); err != nil {
		return err
	}
	if skills == nil {
		return apihttp.BadRequest("The body must be an array of profile skills.")
	}
	seen := map[string]bool{}
	kept := []string{}
	for i, sk := range skills {
		switch {
		case strings.TrimSpace(sk) == "":
			return apihttp.BadRequest("The profile skill [%d] is empty.", i)
		case len([]rune(sk)) > maxProfileSkillLength:
			return apihttp.BadRequest("The profile skill [%d] is longer than %d characters.", i, maxProfileSkillLength)
		}
		// The API keeps a skill once, whatever the case it was sent in again.
		if key := strings.ToLower(sk); !seen[key] {
			seen[key] = true
			kept = append(kept, sk)
		}
	}
	if _, err := s.Lookup(r, host.KindUser, r.PathValue("id")); err != nil {
		return err
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		u, err := host.LiveOwner(tx.Get, host.KindUser, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		old := tx.Get(kindUserProfileSkills, u.ID)
		stored, err := entity.Put(tx, kindUserProfileSkills, u.ID, u.ID, u.Name, kept)
		if err != nil {
			return nil, err
		}
		ev := audit.Event{Service: "Directory", EntityType: "UserProfileSkills", Action: "Update", ID: u.ID, Name: u.Name, Old: host.DataOf(old), New: stored}
		audit.Record(tx, p, ev)
		return stored, nil
	})
}
