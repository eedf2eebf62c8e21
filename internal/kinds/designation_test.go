package kinds

import "testing"

// An object goes by its name, else by the field its kind is looked up by, else by the value
// that tells a nameless kind's objects apart (a string, or a map's first value by key), else
// by the own id a child chose.
func TestDesignation(t *testing.T) {
	t.Parallel()
	c := Genesys()
	for _, tc := range []struct {
		kind string
		obj  map[string]any
		want string
	}{
		{Queue, map[string]any{"name": "Billing"}, "Billing"},
		{User, map[string]any{"name": "Ada", "email": "ada@example.com"}, "Ada"},
		{User, map[string]any{"email": "ada@example.com"}, "ada@example.com"},
		{DIDPool, map[string]any{"startPhoneNumber": "+13175550100"}, "+13175550100"},
		{DIDPool, map[string]any{"name": "+13175550100", "startPhoneNumber": "+13175550100"}, "+13175550100"},
		{PresenceDefinition, map[string]any{"languageLabels": map[string]any{"fr": "Déjeuner", "en_US": "Lunch"}}, "Lunch"},
		{PresenceDefinition, map[string]any{"languageLabels": map[string]any{}}, ""},
		{GrammarLanguage, map[string]any{"language": "en-us", "grammarId": "g1"}, "en-us"},
		{Queue, map[string]any{}, ""},
	} {
		if got := c.Named(tc.kind).Designation(tc.obj); got != tc.want {
			t.Errorf("%s %v: Designation = %q, want %q", tc.kind, tc.obj, got, tc.want)
		}
	}
}
