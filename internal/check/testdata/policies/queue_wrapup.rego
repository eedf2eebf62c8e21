# No queue without a wrap-up code, in the configuration and in the projects' plans.
package cx.queues

# In the configuration: a queue block without wrapup_codes.
deny contains {"msg": sprintf("queue %s has no wrap-up code; list the codes its agents choose from", [r.address]), "resource": r.address, "project": r.project} if {
	some r in input.resources
	r.type == "genesyscloud_routing_queue"
	count(object.get(r.attributes, "wrapup_codes", [])) == 0
}

# In a plan: a queue created or updated without wrap-up codes. The provider computes the
# codes when none are set, so the plan's value is unknown either way: the plan's own copy of
# the configuration tells whether the codes are written.
deny contains {"msg": sprintf("the plan of %s leaves queue %s without a wrap-up code", [project, rc.address]), "resource": rc.address, "project": project} if {
	some project, plan in input.plans
	some rc in plan.resource_changes
	rc.type == "genesyscloud_routing_queue"
	some action in rc.change.actions
	action in {"create", "update"}
	not codes_configured(plan, rc.address)
	count(object.get(rc.change.after, "wrapup_codes", [])) == 0
}

codes_configured(plan, address) if {
	some r in plan.configuration.root_module.resources
	r.address == address
	r.expressions.wrapup_codes
}
