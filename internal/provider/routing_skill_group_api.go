package provider

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
)

// The skill group API seam: create (found by name when the response is lost), PATCH, and
// the member divisions, which are a call of their own.

const skillGroupsPath = "/api/v2/routing/skillgroups"

// skillGroupAPI is the API seam for skill groups (PATCH, hard delete, cursor-paged list
// whose first page is what findByName reads; the name filter narrows it).
func skillGroupAPI(c *platform.Client) entityAPI[platform.SkillGroup] {
	return seamFor(c, skillGroupsPath, 60*time.Second, func(g *platform.SkillGroup) *string { return g.Name })
}

func skillGroupPath(id string) string { return skillGroupsPath + "/" + url.PathEscape(id) }

// createSkillGroup creates a skill group; a lost response never leaves a duplicate. The
// lookup walks the cursor-paged listing, which holds only the definition, then reads the
// group itself for the rest.
func createSkillGroup(ctx context.Context, c *platform.Client, in platform.SkillGroupWithMemberDivisions) (*platform.SkillGroupWithMemberDivisions, error) {
	name := deref(in.Name)
	// The create answers the group with its member divisions, a model of its own.
	api := entityAPI[platform.SkillGroupWithMemberDivisions]{client: c, path: skillGroupsPath}
	return api.createFoundBy(ctx, in, func(ctx context.Context) (*platform.SkillGroupWithMemberDivisions, error) {
		// The name filter is a wildcard match: a name holding "*" is looked up in the full list.
		q := url.Values{}
		if !strings.Contains(name, "*") {
			q.Set("name", name)
		}
		defs, err := platform.ListCursor[platform.SkillGroupDefinition](ctx, c, skillGroupsPath, q, 0)
		if err != nil {
			return nil, err
		}
		for _, d := range defs {
			if strings.EqualFold(deref(d.Name), name) {
				var out platform.SkillGroupWithMemberDivisions
				return &out, c.Do(ctx, http.MethodGet, skillGroupPath(deref(d.ID)), nil, nil, &out)
			}
		}
		return nil, nil
	})
}

// patchSkillGroup updates the fields set in in.
func patchSkillGroup(ctx context.Context, c *platform.Client, id string, in platform.SkillGroup) error {
	return c.Do(ctx, http.MethodPatch, skillGroupPath(id), nil, in, &platform.SkillGroup{})
}

// skillGroupMemberDivisionIDs lists the ids of the divisions whose users a skill group draws from.
func skillGroupMemberDivisionIDs(ctx context.Context, c *platform.Client, id string) ([]string, error) {
	var l platform.SkillGroupMemberDivisionList
	if err := c.Do(ctx, http.MethodGet, skillGroupPath(id)+"/members/divisions", nil, nil, &l); err != nil {
		return nil, err
	}
	ids := []string{}
	for _, d := range l.Entities {
		ids = append(ids, deref(d.ID))
	}
	return ids, nil
}

// changeSkillGroupMemberDivisions adds and removes member divisions; the change is a set
// change, so it is safe to repeat.
func changeSkillGroupMemberDivisions(ctx context.Context, c *platform.Client, id string, change platform.SkillGroupMemberDivisions) error {
	return c.PostRepeatable(ctx, skillGroupPath(id)+"/members/divisions", nil, change, nil)
}
