package platform_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// A create through CreateUnique must find its object by name when the response is lost, in
// every API group: with every write's answer lost, each create still returns the object,
// and a second lookup finds exactly one.
func TestTypedCreatesSurviveLostResponses(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	ctx := t.Context()
	if _, err := tokenMe(ctx, c); err != nil {
		t.Fatal(err)
	}
	ts.SetFaults(orgserver.Faults{LostAfterCommitRate: 1, Seed: 7})
	p := platform.Ptr[string]
	creates := []struct {
		name   string
		create func() (id string, err error)
		count  func() (int, error)
	}{
		{"skill", func() (string, error) {
			v, err := createSkill(ctx, c, platform.CreateRoutingSkill{Name: p("S1")})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(listSkills(ctx, c)) }},
		{"language", func() (string, error) {
			v, err := createNamed(ctx, c, languagesPath, platform.Language{Name: p("L1")}, "L1", languageName)
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) {
			return countOf(platform.ListAll[platform.Language](ctx, c, languagesPath, nil, 0))
		}},
		{"wrap-up code", func() (string, error) {
			v, err := createNamed(ctx, c, wrapupCodesPath, platform.WrapupCodeRequest{Name: p("W1")}, "W1", wrapupCodeName)
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) {
			return countOf(platform.ListAll[platform.WrapupCode](ctx, c, wrapupCodesPath, nil, 0))
		}},
		{"queue", func() (string, error) {
			v, err := createNamed(ctx, c, queuesPath, platform.CreateQueueRequest{Name: p("Q1")}, "Q1", queueName)
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(platform.ListAll[platform.Queue](ctx, c, queuesPath, nil, 0)) }},
		{"skill group", func() (string, error) {
			v, err := createSkillGroup(ctx, c, platform.SkillGroupWithMemberDivisions{Name: p("SG1"),
				SkillConditions: []platform.SkillGroupCondition{{Operation: p("And"),
					RoutingSkillConditions:  []platform.SkillGroupRoutingCondition{{RoutingSkill: p("S1"), Comparator: p("GreaterThan"), Proficiency: platform.Ptr(1.0)}},
					LanguageSkillConditions: []platform.SkillGroupLanguageCondition{}}}})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) {
			return countOf(platform.ListCursor[platform.SkillGroupDefinition](ctx, c, skillGroupsPath, nil, 0))
		}},
		{"group", func() (string, error) {
			v, err := createGroup(ctx, c, platform.GroupCreate{Name: p("G1"), Type: p("official"), Visibility: p("public"), RulesVisible: platform.Ptr(true)})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(platform.ListAll[platform.Group](ctx, c, groupsPath, nil, 0)) }},
		{"user", func() (string, error) {
			home, err := homeDivision(ctx, c)
			if err != nil {
				return "", err
			}
			v, err := createUser(ctx, c, platform.CreateUser{Name: p("Ann"), Email: p("ann@example.com"), DivisionID: home.ID})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(platform.ListAll[platform.User](ctx, c, usersPath, nil, 0)) }},
		{"division", func() (string, error) {
			v, err := createNamed(ctx, c, divisionsPath, platform.AuthzDivision{Name: p("D1"), Description: p("d")}, "D1", divisionName)
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) {
			n, err := countOf(platform.ListAll[platform.AuthzDivision](ctx, c, divisionsPath, nil, 0))
			return n - 1, err // the home division
		}},
		{"role", func() (string, error) {
			v, err := createNamed(ctx, c, rolesPath, platform.DomainOrganizationRoleCreate{Name: p("R1")}, "R1", roleName)
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) {
			r, err := findNamed(ctx, c, rolesPath, url.Values{"name": {"R1"}}, "R1", roleName)
			if err != nil || r == nil || r.ID == nil {
				return 0, err
			}
			return 1, nil
		}},
	}
	for _, tc := range creates {
		if _, err := tc.create(); err != nil {
			t.Errorf("%s: create with a lost response: %v", tc.name, err)
			continue
		}
		if n, err := tc.count(); err != nil || n != 1 {
			t.Errorf("%s: %d exist after one create (%v), want 1", tc.name, n, err)
		}
	}
}

func id[T any](v *T, err error, get func() *string) (string, error) {
	if err != nil {
		return "", err
	}
	if v == nil || get() == nil || *get() == "" {
		return "", fmt.Errorf("created object has no id: %+v", v)
	}
	return *get(), nil
}

func countOf[T any](items []T, err error) (int, error) { return len(items), err }

