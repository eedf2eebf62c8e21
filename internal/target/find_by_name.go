package target

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
)

// FindByName returns the id of the live object of resourceType whose name is name in the
// target's org, or "" when there is none. Only kinds whose names are unique and whose list
// filters by name are looked up: for the others a name says nothing about identity. It
// needs the API client (Options.ClientUserAgent).
func (t *Target) FindByName(ctx context.Context, resourceType, name string) (string, error) {
	if t.Client == nil {
		return "", errors.New("target: no API client (set Options.ClientUserAgent)")
	}
	k := kinds.Genesys().ByResource(resourceType)
	if k == nil || k.Names != kinds.UniqueName || k.API.NameFilter == "" || k.API.NoList || k.LookupKey() != "name" {
		return "", nil
	}
	var page struct {
		Entities []struct {
			ID    string `json:"id"`
			Name  string `json:"name"`
			State string `json:"state"`
		} `json:"entities"`
	}
	q := url.Values{k.API.NameFilter: {name}, "pageSize": {"100"}}
	if err := t.Client.Do(ctx, http.MethodGet, k.API.Collection, q, nil, &page); err != nil {
		return "", err
	}
	// The filter may match more than the exact name (a prefix, another case); the org
	// compares unique names ignoring case, so that is what holds the name.
	for _, e := range page.Entities {
		if strings.EqualFold(e.Name, name) && !strings.EqualFold(e.State, "deleted") {
			return e.ID, nil
		}
	}
	return "", nil
}
