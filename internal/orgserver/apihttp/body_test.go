package apihttp

import (
	"strings"
	"testing"
)

// A body whose name and a nested reference's name both held control characters was refused
// naming either, by map order; it names the body's own field every time.
func TestCheckStringsNamesTheOuterFieldFirst(t *testing.T) {
	body := map[string]any{
		"name":          "Bad\nname",
		"type":          map[string]any{"name": "Bad\nname"},
		"trunkMetabase": map[string]any{"id": "x", "name": "Bad\nname"},
		"alpha":         []any{map[string]any{"name": "Bad\nname"}},
	}
	for range 50 {
		err := checkStrings(body, "")
		if err == nil || !strings.Contains(err.Error(), "The field [name] must not contain control characters") {
			t.Fatalf("checkStrings = %v, want the top-level [name] named", err)
		}
	}
}
