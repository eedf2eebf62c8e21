package kinds

import "strings"

// Catalogue names of the routing area's kinds added for breadth.
const (
	SMSAddress  = "routing.smsaddress"
	EmailDomain = "routing.emaildomain"
	EmailRoute  = "routing.emailroute"
)

// routingAreaKinds are routing kinds beyond the first ones in catalogue.go: messaging
// addresses and domains.
func routingAreaKinds() []*Kind {
	return []*Kind{
		{
			// The client names the domain: its id is the domain name, with the org's mail domain
			// appended for a Genesys-hosted subdomain. The official schema holds the name without
			// that suffix, so the Shape reads a subdomain's domain_id as its first label.
			Name: EmailDomain, Resource: "genesyscloud_routing_email_domain", DataSource: "genesyscloud_routing_email_domain",
			Noun: "email domain", Names: SharedName, FoundBy: "domain_id",
			API: API{Collection: "/api/v2/routing/email/domains", Update: "PATCH",
				ChosenID: "id", SubdomainFlag: "subDomain"},
			Model: "InboundDomain", CreateModel: "InboundDomainCreateRequest", UpdateModel: "InboundDomainPatchRequest",
			Audit: Audit{"Routing", "InboundDomain"}, Permission: "routing:email",
			Actions:  map[string]string{"POST": "manage", "PATCH": "manage", "DELETE": "manage"},
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"*email_domain_id"},
			DependsOn: []string{Integration},
			Shape:     &Shape{FromAPI: emailDomainView, ToAPI: func(body map[string]any) map[string]any { return body }},
			Fields: []Field{
				{Attr: "domain_id", JSON: "id", Type: String, Mode: Required, ForceNew: true,
					Description: "Unique id of the domain, such as example.com. When subdomain is true, the org's regional domain is appended."},
				{Attr: "subdomain", JSON: "subDomain", Type: Bool, Mode: Optional, Default: false, ForceNew: true,
					Description: "Whether this is a Genesys Cloud subdomain, for which the DNS records for sending and receiving email are made."},
				{Attr: "mail_from_domain", JSON: "mailFromSettings.mailFromDomain", Type: String, Mode: Optional,
					Description: "The custom MAIL FROM domain. This must be a subdomain of your email domain."},
				{Attr: "custom_smtp_server_id", JSON: "customSMTPServer.id", Type: String, Mode: Optional, Ref: Integration,
					Description: "The id of the custom SMTP server integration to send outbound emails of this domain with."},
			},
		},
		{
			// A route lives under its domain (named by the domain's id, the domain name). The
			// official schema holds the domain, the reply address's self reference and the
			// blocks in shapes of their own, so the kind is hand-written in the provider and the
			// local org. Its id there is the route's own; import takes <domain id>/<route id>.
			Name: EmailRoute, Resource: "genesyscloud_routing_email_route", DataSource: "genesyscloud_routing_email_route",
			Noun: "email route", Names: SharedName, NameKey: "pattern",
			API:   API{Collection: "/api/v2/routing/email/domains/" + ParentID + "/routes", Parent: EmailDomain, Update: "PUT"},
			Model: "InboundRoute", Audit: Audit{"Routing", "InboundRoute"}, Permission: "routing:email",
			Actions:   map[string]string{"POST": "manage", "PUT": "manage", "DELETE": "manage"},
			Unmanaged: true, IDAttributes: []string{"*email_route_id"},
			DependsOn: []string{EmailDomain, Queue, Skill, Language, Flow},
		},
		{
			Name: SMSAddress, Resource: "genesyscloud_routing_sms_address", DataSource: "genesyscloud_routing_sms_address",
			Noun: "SMS address", Names: SharedName,
			// No update method: every change provisions a new address.
			API:   API{Collection: "/api/v2/routing/sms/addresses"},
			Model: "SmsAddress", CreateModel: "SmsAddressProvision",
			Audit: Audit{"Routing", "SmsAddress"}, Permission: "sms:phoneNumber",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"sms_address_id"},
			Fields: []Field{
				// Optional in the official schema; the API's provision model requires it, so
				// leaving it out is the API's 400, as with the official provider.
				{Attr: "name", JSON: "name", Type: String, Mode: Optional, Description: "Name associated with this address."},
				{Attr: "street", JSON: "street", Type: String, Mode: Required, Description: "The number and street address where this address is located."},
				{Attr: "city", JSON: "city", Type: String, Mode: Required, Description: "The city in which this address is in."},
				{Attr: "region", JSON: "region", Type: String, Mode: Required, Description: "The state or region this address is in."},
				{Attr: "postal_code", JSON: "postalCode", Type: String, Mode: Required, Description: "The postal code this address is in."},
				{Attr: "country_code", JSON: "countryCode", Type: String, Mode: Required,
					Description: "The ISO 3166-1 alpha-2 country code of the country this address is in."},
				{Attr: "auto_correct_address", JSON: "autoCorrectAddress", Type: Bool, Mode: Optional, WriteOnly: true,
					Description: "Whether the provider of the number may correct the address to a valid one."},
			},
		},
	}
}

// emailDomainView is an email domain as its Fields read it: a subdomain's id without the
// org's mail domain the org appended, as the configuration names it.
func emailDomainView(obj map[string]any) map[string]any {
	sub, _ := obj["subDomain"].(bool)
	id, _ := obj["id"].(string)
	if !sub {
		return obj
	}
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		out[k] = v
	}
	label, _, _ := strings.Cut(id, ".")
	out["id"] = label
	return out
}
