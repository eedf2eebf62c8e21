package provider

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
)

// The user API seam: reads with skills and languages, version-checked PATCHes, the
// deleted-user lookup the official provider restores from, and password changes.

const usersPath = "/api/v2/users"

// userAPI is the API seam for users: soft delete (GET keeps returning state "deleted").
func userAPI(c *platform.Client) entityAPI[platform.User] {
	return entityAPI[platform.User]{
		client:        c,
		path:          usersPath,
		name:          func(u *platform.User) string { return deref(u.Name) },
		softDeleted:   func(u *platform.User) bool { return deref(u.State) == "deleted" },
		deleteTimeout: 3 * time.Minute,
	}
}

// readUser reads a user with its routing skills and languages; nil when deleted or absent.
func readUser(ctx context.Context, c *platform.Client, id string) (*platform.User, error) {
	u, err := c.GetUser(ctx, id, "skills", "languages")
	if platform.IsNotFound(err) || (err == nil && deref(u.State) == "deleted") {
		return nil, nil
	}
	return u, err
}

// patchUser re-reads the user's version and PATCHes, retrying on version conflicts.
func patchUser(ctx context.Context, c *platform.Client, id string, in platform.UpdateUser) error {
	return platform.RetryOnVersionConflict(ctx, 0, func(ctx context.Context) error {
		u, err := c.GetUser(ctx, id)
		if err != nil {
			return err
		}
		in.Version = u.Version
		_, err = c.PatchUser(ctx, id, in)
		return err
	})
}

// findDeletedUser finds a deleted user with this email: the official provider restores such
// a user instead of failing, since the org keeps the email taken.
func findDeletedUser(ctx context.Context, c *platform.Client, email string) (*platform.User, error) {
	res, err := c.SearchUsers(ctx, platform.UserSearchRequest{PageSize: ptr(25), Query: []platform.UserSearchCriteria{
		{Type: ptr("EXACT"), Fields: []string{"email"}, Value: ptr(email)},
		{Type: ptr("EXACT"), Fields: []string{"state"}, Value: ptr("deleted")},
	}})
	if err != nil {
		return nil, err
	}
	for i := range res.Results {
		if u := &res.Results[i]; strings.EqualFold(deref(u.Email), email) && deref(u.State) == "deleted" {
			return u, nil
		}
	}
	return nil, nil
}

// setUserPassword changes a user's password (POST /users/{id}/password).
func setUserPassword(ctx context.Context, c *platform.Client, id, password string) error {
	return c.Do(ctx, http.MethodPost, usersPath+"/"+url.PathEscape(id)+"/password", nil, map[string]string{"newPassword": password}, nil)
}
