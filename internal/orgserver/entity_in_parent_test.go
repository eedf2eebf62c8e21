package orgserver

import (
	"testing"
)

// A grammar answers its languages inside it (Grammar.languages), in its GET, its listing and
// its write answers alike, since the API lists them nowhere else; a deleted language leaves it, and a
// grammar without any holds an empty list.
func TestGrammarAnswersItsLanguages(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	c := newRawClient(t, ts, "dev", "deploy")
	grammar := c.must(200, "POST", "/api/v2/architect/grammars", map[string]any{"name": "Account numbers"})["id"].(string)
	languages := "/api/v2/architect/grammars/" + grammar + "/languages"
	c.must(200, "POST", languages, map[string]any{"language": "en-us"})
	c.must(200, "POST", languages, map[string]any{"language": "es-us"})
	c.must(204, "DELETE", languages+"/es-us", nil)
	empty := c.must(200, "POST", "/api/v2/architect/grammars", map[string]any{"name": "Yes or no"})["id"].(string)

	codes := func(obj map[string]any) []string {
		var out []string
		held, ok := obj["languages"].([]any)
		if !ok {
			t.Fatalf("grammar %v holds no languages list", obj["id"])
		}
		for _, l := range held {
			lang, _ := l.(map[string]any)
			if lang["grammarId"] != obj["id"] {
				t.Errorf("grammar %v holds a language of grammar %v", obj["id"], lang["grammarId"])
			}
			code, _ := lang["language"].(string)
			out = append(out, code)
		}
		return out
	}
	if got := codes(c.must(200, "GET", "/api/v2/architect/grammars/"+grammar, nil)); len(got) != 1 || got[0] != "en-us" {
		t.Errorf("GET grammar languages = %v, want [en-us]", got)
	}
	patched := c.must(200, "PATCH", "/api/v2/architect/grammars/"+grammar, map[string]any{"description": "Card and account numbers"})
	if got := codes(patched); len(got) != 1 || got[0] != "en-us" {
		t.Errorf("PATCH answer languages = %v, want [en-us]", got)
	}
	listing := c.must(200, "GET", "/api/v2/architect/grammars?pageSize=100", nil)
	seen := 0
	for _, e := range listing["entities"].([]any) {
		g := e.(map[string]any)
		switch got := codes(g); g["id"] {
		case grammar:
			seen++
			if len(got) != 1 || got[0] != "en-us" {
				t.Errorf("listed grammar languages = %v, want [en-us]", got)
			}
		case empty:
			seen++
			if len(got) != 0 {
				t.Errorf("listed empty grammar languages = %v", got)
			}
		}
	}
	if seen != 2 {
		t.Errorf("listing = %v, want both grammars", listing)
	}
}
