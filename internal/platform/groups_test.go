package platform_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// Every typed create must find its object by name when the response is lost, in every
// API group: with every write's answer lost, each create still returns the object, and a
// second lookup finds exactly one.
func TestTypedCreatesSurviveLostResponses(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	ctx := t.Context()
	if _, err := c.GetTokenMe(ctx); err != nil {
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
			v, err := c.CreateSkill(ctx, platform.CreateRoutingSkill{Name: p("S1")})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(c.ListSkills(ctx, nil)) }},
		{"language", func() (string, error) {
			v, err := c.CreateLanguage(ctx, platform.Language{Name: p("L1")})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(c.ListLanguages(ctx, nil)) }},
		{"wrap-up code", func() (string, error) {
			v, err := c.CreateWrapupCode(ctx, platform.WrapupCodeRequest{Name: p("W1")})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(c.ListWrapupCodes(ctx, nil)) }},
		{"queue", func() (string, error) {
			v, err := c.CreateQueue(ctx, platform.CreateQueueRequest{Name: p("Q1")})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(c.ListQueues(ctx, nil)) }},
		{"skill group", func() (string, error) {
			v, err := c.CreateSkillGroup(ctx, platform.SkillGroupWithMemberDivisions{Name: p("SG1"),
				SkillConditions: []platform.SkillGroupCondition{{Operation: p("And"),
					RoutingSkillConditions:  []platform.SkillGroupRoutingCondition{{RoutingSkill: p("S1"), Comparator: p("GreaterThan"), Proficiency: platform.Ptr(1.0)}},
					LanguageSkillConditions: []platform.SkillGroupLanguageCondition{}}}})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(c.ListSkillGroups(ctx, nil)) }},
		{"group", func() (string, error) {
			v, err := c.CreateGroup(ctx, platform.GroupCreate{Name: p("G1"), Type: p("official"), Visibility: p("public"), RulesVisible: platform.Ptr(true)})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(c.ListGroups(ctx, nil)) }},
		{"user", func() (string, error) {
			home, err := c.GetHomeDivision(ctx)
			if err != nil {
				return "", err
			}
			v, err := c.CreateUser(ctx, platform.CreateUser{Name: p("Ann"), Email: p("ann@example.com"), DivisionID: home.ID})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) { return countOf(c.ListUsers(ctx, nil)) }},
		{"division", func() (string, error) {
			v, err := c.CreateDivision(ctx, platform.AuthzDivision{Name: p("D1"), Description: p("d")})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) {
			n, err := countOf(c.ListDivisions(ctx, nil))
			return n - 1, err // the home division
		}},
		{"role", func() (string, error) {
			v, err := c.CreateRole(ctx, platform.DomainOrganizationRoleCreate{Name: p("R1")})
			return id(v, err, func() *string { return v.ID })
		}, func() (int, error) {
			r, ok, err := c.FindRoleByName(ctx, "R1")
			if err != nil || !ok || r.ID == nil {
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

func TestQueueMembersAndWrapupCodes(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	ctx := t.Context()
	p := platform.Ptr[string]
	home, err := c.GetHomeDivision(ctx)
	if err != nil {
		t.Fatal(err)
	}
	q, err := c.CreateQueue(ctx, platform.CreateQueueRequest{Name: p("Support")})
	if err != nil {
		t.Fatal(err)
	}
	// 120 users: the member POST must be split into chunks of 100.
	var ids []string
	for i := range 120 {
		u, err := c.CreateUser(ctx, platform.CreateUser{Name: p(fmt.Sprintf("Agent %d", i)), Email: p(fmt.Sprintf("agent%d@example.com", i)), DivisionID: home.ID})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *u.ID)
	}
	if err := c.AddQueueMembers(ctx, *q.ID, ids); err != nil {
		t.Fatal(err)
	}
	members, err := c.ListQueueMembers(ctx, *q.ID, nil)
	if err != nil || len(members) != 120 {
		t.Fatalf("members: %d, %v; want 120", len(members), err)
	}
	if err := c.SetQueueMemberRingNumber(ctx, *q.ID, ids[0], 3); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveQueueMembers(ctx, *q.ID, ids[:110]); err != nil {
		t.Fatal(err)
	}
	if members, err = c.ListQueueMembers(ctx, *q.ID, nil); err != nil || len(members) != 10 {
		t.Errorf("after removing 110: %d members, %v; want 10", len(members), err)
	}

	w, err := c.CreateWrapupCode(ctx, platform.WrapupCodeRequest{Name: p("Resolved")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddQueueWrapupCodes(ctx, *q.ID, []string{*w.ID}); err != nil {
		t.Fatal(err)
	}
	codes, err := c.ListQueueWrapupCodes(ctx, *q.ID)
	if err != nil || len(codes) != 1 || *codes[0].Name != "Resolved" {
		t.Errorf("queue wrap-up codes: %+v, %v", codes, err)
	}
	if err := c.RemoveQueueWrapupCode(ctx, *q.ID, *w.ID); err != nil {
		t.Fatal(err)
	}
	found, ok, err := c.FindQueueByName(ctx, "support")
	if err != nil || !ok || *found.ID != *q.ID {
		t.Errorf("FindQueueByName: %v, %v, %v", found, ok, err)
	}
	if err := c.DeleteQueue(ctx, *q.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetQueue(ctx, *q.ID); !platform.IsNotFound(err) {
		t.Errorf("queue after delete: %v, want 404", err)
	}
}

func TestUsersGroupsAndGrants(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	ctx := t.Context()
	p := platform.Ptr[string]
	home, err := c.GetHomeDivision(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u, err := c.CreateUser(ctx, platform.CreateUser{Name: p("Bob"), Email: p("bob@example.com"), DivisionID: home.ID})
	if err != nil {
		t.Fatal(err)
	}
	// PATCH with the current version, re-read on conflict.
	err = platform.RetryOnVersionConflict(ctx, 3, func(ctx context.Context) error {
		cur, err := c.GetUser(ctx, *u.ID)
		if err != nil {
			return err
		}
		_, err = c.PatchUser(ctx, *u.ID, platform.UpdateUser{Version: cur.Version, Title: p("Agent")})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// A stale version is a version conflict.
	_, err = c.PatchUser(ctx, *u.ID, platform.UpdateUser{Version: platform.Ptr(1), Title: p("Stale")})
	if !platform.IsVersionConflict(err) {
		t.Errorf("stale PATCH: %v, want a version conflict", err)
	}

	sk, err := c.CreateSkill(ctx, platform.CreateRoutingSkill{Name: p("Billing")})
	if err != nil {
		t.Fatal(err)
	}
	lang, err := c.CreateLanguage(ctx, platform.Language{Name: p("French")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ReplaceUserRoutingSkills(ctx, *u.ID, []platform.UserRoutingSkillPost{{ID: sk.ID, Proficiency: platform.Ptr(3.0)}}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.ListUserRoutingSkills(ctx, *u.ID); err != nil || len(got) != 1 || *got[0].Proficiency != 3 {
		t.Errorf("user skills: %+v, %v", got, err)
	}
	if _, err := c.ReplaceUserRoutingLanguages(ctx, *u.ID, []platform.UserRoutingLanguagePost{{ID: lang.ID, Proficiency: platform.Ptr(4.0)}}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.ReplaceUserRoutingLanguages(ctx, *u.ID, nil); err != nil || len(got) != 0 {
		t.Errorf("clearing languages: %+v, %v", got, err)
	}
	full, err := c.GetUser(ctx, *u.ID, "skills", "languages")
	if err != nil || *full.Title != "Agent" || len(full.Skills) != 1 {
		t.Errorf("user with expand: %+v, %v", full, err)
	}

	g, err := c.CreateGroup(ctx, platform.GroupCreate{Name: p("Tier 1"), Type: p("official"), Visibility: p("public"), RulesVisible: platform.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddGroupMembers(ctx, *g.ID, []string{*u.ID}); err != nil {
		t.Fatal(err)
	}
	if m, err := c.ListGroupMembers(ctx, *g.ID); err != nil || len(m) != 1 {
		t.Errorf("group members: %d, %v; want 1", len(m), err)
	}
	if err := c.RemoveGroupMembers(ctx, *g.ID, []string{*u.ID}); err != nil {
		t.Fatal(err)
	}

	roles, err := c.ListRoles(ctx, nil)
	if err != nil || len(roles) == 0 {
		t.Fatalf("roles: %d, %v", len(roles), err)
	}
	grants := platform.RoleDivisionGrants{Grants: []platform.RoleDivisionPair{{RoleID: roles[0].ID, DivisionID: home.ID}}}
	if err := c.AddSubjectGrants(ctx, *u.ID, "PC_USER", grants); err != nil {
		t.Fatal(err)
	}
	if s, err := c.GetSubject(ctx, *u.ID); err != nil || len(s.Grants) != 1 {
		t.Errorf("subject after bulkadd: %+v, %v", s, err)
	}
	if err := c.ReplaceSubjectGrants(ctx, *u.ID, "PC_USER", platform.RoleDivisionGrants{}); err != nil {
		t.Fatal(err)
	}
	if s, err := c.GetSubject(ctx, *u.ID); err != nil || len(s.Grants) != 0 {
		t.Errorf("subject after bulkreplace with none: %+v, %v", s, err)
	}

	if err := c.DeleteUser(ctx, *u.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := c.FindUserByEmail(ctx, "bob@example.com"); err != nil || ok {
		t.Errorf("deleted user found by email: %v, %v", ok, err)
	}
}

func TestOrgTokenAndAudits(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	ctx := t.Context()
	org, err := c.GetOrganizationMe(ctx)
	if err != nil || org.Name == nil || *org.Name != "dev" {
		t.Fatalf("organization: %+v, %v", org, err)
	}
	tok, err := c.GetTokenMe(ctx)
	if err != nil || tok.Organization == nil || *tok.Organization.ID != *org.ID {
		t.Errorf("token: %+v, %v", tok, err)
	}
	if _, err := c.CreateSkill(ctx, platform.CreateRoutingSkill{Name: platform.Ptr("Audited")}); err != nil {
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
