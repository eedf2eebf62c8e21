package archy

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gopkg.in/yaml.v3"
)

// The simulator walks an inbound call through an org's objects the way Genesys Cloud would:
// DNIS → IVR → emergency group or schedule group state → the IVR's flow for that state →
// menus and tasks, and returns the path with the YAML position of every step. It reads the
// flow; it never runs expressions or data actions, so where the outcome depends on something
// it cannot know it takes a documented default and marks the step Assumed.
//
// Behaviour modelled, the defaults where the YAML says nothing, and the public Genesys
// documentation each rule follows (help.mypurecloud.com articles, by title):
//   - Menus ("Configure default menu settings", "Set the timeout behavior"): each play of the
//     menu's audio takes the next entry of Call.DTMF: a key, "" (no input: the selection
//     timeout, 10 s by default, passes) or "say:words" (speech, matched against the choices'
//     speech recognition terms, ignoring case: "DTMF and speech recognition settings in menu
//     choices"). A key no choice has (neither the menu's own choices nor a globalDtmf choice of
//     another menu) and no input both count as a failed play: the repeat count counts plays
//     of the menu prompt, "the number of times Architect plays the menu prompt before passing
//     control to the menu's default menu choice" (settingsMenu of the menu, else the flow's,
//     else 3). Then it takes the default choice: defaultChildMenuRef when the menu has one,
//     else `noMatch.actions` (on the menu or its settingsMenu), else the call is disconnected
//     (Assumed).
//   - Actions run in order; the outputs of decision, switch, evaluateScheduleGroup,
//     evaluateSchedule, callData, collectInput and loop rejoin the action list after the
//     branch, as in Architect.
//   - decision/switch: literal conditions (true/false, comparisons of string or number
//     literals and Call.Ani / Call.CalledAddress) are evaluated; anything else takes the
//     "yes" output (switch: the default case) unless Call.Decisions names the branch.
//   - collectInput ("Collect Input action"; simulate_input.go) takes the next Call.DTMF entry
//     as the digits: none is the failure output (the no-entry timeout), any other the
//     success output (digit counts are not checked); global menu choices are not listened for.
//   - loop ("Loop action"): a literal loopCount, at most 99, else once (Assumed); loopExit
//     ends the loop, loopNext starts the next pass.
//   - callData ("Call Data action") takes its success output (Assumed) unless Call.Decisions
//     names the output ("success", "failure" or "timeout"). When the org shows its data
//     actions (DataActionOrg) the call is checked first: an action the org lacks is an Invalid
//     step and takes the failure output; an input or success output the flow maps that the
//     action's contract lacks is an Invalid step at that key's line (simulate_data.go).
//   - Actions known to only set data (updateData, setParticipantData, …, see setsDataOnly)
//     are recorded and skipped: they do not change where the call goes. Any other action is
//     recorded as Unsupported and skipped; a post-deploy test fails on it.
//   - Emergency groups ("Activate or deactivate an emergency group", "Evaluate Schedule Group
//     action": emergency is evaluated before holiday, closed and open; simulate_emergency.go):
//     an active group listing the IVR sends the call to its emergency flow before any
//     schedule; evaluateScheduleGroup takes its emergency output, and evaluateSchedule on an
//     emergency group its active output, while the group it names is active. A time no
//     schedule covers is closed ("Evaluate Schedule Group action": "the default evaluation is
//     Closed").
//   - callCommonModule runs the module's published version and comes back to the next action;
//     callTask runs a reusable task and returns; jumpTo… moves for good.
//   - transferToAcd ("Transfer to ACD action") ends the call when the queue exists; a missing
//     queue fails the transfer and the flow continues with the next action, as Architect's
//     failure path does. The in-queue flow the caller hears while waiting (the queue's, or the
//     action's overrideInQueueFlow) is not run: the path ends at the transfer.
//   - A flow or task that ends without a terminating action disconnects the call (Assumed).
//   - A reference that does not resolve, or an unknown schedule group or flow, is an "error"
//     step followed by the flow's settingsErrorHandling (transfer to its queue, else disconnect).
//   - Loops ("Task editor actions": Architect runs at most 10,000 actions per flow invocation,
//     then enters error handling): the simulator stops earlier, after maxSteps steps, with an
//     error step that ends the call, so a call test on a looping path fails.