func languageName(l *platform.Language) (string, string)     { return deref(l.Name), deref(l.State) }
func wrapupCodeName(w *platform.WrapupCode) (string, string) { return deref(w.Name), "" }
func queueName(q *platform.Queue) (string, string)           { return deref(q.Name), "" }
func divisionName(d *platform.AuthzDivision) (string, string) {
	return deref(d.Name), ""
}
func roleName(r *platform.DomainOrganizationRole) (string, string) { return deref(r.Name), "" }

func homeDivision(ctx context.Context, c *platform.Client) (*platform.AuthzDivision, error) {
	return get[platform.AuthzDivision](ctx, c, divisionsPath+"/home", nil)
}

// createGroup creates a group, found by name in the plain listing (groups have no name
// filter, and the search lags writes) when the response is lost.
func createGroup(ctx context.Context, c *platform.Client, in platform.GroupCreate) (*platform.Group, error) {
	return createFound(ctx, c, groupsPath, in, func(ctx context.Context) (*platform.Group, error) {
		return findNamed(ctx, c, groupsPath, nil, deref(in.Name), func(g *platform.Group) (string, string) { return deref(g.Name), deref(g.State) })
	})
}

// createSkillGroup creates a skill group; its cursor-paged listing holds only definitions,
// so one found by name after a lost response is read whole.
func createSkillGroup(ctx context.Context, c *platform.Client, in platform.SkillGroupWithMemberDivisions) (*platform.SkillGroupWithMemberDivisions, error) {
	return createFound(ctx, c, skillGroupsPath, in, func(ctx context.Context) (*platform.SkillGroupWithMemberDivisions, error) {
		defs, err := platform.ListCursor[platform.SkillGroupDefinition](ctx, c, skillGroupsPath, url.Values{"name": {deref(in.Name)}}, 0)
		if err != nil {
			return nil, err
		}
		for _, d := range defs {
			if strings.EqualFold(deref(d.Name), deref(in.Name)) {
				return get[platform.SkillGroupWithMemberDivisions](ctx, c, objectPath(skillGroupsPath, deref(d.ID)), nil)
			}
		}
		return nil, nil
	})
}

