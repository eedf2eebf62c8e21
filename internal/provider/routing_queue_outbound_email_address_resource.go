package provider

import (
	"context"
	"encoding/json"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The address a queue's outbound email is sent from: an email route of a domain, held by the
// queue (see routing_queue_settings.go).

type queueOutboundEmailAddressModel struct {
	queueSettingKey
	DomainID types.String `tfsdk:"domain_id"`
	RouteID  types.String `tfsdk:"route_id"`
}

type queueOutboundEmailAddressResource struct {
	crudResource[queueOutboundEmailAddressModel, platform.Queue]
}

func newQueueOutboundEmailAddressResource() resource.Resource {
	return &queueOutboundEmailAddressResource{queueSettingResource(queueSetting[queueOutboundEmailAddressModel]{
		typeSuffix: "_routing_queue_outbound_email_address", what: "queue outbound email address", errorAttr: "route_id",
		set: func(q *platform.QueueRequest, m *queueOutboundEmailAddressModel) {
			// A struct of strings always marshals.
			q.OutboundEmailAddress, _ = json.Marshal(queueEmailAddress{Domain: entityRef(m.DomainID),
				Route: &platform.DomainEntityRef{ID: ptr(ownRouteID(m.RouteID.ValueString()))}})
		},
		clear: func(q *platform.QueueRequest) { q.OutboundEmailAddress = nil },
		held:  func(q *platform.Queue) bool { return queueEmailAddressOf(q).Route != nil },
		fromAPI: func(m *queueOutboundEmailAddressModel, q *platform.Queue) {
			a := queueEmailAddressOf(q)
			m.setQueue(q)
			m.DomainID = refID(a.Domain)
			route := refID(a.Route)
			// A route resource's id (<domain id>/<route id>) names the same route.
			if isSet(m.RouteID) && ownRouteID(m.RouteID.ValueString()) == route.ValueString() {
				route = m.RouteID
			}
			m.RouteID = route
		},
	})}
}

// queueEmailAddressOf reads a queue's outbound email address (empty when it has none).
func queueEmailAddressOf(q *platform.Queue) queueEmailAddress {
	var a queueEmailAddress
	if len(q.OutboundEmailAddress) > 0 {
		_ = json.Unmarshal(q.OutboundEmailAddress, &a)
	}
	return a
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
