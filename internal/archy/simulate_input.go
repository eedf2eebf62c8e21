package archy

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Caller input outside menus (collectInput) and loops in the simulator.

// maxLoopCount is Architect's bound on a Loop action's count ("Maximum Loop Count … up to
// 99", help.mypurecloud.com "Loop action").
const maxLoopCount = 99

// collectInput takes the caller's next input (the next Call.DTMF entry: the digits typed, ""
// for none) as the digits collected. Architect takes the failure path when the caller enters
// nothing before the no-entry timeout (help.mypurecloud.com "Collect Input action", "Set the
// timeout behavior"); global menu choices are not listened for meanwhile, so the entry is
// never matched against them. The digit count and terminator rules are not checked: any
// entry takes the success path, or the output named after the key ("digit_1") when the flow
// branches by key.
func (s *simulator) collectInput(fr *frame, k, body *yaml.Node, name string) signal {
	if text, n := audioText(mapValue(body, "inputAudio")); text != "" {
		s.res.PromptsSpoken = append(s.res.PromptsSpoken, text)
		if !s.add(Step{Kind: StepPrompt, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(n), Detail: text}) {
			return stopCall
		}
	}
	raw, entered := s.nextKey()
	if !entered {
		if !s.step(fr, StepInput, name, k, "collect input %q: no entry: the failure output", name) {
			return stopCall
		}
		return s.runOutput(fr, body, "failure")
	}
	outs := mapValue(body, "outputs")
	if key := dtmfKey(raw); mapValue(outs, key) != nil {
		if !s.step(fr, StepInput, name, k, "collect input %q: %s: the %s output", name, raw, key) {
			return stopCall
		}
		out := mapValue(outs, key)
		return s.runActions(fr, cmpNode(mapValue(out, "actions"), mapValue(out, "outputActions")))
	}
	if !s.step(fr, StepInput, name, k, "collect input %q: %s: the success output", name, raw) {
		return stopCall
	}
	return s.runOutput(fr, body, "success")
}

func cmpNode(a, b *yaml.Node) *yaml.Node {
	if a != nil {
		return a
	}
	return b
}

// loop runs `outputs.loop.actions` loopCount times (a literal; an expression runs once,
// Assumed), up to Architect's maximum of 99; loopExit ends the loop, loopNext starts the next
// iteration (help.mypurecloud.com "Loop action"). A loop without that output is not one the
// simulator can read: Unsupported.
func (s *simulator) loop(fr *frame, k, body *yaml.Node, name string) signal {
	out := mapValue(mapValue(body, "outputs"), "loop")
	if out == nil {
		if !s.add(Step{Kind: StepAction, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(k), Unsupported: true,
			Detail: "loop: no outputs.loop to run; not simulated"}) {
			return stopCall
		}
		return goOn
	}
	count, literal := litInt(mapValue(body, "loopCount"))
	if !literal {
		count = 1
	}
	count = min(max(count, 0), maxLoopCount)
	detail := fmt.Sprintf("loop %q: %d times", name, count)
	if !literal {
		detail = fmt.Sprintf("loop %q: cannot evaluate its count: runs once", name)
	}
	if !s.add(Step{Kind: StepAction, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(k), Assumed: !literal, Detail: detail}) {
		return stopCall
	}
	for range count {
		switch sig := s.runActions(fr, mapValue(out, "actions")); sig {
		case goOn, loopNexted:
		case loopExited:
			return goOn
		default:
			return sig
		}
	}
	return goOn
}

// spokenPrefix marks a Call.DTMF entry that the caller says rather than keys: "say:billing".
const spokenPrefix = "say:"

// spokenChoice finds the choice of the menu (or a global one) whose speech recognition terms
// include what the caller said, ignoring case.
func spokenChoice(menu *yaml.Node, globals []*yaml.Node, said string) *yaml.Node {
	said = strings.ToLower(strings.TrimSpace(said))
	for _, items := range [][]*yaml.Node{seq(mapValue(menu, "choices")), globals} {
		for _, item := range items {
			_, body := single(item)
			for _, key := range []string{"speechRecTerms", "globalSpeechRecTerms"} {
				sr := mapValue(body, key)
				if sr == nil {
					continue
				}
				for _, term := range speechTerms(sr) {
					if strings.ToLower(strings.TrimSpace(term.Value)) == said {
						return item
					}
				}
			}
		}
	}
	return nil
}
