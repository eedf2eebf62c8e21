package archy

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// The simulator's actions with an outcome: transfers, flows and modules entered, schedule
// checks and decisions. The walk itself (flows, menus, jumps) is in simulate.go.

// queueName reads a targetQueue: the literal name, or the literal argument of FindQueue.
// dynamic is the expression when the name is only known at run time.
func queueName(body *yaml.Node) (name, dynamic string) {
	tq := mapValue(body, "targetQueue")
	if tq == nil {
		return "", ""
	}
	if ns := namesIn("targetQueue", tq); len(ns) > 0 {
		return ns[0].Value, ""
	}
	if e := mapValue(tq, "exp"); e != nil && e.Kind == yaml.ScalarNode {
		if m := findCallRe.FindStringSubmatch(e.Value); m != nil && m[1] == "FindQueue" && m[4] == "" && m[2]+m[3] != "" {
			return m[2] + m[3], ""
		}
		return "", e.Value
	}
	return "", ""
}

func transferDetail(kind string, body *yaml.Node) string {
	for _, key := range []string{"targetUser", "targetGroup", "targetNumber", "targetAddress", "voicemailTarget", "targetQueue", "targetExternalNumber"} {
		v := mapValue(body, key)
		if v == nil {
			continue
		}
		if ns := namesIn(key, v); len(ns) > 0 {
			return fmt.Sprintf("%s to %q", kind, ns[0].Value)
		}
		if lit := mapValue(v, "lit"); lit != nil && lit.Kind == yaml.ScalarNode {
			return fmt.Sprintf("%s to %q", kind, lit.Value)
		}
		if e := mapValue(v, "exp"); e != nil && e.Kind == yaml.ScalarNode {
			return fmt.Sprintf("%s to the result of %s", kind, e.Value)
		}
	}
	return kind
}

func (s *simulator) transferToAcd(fr *frame, k, body *yaml.Node, name string) signal {
	q, dyn := queueName(body)
	pos := fr.flow.Pos(k)
	if q == "" {
		if dyn == "" {
			return s.fail(fr, k, fmt.Sprintf("transfer %q names no queue", name))
		}
		if !s.prompt(fr, mapValue(body, "preTransferAudio"), name) {
			return stopCall
		}
		return s.finish(Step{Kind: StepTransfer, Name: name, Flow: fr.flow.Name, Pos: pos, Assumed: true,
			Detail: "transfer to the ACD queue found at run time by " + dyn})
	}
	if s.org != nil && !s.org.QueueExists(q) {
		if !s.step(fr, StepError, name, k, "queue %q does not exist in the org: the transfer fails and the flow goes on", q) {
			return stopCall
		}
		if !s.prompt(fr, mapValue(body, "failureTransferAudio"), name) {
			return stopCall
		}
		return goOn
	}
	if !s.prompt(fr, mapValue(body, "preTransferAudio"), name) {
		return stopCall
	}
	s.res.Queue = q
	return s.finish(Step{Kind: StepTransfer, Name: name, Flow: fr.flow.Name, Pos: pos, Assumed: s.org == nil,
		Detail: fmt.Sprintf("transfer to ACD queue %q", q)})
}

func (s *simulator) transferToFlow(fr *frame, k, body *yaml.Node, name string) signal {
	var target string
	if tf := mapValue(body, "targetFlow"); tf != nil {
		if ns := namesIn("targetFlow", tf); len(ns) > 0 {
			target = ns[0].Value
		}
	}
	if target == "" {
		return s.fail(fr, k, fmt.Sprintf("transfer %q names no flow by literal name", name))
	}
	typ := transferFlowType[fr.flow.Type]
	if k.Value != "transferToFlow" {
		typ = "secureCall"
	}
	next, ok := s.flowByName(target, typ)
	if !ok {
		return s.fail(fr, k, fmt.Sprintf("flow %q (%s) does not exist or is not published", target, typ))
	}
	if !s.step(fr, StepTransfer, name, k, "transfer to flow %q", target) {
		return stopCall
	}
	if fr.depth >= maxCallDepth {
		return s.fail(fr, k, "flows transfer to each other too deeply")
	}
	if s.runFlow(next, fr.depth+1) == stopCall {
		return stopCall
	}
	return s.finish(Step{Kind: StepDisconnect, Flow: next.Name, Assumed: true,
		Detail: fmt.Sprintf("flow %q ended without a transfer or disconnect: the call is disconnected", next.Name)})
}