// maxSteps bounds a simulation so that a flow that loops (a menu jumping to itself with no
// key left is finite, but a task that jumps back to itself is not) still ends.
const maxSteps = 1000

// maxCallDepth bounds nested common modules and called tasks.
const maxCallDepth = 32

// defaultRepeatCount is Architect's default menu repeat count.
const defaultRepeatCount = 3

// IVR is an IVR configuration as the simulator needs it.
type IVR struct {
	ID, Name string
	DNIS     []string
	// OpenHoursFlow, ClosedHoursFlow and HolidayHoursFlow are flow ids ("" when unset).
	OpenHoursFlow, ClosedHoursFlow, HolidayHoursFlow string
	// ScheduleGroup is the schedule group id ("" when the IVR has none: always open).
	ScheduleGroup string
}

// Org is what the simulator needs from an org: the local org and tests implement it.
// Lookups by name follow the org's rules (the local org matches names without case).
type Org interface {
	IVRByDNIS(dnis string) (IVR, bool)
	ScheduleGroup(id string) (ScheduleGroup, bool)
	ScheduleGroupByName(name string) (ScheduleGroup, bool)
	Schedule(id string) (Schedule, bool)
	ScheduleByName(name string) (Schedule, bool)
	// FlowByID and FlowByName return the flow's published version, parsed.
	FlowByID(id string) (*Flow, bool)
	FlowByName(name, flowType string) (*Flow, bool)
	QueueExists(name string) bool
}

// Call is one simulated inbound call.
type Call struct {
	DNIS string
	ANI  string
	Time time.Time
	// DTMF holds the caller's inputs in order, one per menu play or collectInput: keys "1",
	// "9", "*", "#" (or "digit_1", "star", "pound"), the digits typed for a collectInput
	// ("12345"), "say:words" for speech; "" is a play where the caller gave nothing.
	DTMF []string
	// Decisions forces the branch of decision and switch actions by action name: "yes" or
	// "no" for a decision, the 1-based case number or "default" for a switch, "success",
	// "failure" or "timeout" for a callData.
	Decisions map[string]string
}

// Step kinds.
const (
	StepIVR        = "ivr"
	StepSchedule   = "schedule"
	StepFlow       = "flow"
	StepMenu       = "menu"
	StepInput      = "input"
	StepPrompt     = "prompt"
	StepDecision   = "decision"
	StepTask       = "task"
	StepAction     = "action"
	StepTransfer   = "transfer"
	StepDisconnect = "disconnect"
	StepError      = "error"
)

// Step is one thing that happened to the call.
type Step struct {
	Kind   string `json:"kind"`
	Name   string `json:"name,omitempty"`
	Detail string `json:"detail"`
	// Flow is the name of the flow the step belongs to.
	Flow string `json:"flow,omitempty"`
	Pos  Pos    `json:"pos,omitzero"`
	// Assumed marks a step whose outcome the simulator chose because the flow leaves it to
	// something it cannot evaluate (an expression, a data action, an unset default).
	Assumed bool `json:"assumed,omitempty"`
	// Unsupported marks an action the simulator does not model and that may change the path
	// (it is neither a routing action it runs nor one known to only set data): a test that
	// trusts such a path could pass for the wrong reason, so post-deploy tests fail on it.
	Unsupported bool `json:"unsupported,omitempty"`
	// Invalid marks a step that uses an org's object against what the org holds: a data
	// action it does not have, an input or output the flow maps that the action's contract
	// lacks. The org would run the flow differently from how it reads (failure paths, unset
	// variables), so post-deploy tests fail on it.
	Invalid bool `json:"invalid,omitempty"`
}

// Result is the path of a simulated call.
type Result struct {
	IVR           string     `json:"ivr,omitempty"`
	ScheduleState GroupState `json:"scheduleState,omitempty"`
	Steps         []Step     `json:"steps"`
	// Final is the step that ended the call: a transfer, a disconnect or an error.
	Final Step `json:"final"`
	// Queue is the ACD queue the call was transferred to ("" otherwise).
	Queue         string   `json:"queue,omitempty"`
	PromptsSpoken []string `json:"promptsSpoken"`
	MenusVisited  []string `json:"menusVisited"`
	FlowsEntered  []string `json:"flowsEntered"`
}

