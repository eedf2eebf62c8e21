package routing

import (
	"fmt"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Enum values of the queue model (Java SDK docs, as listed in the contract's enum file).
// Functions, not variables, so that no caller can change a list another relies on.
func queueScoringMethods() []string { return []string{"TimestampAndPriority", "PriorityOnly"} }
func queueLastAgentRoutingModes() []string {
	return []string{"Disabled", "QueueMembersOnly", "AnyAgent"}
}
func queueSkillEvaluationModes() []string { return []string{"NONE", "BEST", "ALL"} }
func queueWrapupPrompts() []string {
	return []string{"MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT", "AGENT_REQUESTED"}
}
func queueRoutingRuleOperators() []string { return []string{"MEETS_THRESHOLD", "ANY"} }
func queueCGRMetrics() []string           { return []string{"EstimatedWaitTime", "ServiceLevel"} }
func queueCGROperators() []string {
	return []string{"GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo"}
}
func queueCGAMetrics() []string {
	return []string{"EstimatedWaitTime", "IdleAgentCount", "ServiceLevel"}
}
func queueCGAOperators() []string {
	return []string{"GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo", "EqualTo", "NotEqualTo"}
}
func queueMemberGroupTypes() []string { return []string{"TEAM", "GROUP", "SKILLGROUP"} }
func queueExpansionTypes() []string   { return []string{"TIMEOUT_SECONDS"} }
func queueCallbackModes() []string    { return []string{"AgentFirst", "CustomerFirst"} }
func queueCallbackReactions() []string {
	return []string{"HangUp", "TransferToQueue", "TransferToFlow"}
}
func queueCannedResponseModes() []string { return []string{"All", "SelectedOnly", "None"} }
func queueInactivityActions() []string   { return []string{"DISCONNECT", "SEND_TO_ARCHITECT_FLOW"} }

// Ranges the real API and the official provider enforce. The alerting-timeout maximum
// is our choice (one day): the contract names only the minimum.
const (
	minAlertingTimeoutSeconds = 7
	maxAlertingTimeoutSeconds = 86400
	minServiceLevelDurationMs = 1000
	minAcwTimeoutMs           = 1000
	maxAcwTimeoutMs           = 3600000
)

// validateQueue checks a queue as sent (after the server fills nothing yet): enums, ranges
// and references. It also completes references it resolved (names and selfUris of skills,
// groups, skill groups and queues), as the real API returns them. selfID is the queue's own
// id (a conditional-routing rule may name the queue itself).
func validateQueue(tx *store.Tx, q *platform.Queue, selfID string) error {
	checks := []error{
		host.CheckEnum("scoringMethod", q.ScoringMethod, queueScoringMethods()...),
		host.CheckEnum("lastAgentRoutingMode", q.LastAgentRoutingMode, queueLastAgentRoutingModes()...),
		host.CheckEnum("skillEvaluationMethod", q.SkillEvaluationMethod, queueSkillEvaluationModes()...),
	}
	if a := q.AcwSettings; a != nil {
		checks = append(checks, host.CheckEnum("acwSettings.wrapupPrompt", a.WrapupPrompt, queueWrapupPrompts()...),
			checkIntRange("acwSettings.timeoutMs", a.TimeoutMs, minAcwTimeoutMs, maxAcwTimeoutMs))
	}
	if c := q.CannedResponseLibraries; c != nil {
		checks = append(checks, host.CheckEnum("cannedResponseLibraries.mode", c.Mode, queueCannedResponseModes()...))
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	if err := validateMediaSettings(q.MediaSettings); err != nil {
		return err
	}
	for i, rr := range q.RoutingRules {
		if err := host.CheckEnum(fmt.Sprintf("routingRules[%d].operator", i), rr.Operator, queueRoutingRuleOperators()...); err != nil {
			return err
		}
	}
	if err := resolveMemberGroups(tx, "memberGroups", q.MemberGroups); err != nil {
		return err
	}
	if b := q.Bullseye; b != nil {
		for i, ring := range b.Rings {
			f := fmt.Sprintf("bullseye.rings[%d]", i)
			for j, ec := range ring.ExpansionCriteria {
				if err := host.CheckEnum(fmt.Sprintf("%s.expansionCriteria[%d].type", f, j), ec.Type, queueExpansionTypes()...); err != nil {
					return err
				}
			}
			if ring.Actions != nil {
				for j := range ring.Actions.SkillsToRemove {
					sk := &ring.Actions.SkillsToRemove[j]
					field := fmt.Sprintf("%s.actions.skillsToRemove[%d].id", f, j)
					if host.Deref(sk.ID) == "" {
						return apihttp.Required(field)
					}
					o := entity.Live(tx, host.KindSkill, *sk.ID)
					if o == nil {
						return apihttp.UnknownRef(field, *sk.ID)
					}
					sk.Name, sk.SelfURI = host.Ptr(o.Name), host.Ptr(host.SkillSelfURI(o.ID))
				}
			}
			if err := resolveMemberGroups(tx, f+".memberGroups", ring.MemberGroups); err != nil {
				return err
			}
		}
	}
	if cgr := q.ConditionalGroupRouting; cgr != nil {
		for i, rule := range cgr.Rules {
			f := fmt.Sprintf("conditionalGroupRouting.rules[%d]", i)
			if err := host.CheckEnum(f+".metric", rule.Metric, queueCGRMetrics()...); err != nil {
				return err
			}
			if err := host.CheckEnum(f+".operator", rule.Operator, queueCGROperators()...); err != nil {
				return err
			}
			if err := resolveQueueRef(tx, f+".queue.id", rule.Queue, selfID); err != nil {
				return err
			}
			if err := resolveMemberGroups(tx, f+".groups", rule.Groups); err != nil {
				return err
			}
		}
	}
	if cga := q.ConditionalGroupActivation; cga != nil {
		if cga.PilotRule != nil {
			if err := validateActivationConditions(tx, "conditionalGroupActivation.pilotRule", cga.PilotRule.Conditions, selfID); err != nil {
				return err
			}
		}
		for i, rule := range cga.Rules {
			f := fmt.Sprintf("conditionalGroupActivation.rules[%d]", i)
			if err := validateActivationConditions(tx, f, rule.Conditions, selfID); err != nil {
				return err
			}
			if err := resolveMemberGroups(tx, f+".groups", rule.Groups); err != nil {
				return err
			}
		}
	}
	return nil
}

func validateActivationConditions(tx *store.Tx, prefix string, conds []platform.ConditionalGroupActivationCondition, selfID string) error {
	for i, c := range conds {
		f := fmt.Sprintf("%s.conditions[%d]", prefix, i)
		if err := host.CheckEnum(f+".operator", c.Operator, queueCGAOperators()...); err != nil {
			return err
		}
		if m := c.SimpleMetric; m != nil {
			if err := host.CheckEnum(f+".simpleMetric.metric", m.Metric, queueCGAMetrics()...); err != nil {
				return err
			}
			if err := resolveQueueRef(tx, f+".simpleMetric.queue.id", m.Queue, selfID); err != nil {
				return err
			}
		}
	}
	return nil
}

func validateMediaSettings(ms *platform.QueueMediaSettings) error {
	if ms == nil {
		return nil
	}
	type common struct {
		name     string
		alerting *int
		sl       *platform.ServiceLevel
	}
	var all []common
	if m := ms.Call; m != nil {
		all = append(all, common{"call", m.AlertingTimeoutSeconds, m.ServiceLevel})
	}
	if m := ms.Chat; m != nil {
		all = append(all, common{"chat", m.AlertingTimeoutSeconds, m.ServiceLevel})
	}
	if m := ms.Email; m != nil {
		all = append(all, common{"email", m.AlertingTimeoutSeconds, m.ServiceLevel})
	}
	if m := ms.Message; m != nil {
		all = append(all, common{"message", m.AlertingTimeoutSeconds, m.ServiceLevel})
		if its := m.InactivityTimeoutSettings; its != nil {
			if err := host.CheckEnum("mediaSettings.message.inactivityTimeoutSettings.actionType", its.ActionType, queueInactivityActions()...); err != nil {
				return err
			}
		}
	}
	if m := ms.Callback; m != nil {
		all = append(all, common{"callback", m.AlertingTimeoutSeconds, m.ServiceLevel})
		for _, err := range []error{
			host.CheckEnum("mediaSettings.callback.mode", m.Mode, queueCallbackModes()...),
			host.CheckEnum("mediaSettings.callback.liveVoiceReactionType", m.LiveVoiceReactionType, queueCallbackReactions()...),
			host.CheckEnum("mediaSettings.callback.answeringMachineReactionType", m.AnsweringMachineReactionType, queueCallbackReactions()...),
		} {
			if err != nil {
				return err
			}
		}
	}
	for _, c := range all {
		f := "mediaSettings." + c.name
		if err := checkIntRange(f+".alertingTimeoutSeconds", c.alerting, minAlertingTimeoutSeconds, maxAlertingTimeoutSeconds); err != nil {
			return err
		}
		if c.sl == nil {
			continue
		}
		if p := c.sl.Percentage; p != nil && (*p < 0 || *p > 1) {
			return apihttp.BadRequest("The field [%s.serviceLevel.percentage] must be between 0 and 1, not [%v].", f, *p)
		}
		if d := c.sl.DurationMs; d != nil && *d < minServiceLevelDurationMs {
			return apihttp.BadRequest("The field [%s.serviceLevel.durationMs] must be at least %d, not [%d].", f, minServiceLevelDurationMs, *d)
		}
	}
	return nil
}

// resolveMemberGroups checks member-group references: groups and skill groups must exist
// (their name and selfUri are filled in); team ids are accepted as sent because this org
// has no teams API.
func resolveMemberGroups(tx *store.Tx, prefix string, groups []platform.MemberGroup) error {
	for i := range groups {
		g := &groups[i]
		f := fmt.Sprintf("%s[%d]", prefix, i)
		if host.Deref(g.Type) == "" {
			return apihttp.Required(f + ".type")
		}
		if err := host.CheckEnum(f+".type", g.Type, queueMemberGroupTypes()...); err != nil {
			return err
		}
		if host.Deref(g.ID) == "" {
			return apihttp.Required(f + ".id")
		}
		switch *g.Type {
		case "GROUP":
			o := entity.Live(tx, host.KindGroup, *g.ID)
			if o == nil {
				return apihttp.UnknownRef(f+".id", *g.ID)
			}
			g.Name, g.SelfURI = host.Ptr(o.Name), host.Ptr("/api/v2/groups/"+o.ID)
		case "SKILLGROUP":
			o := tx.Get(host.KindSkillGroup, *g.ID)
			if o == nil {
				return apihttp.UnknownRef(f+".id", *g.ID)
			}
			g.Name, g.SelfURI = host.Ptr(o.Name), host.Ptr(skillGroupSelfURI(o.ID))
		}
	}
	return nil
}

// resolveQueueRef checks an optional queue reference; the queue itself counts as existing.
func resolveQueueRef(tx *store.Tx, field string, ref *platform.DomainEntityRef, selfID string) error {
	if ref == nil || host.Deref(ref.ID) == "" {
		return nil
	}
	if *ref.ID == selfID {
		ref.SelfURI = host.Ptr(queueSelfURI(selfID))
		return nil
	}
	o := tx.Get(host.KindQueue, *ref.ID)
	if o == nil {
		return apihttp.UnknownRef(field, *ref.ID)
	}
	ref.Name, ref.SelfURI = host.Ptr(o.Name), host.Ptr(queueSelfURI(o.ID))
	return nil
}

func checkIntRange(field string, v *int, lo, hi int) error {
	if v == nil || (*v >= lo && *v <= hi) {
		return nil
	}
	return apihttp.BadRequest("The field [%s] must be between %d and %d, not [%d].", field, lo, hi, *v)
}

// Defaults the real API fills when a queue is created or replaced without them. Values
// follow the contract's sample queue and the official provider's documented server-side
// defaults; per-media alerting timeouts are those of a new queue in the Genesys admin UI
// (call 8 s, email 300 s, others 30 s).
const (
	defaultSkillEvaluationMethod = "ALL"
	defaultScoringMethod         = "TimestampAndPriority"
	defaultLastAgentRoutingMode  = "Disabled"
	defaultWrapupPrompt          = "MANDATORY_TIMEOUT"
	defaultAcwTimeoutMs          = 30000
	defaultServiceLevelPercent   = 0.8
	defaultServiceLevelMs        = 20000
)

// applyQueueDefaults fills what the server defaults when absent. Booleans the API always
// returns come back false; acw timeoutMs is only defaulted for prompts that time out.
func applyQueueDefaults(q *platform.Queue) {
	defaultTo(&q.SkillEvaluationMethod, defaultSkillEvaluationMethod)
	defaultTo(&q.ScoringMethod, defaultScoringMethod)
	defaultTo(&q.LastAgentRoutingMode, defaultLastAgentRoutingMode)
	if q.AcwSettings == nil {
		q.AcwSettings = &platform.AcwSettings{}
	}
	defaultTo(&q.AcwSettings.WrapupPrompt, defaultWrapupPrompt)
	switch *q.AcwSettings.WrapupPrompt {
	case "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT", "AGENT_REQUESTED":
		defaultTo(&q.AcwSettings.TimeoutMs, defaultAcwTimeoutMs)
	}
	for _, b := range []**bool{&q.AutoAnswerOnly, &q.EnableTranscription, &q.EnableAudioMonitoring, &q.EnableManualAssignment, &q.SuppressInQueueCallRecording} {
		defaultTo(b, false)
	}
	if q.MediaSettings == nil {
		q.MediaSettings = &platform.QueueMediaSettings{}
	}
	ms := q.MediaSettings
	if ms.Call == nil {
		ms.Call = &platform.MediaSettings{}
	}
	defaultMedia(&ms.Call.EnableAutoAnswer, &ms.Call.AlertingTimeoutSeconds, &ms.Call.ServiceLevel, 8)
	if ms.Callback == nil {
		ms.Callback = &platform.CallbackMediaSettings{}
	}
	defaultMedia(&ms.Callback.EnableAutoAnswer, &ms.Callback.AlertingTimeoutSeconds, &ms.Callback.ServiceLevel, 30)
	if ms.Chat == nil {
		ms.Chat = &platform.MediaSettings{}
	}
	defaultMedia(&ms.Chat.EnableAutoAnswer, &ms.Chat.AlertingTimeoutSeconds, &ms.Chat.ServiceLevel, 30)
	if ms.Email == nil {
		ms.Email = &platform.EmailMediaSettings{}
	}
	defaultMedia(&ms.Email.EnableAutoAnswer, &ms.Email.AlertingTimeoutSeconds, &ms.Email.ServiceLevel, 300)
	if ms.Message == nil {
		ms.Message = &platform.MessageMediaSettings{}
	}
	defaultMedia(&ms.Message.EnableAutoAnswer, &ms.Message.AlertingTimeoutSeconds, &ms.Message.ServiceLevel, 30)
}

func defaultMedia(autoAnswer **bool, alerting **int, sl **platform.ServiceLevel, alertingDefault int) {
	defaultTo(autoAnswer, false)
	defaultTo(alerting, alertingDefault)
	if *sl == nil {
		*sl = &platform.ServiceLevel{}
	}
	defaultTo(&(*sl).Percentage, defaultServiceLevelPercent)
	defaultTo(&(*sl).DurationMs, defaultServiceLevelMs)
}

func defaultTo[T any](p **T, v T) {
	if *p == nil {
		*p = &v
	}
}
