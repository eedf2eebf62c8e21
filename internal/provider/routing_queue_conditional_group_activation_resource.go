package provider

import (
	"context"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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
	expression := schema.StringAttribute{Required: true, Description: "How the conditions combine, e.g. `C1 and C2`."}
	resp.Schema = queueSettingSchema("Genesys Cloud queue conditional group activation: rules that activate groups for a queue when their conditions hold.",
		"The queue the rules belong to. Changing it moves the rules to the other queue.", nil, map[string]schema.Block{
			"pilot_rule": schema.ListNestedBlock{
				Description: "Rule run periodically to decide whether the other rules run.",
				Validators:  []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{"condition_expression": expression},
					Blocks:     map[string]schema.Block{"conditions": queueCGAConditionsBlock()},
				},
			},
			"rules": schema.ListNestedBlock{
				Description: "Rules run periodically (1-5).",
				Validators:  []validator.List{listvalidator.SizeBetween(1, 5), listvalidator.IsRequired()},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{"condition_expression": expression},
					Blocks: map[string]schema.Block{
						"conditions": queueCGAConditionsBlock(),
						"groups": schema.ListNestedBlock{
							Description: "Groups activated when the rule is true (1-5).",
							Validators:  []validator.List{listvalidator.SizeBetween(1, 5)},
							NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
								"member_group_id": schema.StringAttribute{Required: true, Description: "ID of the group, skill group or team."},
								"member_group_type": schema.StringAttribute{Required: true, Description: "`TEAM`, `GROUP` or `SKILLGROUP`.",
									Validators: []validator.String{stringvalidator.OneOf(queueMemberGroupTypeValues...)}},
							}},
						},
					},
				},
			},
		})
}
