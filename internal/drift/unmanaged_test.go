package drift

import (
	"errors"
	"strings"
	"testing"
)

func TestParseIgnore(t *testing.T) {
	t.Parallel()
	src := "# local test objects\n\ngenesyscloud_routing_queue Test*\ngenesyscloud_user *\r\n  genesyscloud_routing_skill   Temp  Skill ?\ngenesyscloud_routing_* Sandbox \\*\n"
	rules, err := ParseIgnore(".cxignore", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules.Rules) != 4 || rules.Rules[0].Line != 3 || rules.Rules[2].Name != "Temp  Skill ?" || rules.Rules[2].Line != 5 {
		t.Fatalf("rules: %+v", rules.Rules)
	}
	tests := []struct {
		typ, name string
		want      bool
	}{
		{"genesyscloud_routing_queue", "Test queue", true},
		{"genesyscloud_routing_queue", "test", true}, // names compare ignoring case
		{"genesyscloud_routing_queue", "Support", false},
		{"genesyscloud_user", "Anyone", true},
		{"genesyscloud_routing_skill", "temp  skill 1", true},
		{"genesyscloud_routing_skill", "Temp Skill 1", false},
		{"genesyscloud_routing_wrapupcode", "Sandbox *", true},
		{"genesyscloud_routing_wrapupcode", "Sandbox x", false},
		{"genesyscloud_group", "Test", false},
	}
	for _, tc := range tests {
		if got := rules.Match(tc.typ, tc.name); got != tc.want {
			t.Errorf("Match(%s, %q) = %v, want %v", tc.typ, tc.name, got, tc.want)
		}
	}
	var none *IgnoreRules
	if none.Match("genesyscloud_user", "x") {
		t.Error("nil rules match")
	}
}

func TestParseIgnoreErrors(t *testing.T) {
	t.Parallel()
	src := "genesyscloud_routing_queue\n# fine\ngenesyscloud_routing_queues Test*\ngenesyscloud_user ok\ngenesyscloud_user bad\\"
	_, err := ParseIgnore(".cxignore", []byte(src))
	var ie *IgnoreError
	if !errors.As(err, &ie) {
		t.Fatalf("want *IgnoreError, got %v", err)
	}
	var lines []int
	for _, p := range ie.Problems {
		lines = append(lines, p.Line)
	}
	if len(lines) != 3 || lines[0] != 1 || lines[1] != 3 || lines[2] != 5 {
		t.Fatalf("problem lines %v: %v", lines, err)
	}
	if !strings.Contains(err.Error(), ".cxignore:3: unknown type \"genesyscloud_routing_queues\"") {
		t.Errorf("message: %v", err)
	}
}

func TestGlob(t *testing.T) {
	t.Parallel()
	tests := []struct {
		p, s string
		want bool
	}{
		{"*", "", true}, {"*", "abc", true}, {"a*c", "abbbc", true}, {"a*c", "abcd", false},
		{"a?c", "abc", true}, {"a?c", "ac", false}, {"**a", "bba", true}, {`a\*`, "a*", true}, {`a\*`, "ab", false},
		{"*a*b*", "xxaxxbxx", true}, {"*a*b*", "xxbxxaxx", false}, {"é*", "éa", true},
	}
	for _, tc := range tests {
		if got := glob(tc.p, tc.s); got != tc.want {
			t.Errorf("glob(%q, %q) = %v, want %v", tc.p, tc.s, got, tc.want)
		}
	}
}

func FuzzParseIgnore(f *testing.F) {
	f.Add([]byte("genesyscloud_routing_queue Test*\n# c\ngenesyscloud_user *\n"), "genesyscloud_user", "Bob")
	f.Add([]byte("genesyscloud_routing_* a\\*b?\n"), "genesyscloud_routing_skill", "a*bc")
	f.Add([]byte("x\n\n\r\n  \t"), "", "")
	f.Fuzz(func(t *testing.T, data []byte, typ, name string) {
		rules, err := ParseIgnore("fuzz", data)
		if err != nil {
			var ie *IgnoreError
			if !errors.As(err, &ie) || len(ie.Problems) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			for _, p := range ie.Problems {
				if p.Line < 1 || p.Line > strings.Count(string(data), "\n")+1 {
					t.Fatalf("line %d out of range", p.Line)
				}
			}
			return
		}
		for _, r := range rules.Rules {
			if r.Type == "" || r.Name == "" || r.Line < 1 {
				t.Fatalf("bad rule %+v", r)
			}
		}
		rules.Match(typ, name) // must not panic
	})
}
