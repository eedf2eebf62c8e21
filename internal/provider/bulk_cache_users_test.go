package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/go-cmp/cmp"
)

// Bulk reads of users, groups and roles: their writes go through several calls besides
// entityAPI, and users are read with expansions, so these tests drive the seams the
// resources use (readUser, readGroup, the role kind's kindAPI) against the local org and count requests.

// routedUsers creates n users named prefix 0..n-1, each with one routing skill and one
// routing language, through the API, and returns their ids.
func routedUsers(t *testing.T, o *accOrg, prefix string, n int) (ids []string, skillID, languageID string) {
	t.Helper()
	var skill platform.RoutingSkill
	o.do(http.MethodPost, skillsPath, map[string]any{"name": prefix + " skill"}, &skill)
	var lang platform.Language
	o.do(http.MethodPost, languagesPath, map[string]any{"name": prefix + " language"}, &lang)
	for i := range n {
		id := o.apiUser(fmt.Sprintf("%s %d", prefix, i), fmt.Sprintf("%s%d@example.com", prefix, i))
		o.do(http.MethodPut, userPath(id, "routingskills", "bulk"), []platform.UserRoutingSkillPost{{ID: skill.ID, Proficiency: ptr(3.0)}}, nil)
		o.do(http.MethodPatch, userPath(id, "routinglanguages", "bulk"), []platform.UserRoutingLanguagePost{{ID: lang.ID, Proficiency: ptr(4.0)}}, nil)
		ids = append(ids, id)
	}
	return ids, deref(skill.ID), deref(lang.ID)
}

// frozenReads is a provider client whose bulk-read snapshots never expire during the test.
func frozenReads(t *testing.T, o *accOrg) *platform.Client {
	t.Helper()
	client, reads := providerClient(t, o, noEnv)
	now := time.Now()
	reads.now = func() time.Time { return now }
	return client
}

// TestAccBulkReadUsersFromOneListing: reading many users costs the first GET and one listing
// with the same expansions, and a listed user reads exactly as GET by id returns it; a
// deleted user (not listed) is confirmed gone by GET, and an inactive one (not in the
// default listing) is read by GET.
func TestAccBulkReadUsersFromOneListing(t *testing.T) {
	o, log := newCountingOrg(t)
	ids, _, _ := routedUsers(t, o, "agent", 5)
	o.do(http.MethodDelete, userPath(ids[3]), nil, nil)
	if err := patchUser(context.Background(), o.api, ids[4], platform.UpdateUser{State: ptr("inactive")}); err != nil {
		t.Fatal(err)
	}
	client := frozenReads(t, o)
	ctx := context.Background()

	log.start("reads")
	got := map[string]*platform.User{}
	for _, id := range ids {
		u, err := readUser(ctx, client, id)
		if err != nil {
			t.Fatalf("read user %s: %v", id, err)
		}
		got[id] = u
	}
	if got[ids[3]] != nil {
		t.Errorf("deleted user read as %+v, want nil", got[ids[3]])
	}
	if u := got[ids[4]]; u == nil || deref(u.State) != "inactive" {
		t.Errorf("inactive user read as %+v, want it, inactive", u)
	}
	for id, want := range map[string]int{usersPath: 1, userPath(ids[0]): 1, userPath(ids[3]): 1, userPath(ids[4]): 1} {
		if n := log.count("reads", http.MethodGet, id); n != want {
			t.Errorf("GET %s: %d requests, want %d", id, n, want)
		}
	}
	if n := log.count("reads", http.MethodGet, ""); n != 4 {
		t.Errorf("reading %d users cost %d GETs, want 4 (first GET, one listing, the deleted and the inactive user): %v",
			len(ids), n, log.phases["reads"])
	}

	// A listed user is exactly what GET by id with the same expansions returns.
	for _, id := range ids[1:3] {
		var byID platform.User
		o.do(http.MethodGet, userPath(id)+"?"+userReadQuery().Encode(), nil, &byID)
		if diff := cmp.Diff(&byID, got[id]); diff != "" {
			t.Errorf("user %s from the listing differs from GET by id (-GET +listing):\n%s", id, diff)
		}
		if len(got[id].Skills) != 1 || len(got[id].Languages) != 1 {
			t.Errorf("user %s from the listing has skills %v and languages %v, want one of each", id, got[id].Skills, got[id].Languages)
		}
	}
}

