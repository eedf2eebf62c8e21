package backport

// userPromptAttributes maps a user prompt: its name, description and one resources block
// per language (text and text-to-speech; audio files cannot be adopted).
func userPromptAttributes(obj map[string]any) []attribute {
	out := described(obj)
	list, _ := obj["resources"].([]any)
	for _, el := range list {
		res, ok := el.(map[string]any)
		if !ok {
			continue
		}
		block := join(str(res, "language", "language"), str(res, "text", "text"), str(res, "ttsString", "tts_string"))
		out = append(out, attribute{name: "resources", block: block})
	}
	return out
}