func (s *simulator) callCommonModule(fr *frame, k, body *yaml.Node, name string) signal {
	cm := mapValue(body, "commonModule")
	var module string
	if cm != nil && cm.Kind == yaml.MappingNode && len(cm.Content) >= 2 {
		module = cm.Content[0].Value
	}
	if module == "" {
		return s.fail(fr, k, fmt.Sprintf("callCommonModule %q names no module", name))
	}
	mod, ok := s.flowByName(module, "commonModule")
	if !ok {
		return s.fail(fr, k, fmt.Sprintf("common module %q does not exist or is not published", module))
	}
	if fr.depth >= maxCallDepth {
		return s.fail(fr, k, "common modules call each other too deeply")
	}
	if !s.step(fr, StepAction, name, k, "call common module %q", module) {
		return stopCall
	}
	if s.runFlow(mod, fr.depth+1) == stopCall {
		return stopCall
	}
	if !s.step(fr, StepAction, name, k, "back from common module %q", module) {
		return stopCall
	}
	return goOn
}

func (s *simulator) callTask(fr *frame, k, body *yaml.Node, name string) signal {
	ref := mapValue(body, "targetTaskRef")
	if ref == nil {
		return s.fail(fr, k, fmt.Sprintf("callTask %q has no targetTaskRef", name))
	}
	if sig := s.jumpTo(fr, ref, name); sig != jumped {
		return sig
	}
	if fr.depth >= maxCallDepth {
		return s.fail(fr, k, "tasks call each other too deeply")
	}
	fr.depth++
	sig := s.runContainer(fr, fr.nextKind, fr.next)
	fr.depth--
	if sig == endFrame {
		return goOn // a called task returns to its caller
	}
	return sig
}

func (s *simulator) flowByName(name, typ string) (*Flow, bool) {
	if s.org == nil {
		return nil, false
	}
	return s.org.FlowByName(name, typ)
}

func (s *simulator) evaluateScheduleGroup(fr *frame, k, body *yaml.Node, name string) signal {
	var group string
	if v := mapValue(body, "scheduleGroup"); v != nil {
		if ns := namesIn("scheduleGroup", v); len(ns) > 0 {
			group = ns[0].Value
		}
	}
	if group == "" {
		return s.fail(fr, k, fmt.Sprintf("evaluateScheduleGroup %q names no schedule group by literal name", name))
	}
	var g ScheduleGroup
	ok := false
	if s.org != nil {
		g, ok = s.org.ScheduleGroupByName(group)
	}
	if !ok {
		return s.fail(fr, k, fmt.Sprintf("schedule group %q does not exist in the org", group))
	}
	eg, named, ok := s.emergencyOf(fr, k, body)
	if !ok {
		return stopCall
	}
	if named && eg.Enabled {
		if !s.step(fr, StepSchedule, name, k, "emergency group %q is active: emergency, before schedule group %q is evaluated", eg.Name, group) {
			return stopCall
		}
		return s.runOutput(fr, body, string(StateEmergency))
	}
	ev, err := EvaluateScheduleGroup(g, s.call.Time, s.org.Schedule)
	if err != nil {
		return s.fail(fr, k, err.Error())
	}
	if !s.step(fr, StepSchedule, name, k, "%s", groupDetail(group, ev)) {
		return stopCall
	}
	return s.runOutput(fr, body, string(ev.State))
}

