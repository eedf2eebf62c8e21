package archy

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// What the caller hears in a simulated call: TTS, prompts by name, or an audio expression as
// written (the simulator does not evaluate expressions).

// prompt records the audio of a value: TTS text, a prompt name or an expression as written.
func (s *simulator) prompt(fr *frame, audio *yaml.Node, name string) bool {
	text, n := audioText(audio)
	if text == "" {
		return true
	}
	s.res.PromptsSpoken = append(s.res.PromptsSpoken, text)
	return s.add(Step{Kind: StepPrompt, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(n), Detail: text})
}

func audioText(audio *yaml.Node) (string, *yaml.Node) {
	if audio == nil {
		return "", nil
	}
	if audio.Kind == yaml.ScalarNode {
		return audio.Value, audio
	}
	for _, k := range []string{"tts", "prompt", "exp"} {
		if v := mapValue(audio, k); v != nil && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
			if k == "exp" {
				return "exp: " + v.Value, v
			}
			return v.Value, v
		}
	}
	return "", nil
}
