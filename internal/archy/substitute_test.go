package archy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSubstitute(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in   string
		vals       map[string]string
		want       string
		unresolved []Unresolved
	}{
		{"plain", "name: {{env}} Support\n", map[string]string{"env": "prod"}, "name: prod Support\n", nil},
		{"spaces inside braces", "name: {{ env }}-{{env}}\n", map[string]string{"env": "dev"}, "name: dev-dev\n", nil},
		{"unresolved keeps text", "a: 1\nname: \"x {{ region }}\"\n", map[string]string{"env": "dev"}, "a: 1\nname: \"x {{ region }}\"\n",
			[]Unresolved{{Key: "region", Pos: Pos{Line: 2, Column: 10}}}},
		{"column counts characters", "tts: «hé» {{who}}\n", nil, "tts: «hé» {{who}}\n",
			[]Unresolved{{Key: "who", Pos: Pos{Line: 1, Column: 11}}}},
		{"value is not scanned again", "a: {{x}}\n", map[string]string{"x": "{{y}}"}, "a: {{y}}\n", nil},
		{"triple braces", "a: {{{x}}}\n", map[string]string{"x": "v"}, "a: {v}\n", nil},
		{"empty braces are no placeholder", "a: {{}} {{ }}\n", nil, "a: {{}} {{ }}\n", nil},
		{"no line break inside", "a: {{x\n}}\n", map[string]string{"x": "v"}, "a: {{x\n}}\n", nil},
		{"unterminated", "a: {{x", map[string]string{"x": "v"}, "a: {{x", nil},
		{"value may be empty", "a: '{{x}}'\n", map[string]string{"x": ""}, "a: ''\n", nil},
		{"placeholder at start and end", "{{a}}{{b}}", map[string]string{"a": "1", "b": "2"}, "12", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, unresolved := Substitute([]byte(tt.in), tt.vals)
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if diff := cmp.Diff(tt.unresolved, unresolved); diff != "" {
				t.Errorf("unresolved mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSubstituteFixture(t *testing.T) {
	t.Parallel()
	data := readFixture(t, "substitution.yaml")
	out, unresolved := Substitute(data, map[string]string{"flow_name": "Support IVR", "division": "DEV"})
	want := []Unresolved{{Key: "env", Pos: Pos{Line: 14, Column: 26}}}
	if diff := cmp.Diff(want, unresolved); diff != "" {
		t.Fatalf("unresolved mismatch (-want +got):\n%s", diff)
	}
	f, err := Parse("substitution.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "Support IVR" || f.Division != "DEV" {
		t.Errorf("after substitution name %q division %q, want Support IVR, DEV", f.Name, f.Division)
	}
	out, unresolved = Substitute(out, map[string]string{"env": "Prod"})
	if len(unresolved) != 0 {
		t.Fatalf("still unresolved: %v", unresolved)
	}
	if f, err = Parse("substitution.yaml", out); err != nil {
		t.Fatal(err)
	}
	if errs := f.Validate(); len(errs) != 0 {
		t.Errorf("Validate: %v", errs)
	}
	refs := refLines(f.References())
	if diff := cmp.Diff([]string{"3:13 division DEV", "14:25 queue Prod Support"}, refs); diff != "" {
		t.Errorf("References() mismatch (-want +got):\n%s", diff)
	}
}