// Simulate routes call through org: the IVR that owns the DNIS, the flow its schedule group
// selects at the call's time, and that flow's menus and tasks. The error is for a call that
// cannot reach a flow (unknown number, missing schedule group or flow) or a cancelled ctx;
// problems inside a flow are steps of the result.
func Simulate(ctx context.Context, org Org, call Call) (*Result, error) {
	if org == nil {
		return nil, fmt.Errorf("simulate: no org")
	}
	ivr, ok := org.IVRByDNIS(call.DNIS)
	if !ok {
		return nil, fmt.Errorf("simulate: no IVR routes the number %q; add it to an IVR's DNIS list", call.DNIS)
	}
	s := newSimulator(ctx, org, call)
	s.res.IVR = ivr.Name
	s.add(Step{Kind: StepIVR, Name: ivr.Name, Detail: fmt.Sprintf("IVR %q answers %s", ivr.Name, call.DNIS)})
	if g, flowID, ok := activeEmergencyFor(org, ivr.ID); ok {
		s.res.ScheduleState = StateEmergency
		s.add(Step{Kind: StepSchedule, Name: g.Name,
			Detail: fmt.Sprintf("emergency group %q is active: the IVR's calls go to its emergency flow, whatever the schedule", g.Name)})
		f, ok := org.FlowByID(flowID)
		if !ok {
			return nil, fmt.Errorf("simulate: IVR %q: emergency group %q's flow %s does not exist or is not published", ivr.Name, g.Name, flowID)
		}
		return s.run(f)
	}
	state := StateOpen
	if ivr.ScheduleGroup == "" {
		s.add(Step{Kind: StepSchedule, Detail: "the IVR has no schedule group: open hours"})
	} else {
		g, ok := org.ScheduleGroup(ivr.ScheduleGroup)
		if !ok {
			return nil, fmt.Errorf("simulate: IVR %q: schedule group %s does not exist", ivr.Name, ivr.ScheduleGroup)
		}
		ev, err := EvaluateScheduleGroup(g, call.Time, org.Schedule)
		if err != nil {
			return nil, fmt.Errorf("simulate: IVR %q: %w", ivr.Name, err)
		}
		state = ev.State
		s.add(Step{Kind: StepSchedule, Name: g.Name, Detail: groupDetail(g.Name, ev)})
	}
	s.res.ScheduleState = state
	flowID, which := ivr.OpenHoursFlow, "open-hours"
	switch state {
	case StateHoliday:
		// An IVR without a holiday flow treats holidays as closed hours.
		flowID, which = cmpOr(ivr.HolidayHoursFlow, ivr.ClosedHoursFlow), "holiday"
	case StateClosed:
		flowID, which = ivr.ClosedHoursFlow, "closed-hours"
	}
	if flowID == "" {
		return nil, fmt.Errorf("simulate: IVR %q has no %s flow", ivr.Name, which)
	}
	f, ok := org.FlowByID(flowID)
	if !ok {
		return nil, fmt.Errorf("simulate: IVR %q: %s flow %s does not exist or is not published", ivr.Name, which, flowID)
	}
	return s.run(f)
}