func (s *simulator) evaluateSchedule(fr *frame, k, body *yaml.Node, name string) signal {
	var sched string
	if v := mapValue(body, "schedule"); v != nil {
		if ns := namesIn("schedule", v); len(ns) > 0 {
			sched = ns[0].Value
		}
	}
	if sched == "" {
		// Evaluation type "Emergency Group": active while the group is.
		eg, named, ok := s.emergencyOf(fr, k, body)
		if !ok {
			return stopCall
		}
		if named {
			state := map[bool]string{true: "active", false: "inactive"}[eg.Enabled]
			if !s.step(fr, StepSchedule, name, k, "emergency group %q is %s", eg.Name, state) {
				return stopCall
			}
			return s.runOutput(fr, body, state)
		}
	}
	var sc Schedule
	ok := false
	if sched != "" && s.org != nil {
		sc, ok = s.org.ScheduleByName(sched)
	}
	if !ok {
		return s.fail(fr, k, fmt.Sprintf("schedule %q does not exist in the org", sched))
	}
	// The action's timeZone when written as a literal; UTC otherwise.
	loc := time.UTC
	if tz := mapValue(mapValue(body, "timeZone"), "lit"); tz != nil && tz.Kind == yaml.ScalarNode {
		l, err := time.LoadLocation(tz.Value)
		if err != nil {
			return s.fail(fr, k, fmt.Sprintf("time zone %q: %v", tz.Value, err))
		}
		loc = l
	}
	in, err := sc.Contains(s.call.Time, loc)
	if err != nil {
		return s.fail(fr, k, err.Error())
	}
	if !s.step(fr, StepSchedule, name, k, "schedule %q is %s at %s", sched, map[bool]string{true: "active", false: "inactive"}[in], s.call.Time.In(loc).Format("2006-01-02T15:04:05 Mon MST")) {
		return stopCall
	}
	if in {
		return s.runOutput(fr, body, "active", "yes", "open")
	}
	return s.runOutput(fr, body, "inactive", "no", "closed")
}

func (s *simulator) decision(fr *frame, k, body *yaml.Node, name string) signal {
	cond := mapValue(body, "condition")
	branch, assumed, why := "yes", false, ""
	if forced, ok := s.call.Decisions[name]; ok {
		branch, why = strings.ToLower(forced), "set by the call"
	} else if v, ok := s.evalBool(cond); ok {
		branch = map[bool]string{true: "yes", false: "no"}[v]
		why = "condition " + exprText(cond)
	} else {
		assumed, why = true, "cannot evaluate "+exprText(cond)+": default branch"
	}
	if !s.add(Step{Kind: StepDecision, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(k), Assumed: assumed,
		Detail: fmt.Sprintf("decision %q → %s (%s)", name, branch, why)}) {
		return stopCall
	}
	return s.runOutput(fr, body, branch)
}

func (s *simulator) switchAction(fr *frame, k, body *yaml.Node, name string) signal {
	ft := mapValue(mapValue(body, "evaluate"), "firstTrue")
	cases := seq(mapValue(ft, "cases"))
	chosen, assumed, why := -1, false, ""
	if forced, ok := s.call.Decisions[name]; ok {
		why = "set by the call"
		if n, err := strconv.Atoi(forced); err == nil && n >= 1 && n <= len(cases) {
			chosen = n - 1
		}
	} else {
		for i, c := range cases {
			_, cb := single(c)
			v, ok := s.evalBool(mapValue(cb, "value"))
			if !ok {
				assumed = true
				continue
			}
			if v {
				chosen = i
				break
			}
		}
		if assumed {
			why = "some cases cannot be evaluated and count as false"
		}
	}
	var acts *yaml.Node
	label := "default"
	if chosen >= 0 {
		_, cb := single(cases[chosen])
		acts, label = mapValue(cb, "actions"), "case "+strconv.Itoa(chosen+1)
	} else {
		acts = mapValue(mapValue(ft, "default"), "actions")
	}
	detail := fmt.Sprintf("switch %q → %s", name, label)
	if why != "" {
		detail += " (" + why + ")"
	}
	if !s.add(Step{Kind: StepDecision, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(k), Assumed: assumed, Detail: detail}) {
		return stopCall
	}
	return s.runActions(fr, acts)
}

func exprText(v *yaml.Node) string {
	if v == nil {
		return "(none)"
	}
	for _, key := range []string{"exp", "lit"} {
		if e := mapValue(v, key); e != nil && e.Kind == yaml.ScalarNode {
			return e.Value
		}
	}
	return "(structured value)"
}

