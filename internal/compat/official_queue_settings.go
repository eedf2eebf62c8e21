package compat

// queueSettingEntries covers the official resources that manage one setting the API keeps
// inside a queue (written by hand: each reads the queue, changes its setting and puts the
// queue back). Their id is the queue's.
func queueSettingEntries() []Entry {
	memberGroups := func(prefix string) []Attribute {
		return []Attribute{
			sup(prefix+".member_group_id", "string", "required; the local org checks the group exists"),
			sup(prefix+".member_group_type", "string", "required; TEAM | GROUP | SKILLGROUP"),
		}
	}
	conditions := func(prefix string) []Attribute {
		return []Attribute{
			sup(prefix+".condition_expression", "string", "required"),
			sup(prefix+".conditions", "block list (1-10)"),
			sup(prefix+".conditions.operator", "string", "required"),
			sup(prefix+".conditions.value", "number", "required"),
			sup(prefix+".conditions.simple_metric", "block list (max 1)", "required"),
			sup(prefix+".conditions.simple_metric.metric", "string", "required; EstimatedWaitTime | ServiceLevel | IdleAgentCount"),
			sup(prefix+".conditions.simple_metric.queue_id", "string"),
		}
	}
	queueID := sup("queue_id", "string", "required; changing it moves the setting to the other queue (a replace)")
	activation := []Attribute{sup("id", "string", "computed; the queue's id, also the import id"), queueID,
		sup("pilot_rule", "block list (max 1)")}
	activation = append(activation, conditions("pilot_rule")...)
	activation = append(activation, sup("rules", "block list (1-5)", "required"))
	activation = append(activation, conditions("rules")...)
	activation = append(activation, sup("rules.groups", "block list (1-5)"))
	activation = append(activation, memberGroups("rules.groups")...)
	routing := []Attribute{sup("id", "string", "computed; the queue's id, also the import id"), queueID,
		sup("rules", "block list (1-5)", "required"),
		sup("rules.evaluated_queue_id", "string", "this queue when unset"),
		sup("rules.operator", "string", "required"),
		sup("rules.metric", "string", "default EstimatedWaitTime"),
		sup("rules.condition_value", "number", "required"),
		sup("rules.wait_seconds", "number", "default 2"),
		sup("rules.groups", "block set (min 1)", "required")}
	routing = append(routing, memberGroups("rules.groups")...)
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_routing_queue_outbound_email_address", Attributes: []Attribute{
			sup("id", "string", "computed; the queue's id, also the import id"), queueID,
			sup("domain_id", "string", "required"),
			sup("route_id", "string", "required; a route id, or a genesyscloud_routing_email_route's `<domain id>/<route id>`"),
		}},
		{Kind: Resource, Name: "genesyscloud_routing_queue_conditional_group_routing", Attributes: routing},
		{Kind: Resource, Name: "genesyscloud_routing_queue_conditional_group_activation", Attributes: activation},
	}
}