// SimulateFlow runs call through flow directly, skipping DNIS, IVR and schedule group. org
// may be nil: then every queue is taken to exist (the transfer is Assumed) and schedule
// groups, schedules and other flows are unknown.
func SimulateFlow(ctx context.Context, org Org, flow *Flow, call Call) (*Result, error) {
	if flow == nil || flow.Root == nil {
		return nil, fmt.Errorf("simulate: no flow")
	}
	s := newSimulator(ctx, org, call)
	return s.run(flow)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func groupDetail(name string, ev GroupEvaluation) string {
	d := fmt.Sprintf("schedule group %q is %s at %s", name, ev.State, ev.Local)
	if ev.Schedule != "" {
		return d + fmt.Sprintf(" (schedule %q)", ev.Schedule)
	}
	return d + " (no schedule covers it)"
}

// signal says how running an action (or a list of them) ended.
type signal int

const (
	goOn       signal = iota // continue with the next action
	stopCall                 // the call ended: Result.Final is set
	jumped                   // control moves to frame.next
	endFrame                 // the task or flow ends (endTask; returns from a common module)
	loopExited               // loopExit: the innermost loop ends
	loopNexted               // loopNext: the innermost loop starts its next iteration
)

// frame is one running flow: a flow entered from the IVR, by transfer or as a common module.
type frame struct {
	flow       *Flow
	containers map[string]*yaml.Node // "menu[refId]" → the container's mapping
	globals    []*yaml.Node          // globalDtmf choices of every menu (the choice items)
	next       *yaml.Node            // the jump target, when a run returns jumped
	nextKind   string
	depth      int
}

type simulator struct {
	ctx      context.Context
	org      Org
	call     Call
	res      *Result
	key      int
	stepped  int
	overflow bool
}

func newSimulator(ctx context.Context, org Org, call Call) *simulator {
	return &simulator{ctx: ctx, org: org, call: call,
		res: &Result{Steps: []Step{}, PromptsSpoken: []string{}, MenusVisited: []string{}, FlowsEntered: []string{}}}
}

func (s *simulator) run(f *Flow) (*Result, error) {
	sig := s.runFlow(f, 0)
	if err := s.ctx.Err(); err != nil {
		return nil, fmt.Errorf("simulate: %w", err)
	}
	if sig != stopCall {
		s.finish(Step{Kind: StepDisconnect, Flow: f.Name, Assumed: true,
			Detail: "the flow ended without a transfer or disconnect: the call is disconnected"})
	}
	return s.res, nil
}

// add records a step; it reports false once the simulation must stop (step limit or ctx).
func (s *simulator) add(st Step) bool {
	if s.overflow {
		return false
	}
	s.stepped++
	if s.stepped > maxSteps || s.ctx.Err() != nil {
		s.overflow = true
		s.finish(Step{Kind: StepError, Flow: st.Flow, Pos: st.Pos,
			Detail: fmt.Sprintf("stopped after %d steps: the flow loops (last step: %s)", maxSteps, st.Detail)})
		return false
	}
	s.res.Steps = append(s.res.Steps, st)
	return true
}

// finish ends the call with st.
func (s *simulator) finish(st Step) signal {
	s.res.Steps = append(s.res.Steps, st)
	s.res.Final = st
	return stopCall
}

func (s *simulator) step(fr *frame, kind, name string, n *yaml.Node, format string, a ...any) bool {
	return s.add(Step{Kind: kind, Name: name, Flow: fr.flow.Name, Pos: posOf(fr, n), Detail: fmt.Sprintf(format, a...)})
}

func posOf(fr *frame, n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: fr.flow.File}
	}
	return fr.flow.Pos(n)
}

// newFrame indexes a flow's addressable containers and global menu choices.
func newFrame(f *Flow, depth int) *frame {
	fr := &frame{flow: f, containers: map[string]*yaml.Node{}, depth: depth}
	walk(f.Root, nil, func(n *yaml.Node, _ []string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			if !slices.Contains(containerKinds, k) || v.Kind != yaml.MappingNode {
				continue
			}
			if id := scalarField(v, "refId"); id != "" {
				if _, dup := fr.containers[k+"["+id+"]"]; !dup {
					fr.containers[k+"["+id+"]"] = v
				}
			}
			if k == "menu" {
				for _, item := range seq(mapValue(v, "choices")) {
					if _, body := single(item); body != nil && scalarField(body, "globalDtmf") == "true" {
						fr.globals = append(fr.globals, item)
					}
				}
			}
		}
	})
	return fr
}

// runFlow enters f and runs it until the call ends or the flow does.
func (s *simulator) runFlow(f *Flow, depth int) signal {
	fr := newFrame(f, depth)
	s.res.FlowsEntered = append(s.res.FlowsEntered, f.Name)
	if !s.add(Step{Kind: StepFlow, Name: f.Name, Flow: f.Name, Pos: f.TypePos, Detail: fmt.Sprintf("enter %s flow %q", f.Type, f.Name)}) {
		return stopCall
	}
	if g := mapValue(f.Root, "initialGreeting"); g != nil {
		if !s.prompt(fr, g, "initial greeting") {
			return stopCall
		}
	}
	var sig signal
	if start := mapValue(f.Root, "startUpRef"); start != nil {
		sig = s.jumpTo(fr, start, "start")
	} else if acts := mapValue(f.Root, "startUpTaskActions"); acts != nil {
		sig = s.runActions(fr, acts)
	} else {
		return s.fail(fr, f.Root, fmt.Sprintf("%s flow %q has no startUpRef", f.Type, f.Name))
	}
	for sig == jumped {
		sig = s.runContainer(fr, fr.nextKind, fr.next)
	}
	return sig
}

