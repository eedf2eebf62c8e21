package platform

import (
	"context"
	"net/http"
	"net/url"
)

// Routing queues, their members and wrap-up codes (contract §3.2).

const queuesPath = "/api/v2/routing/queues"

// queueListLimit is how many ids one member or wrap-up code POST takes.
const queueListLimit = 100

// CreateQueue creates a queue; a lost response never leaves a duplicate.
func (c *Client) CreateQueue(ctx context.Context, in CreateQueueRequest) (*Queue, error) {
	return createByName(ctx, c, queuesPath, in, func(ctx context.Context) (*Queue, error) {
		q, _, err := c.FindQueueByName(ctx, str(in.Name))
		return q, err
	})
}

// GetQueue reads a queue.
func (c *Client) GetQueue(ctx context.Context, id string) (*Queue, error) {
	return call1[Queue](ctx, c, http.MethodGet, idPath(queuesPath+"/%s", id), nil, nil)
}

// UpdateQueue replaces a queue (PUT, full replace, no version).
func (c *Client) UpdateQueue(ctx context.Context, id string, in QueueRequest) (*Queue, error) {
	return call1[Queue](ctx, c, http.MethodPut, idPath(queuesPath+"/%s", id), nil, in)
}

// DeleteQueue deletes a queue; force deletes it even when it is in use.
func (c *Client) DeleteQueue(ctx context.Context, id string, force bool) error {
	var q url.Values
	if force {
		q = url.Values{"forceDelete": {"true"}}
	}
	return call0(ctx, c, http.MethodDelete, idPath(queuesPath+"/%s", id), q, nil)
}

// ListQueues lists queues (query: name with * wildcards, id, divisionId, …).
func (c *Client) ListQueues(ctx context.Context, query url.Values) ([]Queue, error) {
	return ListAll[Queue](ctx, c, queuesPath, query, defaultPageSize)
}

// FindQueueByName finds the queue named name (ignoring case).
func (c *Client) FindQueueByName(ctx context.Context, name string) (*Queue, bool, error) {
	queues, err := c.ListQueues(ctx, nameFilter(name))
	if err != nil {
		return nil, false, err
	}
	q, ok := pickByName(queues, name, func(q *Queue) (string, string) { return str(q.Name), "" })
	return q, ok, nil
}

// ListQueueMembers lists a queue's members (query: memberBy=user|group, joined, expand, …).
// The listing has no pageCount, so it is read until a short or empty page.
func (c *Client) ListQueueMembers(ctx context.Context, queueID string, query url.Values) ([]QueueMember, error) {
	return ListAll[QueueMember](ctx, c, idPath(queuesPath+"/%s/members", queueID), query, queueListLimit)
}

// AddQueueMembers adds users to a queue, 100 per request.
func (c *Client) AddQueueMembers(ctx context.Context, queueID string, userIDs []string) error {
	return c.postQueueMembers(ctx, queueID, userIDs, false)
}

// RemoveQueueMembers removes users from a queue, 100 per request.
func (c *Client) RemoveQueueMembers(ctx context.Context, queueID string, userIDs []string) error {
	return c.postQueueMembers(ctx, queueID, userIDs, true)
}

func (c *Client) postQueueMembers(ctx context.Context, queueID string, userIDs []string, remove bool) error {
	var q url.Values
	if remove {
		q = url.Values{"delete": {"true"}}
	}
	for _, chunk := range chunks(userIDs, queueListLimit) {
		body := make([]WritableEntity, len(chunk))
		for i, id := range chunk {
			body[i] = WritableEntity{ID: Ptr(id)}
		}
		if err := setCall(ctx, c, idPath(queuesPath+"/%s/members", queueID), q, body, nil); err != nil {
			return err
		}
	}
	return nil
}

// SetQueueMemberRingNumber sets a member's ring number (bullseye ring, 1-based).
func (c *Client) SetQueueMemberRingNumber(ctx context.Context, queueID, userID string, ringNumber int) error {
	return call0(ctx, c, http.MethodPatch, idPath(queuesPath+"/%s/members/%s", queueID, userID), nil, QueueMember{RingNumber: &ringNumber})
}

// ListQueueWrapupCodes lists the wrap-up codes assigned to a queue.
func (c *Client) ListQueueWrapupCodes(ctx context.Context, queueID string) ([]WrapupCode, error) {
	return ListAll[WrapupCode](ctx, c, idPath(queuesPath+"/%s/wrapupcodes", queueID), nil, defaultPageSize)
}

// AddQueueWrapupCodes assigns wrap-up codes to a queue, 100 per request.
func (c *Client) AddQueueWrapupCodes(ctx context.Context, queueID string, codeIDs []string) ([]WrapupCode, error) {
	var all []WrapupCode
	for _, chunk := range chunks(codeIDs, queueListLimit) {
		body := make([]WrapUpCodeReference, len(chunk))
		for i, id := range chunk {
			body[i] = WrapUpCodeReference{ID: Ptr(id)}
		}
		var out []WrapupCode
		if err := setCall(ctx, c, idPath(queuesPath+"/%s/wrapupcodes", queueID), nil, body, &out); err != nil {
			return all, err
		}
		all = append(all, out...)
	}
	return all, nil
}

// RemoveQueueWrapupCode unassigns one wrap-up code from a queue.
func (c *Client) RemoveQueueWrapupCode(ctx context.Context, queueID, codeID string) error {
	return call0(ctx, c, http.MethodDelete, idPath(queuesPath+"/%s/wrapupcodes/%s", queueID, codeID), nil, nil)
}