// TestAccBulkReadUserWritesInvalidate: each call the user resource writes with marks the
// user, so its next read is a GET showing the write, while an untouched user still comes
// from the listing.
func TestAccBulkReadUserWritesInvalidate(t *testing.T) {
	o, log := newCountingOrg(t)
	ctx := context.Background()
	var skill platform.RoutingSkill
	o.do(http.MethodPost, skillsPath, map[string]any{"name": "Billing"}, &skill)
	var lang platform.Language
	o.do(http.MethodPost, languagesPath, map[string]any{"name": "Welsh"}, &lang)
	var division platform.AuthzDivision
	o.do(http.MethodPost, divisionsPath, map[string]any{"name": "Support"}, &division)
	var role platform.DomainOrganizationRole
	o.do(http.MethodPost, rolesPath, map[string]any{"name": "Agents", "permissions": []string{"routing:queue:view"}}, &role)

	writes := []struct {
		name  string
		write func(c *platform.Client, id string) error
		check func(u *platform.User) bool
	}{
		{"patch", func(c *platform.Client, id string) error {
			return patchUser(ctx, c, id, platform.UpdateUser{Title: ptr("Lead")})
		}, func(u *platform.User) bool { return deref(u.Title) == "Lead" }},
		{"routing skills", func(c *platform.Client, id string) error {
			return replaceUserRoutingSkills(ctx, c, id, []platform.UserRoutingSkillPost{{ID: skill.ID, Proficiency: ptr(5.0)}})
		}, func(u *platform.User) bool { return len(u.Skills) == 1 && deref(u.Skills[0].ID) == deref(skill.ID) }},
		{"routing languages", func(c *platform.Client, id string) error {
			return replaceUserRoutingLanguages(ctx, c, id, []platform.UserRoutingLanguagePost{{ID: lang.ID, Proficiency: ptr(2.0)}})
		}, func(u *platform.User) bool {
			return len(u.Languages) == 1 && deref(u.Languages[0].ID) == deref(lang.ID)
		}},
		{"division move", func(c *platform.Client, id string) error {
			return moveUserToDivision(ctx, c, id, deref(division.ID))
		}, func(u *platform.User) bool { return u.Division != nil && deref(u.Division.ID) == deref(division.ID) }},
		{"password", func(c *platform.Client, id string) error {
			return setUserPassword(ctx, c, id, "Correct-horse-9")
		}, func(*platform.User) bool { return true }},
		{"role grants", func(c *platform.Client, id string) error {
			return replaceUserGrants(ctx, c, id, []platform.RoleDivisionPair{{RoleID: role.ID, DivisionID: division.ID}})
		}, func(*platform.User) bool { return true }},
	}
	ids, _, _ := routedUsers(t, o, "writer", len(writes)+1)
	untouched := ids[len(writes)]
	client := frozenReads(t, o)
	for _, id := range ids {
		if _, err := readUser(ctx, client, id); err != nil {
			t.Fatal(err)
		}
	}
	for i, w := range writes {
		if err := w.write(client, ids[i]); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
	}
	log.start("reads after writes")
	for i, w := range writes {
		u, err := readUser(ctx, client, ids[i])
		if err != nil || u == nil || !w.check(u) {
			t.Errorf("after the %s write the user reads as %+v, %v", w.name, u, err)
		}
		if n := log.count("reads after writes", http.MethodGet, userPath(ids[i])); n != 1 {
			t.Errorf("after the %s write the user was read with %d GETs, want 1 (not from the listing)", w.name, n)
		}
	}
	if _, err := readUser(ctx, client, untouched); err != nil {
		t.Fatal(err)
	}
	if n := log.total("reads after writes"); n != len(writes) {
		t.Errorf("requests = %d, want %d (one GET per written user, none for the untouched one): %v",
			n, len(writes), log.phases["reads after writes"])
	}
}

