package provider

// routingAccCases are the acceptance rows of the routing area's regular kinds added for
// breadth (kinds/catalogue_routing.go); see kindAccCase.
var routingAccCases = map[string]kindAccCase{
	"genesyscloud_routing_email_domain": {
		// A domain of the customer's own, given a MAIL FROM subdomain, which then changes.
		create: `resource "genesyscloud_routing_email_domain" "it" {
  domain_id        = "support.example.com"
  mail_from_domain = "mail.support.example.com"
}`,
		update: `resource "genesyscloud_routing_email_domain" "it" {
  domain_id        = "support.example.com"
  subdomain        = false
  mail_from_domain = "bounce.support.example.com"
}`,
		createChecks: map[string]string{"id": "support.example.com", "domain_id": "support.example.com", "subdomain": "false",
			"mail_from_domain": "mail.support.example.com", "custom_smtp_server_id": absent},
		updateChecks: map[string]string{"mail_from_domain": "bounce.support.example.com"},
		driftPath:    "mailFromSettings.mailFromDomain", driftValue: "edited.support.example.com",
	},
}
