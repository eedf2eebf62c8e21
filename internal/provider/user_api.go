package provider

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// The user API seam: reads with skills and languages, creates found by email when the
// response is lost, version-checked PATCHes, searches, routing skills and languages, the
// deleted-user lookup the official provider restores from, and password changes.

const usersPath = "/api/v2/users"

// userReadQuery is how users are read, one by one and in bulk: with their routing skills,
// languages and locations, which the user resource manages (the catalogue's read query; cx
// export lists users with it too). The catalogue's queries always parse (TestKindQueriesParse).
func userReadQuery() url.Values {
	q, _ := url.ParseQuery(kinds.Genesys().Named(kinds.User).API.ReadQuery)
	return q
}

// userAPI is the API seam for users: soft delete (a deleted user is 404 unless asked for by
// state, and a listing asked for every state shows it as "deleted"). Every write to a user
// outside it (routing skills, languages, division, password, grants) calls noteWrite.
func userAPI(c *platform.Client) entityAPI[platform.User] {
	api := seamFor(c, usersPath, 3*time.Minute, func(u *platform.User) *string { return u.Name })
	api.readQuery = userReadQuery()
	api.softDeleted = func(u *platform.User) bool { return deref(u.State) == "deleted" }
	return api
}

// userLanguageChunk is the most languages one bulk PATCH takes.
const userLanguageChunk = 50

// userPath is the path of one user, or of one of its parts (parts "routingskills", "bulk").
func userPath(id string, parts ...string) string {
	p := usersPath + "/" + url.PathEscape(id)
	for _, part := range parts {
		p += "/" + url.PathEscape(part)
	}
	return p
}

// getUser reads a user; expand names extra parts (skills, languages, locations, …).
func getUser(ctx context.Context, c *platform.Client, id string, expand ...string) (*platform.User, error) {
	var q url.Values
	if len(expand) > 0 {
		q = url.Values{"expand": {strings.Join(expand, ",")}}
	}
	var u platform.User
	if err := c.Do(ctx, http.MethodGet, userPath(id), q, nil, &u); err != nil {
		return nil, err
	}
	return &u, nil
}

// readUser reads a user with its routing skills and languages; nil when deleted or absent.
// When a run reads many users, they come from one listing (see bulk_cache.go).
func readUser(ctx context.Context, c *platform.Client, id string) (*platform.User, error) {
	return userAPI(c).get(ctx, id)
}

// createUser creates a user; a lost response never leaves a duplicate. Users are unique by
// email, so that is what a lost create is looked up by.
func createUser(ctx context.Context, c *platform.Client, in platform.CreateUser) (*platform.User, error) {
	email := deref(in.Email)
	return userAPI(c).createFoundBy(ctx, in, func(ctx context.Context) (*platform.User, error) {
		if u, err := findUserByEmail(ctx, c, email); err != nil || u != nil {
			return u, err
		}
		// Search indexes lag writes; the plain listing does not, so check it before
		// concluding the create did not happen.
		users, err := platform.ListAll[platform.User](ctx, c, usersPath, url.Values{"state": {"any"}}, 500)
		if err != nil {
			return nil, err
		}
		for i := range users {
			if strings.EqualFold(deref(users[i].Email), email) && deref(users[i].State) != "deleted" {
				return &users[i], nil
			}
		}
		return nil, nil
	})
}

// patchUser re-reads the user's version and PATCHes, retrying on version conflicts.
func patchUser(ctx context.Context, c *platform.Client, id string, in platform.UpdateUser) error {
	// Marked even on failure: the write may have happened.
	defer noteWrite(c, usersPath, id)
	return platform.RetryOnVersionConflict(ctx, 0, func(ctx context.Context) error {
		u, err := getUser(ctx, c, id)
		if platform.IsNotFound(err) {
			// A deleted user (being restored) is only found when asked for by state.
			var deleted platform.User
			if err = c.Do(ctx, http.MethodGet, userPath(id), url.Values{"state": {"deleted"}}, nil, &deleted); err == nil {
				u = &deleted
			}
		}
		if err != nil {
			return err
		}
		in.Version = u.Version
		return c.Do(ctx, http.MethodPatch, userPath(id), nil, in, &platform.User{})
	})
}

// searchUsers runs a user search and returns its one page of results (up to 100). A search
// only reads, so it is retried like a GET.
func searchUsers(ctx context.Context, c *platform.Client, in platform.UserSearchRequest) ([]platform.User, error) {
	var out platform.UsersSearchResponse
	if err := c.PostRepeatable(ctx, usersPath+"/search", nil, in, &out); err != nil {
		return nil, err
	}
	return out.Results, nil
}

