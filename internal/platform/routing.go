package platform

import (
	"context"
	"net/http"
	"net/url"
)

// Routing skills, languages, wrap-up codes and skill groups (contract §3.1).

const (
	skillsPath      = "/api/v2/routing/skills"
	languagesPath   = "/api/v2/routing/languages"
	wrapupCodesPath = "/api/v2/routing/wrapupcodes"
	skillGroupsPath = "/api/v2/routing/skillgroups"
)

// CreateSkill creates a routing skill; a lost response never leaves a duplicate.
func (c *Client) CreateSkill(ctx context.Context, in CreateRoutingSkill) (*RoutingSkill, error) {
	return createByName(ctx, c, skillsPath, in, func(ctx context.Context) (*RoutingSkill, error) {
		sk, _, err := c.FindSkillByName(ctx, str(in.Name))
		return sk, err
	})
}

// GetSkill reads a skill; a deleted skill may come back with state "deleted".
func (c *Client) GetSkill(ctx context.Context, id string) (*RoutingSkill, error) {
	return call1[RoutingSkill](ctx, c, http.MethodGet, idPath(skillsPath+"/%s", id), nil, nil)
}

// ListSkills lists skills (query: name = starts with, id).
func (c *Client) ListSkills(ctx context.Context, query url.Values) ([]RoutingSkill, error) {
	return ListAll[RoutingSkill](ctx, c, skillsPath, query, defaultPageSize)
}

// FindSkillByName finds the active skill named name (ignoring case).
func (c *Client) FindSkillByName(ctx context.Context, name string) (*RoutingSkill, bool, error) {
	skills, err := c.ListSkills(ctx, nameFilter(name))
	if err != nil {
		return nil, false, err
	}
	sk, ok := pickByName(skills, name, func(s *RoutingSkill) (string, string) { return str(s.Name), str(s.State) })
	return sk, ok, nil
}

// MoveSkillToDivision moves a skill to another division (the only update skills have).
func (c *Client) MoveSkillToDivision(ctx context.Context, id, divisionID string) (*RoutingSkill, error) {
	return call1[RoutingSkill](ctx, c, http.MethodPatch, idPath(skillsPath+"/%s", id), nil, UpdateSkillDivisionRequest{DivisionID: &divisionID})
}

// DeleteSkill deletes a skill.
func (c *Client) DeleteSkill(ctx context.Context, id string) error {
	return call0(ctx, c, http.MethodDelete, idPath(skillsPath+"/%s", id), nil, nil)
}

// CreateLanguage creates a routing language; a lost response never leaves a duplicate.
func (c *Client) CreateLanguage(ctx context.Context, in Language) (*Language, error) {
	return createByName(ctx, c, languagesPath, in, func(ctx context.Context) (*Language, error) {
		l, _, err := c.FindLanguageByName(ctx, str(in.Name))
		return l, err
	})
}

// GetLanguage reads a language.
func (c *Client) GetLanguage(ctx context.Context, id string) (*Language, error) {
	return call1[Language](ctx, c, http.MethodGet, idPath(languagesPath+"/%s", id), nil, nil)
}

// ListLanguages lists languages (query: name, id, sortOrder).
func (c *Client) ListLanguages(ctx context.Context, query url.Values) ([]Language, error) {
	return ListAll[Language](ctx, c, languagesPath, query, defaultPageSize)
}

// FindLanguageByName finds the active language named name (ignoring case).
func (c *Client) FindLanguageByName(ctx context.Context, name string) (*Language, bool, error) {
	langs, err := c.ListLanguages(ctx, nameFilter(name))
	if err != nil {
		return nil, false, err
	}
	l, ok := pickByName(langs, name, func(l *Language) (string, string) { return str(l.Name), str(l.State) })
	return l, ok, nil
}

// DeleteLanguage deletes a language.
func (c *Client) DeleteLanguage(ctx context.Context, id string) error {
	return call0(ctx, c, http.MethodDelete, idPath(languagesPath+"/%s", id), nil, nil)
}

// CreateWrapupCode creates a wrap-up code; a lost response never leaves a duplicate.
func (c *Client) CreateWrapupCode(ctx context.Context, in WrapupCodeRequest) (*WrapupCode, error) {
	return createByName(ctx, c, wrapupCodesPath, in, func(ctx context.Context) (*WrapupCode, error) {
		w, _, err := c.FindWrapupCodeByName(ctx, str(in.Name))
		return w, err
	})
}

// GetWrapupCode reads a wrap-up code.
func (c *Client) GetWrapupCode(ctx context.Context, id string) (*WrapupCode, error) {
	return call1[WrapupCode](ctx, c, http.MethodGet, idPath(wrapupCodesPath+"/%s", id), nil, nil)
}

