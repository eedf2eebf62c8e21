package provider

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
)

// The role API seam: roles are a plain collection, plus the lookup of a built-in role by
// its default role id (a role with default_role_id adopts that role instead of creating one).

const rolesPath = "/api/v2/authorization/roles"

// roleAPI is the API seam for roles (full-replace PUT, hard delete).
func roleAPI(c *platform.Client) entityAPI[platform.DomainOrganizationRole] {
	return seamFor(c, rolesPath, 60*time.Second, func(r *platform.DomainOrganizationRole) *string { return r.Name })
}

// defaultRole finds the built-in role with this default role id.
func defaultRole(ctx context.Context, c *platform.Client, defaultID string) (*platform.DomainOrganizationRole, error) {
	roles, err := platform.ListAll[platform.DomainOrganizationRole](ctx, c, rolesPath, url.Values{"defaultRoleId": {defaultID}}, 0)
	if err != nil {
		return nil, err
	}
	for i := range roles {
		if deref(roles[i].DefaultRoleID) == defaultID {
			return &roles[i], nil
		}
	}
	return nil, fmt.Errorf("the org has no default role %q", defaultID)
}