// searchUsersExactly searches users whose field (e.g. "name", "email") is value.
func searchUsersExactly(ctx context.Context, c *platform.Client, field, value string) ([]platform.User, error) {
	return searchUsers(ctx, c, platform.UserSearchRequest{PageSize: ptr(25),
		Query: []platform.UserSearchCriteria{{Type: ptr("EXACT"), Fields: []string{field}, Value: ptr(value)}}})
}

// findUserByEmail finds the not-deleted user with this email (ignoring case) by search; nil
// when there is none.
func findUserByEmail(ctx context.Context, c *platform.Client, email string) (*platform.User, error) {
	users, err := searchUsersExactly(ctx, c, "email", email)
	if err != nil {
		return nil, err
	}
	for i := range users {
		if u := &users[i]; strings.EqualFold(deref(u.Email), email) && deref(u.State) != "deleted" {
			return u, nil
		}
	}
	return nil, nil
}

// replaceUserRoutingSkills makes skills the user's complete set of routing skills.
func replaceUserRoutingSkills(ctx context.Context, c *platform.Client, id string, skills []platform.UserRoutingSkillPost) error {
	if skills == nil {
		skills = []platform.UserRoutingSkillPost{} // an empty list clears; null would be refused
	}
	defer noteWrite(c, usersPath, id) // the user's expanded skills change
	return c.Do(ctx, http.MethodPut, userPath(id, "routingskills", "bulk"), nil, skills, &platform.UserSkillEntityListing{})
}

// replaceUserRoutingLanguages makes langs the user's complete set of routing languages. The
// API has no bulk replace for languages: it removes the ones not wanted, then adds or
// updates the rest with bulk PATCHes of 50.
func replaceUserRoutingLanguages(ctx context.Context, c *platform.Client, id string, langs []platform.UserRoutingLanguagePost) error {
	defer noteWrite(c, usersPath, id) // the user's expanded languages change
	current, err := platform.ListAll[platform.UserRoutingLanguage](ctx, c, userPath(id, "routinglanguages"), nil, 0)
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, l := range langs {
		want[deref(l.ID)] = true
	}
	for _, l := range current {
		if !want[deref(l.ID)] {
			err := c.Do(ctx, http.MethodDelete, userPath(id, "routinglanguages", deref(l.ID)), nil, nil, nil)
			if err != nil && !platform.IsNotFound(err) {
				return err
			}
		}
	}
	for start := 0; start < len(langs); start += userLanguageChunk {
		chunk := langs[start:min(start+userLanguageChunk, len(langs))]
		if err := c.Do(ctx, http.MethodPatch, userPath(id, "routinglanguages", "bulk"), nil, chunk, nil); err != nil {
			return err
		}
	}
	// Read the set back once, so that a set that cannot be read back fails the write here
	// rather than at the read that follows.
	_, err = platform.ListAll[platform.UserRoutingLanguage](ctx, c, userPath(id, "routinglanguages"), nil, 0)
	return err
}

// findDeletedUser finds a deleted user with this email: the official provider restores such
// a user instead of failing, since the org keeps the email taken.
func findDeletedUser(ctx context.Context, c *platform.Client, email string) (*platform.User, error) {
	users, err := searchUsers(ctx, c, platform.UserSearchRequest{PageSize: ptr(25), Query: []platform.UserSearchCriteria{
		{Type: ptr("EXACT"), Fields: []string{"email"}, Value: ptr(email)},
		{Type: ptr("EXACT"), Fields: []string{"state"}, Value: ptr("deleted")},
	}})
	if err != nil {
		return nil, err
	}
	for i := range users {
		if u := &users[i]; strings.EqualFold(deref(u.Email), email) && deref(u.State) == "deleted" {
			return u, nil
		}
	}
	return nil, nil
}

// moveUserToDivision moves a user to another division: users change division through the
// division's object list, not PATCH.
func moveUserToDivision(ctx context.Context, c *platform.Client, id, divisionID string) error {
	defer noteWrite(c, usersPath, id) // the user's division changes
	return c.Do(ctx, http.MethodPost, divisionsPath+"/"+url.PathEscape(divisionID)+"/objects/USER", nil, []string{id}, nil)
}

// setUserPassword changes a user's password (POST /users/{id}/password).
func setUserPassword(ctx context.Context, c *platform.Client, id, password string) error {
	// No field a read shows changes, but every write marks: the rule stays simple to check.
	defer noteWrite(c, usersPath, id)
	return c.Do(ctx, http.MethodPost, userPath(id, "password"), nil, map[string]string{"newPassword": password}, nil)
}
