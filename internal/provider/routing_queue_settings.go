package provider

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"sync"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
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

// queueSettingKey opens the model of every such resource: its id, which is the queue's, and
// the queue it belongs to.
type queueSettingKey struct {
	ID      types.String `tfsdk:"id"`
	QueueID types.String `tfsdk:"queue_id"`
}

func (k *queueSettingKey) settingKey() *queueSettingKey { return k }

// setQueue keys the setting by the queue that holds it.
func (k *queueSettingKey) setQueue(q *platform.Queue) {
	k.ID, k.QueueID = types.StringValue(deref(q.ID)), types.StringValue(deref(q.ID))
}

// queueSettingModel is a model that embeds queueSettingKey.
type queueSettingModel[M any] interface {
	*M
	settingKey() *queueSettingKey
}

// queueSettingSchema is the schema of such a resource: what it is (the note on its id and
// import follows), the id and queue_id attributes (with the queue_id's description) beside
// the setting's own attributes, and the setting's blocks.
func queueSettingSchema(description, queueDescription string, attrs map[string]schema.Attribute, blocks map[string]schema.Block) schema.Schema {
	all := map[string]schema.Attribute{"id": idAttribute(), "queue_id": requiredReplacing(queueDescription)}
	maps.Copy(all, attrs)
	return schema.Schema{
		Description: description + " The id is the queue's; import it by the queue's id.",
		Attributes:  all,
		Blocks:      blocks,
	}
}

// queueSetting is what one of those resources says about its setting; queueSettingResource
// makes the rest (write by reading and putting the queue back, read, remove, id, label).
type queueSetting[M any] struct {
	typeSuffix, what, errorAttr string
	// set writes the planned setting into the queue's request; clear removes it.
	set   func(q *platform.QueueRequest, m *M)
	clear func(q *platform.QueueRequest)
	// held reports whether a queue holds the setting at all.
	held    func(q *platform.Queue) bool
	fromAPI func(m *M, q *platform.Queue)
}

func queueSettingResource[M any, PM queueSettingModel[M]](s queueSetting[M]) crudResource[M, platform.Queue] {
	queueID := func(m *M) string { return PM(m).settingKey().QueueID.ValueString() }
	write := func(ctx context.Context, c *platform.Client, plan *M, _ *diag.Diagnostics) (*platform.Queue, error) {
		return writeQueueSetting(ctx, c, queueID(plan), func(q *platform.QueueRequest) { s.set(q, plan) })
	}
	return crudResource[M, platform.Queue]{
		resourceBase: resourceBase{typeSuffix: s.typeSuffix}, what: s.what, errorAttr: s.errorAttr,
		label:  func(m *M) string { return "of queue " + queueID(m) },
		create: write, update: write,
		read: func(ctx context.Context, c *platform.Client, id string) (*platform.Queue, error) {
			return readQueueSetting(ctx, c, id, s.held)
		},
		remove: func(ctx context.Context, c *platform.Client, state *M) error {
			_, err := writeQueueSetting(ctx, c, queueID(state), s.clear)
			return unlessQueueGone(err)
		},
		fromAPI: s.fromAPI,
	}
}