// UpdateWrapupCode replaces a wrap-up code (PUT, no version).
func (c *Client) UpdateWrapupCode(ctx context.Context, id string, in WrapupCodeRequest) (*WrapupCode, error) {
	return call1[WrapupCode](ctx, c, http.MethodPut, idPath(wrapupCodesPath+"/%s", id), nil, in)
}

// ListWrapupCodes lists wrap-up codes (query: name, id, divisionId, sortBy, sortOrder).
func (c *Client) ListWrapupCodes(ctx context.Context, query url.Values) ([]WrapupCode, error) {
	return ListAll[WrapupCode](ctx, c, wrapupCodesPath, query, defaultPageSize)
}

// FindWrapupCodeByName finds the wrap-up code named name (ignoring case).
func (c *Client) FindWrapupCodeByName(ctx context.Context, name string) (*WrapupCode, bool, error) {
	codes, err := c.ListWrapupCodes(ctx, nameFilter(name))
	if err != nil {
		return nil, false, err
	}
	w, ok := pickByName(codes, name, func(w *WrapupCode) (string, string) { return str(w.Name), "" })
	return w, ok, nil
}

// DeleteWrapupCode deletes a wrap-up code.
func (c *Client) DeleteWrapupCode(ctx context.Context, id string) error {
	return call0(ctx, c, http.MethodDelete, idPath(wrapupCodesPath+"/%s", id), nil, nil)
}

// CreateSkillGroup creates a skill group; a lost response never leaves a duplicate.
func (c *Client) CreateSkillGroup(ctx context.Context, in SkillGroupWithMemberDivisions) (*SkillGroupWithMemberDivisions, error) {
	return createByName(ctx, c, skillGroupsPath, in, func(ctx context.Context) (*SkillGroupWithMemberDivisions, error) {
		def, ok, err := c.FindSkillGroupByName(ctx, str(in.Name))
		if err != nil || !ok {
			return nil, err
		}
		// The listing holds only the definition; the group itself has the conditions.
		return call1[SkillGroupWithMemberDivisions](ctx, c, http.MethodGet, idPath(skillGroupsPath+"/%s", str(def.ID)), nil, nil)
	})
}

// GetSkillGroup reads a skill group.
func (c *Client) GetSkillGroup(ctx context.Context, id string) (*SkillGroup, error) {
	return call1[SkillGroup](ctx, c, http.MethodGet, idPath(skillGroupsPath+"/%s", id), nil, nil)
}

// PatchSkillGroup updates the fields set in in.
func (c *Client) PatchSkillGroup(ctx context.Context, id string, in SkillGroup) (*SkillGroup, error) {
	return call1[SkillGroup](ctx, c, http.MethodPatch, idPath(skillGroupsPath+"/%s", id), nil, in)
}

// DeleteSkillGroup deletes a skill group.
func (c *Client) DeleteSkillGroup(ctx context.Context, id string) error {
	return call0(ctx, c, http.MethodDelete, idPath(skillGroupsPath+"/%s", id), nil, nil)
}

// ListSkillGroups lists skill groups (cursor paging; query: name = starts with).
func (c *Client) ListSkillGroups(ctx context.Context, query url.Values) ([]SkillGroupDefinition, error) {
	return ListCursor[SkillGroupDefinition](ctx, c, skillGroupsPath, query, defaultPageSize)
}

// FindSkillGroupByName finds the skill group named name (ignoring case).
func (c *Client) FindSkillGroupByName(ctx context.Context, name string) (*SkillGroupDefinition, bool, error) {
	groups, err := c.ListSkillGroups(ctx, nameFilter(name))
	if err != nil {
		return nil, false, err
	}
	g, ok := pickByName(groups, name, func(g *SkillGroupDefinition) (string, string) { return str(g.Name), "" })
	return g, ok, nil
}

// GetSkillGroupMemberDivisions lists the divisions whose users a skill group draws from.
func (c *Client) GetSkillGroupMemberDivisions(ctx context.Context, id string) ([]Division, error) {
	l, err := call1[SkillGroupMemberDivisionList](ctx, c, http.MethodGet, idPath(skillGroupsPath+"/%s/members/divisions", id), nil, nil)
	if err != nil {
		return nil, err
	}
	return l.Entities, nil
}

// UpdateSkillGroupMemberDivisions adds and removes member divisions (safe to repeat).
func (c *Client) UpdateSkillGroupMemberDivisions(ctx context.Context, id string, in SkillGroupMemberDivisions) error {
	return setCall(ctx, c, idPath(skillGroupsPath+"/%s/members/divisions", id), nil, in, nil)
}
