package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// An email route: how inbound email to a pattern of a domain is routed and answered. The
// route lives under its domain, so its id here is "<domain id>/<route id>" (kinds.ChildID),
// which is also the import id, as the official provider imports it. A reply address may name
// the route itself (self_reference_route), which the route can only do once it has an id.

type emailRouteModel struct {
	ID                   types.String           `tfsdk:"id"`
	DomainID             types.String           `tfsdk:"domain_id"`
	Pattern              types.String           `tfsdk:"pattern"`
	FromName             types.String           `tfsdk:"from_name"`
	FromEmail            types.String           `tfsdk:"from_email"`
	QueueID              types.String           `tfsdk:"queue_id"`
	Priority             types.Int64            `tfsdk:"priority"`
	SkillIDs             types.Set              `tfsdk:"skill_ids"`
	LanguageID           types.String           `tfsdk:"language_id"`
	FlowID               types.String           `tfsdk:"flow_id"`
	SpamFlowID           types.String           `tfsdk:"spam_flow_id"`
	HistoryInclusion     types.String           `tfsdk:"history_inclusion"`
	AllowMultipleActions types.Bool             `tfsdk:"allow_multiple_actions"`
	AutoBcc              []emailRouteBccModel   `tfsdk:"auto_bcc"`
	ReplyEmailAddress    []emailRouteReplyModel `tfsdk:"reply_email_address"`
}

type emailRouteBccModel struct {
	Email types.String `tfsdk:"email"`
	Name  types.String `tfsdk:"name"`
}

type emailRouteReplyModel struct {
	DomainID           types.String `tfsdk:"domain_id"`
	RouteID            types.String `tfsdk:"route_id"`
	SelfReferenceRoute types.Bool   `tfsdk:"self_reference_route"`
}

type emailRouteResource struct {
	crudResource[emailRouteModel, emailRoute]
}

func newEmailRouteResource() resource.Resource {
	return &emailRouteResource{crudResource[emailRouteModel, emailRoute]{
		resourceBase: resourceBase{typeSuffix: "_routing_email_route"}, what: "email route", errorAttr: "pattern",
		label: func(m *emailRouteModel) string { return fmt.Sprintf("%q", m.Pattern.ValueString()) },
		create: func(ctx context.Context, c *platform.Client, plan *emailRouteModel, diags *diag.Diagnostics) (*emailRoute, error) {
			body, selfReply := plan.request(ctx, diags)
			if diags.HasError() {
				return nil, nil
			}
			return createEmailRoute(ctx, c, plan.DomainID.ValueString(), body, selfReply)
		},
		update: func(ctx context.Context, c *platform.Client, plan *emailRouteModel, diags *diag.Diagnostics) (*emailRoute, error) {
			body, selfReply := plan.request(ctx, diags)
			domain, own, err := splitEmailRouteID(plan.ID.ValueString())
			if diags.HasError() || err != nil {
				return nil, err
			}
			if selfReply != nil {
				selfReply.Route = &platform.DomainEntityRef{ID: ptr(own)}
				body.ReplyEmailAddress = selfReply
			}
			return emailRouteAPI(c, domain).update(ctx, http.MethodPut, own, body)
		},
		read: func(ctx context.Context, c *platform.Client, id string) (*emailRoute, error) {
			domain, own, err := splitEmailRouteID(id)
			if err != nil {
				return nil, err
			}
			return emailRouteAPI(c, domain).getByID(ctx, own)
		},
		remove: func(ctx context.Context, c *platform.Client, state *emailRouteModel) error {
			domain, own, err := splitEmailRouteID(state.ID.ValueString())
			if err != nil {
				return err
			}
			return emailRouteAPI(c, domain).delete(ctx, own)
		},
		fromAPI: (*emailRouteModel).fromAPI,
	}}
}

// splitEmailRouteID splits a route's id (also its import id) into its domain's and its own.
func splitEmailRouteID(id string) (domain, own string, err error) {
	domain, own, ok := kinds.SplitChildID(id)
	if !ok {
		return "", "", fmt.Errorf("an email route's id is <domain id>/<route id>, not %q", id)
	}
	return domain, own, nil
}