// TestAccBulkReadGroupAndRoleWritesInvalidate: group member changes and PUTs, which bypass
// entityAPI, mark the group; a grant marks the role it names (its userCount changes).
func TestAccBulkReadGroupAndRoleWritesInvalidate(t *testing.T) {
	o, log := newCountingOrg(t)
	ctx := context.Background()
	member := o.apiUser("Member", "member@example.com")
	var groupIDs, roleIDs []string
	for i := range 3 {
		var g platform.Group
		o.do(http.MethodPost, groupsPath, map[string]any{"name": fmt.Sprintf("Team %d", i), "type": "official",
			"visibility": "public", "rulesVisible": true}, &g)
		groupIDs = append(groupIDs, deref(g.ID))
		var r platform.DomainOrganizationRole
		o.do(http.MethodPost, rolesPath, map[string]any{"name": fmt.Sprintf("Role %d", i), "permissions": []string{"routing:queue:view"}}, &r)
		roleIDs = append(roleIDs, deref(r.ID))
	}
	client := frozenReads(t, o)
	groups, roles := groupAPI(client), kindAPI(client, kinds.Genesys().Named(kinds.Role))
	for i := range groupIDs {
		if _, err := groups.get(ctx, groupIDs[i]); err != nil {
			t.Fatal(err)
		}
		if _, err := roles.get(ctx, roleIDs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := addGroupMembers(ctx, client, groupIDs[0], []string{member}); err != nil {
		t.Fatal(err)
	}
	err := putGroup(ctx, client, groupIDs[1], platform.GroupUpdate{Name: ptr("Team one"), Description: ptr("renamed")},
		func(cur *platform.Group, in *platform.GroupUpdate) { in.Version = cur.Version })
	if err != nil {
		t.Fatal(err)
	}
	home, err := homeDivision(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	if err := replaceUserGrants(ctx, client, member, []platform.RoleDivisionPair{{RoleID: &roleIDs[0], DivisionID: home.ID}}); err != nil {
		t.Fatal(err)
	}

	log.start("reads after writes")
	if g, err := groups.get(ctx, groupIDs[0]); err != nil || g == nil || deref(g.MemberCount) != 1 {
		t.Errorf("group after a member was added: %+v, %v; want memberCount 1", g, err)
	}
	if g, err := groups.get(ctx, groupIDs[1]); err != nil || g == nil || deref(g.Description) != "renamed" {
		t.Errorf("group after its PUT: %+v, %v; want the new description", g, err)
	}
	if r, err := roles.get(ctx, roleIDs[0]); err != nil || r == nil || (*r)["userCount"] != float64(1) {
		t.Errorf("role after a grant: %+v, %v; want userCount 1", r, err)
	}
	for _, untouched := range []func() error{
		func() error { _, err := groups.get(ctx, groupIDs[2]); return err },
		func() error { _, err := roles.get(ctx, roleIDs[2]); return err },
	} {
		if err := untouched(); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{groupsPath + "/" + groupIDs[0], groupsPath + "/" + groupIDs[1], rolesPath + "/" + roleIDs[0]}
	for _, p := range want {
		if n := log.count("reads after writes", http.MethodGet, p); n != 1 {
			t.Errorf("GET %s after its write: %d requests, want 1", p, n)
		}
	}
	if n := log.total("reads after writes"); n != len(want) {
		t.Errorf("requests = %d, want %d (untouched objects come from the listings): %v", n, len(want), log.phases["reads after writes"])
	}
}

// A listing's expansions are best effort on a real org: an entry without an expanded field
// is left out of the snapshot, so its Read GETs it.
func TestBulkReadEntryNeedsExpandedFields(t *testing.T) {
	t.Parallel()
	expand := url.Values{"expand": {"skills,languages"}}
	for _, tc := range []struct {
		entry string
		query url.Values
		want  bool
	}{
		{`{"id":"a","skills":[],"languages":[]}`, expand, true},
		{`{"id":"a","skills":[{"id":"s"}],"languages":[]}`, expand, true},
		{`{"id":"a","skills":[]}`, expand, false},
		{`{"id":"a","skills":null,"languages":[]}`, expand, false},
		{`{"id":"a"}`, nil, true},
		{`not json`, expand, false},
	} {
		if got := hasFields(json.RawMessage(tc.entry), expandedFields(tc.query)); got != tc.want {
			t.Errorf("hasFields(%s, %v) = %v, want %v", tc.entry, tc.query, got, tc.want)
		}
	}
}
