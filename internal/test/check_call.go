package test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/archy"
)

// Checking a simulated call's path against a call test's expectations.

// PathStep is one step of a simulated call as a report shows it: the simulator's step with
// its position turned into the workspace file that declares the flow.
type PathStep struct {
	Kind        string `json:"kind"`
	Name        string `json:"name,omitempty"`
	Detail      string `json:"detail"`
	At          string `json:"at,omitempty"`
	Assumed     bool   `json:"assumed,omitempty"`
	Unsupported bool   `json:"unsupported,omitempty"`
}

func (s PathStep) String() string {
	line := s.Detail
	if s.At != "" {
		line += " (" + s.At + ")"
	}
	switch {
	case s.Unsupported:
		line += " [not simulated]"
	case s.Assumed:
		line += " [assumed]"
	}
	return line
}

// branchOf reads the branch a decision step took from its detail: "decision "x" → yes (…)",
// "switch "y" → case 2".
func branchOf(detail string) string {
	_, after, ok := strings.Cut(detail, "→ ")
	if !ok {
		return ""
	}
	branch, _, _ := strings.Cut(after, " (")
	return strings.TrimSpace(branch)
}

func checkCall(ctx context.Context, o Options, t *Test, r *Result) {
	c := t.Call
	r.Expected = expectedPath(c.Expect)
	if o.Simulator == nil {
		r.Err = ErrNoSimulator.Error()
		return
	}
	res, err := o.Simulator.Simulate(ctx, c)
	if err != nil {
		r.Err = err.Error()
		return
	}
	for _, st := range res.Steps {
		r.Path = append(r.Path, pathStep(st, o.Suite.FlowFiles))
	}
	final := pathStep(res.Final, o.Suite.FlowFiles)
	r.DivergedAt = final.At
	fail := func(format string, a ...any) { r.Failures = append(r.Failures, fmt.Sprintf(format, a...)) }

	for _, st := range res.Steps {
		if st.Unsupported {
			p := pathStep(st, o.Suite.FlowFiles)
			fail("the path runs an action the simulator does not model, so it cannot be trusted: %s", p)
		}
		if st.Invalid {
			fail("the flow does not fit what the org holds: %s", pathStep(st, o.Suite.FlowFiles))
		}
	}
	if e := c.Expect.Schedule; e != "" && e != string(res.ScheduleState) {
		fail("schedule: expected %s, got %s", e, cmpOr(string(res.ScheduleState), "no schedule evaluated"))
	}
	checkInOrder(fail, "flows", c.Expect.Flows, res.FlowsEntered, func(want, got string) bool { return strings.EqualFold(want, got) })
	checkInOrder(fail, "menus", c.Expect.Menus, res.MenusVisited, func(want, got string) bool { return strings.EqualFold(want, got) })
	checkInOrder(fail, "prompts", c.Expect.Prompts, res.PromptsSpoken, func(want, got string) bool { return strings.Contains(got, want) })
	for _, name := range slices.Sorted(maps.Keys(c.Expect.Decisions)) {
		want := c.Expect.Decisions[name]
		got := ""
		for _, st := range res.Steps {
			if st.Kind == archy.StepDecision && st.Name == name {
				got = branchOf(st.Detail)
			}
		}
		switch {
		case got == "":
			fail("decision %q: expected %s, but the call never reached it", name, want)
		case !strings.EqualFold(got, want):
			fail("decision %q: expected %s, got %s", name, want, got)
		}
	}
	want := finalText(c.Expect.Final, c.Expect.Target)
	if got, ok := finalMatches(c.Expect, res); !ok {
		fail("final action: expected %s, got %s at %s", want, got, cmpOr(final.At, "an unknown position"))
	}
}

// checkInOrder reports the first wanted entry that does not follow the previous one in got.
func checkInOrder(fail func(string, ...any), what string, want, got []string, match func(want, got string) bool) {
	i := 0
	for _, w := range want {
		for i < len(got) && !match(w, got[i]) {
			i++
		}
		if i == len(got) {
			fail("%s: expected %q (in the order %q), got %q", what, w, want, got)
			return
		}
		i++
	}
}

// finalMatches compares a call's end with the expected final action; got describes the end.
func finalMatches(e CallExpect, res *archy.Result) (got string, ok bool) {
	got = actualFinal(res)
	switch e.Final {
	case FinalQueue:
		return got, res.Final.Kind == archy.StepTransfer && res.Queue != "" && strings.EqualFold(res.Queue, e.Target)
	case FinalDisconnect:
		return got, res.Final.Kind == archy.StepDisconnect
	case FinalVoicemail:
		return got, res.Final.Kind == archy.StepTransfer && strings.HasPrefix(res.Final.Detail, "transferToVoicemail") &&
			strings.Contains(strings.ToLower(res.Final.Detail), strings.ToLower(`"`+e.Target+`"`))
	case FinalFlow:
		// The call goes on in the flow it was transferred to; the transfer itself is the step.
		for _, st := range res.Steps {
			if st.Kind == archy.StepTransfer && strings.EqualFold(st.Detail, fmt.Sprintf("transfer to flow %q", e.Target)) {
				return got, true
			}
		}
	}
	return got, false
}

func actualFinal(res *archy.Result) string {
	f := res.Final
	switch {
	case f.Kind == archy.StepTransfer && res.Queue != "":
		return finalText(FinalQueue, res.Queue)
	case f.Kind == archy.StepDisconnect:
		return "disconnect (" + f.Detail + ")"
	}
	return f.Kind + " (" + f.Detail + ")"
}

func finalText(final, target string) string {
	switch final {
	case FinalQueue:
		return fmt.Sprintf("transfer to queue %q", target)
	case FinalVoicemail:
		return fmt.Sprintf("transfer to voicemail %q", target)
	case FinalFlow:
		return fmt.Sprintf("transfer to flow %q", target)
	}
	return "disconnect"
}

// expectedPath renders what a call test expects, in path order.
func expectedPath(e CallExpect) string {
	var parts []string
	if e.Schedule != "" {
		parts = append(parts, "schedule "+e.Schedule)
	}
	for _, l := range []struct {
		what string
		list []string
	}{{"flows", e.Flows}, {"menus", e.Menus}, {"prompts", e.Prompts}} {
		if len(l.list) > 0 {
			parts = append(parts, fmt.Sprintf("%s %q", l.what, l.list))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(e.Decisions)) {
		parts = append(parts, fmt.Sprintf("decision %q → %s", k, e.Decisions[k]))
	}
	return strings.Join(append(parts, finalText(e.Final, e.Target)), " → ")
}

// pathStep cites a step in the workspace file of its flow. The simulator names the flow's
// file after the flow ("Billing IVR.yaml"), since it reads what the org has published; the line
// is that of the published version, which is the file's when the org holds what was deployed.
func pathStep(st archy.Step, flowFiles map[string]string) PathStep {
	p := PathStep{Kind: st.Kind, Name: st.Name, Detail: st.Detail, Assumed: st.Assumed, Unsupported: st.Unsupported}
	if st.Pos.Line == 0 {
		return p
	}
	file := st.Pos.File
	if f, ok := flowFiles[strings.TrimSuffix(file, ".yaml")]; ok {
		file = f
	}
	p.At = fmt.Sprintf("%s:%d", file, st.Pos.Line)
	return p
}
