package platform

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// Users (with routing skills and languages) and groups (with members) (contract §3.3, §3.4).

const (
	usersPath  = "/api/v2/users"
	groupsPath = "/api/v2/groups"
)

// userLanguageBulkLimit is the most languages one bulk PATCH takes.
const userLanguageBulkLimit = 50

// groupMemberLimit is the most ids one group member change takes (DELETE ?ids= allows 50).
const groupMemberLimit = 50

// CreateUser creates a user; a lost response never leaves a duplicate (users are unique by
// email, so that is what a lost create is looked up by).
func (c *Client) CreateUser(ctx context.Context, in CreateUser) (*User, error) {
	email := str(in.Email)
	return createByName(ctx, c, usersPath, in, func(ctx context.Context) (*User, error) {
		u, ok, err := c.FindUserByEmail(ctx, email)
		if err != nil || ok {
			return u, err
		}
		// Search indexes lag writes; the plain listing does not, so check it before
		// concluding the create did not happen.
		users, err := ListAll[User](ctx, c, usersPath, url.Values{"state": {"any"}}, 500)
		if err != nil {
			return nil, err
		}
		for i := range users {
			if strings.EqualFold(str(users[i].Email), email) && str(users[i].State) != "deleted" {
				return &users[i], nil
			}
		}
		return nil, nil
	})
}

// GetUser reads a user; expand names extra parts (skills, languages, locations, …).
func (c *Client) GetUser(ctx context.Context, id string, expand ...string) (*User, error) {
	var q url.Values
	if len(expand) > 0 {
		q = url.Values{"expand": {strings.Join(expand, ",")}}
	}
	return call1[User](ctx, c, http.MethodGet, idPath(usersPath+"/%s", id), q, nil)
}

// PatchUser updates the fields set in in; in.Version must be the user's current version
// (wrap the GET and the patch in RetryOnVersionConflict).
func (c *Client) PatchUser(ctx context.Context, id string, in UpdateUser) (*User, error) {
	return call1[User](ctx, c, http.MethodPatch, idPath(usersPath+"/%s", id), nil, in)
}

// DeleteUser deletes a user (it becomes state "deleted").
func (c *Client) DeleteUser(ctx context.Context, id string) error {
	return call0(ctx, c, http.MethodDelete, idPath(usersPath+"/%s", id), nil, nil)
}

// ListUsers lists users (query: id, state, expand, …).
func (c *Client) ListUsers(ctx context.Context, query url.Values) ([]User, error) {
	return ListAll[User](ctx, c, usersPath, query, defaultPageSize)
}

// SearchUsers runs a user search and returns all its results (one page of up to 100).
func (c *Client) SearchUsers(ctx context.Context, in UserSearchRequest) (*UsersSearchResponse, error) {
	out := new(UsersSearchResponse)
	if err := setCall(ctx, c, usersPath+"/search", nil, in, out); err != nil {
		return nil, err
	}
	return out, nil
}

// FindUserByEmail finds the not-deleted user with this email (ignoring case) by search.
func (c *Client) FindUserByEmail(ctx context.Context, email string) (*User, bool, error) {
	res, err := c.SearchUsers(ctx, UserSearchRequest{
		PageSize: Ptr(25),
		Query:    []UserSearchCriteria{{Type: Ptr("EXACT"), Fields: []string{"email"}, Value: Ptr(email)}},
	})
	if err != nil {
		return nil, false, err
	}
	for i := range res.Results {
		u := &res.Results[i]
		if strings.EqualFold(str(u.Email), email) && str(u.State) != "deleted" {
			return u, true, nil
		}
	}
	return nil, false, nil
}

// ListUserRoutingSkills lists a user's routing skills.
func (c *Client) ListUserRoutingSkills(ctx context.Context, userID string) ([]UserRoutingSkill, error) {
	return ListAll[UserRoutingSkill](ctx, c, idPath(usersPath+"/%s/routingskills", userID), nil, defaultPageSize)
}

// ReplaceUserRoutingSkills makes skills the user's complete set of routing skills.
func (c *Client) ReplaceUserRoutingSkills(ctx context.Context, userID string, skills []UserRoutingSkillPost) ([]UserRoutingSkill, error) {
	if skills == nil {
		skills = []UserRoutingSkillPost{} // an empty list clears; null would be refused
	}
	l, err := call1[UserSkillEntityListing](ctx, c, http.MethodPut, idPath(usersPath+"/%s/routingskills/bulk", userID), nil, skills)
	if err != nil {
		return nil, err
	}
	return l.Entities, nil
}

