package provider

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
)

// The group API seam: create (found by name from the full listing when the response is
// lost), version-checked PUTs, and members in chunks of 50.

const groupsPath = "/api/v2/groups"

// groupMemberChunk is the most ids one member change takes (DELETE ?ids= allows 50).
const groupMemberChunk = 50

// groupAPI is the API seam for groups (versioned PUT, hard delete, no name filter on the list).
// The writes below that bypass it call noteWrite, so a group is bulk-read safely.
func groupAPI(c *platform.Client) entityAPI[platform.Group] {
	api := seamFor(c, groupsPath, 60*time.Second, func(g *platform.Group) *string { return g.Name })
	api.softDeleted = func(g *platform.Group) bool { return deref(g.State) == "deleted" }
	return api
}

// createGroup creates a group; a lost response never leaves a duplicate. The lookup reads
// the plain listing, not the search, because the search lags writes.
func createGroup(ctx context.Context, c *platform.Client, in platform.GroupCreate) (*platform.Group, error) {
	return groupAPI(c).createFoundBy(ctx, in, func(ctx context.Context) (*platform.Group, error) {
		groups, err := platform.ListAll[platform.Group](ctx, c, groupsPath, nil, 0)
		if err != nil {
			return nil, err
		}
		for i := range groups {
			if strings.EqualFold(deref(groups[i].Name), deref(in.Name)) && deref(groups[i].State) != "deleted" {
				return &groups[i], nil
			}
		}
		return nil, nil
	})
}

// putGroup re-reads the group's version and PUTs in, retrying on version conflicts. prepare
// completes in from the current group (its version, and what the PUT would otherwise
// clear); what it sets stays set for the attempts after a conflict.
func putGroup(ctx context.Context, c *platform.Client, id string, in platform.GroupUpdate, prepare func(cur *platform.Group, in *platform.GroupUpdate)) error {
	objectPath := groupsPath + "/" + url.PathEscape(id)
	defer noteWrite(c, groupsPath, id) // marked even on failure: the write may have happened
	return platform.RetryOnVersionConflict(ctx, 0, func(ctx context.Context) error {
		var cur platform.Group
		if err := c.Do(ctx, http.MethodGet, objectPath, nil, nil, &cur); err != nil {
			return err
		}
		prepare(&cur, &in)
		return c.Do(ctx, http.MethodPut, objectPath, nil, in, &platform.Group{})
	})
}

// groupMemberIDs lists the ids of a group's members.
func groupMemberIDs(ctx context.Context, c *platform.Client, groupID string) ([]string, error) {
	users, err := platform.ListAll[platform.User](ctx, c, groupsPath+"/"+url.PathEscape(groupID)+"/members", nil, 0)
	if err != nil {
		return nil, err
	}
	ids := []string{}
	for _, u := range users {
		ids = append(ids, deref(u.ID))
	}
	return ids, nil
}

// addGroupMembers adds users to a group, 50 per request. No version is sent, so a repeat
// after a lost response is harmless.
func addGroupMembers(ctx context.Context, c *platform.Client, groupID string, userIDs []string) error {
	defer noteWrite(c, groupsPath, groupID) // the group's memberCount changes
	membersPath := groupsPath + "/" + url.PathEscape(groupID) + "/members"
	return inChunks(userIDs, groupMemberChunk, func(ids []string) error {
		return c.PostRepeatable(ctx, membersPath, nil, platform.GroupMembersUpdate{MemberIds: ids}, nil)
	})
}

// removeGroupMembers removes users from a group, 50 per request.
func removeGroupMembers(ctx context.Context, c *platform.Client, groupID string, userIDs []string) error {
	defer noteWrite(c, groupsPath, groupID) // the group's memberCount changes
	membersPath := groupsPath + "/" + url.PathEscape(groupID) + "/members"
	return inChunks(userIDs, groupMemberChunk, func(ids []string) error {
		return c.Do(ctx, http.MethodDelete, membersPath, url.Values{"ids": {strings.Join(ids, ",")}}, nil, nil)
	})
}
