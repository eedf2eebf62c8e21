package provider

import (
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Routing settings of a queue: routing rules, bullseye rings, conditional group routing and
// activation, and the groups whose members join the queue. Lists are managed whole: an
// absent block means "none", as in the official provider, so drift in the org shows up.

type queueRoutingRule struct {
	Operator    types.String  `tfsdk:"operator"`
	Threshold   types.Int64   `tfsdk:"threshold"`
	WaitSeconds types.Float64 `tfsdk:"wait_seconds"`
}

type queueMemberGroup struct {
	MemberGroupID   types.String `tfsdk:"member_group_id"`
	MemberGroupType types.String `tfsdk:"member_group_type"`
}

type queueBullseyeRing struct {
	ExpansionTimeoutSeconds types.Float64      `tfsdk:"expansion_timeout_seconds"`
	SkillsToRemove          types.Set          `tfsdk:"skills_to_remove"`
	MemberGroups            []queueMemberGroup `tfsdk:"member_groups"`
}

// queueCGRRule is a rule of the queue's conditional_group_routing_rules block.
type queueCGRRule struct {
	QueueID types.String `tfsdk:"queue_id"`
	cgrRuleBody
}

// cgrRuleBody is what a conditional group routing rule says beside the queue whose metric it
// evaluates, alike in the queue's block and in the standalone resource, which name that
// queue's attribute differently.
type cgrRuleBody struct {
	Operator       types.String       `tfsdk:"operator"`
	Metric         types.String       `tfsdk:"metric"`
	ConditionValue types.Float64      `tfsdk:"condition_value"`
	WaitSeconds    types.Int64        `tfsdk:"wait_seconds"`
	Groups         []queueMemberGroup `tfsdk:"groups"`
}

// toAPI is the rule as the queue holds it, evaluating queue.
func (b cgrRuleBody) toAPI(queue *platform.DomainEntityRef) platform.ConditionalGroupRoutingRule {
	rule := platform.ConditionalGroupRoutingRule{Queue: queue, Metric: b.Metric.ValueStringPointer(), Operator: b.Operator.ValueStringPointer(),
		ConditionValue: b.ConditionValue.ValueFloat64Pointer(), Groups: memberGroupsToAPI(b.Groups)}
	if known(b.WaitSeconds) {
		rule.WaitSeconds = ptr(float64(b.WaitSeconds.ValueInt64()))
	}
	return rule
}

// cgrRuleBodyFromAPI reads what a rule of the queue says beside its queue; a wait the API
// does not answer reads as null.
func cgrRuleBodyFromAPI(r platform.ConditionalGroupRoutingRule) cgrRuleBody {
	return cgrRuleBody{Operator: types.StringPointerValue(r.Operator), Metric: types.StringPointerValue(r.Metric),
		ConditionValue: types.Float64PointerValue(r.ConditionValue), WaitSeconds: optionalIntFromFloat(r.WaitSeconds),
		Groups: memberGroupsFromAPI(r.Groups)}
}

type queueCGA struct {
	PilotRule []queueCGAPilotRule `tfsdk:"pilot_rule"`
	Rules     []queueCGARule      `tfsdk:"rules"`
}

// queueCGAPilotRule is the rule that decides whether the other rules run: conditions and
// how they combine, as every rule has them.
type queueCGAPilotRule struct {
	ConditionExpression types.String        `tfsdk:"condition_expression"`
	Conditions          []queueCGACondition `tfsdk:"conditions"`
}

// queueCGARule is a rule that activates groups when its conditions hold.
type queueCGARule struct {
	queueCGAPilotRule
	Groups []queueMemberGroup `tfsdk:"groups"`
}

type queueCGACondition struct {
	Operator     types.String           `tfsdk:"operator"`
	Value        types.Float64          `tfsdk:"value"`
	SimpleMetric []queueCGASimpleMetric `tfsdk:"simple_metric"`
}

type queueCGASimpleMetric struct {
	Metric  types.String `tfsdk:"metric"`
	QueueID types.String `tfsdk:"queue_id"`
}

// bullseyeTimeout is the only expansion criterion type the API has.
const bullseyeTimeout = "TIMEOUT_SECONDS"

func memberGroupsToAPI(groups []queueMemberGroup) []platform.MemberGroup {
	var out []platform.MemberGroup
	for _, g := range groups {
		out = append(out, platform.MemberGroup{ID: g.MemberGroupID.ValueStringPointer(), Type: g.MemberGroupType.ValueStringPointer()})
	}
	return out
}

func memberGroupsFromAPI(groups []platform.MemberGroup) []queueMemberGroup {
	out := []queueMemberGroup{}
	for _, g := range groups {
		out = append(out, queueMemberGroup{MemberGroupID: types.StringPointerValue(g.ID), MemberGroupType: types.StringPointerValue(g.Type)})
	}
	return out
}

// toAPI is the activation as the queue holds it, whether it is written through the queue's
// block or the resource of its own.
func (c queueCGA) toAPI() *platform.ConditionalGroupActivation {
	cga := &platform.ConditionalGroupActivation{}
	if len(c.PilotRule) > 0 {
		p := c.PilotRule[0]
		cga.PilotRule = &platform.ConditionalGroupActivationPilotRule{ConditionExpression: p.ConditionExpression.ValueStringPointer(), Conditions: cgaConditionsToAPI(p.Conditions)}
	}
	for _, r := range c.Rules {
		cga.Rules = append(cga.Rules, platform.ConditionalGroupActivationRule{
			ConditionExpression: r.ConditionExpression.ValueStringPointer(), Conditions: cgaConditionsToAPI(r.Conditions), Groups: memberGroupsToAPI(r.Groups),
		})
	}
	return cga
}

// cgaFromAPI reads the activation a queue holds; no pilot rule reads as an empty list.
func cgaFromAPI(c platform.ConditionalGroupActivation) queueCGA {
	cga := queueCGA{PilotRule: []queueCGAPilotRule{}, Rules: []queueCGARule{}}
	if p := c.PilotRule; p != nil {
		cga.PilotRule = []queueCGAPilotRule{cgaRuleFromAPI(p.ConditionExpression, p.Conditions)}
	}
	for _, r := range c.Rules {
		cga.Rules = append(cga.Rules, queueCGARule{queueCGAPilotRule: cgaRuleFromAPI(r.ConditionExpression, r.Conditions), Groups: memberGroupsFromAPI(r.Groups)})
	}
	return cga
}

// cgaRuleFromAPI reads a rule's conditions and how they combine.
func cgaRuleFromAPI(expression *string, conds []platform.ConditionalGroupActivationCondition) queueCGAPilotRule {
	return queueCGAPilotRule{ConditionExpression: types.StringPointerValue(expression), Conditions: cgaConditionsFromAPI(conds)}
}

func cgaConditionsToAPI(conds []queueCGACondition) []platform.ConditionalGroupActivationCondition {
	var out []platform.ConditionalGroupActivationCondition
	for _, c := range conds {
		ac := platform.ConditionalGroupActivationCondition{Operator: c.Operator.ValueStringPointer(), Value: c.Value.ValueFloat64Pointer()}
		if len(c.SimpleMetric) > 0 {
			sm := c.SimpleMetric[0]
			ac.SimpleMetric = &platform.ConditionalGroupActivationSimpleMetric{Metric: sm.Metric.ValueStringPointer(), Queue: entityRef(sm.QueueID)}
		}
		out = append(out, ac)
	}
	return out
}

func cgaConditionsFromAPI(conds []platform.ConditionalGroupActivationCondition) []queueCGACondition {
	out := []queueCGACondition{}
	for _, c := range conds {
		qc := queueCGACondition{Operator: types.StringPointerValue(c.Operator), Value: types.Float64PointerValue(c.Value), SimpleMetric: []queueCGASimpleMetric{}}
		if sm := c.SimpleMetric; sm != nil {
			qc.SimpleMetric = []queueCGASimpleMetric{{Metric: types.StringPointerValue(sm.Metric), QueueID: refID(sm.Queue)}}
		}
		out = append(out, qc)
	}
	return out
}

// applyRouting writes the routing settings of the configuration over q.
func (m routingQueueModel) applyRouting(q *platform.QueueRequest) {
	q.RoutingRules = nil
	for _, r := range m.RoutingRules {
		rr := platform.RoutingRule{Operator: r.Operator.ValueStringPointer(), WaitSeconds: r.WaitSeconds.ValueFloat64Pointer()}
		if known(r.Threshold) {
			rr.Threshold = ptr(float64(r.Threshold.ValueInt64()))
		}
		q.RoutingRules = append(q.RoutingRules, rr)
	}
	q.Bullseye = nil
	if len(m.BullseyeRings) > 0 {
		q.Bullseye = &platform.Bullseye{}
		for _, r := range m.BullseyeRings {
			ring := platform.Ring{
				ExpansionCriteria: []platform.ExpansionCriterium{{Type: ptr(bullseyeTimeout), Threshold: r.ExpansionTimeoutSeconds.ValueFloat64Pointer()}},
				MemberGroups:      memberGroupsToAPI(r.MemberGroups),
			}
			if skills := setStrings(r.SkillsToRemove); len(skills) > 0 {
				ring.Actions = &platform.Actions{}
				for _, id := range skills {
					ring.Actions.SkillsToRemove = append(ring.Actions.SkillsToRemove, platform.SkillsToRemove{ID: ptr(id)})
				}
			}
			q.Bullseye.Rings = append(q.Bullseye.Rings, ring)
		}
	}
	q.ConditionalGroupRouting = nil
	if len(m.ConditionalGroupRoutingRules) > 0 {
		q.ConditionalGroupRouting = &platform.ConditionalGroupRouting{}
		for _, r := range m.ConditionalGroupRoutingRules {
			q.ConditionalGroupRouting.Rules = append(q.ConditionalGroupRouting.Rules, r.toAPI(entityRef(r.QueueID)))
		}
	}
	// Activation is written at most once: absent means "not managed".
	if len(m.ConditionalGroupActivation) > 0 {
		q.ConditionalGroupActivation = m.ConditionalGroupActivation[0].toAPI()
	}
	q.MemberGroups = nil
	for _, g := range []struct {
		ids      types.Set
		typeName string
	}{{m.SkillGroups, "SKILLGROUP"}, {m.Groups, "GROUP"}, {m.Teams, "TEAM"}} {
		for _, id := range setStrings(g.ids) {
			q.MemberGroups = append(q.MemberGroups, platform.MemberGroup{ID: ptr(id), Type: ptr(g.typeName)})
		}
	}
}

// routingFromAPI reads the routing settings of q into m.
func (m *routingQueueModel) routingFromAPI(q *platform.Queue, importing bool) {
	m.RoutingRules = []queueRoutingRule{}
	for _, r := range q.RoutingRules {
		m.RoutingRules = append(m.RoutingRules, queueRoutingRule{
			Operator: types.StringPointerValue(r.Operator), Threshold: optionalIntFromFloat(r.Threshold), WaitSeconds: types.Float64PointerValue(r.WaitSeconds),
		})
	}
	priorRings := m.BullseyeRings
	m.BullseyeRings = []queueBullseyeRing{}
	for i, r := range deref(q.Bullseye).Rings {
		ring := queueBullseyeRing{ExpansionTimeoutSeconds: types.Float64Null(), MemberGroups: memberGroupsFromAPI(r.MemberGroups)}
		for _, ec := range r.ExpansionCriteria {
			if deref(ec.Type) == bullseyeTimeout {
				ring.ExpansionTimeoutSeconds = types.Float64PointerValue(ec.Threshold)
			}
		}
		var skills []string
		for _, s := range deref(r.Actions).SkillsToRemove {
			skills = append(skills, deref(s.ID))
		}
		prior := types.SetNull(types.StringType)
		if i < len(priorRings) {
			prior = priorRings[i].SkillsToRemove
		}
		ring.SkillsToRemove = stringSet(skills, prior)
		m.BullseyeRings = append(m.BullseyeRings, ring)
	}
	m.ConditionalGroupRoutingRules = []queueCGRRule{}
	for i, r := range deref(q.ConditionalGroupRouting).Rules {
		queueID := refID(r.Queue)
		if i == 0 && queueID.ValueString() == deref(q.ID) {
			// The first rule always evaluates the queue itself: the API names it, a
			// configuration may not (ValidateConfig), so it reads as unset — or a
			// configuration written from the queue (cx export) would not validate.
			queueID = types.StringNull()
		}
		m.ConditionalGroupRoutingRules = append(m.ConditionalGroupRoutingRules, queueCGRRule{QueueID: queueID, cgrRuleBody: cgrRuleBodyFromAPI(r)})
	}
	if len(m.ConditionalGroupActivation) > 0 || (importing && q.ConditionalGroupActivation != nil) {
		m.ConditionalGroupActivation = []queueCGA{cgaFromAPI(deref(q.ConditionalGroupActivation))}
	}
	byType := map[string][]string{}
	for _, g := range q.MemberGroups {
		byType[deref(g.Type)] = append(byType[deref(g.Type)], deref(g.ID))
	}
	m.SkillGroups = stringSet(byType["SKILLGROUP"], m.SkillGroups)
	m.Groups = stringSet(byType["GROUP"], m.Groups)
	m.Teams = stringSet(byType["TEAM"], m.Teams)
}
