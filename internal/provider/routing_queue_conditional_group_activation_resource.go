package provider

import (
	"context"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// A queue's conditional group activation: rules, run periodically (after a pilot rule that
// decides whether they run), that activate groups for the queue when their conditions hold.
// The queue holds them (see routing_queue_settings.go); the blocks are the queue resource's
// conditional_group_activation block, one level up.

type queueCGActivationModel struct {
	queueSettingKey
	queueCGA
}

type queueCGActivationResource struct {
	crudResource[queueCGActivationModel, platform.Queue]
}

func newQueueCGActivationResource() resource.Resource {
	return &queueCGActivationResource{queueSettingResource(queueSetting[queueCGActivationModel]{
		typeSuffix: "_routing_queue_conditional_group_activation", what: "conditional group activation", errorAttr: "rules",
		set: func(q *platform.QueueRequest, m *queueCGActivationModel) {
			q.ConditionalGroupActivation = m.queueCGA.toAPI()
		},
		clear:   func(q *platform.QueueRequest) { q.ConditionalGroupActivation = nil },
		held:    func(q *platform.Queue) bool { return q.ConditionalGroupActivation != nil },
		fromAPI: (*queueCGActivationModel).fromAPI,
	})}
}

// fromAPI reads the activation the queue holds; a queue without a pilot rule has none (null),
// where the queue resource's block reads an empty list.
func (m *queueCGActivationModel) fromAPI(q *platform.Queue) {
	m.setQueue(q)
	m.queueCGA = cgaFromAPI(deref(q.ConditionalGroupActivation))
	if len(m.PilotRule) == 0 {
		m.PilotRule = nil
	}
}

func (r *queueCGActivationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = queueSettingSchema("Genesys Cloud queue conditional group activation: rules that activate groups for a queue when their conditions hold.",
		"The queue the rules belong to. Changing it moves the rules to the other queue.", nil, queueCGABlocks(listvalidator.IsRequired()))
}
