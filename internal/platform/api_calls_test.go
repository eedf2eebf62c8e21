package platform_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/cxascode/cxascode/internal/platform"
)

// The tests speak to the org the way the client's callers do in their own API seams: Do,
// PostRepeatable, CreateUnique and the paging helpers, with the generated models.

const (
	skillsPath      = "/api/v2/routing/skills"
	languagesPath   = "/api/v2/routing/languages"
	wrapupCodesPath = "/api/v2/routing/wrapupcodes"
	queuesPath      = "/api/v2/routing/queues"
	skillGroupsPath = "/api/v2/routing/skillgroups"
	usersPath       = "/api/v2/users"
	groupsPath      = "/api/v2/groups"
	divisionsPath   = "/api/v2/authorization/divisions"
	rolesPath       = "/api/v2/authorization/roles"
	subjectsPath    = "/api/v2/authorization/subjects"
)

// objectPath is collection/id/parts…, with every segment escaped.
func objectPath(collection, id string, parts ...string) string {
	p := collection + "/" + url.PathEscape(id)
	for _, part := range parts {
		p += "/" + url.PathEscape(part)
	}
	return p
}

// get reads one object into a T.
func get[T any](ctx context.Context, c *platform.Client, path string, query url.Values) (*T, error) {
	out := new(T)
	if err := c.Do(ctx, http.MethodGet, path, query, nil, out); err != nil {
		return nil, err
	}
	return out, nil
}

// createFound POSTs body to collection with CreateUnique; when the response is lost, find
// looks the object up (nil = not there).
func createFound[T any](ctx context.Context, c *platform.Client, collection string, body any, find func(ctx context.Context) (*T, error)) (*T, error) {
	out := new(T)
	err := c.CreateUnique(ctx, collection, body, out, func(ctx context.Context) (bool, error) {
		found, err := find(ctx)
		if err != nil || found == nil {
			return false, err
		}
		*out = *found
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// findNamed lists collection (narrowed by query) and returns the first not-deleted object
// whose name equals name ignoring case, or nil.
func findNamed[T any](ctx context.Context, c *platform.Client, collection string, query url.Values, name string, nameOf func(*T) (name, state string)) (*T, error) {
	items, err := platform.ListAll[T](ctx, c, collection, query, 0)
	if err != nil {
		return nil, err
	}
	for i := range items {
		if n, state := nameOf(&items[i]); strings.EqualFold(n, name) && state != "deleted" {
			return &items[i], nil
		}
	}
	return nil, nil
}

// createNamed creates an object of a collection whose list takes a name filter; a lost
// response is resolved by finding the object by name.
func createNamed[T any](ctx context.Context, c *platform.Client, collection string, body any, name string, nameOf func(*T) (name, state string)) (*T, error) {
	return createFound(ctx, c, collection, body, func(ctx context.Context) (*T, error) {
		return findNamed(ctx, c, collection, url.Values{"name": {name}}, name, nameOf)
	})
}

func skillName(s *platform.RoutingSkill) (string, string) { return deref(s.Name), deref(s.State) }

func createSkill(ctx context.Context, c *platform.Client, in platform.CreateRoutingSkill) (*platform.RoutingSkill, error) {
	return createNamed(ctx, c, skillsPath, in, deref(in.Name), skillName)
}

func getSkill(ctx context.Context, c *platform.Client, id string) (*platform.RoutingSkill, error) {
	return get[platform.RoutingSkill](ctx, c, objectPath(skillsPath, id), nil)
}

func listSkills(ctx context.Context, c *platform.Client) ([]platform.RoutingSkill, error) {
	return platform.ListAll[platform.RoutingSkill](ctx, c, skillsPath, nil, 0)
}

func deleteSkill(ctx context.Context, c *platform.Client, id string) error {
	return c.Do(ctx, http.MethodDelete, objectPath(skillsPath, id), nil, nil, nil)
}

// tokenMe reads what the current token is; the tests use it as the simplest authenticated call.
func tokenMe(ctx context.Context, c *platform.Client) (*platform.TokenInfo, error) {
	return get[platform.TokenInfo](ctx, c, "/api/v2/tokens/me", nil)
}

// createUser creates a user, found by email (from the plain listing) when the response is lost.
func createUser(ctx context.Context, c *platform.Client, in platform.CreateUser) (*platform.User, error) {
	return createFound(ctx, c, usersPath, in, func(ctx context.Context) (*platform.User, error) {
		return findNamed(ctx, c, usersPath, url.Values{"state": {"any"}}, deref(in.Email), func(u *platform.User) (string, string) {
			return deref(u.Email), deref(u.State)
		})
	})
}

// inChunks calls send with slices of ids of at most n each.
func inChunks(ids []string, n int, send func([]string) error) error {
	for start := 0; start < len(ids); start += n {
		if err := send(ids[start:min(start+n, len(ids))]); err != nil {
			return err
		}
	}
	return nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
