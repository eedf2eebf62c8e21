package platform

import (
	"context"
	"net/http"
)

// Organization and token info (contract §1.3, §3.10).

// GetOrganizationMe reads the organization the client belongs to.
func (c *Client) GetOrganizationMe(ctx context.Context) (*Organization, error) {
	return call1[Organization](ctx, c, http.MethodGet, "/api/v2/organizations/me", nil, nil)
}

// GetTokenMe reads what the current token is: its org, OAuth client and scopes.
func (c *Client) GetTokenMe(ctx context.Context) (*TokenInfo, error) {
	return call1[TokenInfo](ctx, c, http.MethodGet, "/api/v2/tokens/me", nil, nil)
}