// ownRouteID is the API's id of a route named by a reference: the route part of this
// resource's id, or a bare route id as the official provider's ids are.
func ownRouteID(id string) string {
	if _, own, ok := kinds.SplitChildID(id); ok {
		return own
	}
	return id
}

func (r *emailRouteResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	optionalID := func(what string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Description: what}
	}
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud email route: how inbound email to an address pattern of a domain is routed and replied to. " +
			"Import it by `<domain id>/<route id>`.",
		Attributes: map[string]schema.Attribute{
			"id":        idAttribute(),
			"domain_id": requiredReplacing("Id of the email domain the route belongs to (its domain name). Changing it replaces the route."),
			"pattern":   schema.StringAttribute{Required: true, Description: "The address pattern (the part before @) the route matches."},
			"from_name": schema.StringAttribute{Required: true, Description: "The sender name replies carry."},
			"from_email": schema.StringAttribute{Optional: true,
				Description: "The sender address replies carry; the route's own address when unset."},
			"queue_id": optionalID("The queue inbound email is routed to."),
			"priority": schema.Int64Attribute{Optional: true, Description: "The priority of the emails in the queue."},
			"skill_ids": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				Description: "The skills the emails are routed with."},
			"language_id":  optionalID("The language the emails are routed with."),
			"flow_id":      optionalID("The inbound email flow the emails go to, instead of a queue."),
			"spam_flow_id": optionalID("The flow that processes inbound email marked as spam."),
			"history_inclusion": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("Optional"),
				Validators:  []validator.String{stringvalidator.OneOf("Include", "Exclude", "Optional")},
				Description: "Whether replies include the email's history (Include | Exclude | Optional)."},
			"allow_multiple_actions": schema.BoolAttribute{Optional: true,
				Description: "Whether the route's pattern may take more than one action."},
		},
		Blocks: map[string]schema.Block{
			"auto_bcc": schema.SetNestedBlock{
				Description: "Recipients blind-copied on outbound email of this route.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"email": schema.StringAttribute{Required: true, Description: "The address copied."},
					"name":  schema.StringAttribute{Optional: true, Description: "The name shown with it."},
				}},
			},
			"reply_email_address": schema.ListNestedBlock{
				Description: "The address replies to emails of this route are sent from.",
				Validators:  []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"domain_id": optionalID("The domain replies are sent from."),
					"route_id":  optionalID("The route replies are sent from; not with self_reference_route."),
					"self_reference_route": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
						Description: "Reply from this route itself; route_id must then be unset."},
				}},
			},
		},
	}
}

// request is the route the API takes, and the reply address to set once the route has an id
// when it replies from itself (nil otherwise).
func (m *emailRouteModel) request(ctx context.Context, diags *diag.Diagnostics) (emailRoute, *emailRouteReply) {
	ref := func(v types.String) *platform.DomainEntityRef {
		if !isSet(v) || v.ValueString() == "" {
			return nil
		}
		return &platform.DomainEntityRef{ID: ptr(v.ValueString())}
	}
	body := emailRoute{Pattern: m.Pattern.ValueString(), FromName: m.FromName.ValueString(),
		Queue: ref(m.QueueID), Language: ref(m.LanguageID), Flow: ref(m.FlowID), SpamFlow: ref(m.SpamFlowID)}
	if isSet(m.FromEmail) {
		body.FromEmail = ptr(m.FromEmail.ValueString())
	}
	if isSet(m.Priority) {
		body.Priority = ptr(m.Priority.ValueInt64())
	}
	if isSet(m.HistoryInclusion) {
		body.HistoryInclusion = ptr(m.HistoryInclusion.ValueString())
	}
	if isSet(m.AllowMultipleActions) {
		body.AllowMultipleActions = ptr(m.AllowMultipleActions.ValueBool())
	}
	for _, id := range stringsOf(ctx, m.SkillIDs, diags) {
		body.Skills = append(body.Skills, platform.DomainEntityRef{ID: ptr(id)})
	}
	for _, b := range m.AutoBcc {
		a := emailRouteAddress{Email: ptr(b.Email.ValueString())}
		if isSet(b.Name) {
			a.Name = ptr(b.Name.ValueString())
		}
		body.AutoBcc = append(body.AutoBcc, a)
	}
	if len(m.ReplyEmailAddress) == 0 {
		return body, nil
	}
	rm := m.ReplyEmailAddress[0]
	reply := &emailRouteReply{Domain: ref(rm.DomainID)}
	if rm.SelfReferenceRoute.ValueBool() {
		if isSet(rm.RouteID) {
			diags.AddAttributeError(path.Root("reply_email_address").AtListIndex(0).AtName("route_id"), "route_id with self_reference_route",
				"A route that replies from itself names no other route: leave route_id unset or self_reference_route false.")
		}
		return body, reply
	}
	if isSet(rm.RouteID) {
		reply.Route = &platform.DomainEntityRef{ID: ptr(ownRouteID(rm.RouteID.ValueString()))}
	}
	body.ReplyEmailAddress = reply
	return body, nil
}

