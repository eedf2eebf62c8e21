package directory

import (
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

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
		apihttp.WriteRaw(w, http.StatusOK, o.Data)
		return nil
	}
	apihttp.WriteJSON(w, http.StatusOK, []string{})
	return nil
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
