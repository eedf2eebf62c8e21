package provider

import (
	"context"
	"net/http"
	"net/url"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// The subject grants API seam: a subject's (user's, group's) role grants are read and changed
// as a set, so the changes are safe to repeat after a lost response.

const subjectsPath = "/api/v2/authorization/subjects"

// rolesPath is the roles collection, whose objects a grant change is noted against.
var rolesPath = kinds.Genesys().Named(kinds.Role).API.Collection

func subjectPath(id string) string { return subjectsPath + "/" + url.PathEscape(id) }

// subjectGrants reads a subject's (user's, group's, client's) role grants.
func subjectGrants(ctx context.Context, c *platform.Client, subjectID string) ([]platform.AuthzGrant, error) {
	var sub platform.AuthzSubject
	if err := c.Do(ctx, http.MethodGet, subjectPath(subjectID), nil, nil, &sub); err != nil {
		return nil, err
	}
	return sub.Grants, nil
}

// replaceUserGrants makes pairs the user's complete set of role grants.
func replaceUserGrants(ctx context.Context, c *platform.Client, userID string, pairs []platform.RoleDivisionPair) error {
	return replaceSubjectGrants(ctx, c, userSubject(), userID, pairs)
}

// replaceSubjectGrants makes pairs the subject's complete set of role grants.
func replaceSubjectGrants(ctx context.Context, c *platform.Client, subject roleSubject, subjectID string, pairs []platform.RoleDivisionPair) error {
	if pairs == nil {
		pairs = []platform.RoleDivisionPair{} // sent as [], which removes every grant
	}
	defer noteGrantWrite(c, subject, subjectID, pairs)
	return c.PostRepeatable(ctx, subjectPath(subjectID)+"/bulkreplace", url.Values{"subjectType": {subject.apiType}},
		platform.RoleDivisionGrants{Grants: pairs}, nil)
}

// removeGrants removes role grants from a subject.
func removeGrants(ctx context.Context, c *platform.Client, subject roleSubject, subjectID string, pairs []platform.RoleDivisionPair) error {
	defer noteGrantWrite(c, subject, subjectID, pairs)
	return c.PostRepeatable(ctx, subjectPath(subjectID)+"/bulkremove", nil, platform.RoleDivisionGrants{Grants: pairs}, nil)
}

// noteGrantWrite marks a grant change on the subject and the roles it names: a role's
// userCount follows its grants. No resource maps userCount, and roles a bulk replace drops
// are not known here, so this keeps reads exact for what is known, not more.
func noteGrantWrite(c *platform.Client, subject roleSubject, subjectID string, pairs []platform.RoleDivisionPair) {
	noteWrite(c, subject.path, subjectID)
	for _, p := range pairs {
		noteWrite(c, rolesPath, deref(p.RoleID))
	}
}
