package archy

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Menus in the simulator: one DTMF entry per play, choices, repeats and the default choice
// (the rules are listed at the top of simulate.go).

// dtmfKey turns a pressed key into the YAML's spelling: "1" → "digit_1", "*" → "star".
func dtmfKey(k string) string {
	k = strings.TrimSpace(k)
	switch {
	case len(k) == 1 && k[0] >= '0' && k[0] <= '9':
		return "digit_" + k
	case k == "*":
		return "star"
	case k == "#":
		return "pound"
	}
	return k
}

// nextKey takes the caller's input for one menu play; ok is false for a timeout.
func (s *simulator) nextKey() (raw string, ok bool) {
	if s.key >= len(s.call.DTMF) {
		return "", false
	}
	k := strings.TrimSpace(s.call.DTMF[s.key])
	s.key++
	return k, k != ""
}

// menuSetting reads a menu setting from the menu's settingsMenu, else the flow's.
func menuSetting(fr *frame, menu *yaml.Node, key string) *yaml.Node {
	for _, m := range []*yaml.Node{menu, fr.flow.Root} {
		if v := mapValue(mapValue(m, "settingsMenu"), key); v != nil {
			return v
		}
	}
	return nil
}

// litInt reads `{lit: 3}` or `3`.
func litInt(v *yaml.Node) (int, bool) {
	if l := mapValue(v, "lit"); l != nil {
		v = l
	}
	if v == nil || v.Kind != yaml.ScalarNode {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.Value))
	return n, err == nil
}

func (s *simulator) runMenu(fr *frame, menu *yaml.Node) signal {
	name := scalarField(menu, "name")
	s.res.MenusVisited = append(s.res.MenusVisited, name)
	plays := defaultRepeatCount
	if n, ok := litInt(menuSetting(fr, menu, "repeatCount")); ok {
		plays = max(n, 1)
	}
	timeout := "10"
	if v := mapValue(mapValue(menuSetting(fr, menu, "menuSelectionTimeout"), "lit"), "seconds"); v != nil && v.Kind == yaml.ScalarNode {
		timeout = v.Value
	}
	if !s.step(fr, StepMenu, name, menu, "menu %q (plays up to %d times)", name, plays) {
		return stopCall
	}
	for play := 1; play <= plays; play++ {
		if !s.prompt(fr, mapValue(menu, "audio"), name) {
			return stopCall
		}
		raw, pressed := s.nextKey()
		if !pressed {
			if !s.step(fr, StepInput, name, menu, "play %d of %d: no key within %ss", play, plays, timeout) {
				return stopCall
			}
			continue
		}
		var item *yaml.Node
		if said, spoken := strings.CutPrefix(raw, spokenPrefix); spoken {
			item = spokenChoice(menu, fr.globals, said)
		} else {
			item = findChoice(menu, fr.globals, dtmfKey(raw))
		}
		if item == nil {
			if !s.step(fr, StepInput, name, menu, "play %d of %d: key %s matches no choice", play, plays, raw) {
				return stopCall
			}
			continue
		}
		k, body := single(item)
		choice := cmpOr(scalarField(body, "name"), k.Value)
		if !s.step(fr, StepInput, choice, mapValue(body, "dtmf"), "key %s: choice %q", raw, choice) {
			return stopCall
		}
		return s.runChoice(fr, k, body)
	}
	return s.noMatch(fr, menu, name, plays)
}

// findChoice returns the choice item of menu (or a global one) for a DTMF key.
func findChoice(menu *yaml.Node, globals []*yaml.Node, key string) *yaml.Node {
	for _, items := range [][]*yaml.Node{seq(mapValue(menu, "choices")), globals} {
		for _, item := range items {
			if _, body := single(item); body != nil && scalarField(body, "dtmf") == key {
				return item
			}
		}
	}
	return nil
}

// runChoice runs a menu choice: menuTask runs its task, menuSubMenu enters its menu, and
// every other menuX runs as the action x (menuTransferToAcd as transferToAcd, …).
func (s *simulator) runChoice(fr *frame, k, body *yaml.Node) signal {
	switch k.Value {
	case "menuTask":
		t := mapValue(body, "task")
		if t == nil {
			return s.fail(fr, k, "menuTask has no task")
		}
		return s.runContainer(fr, "task", t)
	case "menuSubMenu":
		m := mapValue(body, "menu")
		if m == nil {
			return s.fail(fr, k, "menuSubMenu has no menu")
		}
		fr.next, fr.nextKind = m, "menu"
		return jumped
	}
	action, ok := strings.CutPrefix(k.Value, "menu")
	if !ok || action == "" {
		return s.runAction(fr, k, body)
	}
	action = strings.ToLower(action[:1]) + action[1:]
	return s.runAction(fr, &yaml.Node{Kind: yaml.ScalarNode, Value: action, Line: k.Line, Column: k.Column}, body)
}

// noMatch takes a menu's default choice once its plays are used up.
func (s *simulator) noMatch(fr *frame, menu *yaml.Node, name string, plays int) signal {
	if ref := mapValue(menu, "defaultChildMenuRef"); ref != nil && ref.Kind == yaml.ScalarNode {
		if !s.step(fr, StepMenu, name, ref, "no choice after %d plays: default choice", plays) {
			return stopCall
		}
		return s.jumpTo(fr, ref, name)
	}
	for _, m := range []*yaml.Node{menu, mapValue(menu, "settingsMenu")} {
		if nm := mapValue(m, "noMatch"); nm != nil {
			if !s.step(fr, StepMenu, name, nm, "no choice after %d plays: no-match actions", plays) {
				return stopCall
			}
			return s.runActions(fr, mapValue(nm, "actions"))
		}
	}
	return s.finish(Step{Kind: StepDisconnect, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(menu), Assumed: true,
		Detail: fmt.Sprintf("no choice after %d plays and menu %q has no default choice: the call is disconnected", plays, name)})
}
