package compat

// emailRouteEntries covers genesyscloud_routing_email_route, written by hand because a route
// lives under its domain and may reply from itself, which it can only name once it exists.
func emailRouteEntries() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_routing_email_route", Attributes: []Attribute{
			sup("id", "string", "computed; `<domain id>/<route id>`, also the import id (the official import id)"),
			sup("domain_id", "string", "required; changing it replaces the route"),
			sup("pattern", "string", "required; unique in its domain"),
			sup("from_name", "string", "required"),
			sup("from_email", "string"),
			sup("queue_id", "string", "the local org checks the queue exists"),
			sup("priority", "number"),
			sup("skill_ids", "set(string)"),
			sup("language_id", "string"),
			sup("flow_id", "string"),
			sup("spam_flow_id", "string"),
			sup("history_inclusion", "string", "Include | Exclude | Optional; default Optional"),
			sup("allow_multiple_actions", "bool"),
			sup("auto_bcc", "block set"),
			sup("auto_bcc.email", "string", "required"),
			sup("auto_bcc.name", "string"),
			sup("reply_email_address", "block list (max 1)"),
			sup("reply_email_address.domain_id", "string"),
			sup("reply_email_address.route_id", "string", "a route's id, or another route resource's `<domain id>/<route id>`"),
			sup("reply_email_address.self_reference_route", "bool", "the route replies from itself, set by a second write once it has an id"),
		}},
		{Kind: DataSource, Name: "genesyscloud_routing_email_route", Attributes: []Attribute{
			sup("id", "string", "computed; `<domain id>/<route id>`, as the resource's id"),
			sup("domain_id", "string", "required"),
			sup("pattern", "string", "required"),
		}},
	}
}
