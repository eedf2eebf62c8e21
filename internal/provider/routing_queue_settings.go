package provider

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/cxascode/cxascode/internal/platform"
)

// Settings of a queue that official resources of their own manage (its outbound email
// address, conditional group routing and activation). The API holds them in the queue
// itself, so each write reads the whole queue, changes the one setting and puts the queue
// back, leaving everything else as it was; the resource's id is the queue's.

// queueSettingTurn keys the lock the setting writes of one queue share on the client.
type queueSettingTurn struct{ queueID string }

// writeQueueSetting changes one setting of the queue with id (set changes the request read
// from the org) and returns the queue as the org answers it.
func writeQueueSetting(ctx context.Context, c *platform.Client, id string, set func(q *platform.QueueRequest)) (*platform.Queue, error) {
	// OpenTofu writes the settings of one queue in parallel; each write puts back the whole
	// queue it read, so two at once would undo each other. They take turns per queue.
	turn := c.AttachOnce(queueSettingTurn{id}, &sync.Mutex{}).(*sync.Mutex)
	turn.Lock()
	defer turn.Unlock()
	q, err := queueRequest(ctx, c, id)
	if err != nil {
		return nil, fmt.Errorf("read queue %s: %w", id, err)
	}
	set(q)
	return queueAPI(c).update(ctx, http.MethodPut, id, q)
}

// readQueueSetting reads the queue holding a setting; has reports whether the queue holds
// the setting at all. A queue that is gone, or that no longer holds the setting, is nil: the
// resource is gone from the org.
func readQueueSetting(ctx context.Context, c *platform.Client, id string, has func(q *platform.Queue) bool) (*platform.Queue, error) {
	q, err := queueAPI(c).getByID(ctx, id)
	if err != nil || q == nil || !has(q) {
		return nil, err
	}
	return q, nil
}

// unlessQueueGone is err, except that a queue gone from the org no longer holds the setting
// a destroy would remove, so its 404 is no failure.
func unlessQueueGone(err error) error {
	if platform.IsNotFound(err) {
		return nil
	}
	return err
}
