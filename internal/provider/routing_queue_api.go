package provider

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
)

const queuesPath = "/api/v2/routing/queues"

// queueBatch is the most members or wrap-up codes one API call may carry.
const queueBatch = 100

// queueAPI is the API seam for queues. Deletes are forced (the official provider does the
// same) and confirmed for up to two minutes: real orgs remove queues asynchronously.
func queueAPI(c *platform.Client) entityAPI[platform.Queue] {
	api := seamFor(c, queuesPath, 2*time.Minute, func(q *platform.Queue) *string { return q.Name })
	api.deleteQuery = url.Values{"forceDelete": {"true"}}
	return api
}

// queueRequest reads a queue as a full-replace body. Updates start from it so that every
// setting this provider does not model (routing rules, flows, other media...) survives the PUT.
func queueRequest(ctx context.Context, c *platform.Client, id string) (*platform.QueueRequest, error) {
	var q platform.QueueRequest
	if err := c.Do(ctx, http.MethodGet, queuesPath+"/"+url.PathEscape(id), nil, nil, &q); err != nil {
		return nil, err
	}
	return &q, nil
}

// queueMembers returns the queue's user members as user id → ring number. The listing has
// no total, so pages are read until one comes back short.
func queueMembers(ctx context.Context, c *platform.Client, queueID string) (map[string]int, error) {
	members := map[string]int{}
	for page := 1; ; page++ {
		var l platform.QueueMemberEntityListing
		q := url.Values{"memberBy": {"user"}, "pageSize": {strconv.Itoa(queueBatch)}, "pageNumber": {strconv.Itoa(page)}}
		if err := c.Do(ctx, http.MethodGet, queuesPath+"/"+url.PathEscape(queueID)+"/members", q, nil, &l); err != nil {
			return nil, err
		}
		for _, m := range l.Entities {
			id := deref(m.ID)
			if m.User != nil && m.User.ID != nil {
				id = *m.User.ID
			}
			members[id] = max(deref(m.RingNumber), 1)
		}
		if len(l.Entities) < queueBatch {
			return members, nil
		}
	}
}

// syncQueueMembers makes the queue's user members exactly want (user id → ring number):
// extra members are removed and missing ones added in batches, then ring numbers fixed.
func syncQueueMembers(ctx context.Context, c *platform.Client, queueID string, want map[string]int) error {
	have, err := queueMembers(ctx, c, queueID)
	if err != nil {
		return err
	}
	add, remove := idChanges(slices.Collect(maps.Keys(have)), slices.Collect(maps.Keys(want)))
	for _, id := range add {
		have[id] = 1 // members join on ring 1
	}
	membersPath := queuesPath + "/" + url.PathEscape(queueID) + "/members"
	if err := inBatches(remove, func(ids []string) error {
		return c.Do(ctx, http.MethodPost, membersPath, url.Values{"delete": {"true"}}, entityRefs(ids), nil)
	}); err != nil {
		return err
	}
	if err := inBatches(add, func(ids []string) error {
		return c.Do(ctx, http.MethodPost, membersPath, nil, entityRefs(ids), nil)
	}); err != nil {
		return err
	}
	for id, ring := range want {
		if have[id] != ring {
			body := platform.QueueMember{RingNumber: ptr(ring)}
			if err := c.Do(ctx, http.MethodPatch, membersPath+"/"+url.PathEscape(id), nil, body, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// queueWrapupCodes returns the ids of the wrap-up codes assigned to the queue.
func queueWrapupCodes(ctx context.Context, c *platform.Client, queueID string) ([]string, error) {
	var ids []string
	for page := 1; ; page++ {
		var l struct {
			Entities  []platform.WrapupCode `json:"entities"`
			PageCount int                   `json:"pageCount"`
		}
		q := url.Values{"pageSize": {strconv.Itoa(queueBatch)}, "pageNumber": {strconv.Itoa(page)}}
		if err := c.Do(ctx, http.MethodGet, queuesPath+"/"+url.PathEscape(queueID)+"/wrapupcodes", q, nil, &l); err != nil {
			return nil, err
		}
		for _, w := range l.Entities {
			ids = append(ids, deref(w.ID))
		}
		if len(l.Entities) == 0 || page >= l.PageCount {
			return ids, nil
		}
	}
}

// syncQueueWrapupCodes makes the queue's wrap-up codes exactly want.
func syncQueueWrapupCodes(ctx context.Context, c *platform.Client, queueID string, want []string) error {
	haveList, err := queueWrapupCodes(ctx, c, queueID)
	if err != nil {
		return err
	}
	add, remove := idChanges(haveList, want)
	codesPath := queuesPath + "/" + url.PathEscape(queueID) + "/wrapupcodes"
	for _, id := range remove {
		if err := c.Do(ctx, http.MethodDelete, codesPath+"/"+url.PathEscape(id), nil, nil, nil); err != nil && !platform.IsNotFound(err) {
			return err
		}
	}
	return inBatches(add, func(ids []string) error {
		refs := make([]platform.WrapUpCodeReference, len(ids))
		for i, id := range ids {
			refs[i] = platform.WrapUpCodeReference{ID: ptr(id)}
		}
		return c.Do(ctx, http.MethodPost, codesPath, nil, refs, nil)
	})
}

// inBatches sends ids in batches of what one queue call may carry.
func inBatches(ids []string, send func([]string) error) error {
	return inChunks(ids, queueBatch, send)
}

func entityRefs(ids []string) []platform.WritableEntity {
	refs := make([]platform.WritableEntity, len(ids))
	for i, id := range ids {
		refs[i] = platform.WritableEntity{ID: ptr(id)}
	}
	return refs
}