func TestQueueMembersAndWrapupCodes(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	ctx := t.Context()
	p := platform.Ptr[string]
	home, err := homeDivision(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	q, err := createNamed(ctx, c, queuesPath, platform.CreateQueueRequest{Name: p("Support")}, "Support", queueName)
	if err != nil {
		t.Fatal(err)
	}
	membersPath := objectPath(queuesPath, *q.ID, "members")
	// changeMembers adds or removes users; one member POST takes at most 100 ids, and adding
	// or removing members is a set change, safe to repeat.
	changeMembers := func(ids []string, remove bool) error {
		var query url.Values
		if remove {
			query = url.Values{"delete": {"true"}}
		}
		return inChunks(ids, 100, func(chunk []string) error {
			body := make([]platform.WritableEntity, len(chunk))
			for i, id := range chunk {
				body[i] = platform.WritableEntity{ID: platform.Ptr(id)}
			}
			return c.PostRepeatable(ctx, membersPath, query, body, nil)
		})
	}
	listMembers := func() ([]platform.QueueMember, error) {
		return platform.ListAll[platform.QueueMember](ctx, c, membersPath, nil, 100)
	}
	// 120 users: the member POST must be split into chunks of 100.
	var ids []string
	for i := range 120 {
		u, err := createUser(ctx, c, platform.CreateUser{Name: p(fmt.Sprintf("Agent %d", i)), Email: p(fmt.Sprintf("agent%d@example.com", i)), DivisionID: home.ID})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *u.ID)
	}
	if err := changeMembers(ids, false); err != nil {
		t.Fatal(err)
	}
	members, err := listMembers()
	if err != nil || len(members) != 120 {
		t.Fatalf("members: %d, %v; want 120", len(members), err)
	}
	if err := c.Do(ctx, http.MethodPatch, objectPath(queuesPath, *q.ID, "members", ids[0]), nil, platform.QueueMember{RingNumber: platform.Ptr(3)}, nil); err != nil {
		t.Fatal(err)
	}
	if err := changeMembers(ids[:110], true); err != nil {
		t.Fatal(err)
	}
	if members, err = listMembers(); err != nil || len(members) != 10 {
		t.Errorf("after removing 110: %d members, %v; want 10", len(members), err)
	}

	w, err := createNamed(ctx, c, wrapupCodesPath, platform.WrapupCodeRequest{Name: p("Resolved")}, "Resolved", wrapupCodeName)
	if err != nil {
		t.Fatal(err)
	}
	codesPath := objectPath(queuesPath, *q.ID, "wrapupcodes")
	if err := c.PostRepeatable(ctx, codesPath, nil, []platform.WrapUpCodeReference{{ID: w.ID}}, &[]platform.WrapupCode{}); err != nil {
		t.Fatal(err)
	}
	codes, err := platform.ListAll[platform.WrapupCode](ctx, c, codesPath, nil, 0)
	if err != nil || len(codes) != 1 || *codes[0].Name != "Resolved" {
		t.Errorf("queue wrap-up codes: %+v, %v", codes, err)
	}
	if err := c.Do(ctx, http.MethodDelete, objectPath(queuesPath, *q.ID, "wrapupcodes", *w.ID), nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	found, err := findNamed(ctx, c, queuesPath, url.Values{"name": {"support"}}, "support", queueName)
	if err != nil || found == nil || *found.ID != *q.ID {
		t.Errorf("queue found by name: %v, %v", found, err)
	}
	if err := c.Do(ctx, http.MethodDelete, objectPath(queuesPath, *q.ID), url.Values{"forceDelete": {"true"}}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := get[platform.Queue](ctx, c, objectPath(queuesPath, *q.ID), nil); !platform.IsNotFound(err) {
		t.Errorf("queue after delete: %v, want 404", err)
	}
}

func TestUsersGroupsAndGrants(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	ctx := t.Context()
	p := platform.Ptr[string]
	home, err := homeDivision(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	u, err := createUser(ctx, c, platform.CreateUser{Name: p("Bob"), Email: p("bob@example.com"), DivisionID: home.ID})
	if err != nil {
		t.Fatal(err)
	}
	userPath := objectPath(usersPath, *u.ID)
	patchUser := func(ctx context.Context, in platform.UpdateUser) error {
		return c.Do(ctx, http.MethodPatch, userPath, nil, in, &platform.User{})
	}
	// PATCH with the current version, re-read on conflict.
	err = platform.RetryOnVersionConflict(ctx, 3, func(ctx context.Context) error {
		cur, err := get[platform.User](ctx, c, userPath, nil)
		if err != nil {
			return err
		}
		return patchUser(ctx, platform.UpdateUser{Version: cur.Version, Title: p("Agent")})
	})
	if err != nil {
		t.Fatal(err)
	}
	// A stale version is a version conflict.
	err = patchUser(ctx, platform.UpdateUser{Version: platform.Ptr(1), Title: p("Stale")})
	if !platform.IsVersionConflict(err) {
		t.Errorf("stale PATCH: %v, want a version conflict", err)
	}

	sk, err := createSkill(ctx, c, platform.CreateRoutingSkill{Name: p("Billing")})
	if err != nil {
		t.Fatal(err)
	}
	lang, err := createNamed(ctx, c, languagesPath, platform.Language{Name: p("French")}, "French", languageName)
	if err != nil {
		t.Fatal(err)
	}
	skillsBody := []platform.UserRoutingSkillPost{{ID: sk.ID, Proficiency: platform.Ptr(3.0)}}
	if err := c.Do(ctx, http.MethodPut, userPath+"/routingskills/bulk", nil, skillsBody, &platform.UserSkillEntityListing{}); err != nil {
		t.Fatal(err)
	}
	if got, err := platform.ListAll[platform.UserRoutingSkill](ctx, c, userPath+"/routingskills", nil, 0); err != nil || len(got) != 1 || *got[0].Proficiency != 3 {
		t.Errorf("user skills: %+v, %v", got, err)
	}
	// Languages have no bulk replace: add with a bulk PATCH, clear by deleting each one.
	langsPath := userPath + "/routinglanguages"
	if err := c.Do(ctx, http.MethodPatch, langsPath+"/bulk", nil, []platform.UserRoutingLanguagePost{{ID: lang.ID, Proficiency: platform.Ptr(4.0)}}, nil); err != nil {
		t.Fatal(err)
	}
	clearLanguages := func() ([]platform.UserRoutingLanguage, error) {
		current, err := platform.ListAll[platform.UserRoutingLanguage](ctx, c, langsPath, nil, 0)
		if err != nil {
			return nil, err
		}
		for _, l := range current {
			if err := c.Do(ctx, http.MethodDelete, objectPath(langsPath, deref(l.ID)), nil, nil, nil); err != nil {
				return nil, err
			}
		}
		return platform.ListAll[platform.UserRoutingLanguage](ctx, c, langsPath, nil, 0)
	}
	if got, err := clearLanguages(); err != nil || len(got) != 0 {
		t.Errorf("clearing languages: %+v, %v", got, err)
	}
	full, err := get[platform.User](ctx, c, userPath, url.Values{"expand": {"skills,languages"}})
	if err != nil || *full.Title != "Agent" || len(full.Skills) != 1 {
		t.Errorf("user with expand: %+v, %v", full, err)
	}

	g, err := createGroup(ctx, c, platform.GroupCreate{Name: p("Tier 1"), Type: p("official"), Visibility: p("public"), RulesVisible: platform.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	groupMembersPath := objectPath(groupsPath, *g.ID, "members")
	if err := c.PostRepeatable(ctx, groupMembersPath, nil, platform.GroupMembersUpdate{MemberIds: []string{*u.ID}}, nil); err != nil {
		t.Fatal(err)
	}
	if m, err := platform.ListAll[platform.User](ctx, c, groupMembersPath, nil, 0); err != nil || len(m) != 1 {
		t.Errorf("group members: %d, %v; want 1", len(m), err)
	}
	if err := c.Do(ctx, http.MethodDelete, groupMembersPath, url.Values{"ids": {*u.ID}}, nil, nil); err != nil {
		t.Fatal(err)
	}

	roles, err := platform.ListAll[platform.DomainOrganizationRole](ctx, c, rolesPath, nil, 0)
	if err != nil || len(roles) == 0 {
		t.Fatalf("roles: %d, %v", len(roles), err)
	}
	subjectPath := objectPath(subjectsPath, *u.ID)
	asUser := url.Values{"subjectType": {"PC_USER"}}
	grants := platform.RoleDivisionGrants{Grants: []platform.RoleDivisionPair{{RoleID: roles[0].ID, DivisionID: home.ID}}}
	if err := c.PostRepeatable(ctx, subjectPath+"/bulkadd", asUser, grants, nil); err != nil {
		t.Fatal(err)
	}
	if s, err := get[platform.AuthzSubject](ctx, c, subjectPath, nil); err != nil || len(s.Grants) != 1 {
		t.Errorf("subject after bulkadd: %+v, %v", s, err)
	}
	if err := c.PostRepeatable(ctx, subjectPath+"/bulkreplace", asUser, platform.RoleDivisionGrants{Grants: []platform.RoleDivisionPair{}}, nil); err != nil {
		t.Fatal(err)
	}
	if s, err := get[platform.AuthzSubject](ctx, c, subjectPath, nil); err != nil || len(s.Grants) != 0 {
		t.Errorf("subject after bulkreplace with none: %+v, %v", s, err)
	}

	if err := c.Do(ctx, http.MethodDelete, userPath, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	// A deleted user is not found by an email search.
	var res platform.UsersSearchResponse
	search := platform.UserSearchRequest{PageSize: platform.Ptr(25),
		Query: []platform.UserSearchCriteria{{Type: p("EXACT"), Fields: []string{"email"}, Value: p("bob@example.com")}}}
	if err := c.PostRepeatable(ctx, usersPath+"/search", nil, search, &res); err != nil {
		t.Fatal(err)
	}
	ok := slices.ContainsFunc(res.Results, func(u platform.User) bool {
		return strings.EqualFold(deref(u.Email), "bob@example.com") && deref(u.State) != "deleted"
	})
	if ok {
		t.Errorf("deleted user found by email: %v, %v", ok, err)
	}
}

func TestOrgTokenAndAudits(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	ctx := t.Context()
	org, err := get[platform.Organization](ctx, c, "/api/v2/organizations/me", nil)
	if err != nil || org.Name == nil || *org.Name != "dev" {
		t.Fatalf("organization: %+v, %v", org, err)
	}
	tok, err := tokenMe(ctx, c)
	if err != nil || tok.Organization == nil || *tok.Organization.ID != *org.ID {
		t.Errorf("token: %+v, %v", tok, err)
	}
	if _, err := createSkill(ctx, c, platform.CreateRoutingSkill{Name: platform.Ptr("Audited")}); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	interval := now.Add(-time.Hour).Format(time.RFC3339) + "/" + now.Add(time.Hour).Format(time.RFC3339)
	res, err := c.QueryAuditsRealtime(ctx, platform.AuditRealtimeQueryRequest{Interval: &interval, ServiceName: platform.Ptr("Routing")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entities) == 0 {
		t.Errorf("no audit record of the skill create: %+v", res)
	}
}
