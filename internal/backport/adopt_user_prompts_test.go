package backport

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A hand-made prompt is adopted with one resources block per language.
func TestUserPromptAdoption(t *testing.T) {
	t.Parallel()
	m, ok := mapperFor("genesyscloud_architect_user_prompt")
	if !ok {
		t.Fatal("genesyscloud_architect_user_prompt has no mapper")
	}
	got := m.attrs(decodeObject(t, `{"id":"p1","name":"Welcome","description":"Hi","resources":[
		{"id":"en-us","language":"en-us","text":"Welcome","ttsString":"Welcome to support","uploadStatus":"created"},
		{"id":"de-de","language":"de-de","text":"Willkommen"}]}`))
	want := []attribute{
		{name: "name", value: "Welcome"}, {name: "description", value: "Hi"},
		{name: "resources", block: []attribute{{name: "language", value: "en-us"}, {name: "text", value: "Welcome"}, {name: "tts_string", value: "Welcome to support"}}},
		{name: "resources", block: []attribute{{name: "language", value: "de-de"}, {name: "text", value: "Willkommen"}}},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(attribute{})); diff != "" {
		t.Errorf("prompt attributes (-want +got):\n%s", diff)
	}
}