// fromAPI reads a route: its domain from the id (set by create, or by an import), the
// references as ids, a reply address naming the route itself as self_reference_route.
func (m *emailRouteModel) fromAPI(r *emailRoute) {
	if domain, _, ok := kinds.SplitChildID(m.ID.ValueString()); ok {
		m.DomainID = types.StringValue(domain)
	}
	m.ID = types.StringValue(kinds.ChildID(m.DomainID.ValueString(), r.ID))
	m.Pattern, m.FromName = types.StringValue(r.Pattern), types.StringValue(r.FromName)
	m.FromEmail = optionalString(r.FromEmail, m.FromEmail)
	refID := func(ref *platform.DomainEntityRef) types.String {
		if ref == nil {
			return types.StringNull()
		}
		return stringOrNull(deref(ref.ID))
	}
	m.QueueID, m.LanguageID, m.FlowID, m.SpamFlowID = refID(r.Queue), refID(r.Language), refID(r.Flow), refID(r.SpamFlow)
	m.Priority = types.Int64PointerValue(r.Priority)
	m.HistoryInclusion = types.StringValue("Optional")
	if r.HistoryInclusion != nil {
		m.HistoryInclusion = types.StringValue(*r.HistoryInclusion)
	}
	m.AllowMultipleActions = types.BoolPointerValue(r.AllowMultipleActions)
	// No skills read as null, unless an empty set was configured.
	if len(r.Skills) > 0 || (isSet(m.SkillIDs) && len(m.SkillIDs.Elements()) == 0) {
		ids := make([]string, 0, len(r.Skills))
		for _, s := range r.Skills {
			ids = append(ids, deref(s.ID))
		}
		m.SkillIDs = stringSetValue(ids)
	} else {
		m.SkillIDs = types.SetNull(types.StringType)
	}
	m.AutoBcc = nil
	for _, a := range r.AutoBcc {
		m.AutoBcc = append(m.AutoBcc, emailRouteBccModel{Email: stringOrNull(deref(a.Email)), Name: stringOrNull(deref(a.Name))})
	}
	prior := m.ReplyEmailAddress
	m.ReplyEmailAddress = nil
	if reply := r.ReplyEmailAddress; reply != nil {
		rm := emailRouteReplyModel{DomainID: refID(reply.Domain), RouteID: refID(reply.Route), SelfReferenceRoute: types.BoolValue(false)}
		switch {
		case reply.Route != nil && deref(reply.Route.ID) == r.ID:
			rm.RouteID, rm.SelfReferenceRoute = types.StringNull(), types.BoolValue(true)
		case len(prior) == 1 && ownRouteID(prior[0].RouteID.ValueString()) == rm.RouteID.ValueString():
			// Configured as another route resource's id (<domain id>/<route id>): the same route.
			rm.RouteID = prior[0].RouteID
		}
		m.ReplyEmailAddress = []emailRouteReplyModel{rm}
	}
}
