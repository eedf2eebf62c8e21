package provider

import (
	"context"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A queue's conditional group routing rules: which groups join the queue's routing when a
// metric of the queue (or another) passes a limit. The queue holds them (see
// routing_queue_settings.go); the first rule always evaluates the queue itself.

type queueCGRoutingModel struct {
	queueSettingKey
	Rules []queueCGRoutingRule `tfsdk:"rules"`
}

type queueCGRoutingRule struct {
	EvaluatedQueueID types.String `tfsdk:"evaluated_queue_id"`
	cgrRuleBody
}

type queueCGRoutingResource struct {
	crudResource[queueCGRoutingModel, platform.Queue]
}

func newQueueCGRoutingResource() resource.Resource {
	return &queueCGRoutingResource{queueSettingResource(queueSetting[queueCGRoutingModel]{
		typeSuffix: "_routing_queue_conditional_group_routing", what: "conditional group routing", errorAttr: "rules",
		set:   func(q *platform.QueueRequest, m *queueCGRoutingModel) { q.ConditionalGroupRouting = m.toAPI() },
		clear: func(q *platform.QueueRequest) { q.ConditionalGroupRouting = nil },
		held: func(q *platform.Queue) bool {
			return q.ConditionalGroupRouting != nil && len(q.ConditionalGroupRouting.Rules) > 0
		},
		fromAPI: (*queueCGRoutingModel).fromAPI,
	})}
}

// toAPI is the rules as the queue holds them: a rule without an evaluated queue evaluates
// this one.
func (m *queueCGRoutingModel) toAPI() *platform.ConditionalGroupRouting {
	out := &platform.ConditionalGroupRouting{}
	for _, r := range m.Rules {
		queue := entityRef(r.EvaluatedQueueID)
		if queue == nil {
			queue = entityRef(m.QueueID)
		}
		out.Rules = append(out.Rules, r.toAPI(queue))
	}
	return out
}

// fromAPI reads the queue's rules; a rule evaluating the queue itself reads as no evaluated
// queue unless one was configured.
func (m *queueCGRoutingModel) fromAPI(q *platform.Queue) {
	self := deref(q.ID)
	prior := m.Rules
	m.setQueue(q)
	m.Rules = []queueCGRoutingRule{}
	for i, r := range deref(q.ConditionalGroupRouting).Rules {
		evaluated := refID(r.Queue)
		if evaluated.ValueString() == self && (i >= len(prior) || !isSet(prior[i].EvaluatedQueueID)) {
			evaluated = types.StringNull()
		}
		body := cgrRuleBodyFromAPI(r)
		if body.WaitSeconds.IsNull() {
			body.WaitSeconds = types.Int64Value(2)
		}
		m.Rules = append(m.Rules, queueCGRoutingRule{EvaluatedQueueID: evaluated, cgrRuleBody: body})
	}
}

func (r *queueCGRoutingResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = queueSettingSchema("Genesys Cloud queue conditional group routing: groups that join a queue's routing when a metric passes a limit.",
		"The queue the rules belong to. Changing it moves the rules to the other queue.", nil, map[string]schema.Block{
			"rules": schema.ListNestedBlock{
				Description: "The rules, evaluated in order (1-5).",
				Validators:  []validator.List{listvalidator.SizeBetween(1, 5), listvalidator.IsRequired()},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"evaluated_queue_id": schema.StringAttribute{Optional: true,
							Description: "The queue whose metric is evaluated; this queue when unset (the first rule always evaluates it)."},
						"operator": schema.StringAttribute{Required: true, Description: "Comparison of the metric with `condition_value`.",
							Validators: []validator.String{stringvalidator.OneOf(queueCGROperatorValues...)}},
						"metric": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("EstimatedWaitTime"),
							Description: "`EstimatedWaitTime` (default) or `ServiceLevel`.",
							Validators:  []validator.String{stringvalidator.OneOf("EstimatedWaitTime", "ServiceLevel")}},
						"condition_value": schema.Float64Attribute{Required: true, Description: "The limit beyond which the rule is true (0-259200).",
							Validators: []validator.Float64{float64validator.Between(0, 259200)}},
						"wait_seconds": queueCGRWaitSeconds(),
					},
					Blocks: map[string]schema.Block{"groups": queueMemberGroupBlock("Groups activated when the rule is true (at least 1).",
						setvalidator.SizeAtLeast(1), setvalidator.IsRequired())},
				},
			},
		})
}