// runContainer runs a menu, task or state.
func (s *simulator) runContainer(fr *frame, kind string, n *yaml.Node) signal {
	if kind == "menu" {
		return s.runMenu(fr, n)
	}
	name := scalarField(n, "name")
	if !s.step(fr, StepTask, name, n, "%s %q", kind, name) {
		return stopCall
	}
	return s.runActions(fr, mapValue(n, "actions"))
}

// runActions runs a list of actions (`- playAudio: {…}`) in order.
func (s *simulator) runActions(fr *frame, list *yaml.Node) signal {
	for _, item := range seq(list) {
		k, body := single(item)
		if k == nil {
			continue
		}
		if sig := s.runAction(fr, k, body); sig != goOn {
			return sig
		}
	}
	return goOn
}

// runOutput runs the actions of one output of an action (`outputs: {yes: {actions: …}}`).
func (s *simulator) runOutput(fr *frame, body *yaml.Node, names ...string) signal {
	outs := mapValue(body, "outputs")
	for _, n := range names {
		if out := mapValue(outs, n); out != nil {
			return s.runActions(fr, mapValue(out, "actions"))
		}
	}
	return goOn
}

func (s *simulator) runAction(fr *frame, k, body *yaml.Node) signal {
	kind, name := k.Value, scalarField(body, "name")
	switch kind {
	case "playAudio":
		if !s.prompt(fr, mapValue(body, "audio"), name) {
			return stopCall
		}
		return goOn
	case "decision":
		return s.decision(fr, k, body, name)
	case "switch":
		return s.switchAction(fr, k, body, name)
	case "evaluateScheduleGroup":
		return s.evaluateScheduleGroup(fr, k, body, name)
	case "evaluateSchedule":
		return s.evaluateSchedule(fr, k, body, name)
	case "transferToAcd":
		return s.transferToAcd(fr, k, body, name)
	case "transferToFlow", "transferToFlowSecure", "transferToSecureFlow":
		return s.transferToFlow(fr, k, body, name)
	case "callCommonModule":
		return s.callCommonModule(fr, k, body, name)
	case "jumpToMenu", "jumpToTask", "changeState":
		ref := mapValue(body, map[string]string{"jumpToMenu": "targetMenuRef", "jumpToTask": "targetTaskRef", "changeState": "targetStateRef"}[kind])
		if ref == nil {
			return s.fail(fr, k, fmt.Sprintf("%s %q has no target", kind, name))
		}
		return s.jumpTo(fr, ref, name)
	case "callTask":
		return s.callTask(fr, k, body, name)
	case "disconnect":
		return s.finish(Step{Kind: StepDisconnect, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(k), Detail: "disconnect"})
	case "endTask", "endState":
		s.step(fr, StepAction, name, k, "%s: the task ends", kind)
		return endFrame
	case "endWorkflow", "exitBotFlow", "endFlow":
		return s.finish(Step{Kind: StepDisconnect, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(k), Detail: kind})
	case "transferToVoicemail", "transferToNumber", "transferToUser", "transferToGroup", "transferToExternal":
		return s.finish(Step{Kind: StepTransfer, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(k), Detail: transferDetail(kind, body)})
	case "callData":
		return s.callData(fr, k, body, name)
	case "collectInput":
		return s.collectInput(fr, k, body, name)
	case "loop":
		return s.loop(fr, k, body, name)
	case "loopExit", "loopNext":
		s.step(fr, StepAction, name, k, "%s", kind)
		return map[string]signal{"loopExit": loopExited, "loopNext": loopNexted}[kind]
	}
	if setsDataOnly(kind) {
		if !s.step(fr, StepAction, name, k, "%s: sets data only, no effect on the path", kind) {
			return stopCall
		}
		return goOn
	}
	if !s.add(Step{Kind: StepAction, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(k), Unsupported: true,
		Detail: fmt.Sprintf("%s: not simulated; the path after it may differ in the org", kind)}) {
		return stopCall
	}
	return goOn
}
