package provider

import (
	"context"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// The address a queue's outbound email is sent from: an email route of a domain, held by the
// queue (see routing_queue_settings.go).

type queueOutboundEmailAddressModel struct {
	queueSettingKey
	queueOutboundEmailAddress
}

type queueOutboundEmailAddressResource struct {
	crudResource[queueOutboundEmailAddressModel, platform.Queue]
}

func newQueueOutboundEmailAddressResource() resource.Resource {
	return &queueOutboundEmailAddressResource{queueSettingResource(queueSetting[queueOutboundEmailAddressModel]{
		typeSuffix: "_routing_queue_outbound_email_address", what: "queue outbound email address", errorAttr: "route_id",
		set: func(q *platform.QueueRequest, m *queueOutboundEmailAddressModel) {
			q.OutboundEmailAddress = m.queueOutboundEmailAddress.toAPI()
		},
		clear: func(q *platform.QueueRequest) { q.OutboundEmailAddress = nil },
		held:  func(q *platform.Queue) bool { return queueEmailAddressOf(q).Route != nil },
		fromAPI: func(m *queueOutboundEmailAddressModel, q *platform.Queue) {
			m.setQueue(q)
			m.queueOutboundEmailAddress = emailAddressFromAPI(queueEmailAddressOf(q), m.RouteID)
		},
	})}
}

func (r *queueOutboundEmailAddressResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = queueSettingSchema("Genesys Cloud queue outbound email address: the email route a queue's outbound email is sent from.",
		"The queue whose outbound email address this is. Changing it moves the setting to the other queue.",
		map[string]schema.Attribute{
			"domain_id": schema.StringAttribute{Required: true, Description: "The email domain the address belongs to."},
			"route_id": schema.StringAttribute{Required: true,
				Description: "The email route of the address: a route id, or a genesyscloud_routing_email_route's id."},
		}, nil)
}
