package platform

import (
	"context"
	"net/http"
	"net/url"
)

// Divisions, roles and subject grants (contract §3.5).

const (
	divisionsPath = "/api/v2/authorization/divisions"
	rolesPath     = "/api/v2/authorization/roles"
	subjectsPath  = "/api/v2/authorization/subjects"
)

// CreateDivision creates a division; a lost response never leaves a duplicate.
func (c *Client) CreateDivision(ctx context.Context, in AuthzDivision) (*AuthzDivision, error) {
	return createByName(ctx, c, divisionsPath, in, func(ctx context.Context) (*AuthzDivision, error) {
		d, _, err := c.FindDivisionByName(ctx, str(in.Name))
		return d, err
	})
}

// GetDivision reads a division.
func (c *Client) GetDivision(ctx context.Context, id string) (*AuthzDivision, error) {
	return call1[AuthzDivision](ctx, c, http.MethodGet, idPath(divisionsPath+"/%s", id), nil, nil)
}

// GetHomeDivision reads the org's home division.
func (c *Client) GetHomeDivision(ctx context.Context) (*AuthzDivision, error) {
	return call1[AuthzDivision](ctx, c, http.MethodGet, divisionsPath+"/home", nil, nil)
}

// UpdateDivision replaces a division's name and description.
func (c *Client) UpdateDivision(ctx context.Context, id string, in AuthzDivision) (*AuthzDivision, error) {
	return call1[AuthzDivision](ctx, c, http.MethodPut, idPath(divisionsPath+"/%s", id), nil, in)
}

// DeleteDivision deletes a division (refused with 400 while objects are still in it).
func (c *Client) DeleteDivision(ctx context.Context, id string) error {
	return call0(ctx, c, http.MethodDelete, idPath(divisionsPath+"/%s", id), nil, nil)
}

// ListDivisions lists divisions (query: name, id, objectCount).
func (c *Client) ListDivisions(ctx context.Context, query url.Values) ([]AuthzDivision, error) {
	return ListAll[AuthzDivision](ctx, c, divisionsPath, query, defaultPageSize)
}

// FindDivisionByName finds the division named name (ignoring case).
func (c *Client) FindDivisionByName(ctx context.Context, name string) (*AuthzDivision, bool, error) {
	divs, err := c.ListDivisions(ctx, nameFilter(name))
	if err != nil {
		return nil, false, err
	}
	d, ok := pickByName(divs, name, func(d *AuthzDivision) (string, string) { return str(d.Name), "" })
	return d, ok, nil
}

// CreateRole creates a role; a lost response never leaves a duplicate.
func (c *Client) CreateRole(ctx context.Context, in DomainOrganizationRoleCreate) (*DomainOrganizationRole, error) {
	return createByName(ctx, c, rolesPath, in, func(ctx context.Context) (*DomainOrganizationRole, error) {
		r, _, err := c.FindRoleByName(ctx, str(in.Name))
		return r, err
	})
}

// GetRole reads a role.
func (c *Client) GetRole(ctx context.Context, id string) (*DomainOrganizationRole, error) {
	return call1[DomainOrganizationRole](ctx, c, http.MethodGet, idPath(rolesPath+"/%s", id), nil, nil)
}

// UpdateRole replaces a role.
func (c *Client) UpdateRole(ctx context.Context, id string, in DomainOrganizationRoleUpdate) (*DomainOrganizationRole, error) {
	return call1[DomainOrganizationRole](ctx, c, http.MethodPut, idPath(rolesPath+"/%s", id), nil, in)
}

// DeleteRole deletes a role.
func (c *Client) DeleteRole(ctx context.Context, id string) error {
	return call0(ctx, c, http.MethodDelete, idPath(rolesPath+"/%s", id), nil, nil)
}

// ListRoles lists roles (query: name, permission, id, …).
func (c *Client) ListRoles(ctx context.Context, query url.Values) ([]DomainOrganizationRole, error) {
	return ListAll[DomainOrganizationRole](ctx, c, rolesPath, query, defaultPageSize)
}

// FindRoleByName finds the role named name (ignoring case).
func (c *Client) FindRoleByName(ctx context.Context, name string) (*DomainOrganizationRole, bool, error) {
	roles, err := c.ListRoles(ctx, nameFilter(name))
	if err != nil {
		return nil, false, err
	}
	r, ok := pickByName(roles, name, func(r *DomainOrganizationRole) (string, string) { return str(r.Name), "" })
	return r, ok, nil
}

// GetSubject reads a subject's (user's, group's, client's) role grants.
func (c *Client) GetSubject(ctx context.Context, subjectID string) (*AuthzSubject, error) {
	return call1[AuthzSubject](ctx, c, http.MethodGet, idPath(subjectsPath+"/%s", subjectID), nil, nil)
}

// AddSubjectGrants grants roles in divisions to a subject; subjectType is PC_USER,
// PC_GROUP or PC_OAUTH_CLIENT ("" = PC_USER).
func (c *Client) AddSubjectGrants(ctx context.Context, subjectID, subjectType string, grants RoleDivisionGrants) error {
	return setCall(ctx, c, idPath(subjectsPath+"/%s/bulkadd", subjectID), subjectTypeQuery(subjectType), grants, nil)
}

// RemoveSubjectGrants removes role grants from a subject.
func (c *Client) RemoveSubjectGrants(ctx context.Context, subjectID string, grants RoleDivisionGrants) error {
	return setCall(ctx, c, idPath(subjectsPath+"/%s/bulkremove", subjectID), nil, grants, nil)
}

// ReplaceSubjectGrants makes grants the subject's complete set of role grants.
func (c *Client) ReplaceSubjectGrants(ctx context.Context, subjectID, subjectType string, grants RoleDivisionGrants) error {
	if grants.Grants == nil {
		grants.Grants = []RoleDivisionPair{}
	}
	return setCall(ctx, c, idPath(subjectsPath+"/%s/bulkreplace", subjectID), subjectTypeQuery(subjectType), grants, nil)
}

func subjectTypeQuery(t string) url.Values {
	if t == "" {
		return nil
	}
	return url.Values{"subjectType": {t}}
}