// ListUserRoutingLanguages lists a user's routing languages.
func (c *Client) ListUserRoutingLanguages(ctx context.Context, userID string) ([]UserRoutingLanguage, error) {
	return ListAll[UserRoutingLanguage](ctx, c, idPath(usersPath+"/%s/routinglanguages", userID), nil, defaultPageSize)
}

// ReplaceUserRoutingLanguages makes langs the user's complete set of routing languages.
// The API has no bulk replace for languages: it removes the ones not wanted, then adds or
// updates the rest with bulk PATCHes of 50.
func (c *Client) ReplaceUserRoutingLanguages(ctx context.Context, userID string, langs []UserRoutingLanguagePost) ([]UserRoutingLanguage, error) {
	current, err := c.ListUserRoutingLanguages(ctx, userID)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, l := range langs {
		want[str(l.ID)] = true
	}
	for _, l := range current {
		if !want[str(l.ID)] {
			err := call0(ctx, c, http.MethodDelete, idPath(usersPath+"/%s/routinglanguages/%s", userID, str(l.ID)), nil, nil)
			if err != nil && !IsNotFound(err) {
				return nil, err
			}
		}
	}
	for start := 0; start < len(langs); start += userLanguageBulkLimit {
		chunk := langs[start:min(start+userLanguageBulkLimit, len(langs))]
		if err := call0(ctx, c, http.MethodPatch, idPath(usersPath+"/%s/routinglanguages/bulk", userID), nil, chunk); err != nil {
			return nil, err
		}
	}
	return c.ListUserRoutingLanguages(ctx, userID)
}

// CreateGroup creates a group; a lost response never leaves a duplicate.
func (c *Client) CreateGroup(ctx context.Context, in GroupCreate) (*Group, error) {
	return createByName(ctx, c, groupsPath, in, func(ctx context.Context) (*Group, error) {
		g, _, err := c.FindGroupByName(ctx, str(in.Name))
		return g, err
	})
}

// GetGroup reads a group.
func (c *Client) GetGroup(ctx context.Context, id string) (*Group, error) {
	return call1[Group](ctx, c, http.MethodGet, idPath(groupsPath+"/%s", id), nil, nil)
}

// UpdateGroup replaces a group; in.Version must be the group's current version.
func (c *Client) UpdateGroup(ctx context.Context, id string, in GroupUpdate) (*Group, error) {
	return call1[Group](ctx, c, http.MethodPut, idPath(groupsPath+"/%s", id), nil, in)
}

// DeleteGroup deletes a group.
func (c *Client) DeleteGroup(ctx context.Context, id string) error {
	return call0(ctx, c, http.MethodDelete, idPath(groupsPath+"/%s", id), nil, nil)
}

// ListGroups lists groups (query: id, sortOrder).
func (c *Client) ListGroups(ctx context.Context, query url.Values) ([]Group, error) {
	return ListAll[Group](ctx, c, groupsPath, query, defaultPageSize)
}

// FindGroupByName finds the not-deleted group named name (ignoring case). It reads the
// listing rather than the search, which lags writes.
func (c *Client) FindGroupByName(ctx context.Context, name string) (*Group, bool, error) {
	groups, err := c.ListGroups(ctx, nil)
	if err != nil {
		return nil, false, err
	}
	g, ok := pickByName(groups, name, func(g *Group) (string, string) { return str(g.Name), str(g.State) })
	return g, ok, nil
}

// ListGroupMembers lists a group's members.
func (c *Client) ListGroupMembers(ctx context.Context, groupID string) ([]User, error) {
	return ListAll[User](ctx, c, idPath(groupsPath+"/%s/members", groupID), nil, defaultPageSize)
}

// AddGroupMembers adds users to a group, 50 per request. No version is sent, so a repeat
// after a lost response is harmless.
func (c *Client) AddGroupMembers(ctx context.Context, groupID string, userIDs []string) error {
	for _, chunk := range chunks(userIDs, groupMemberLimit) {
		if err := setCall(ctx, c, idPath(groupsPath+"/%s/members", groupID), nil, GroupMembersUpdate{MemberIds: chunk}, nil); err != nil {
			return err
		}
	}
	return nil
}

// RemoveGroupMembers removes users from a group, 50 per request.
func (c *Client) RemoveGroupMembers(ctx context.Context, groupID string, userIDs []string) error {
	for _, chunk := range chunks(userIDs, groupMemberLimit) {
		q := url.Values{"ids": {strings.Join(chunk, ",")}}
		if err := call0(ctx, c, http.MethodDelete, idPath(groupsPath+"/%s/members", groupID), q, nil); err != nil {
			return err
		}
	}
	return nil
}