// evalBool evaluates a condition value when it is literal enough: `lit: true`, `exp: true`,
// or one comparison (== or !=) of string/number/boolean literals and the call variables
// Call.Ani and Call.CalledAddress(Original). ok is false for anything else.
func (s *simulator) evalBool(v *yaml.Node) (val, ok bool) {
	if lit := mapValue(v, "lit"); lit != nil && lit.Kind == yaml.ScalarNode {
		b, err := strconv.ParseBool(lit.Value)
		return b, err == nil
	}
	e := mapValue(v, "exp")
	if e == nil || e.Kind != yaml.ScalarNode {
		return false, false
	}
	x := strings.TrimSpace(e.Value)
	if b, err := strconv.ParseBool(strings.ToLower(x)); err == nil {
		return b, true
	}
	for _, op := range []string{"==", "!="} {
		l, r, found := strings.Cut(x, op)
		if !found || strings.Contains(r, op) {
			continue
		}
		a, okA := s.operand(l)
		b, okB := s.operand(r)
		if !okA || !okB {
			return false, false
		}
		return (a == b) == (op == "=="), true
	}
	return false, false
}

func (s *simulator) operand(x string) (string, bool) {
	x = strings.TrimSpace(x)
	switch {
	case len(x) >= 2 && (x[0] == '"' && x[len(x)-1] == '"' || x[0] == '\'' && x[len(x)-1] == '\''):
		return x[1 : len(x)-1], true
	case x == "Call.Ani":
		return s.call.ANI, true
	case x == "Call.CalledAddress", x == "Call.CalledAddressOriginal":
		return s.call.DNIS, true
	}
	if _, err := strconv.ParseFloat(x, 64); err == nil {
		return x, true
	}
	if b, err := strconv.ParseBool(strings.ToLower(x)); err == nil {
		return strconv.FormatBool(b), true
	}
	return "", false
}

// setsDataOnly reports the Archy actions that set data or call settings without deciding
// where the call goes, so skipping them leaves the simulated path as the org would take it.
func setsDataOnly(kind string) bool {
	switch kind {
	case "updateData", "setParticipantData", "getParticipantData", "setWrapupCode", "setFlowOutcome",
		"initializeFlowOutcome", "addFlowMilestone", "setUUIData", "setScreenPop", "setWhisperAudio",
		"setExternalTag", "setLanguage", "setConversationData":
		return true
	}
	return false
}

// jumpTo resolves a menu/task/state address in the current flow and moves there.
func (s *simulator) jumpTo(fr *frame, ref *yaml.Node, name string) signal {
	a, ok := parseAddress(ref.Value)
	switch {
	case !ok:
		return s.fail(fr, ref, fmt.Sprintf("%q is not a menu, task or state address", ref.Value))
	case a.file != "":
		return s.fail(fr, ref, fmt.Sprintf("%q points into another file; the simulator reads one flow file at a time", ref.Value))
	}
	target := fr.containers[a.kind+"["+a.refID+"]"]
	if target == nil {
		return s.fail(fr, ref, fmt.Sprintf("%q does not resolve: no %s has refId %q", ref.Value, a.kind, a.refID))
	}
	if !s.step(fr, StepAction, name, ref, "go to %s %q", a.kind, scalarField(target, "name")) {
		return stopCall
	}
	fr.next, fr.nextKind = target, a.kind
	return jumped
}

// fail records a problem the real flow would hit at run time and applies the flow's error
// handling: a transfer to the queue it names, else a disconnect.
func (s *simulator) fail(fr *frame, n *yaml.Node, msg string) signal {
	if !s.step(fr, StepError, "", n, "%s", msg) {
		return stopCall
	}
	eh := mapValue(mapValue(fr.flow.Root, "settingsErrorHandling"), "errorHandling")
	if t := mapValue(eh, "transferToAcd"); t != nil {
		if q, _ := queueName(t); q != "" {
			s.res.Queue = q
			return s.finish(Step{Kind: StepTransfer, Flow: fr.flow.Name, Pos: fr.flow.Pos(t), Detail: fmt.Sprintf("error handling: transfer to ACD queue %q", q)})
		}
	}
	return s.finish(Step{Kind: StepDisconnect, Flow: fr.flow.Name, Pos: posOf(fr, eh), Detail: "error handling: disconnect"})
}
