package archy

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// addFixtureSeeds seeds a fuzz corpus with every testdata file, through add.
func addFixtureSeeds(f *testing.F, add func(data []byte)) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		add(data)
	}
}

// FuzzParse checks that no input makes Parse, Validate, References or Canonical panic, and
// that the canonical form is itself a flow with the same canonical form.
func FuzzParse(f *testing.F) {
	addFixtureSeeds(f, func(data []byte) { f.Add(data) })
	f.Add([]byte("inboundCall:\n  a: &a [*a]\n"))
	f.Add([]byte("workflow: {name: x, startUpRef: \"./states/state[s]\", states: [{state: {refId: s}}]}\n"))
	f.Add([]byte("inboundCall:\n  x: {exp: 'FindQueue(\"a\\\\\"b\") + FindSkill(' }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		flow, err := Parse("fuzz.yaml", data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Parse error %v is a %T, want *Error", err, err)
			}
			return
		}
		_ = flow.Validate()
		for _, r := range flow.References() {
			if r.Name == "" || r.Pos.Line < 1 {
				t.Fatalf("reference without name or position: %+v", r)
			}
		}
		_ = flow.DynamicLookups()
		canon, err := Canonical(flow)
		if err != nil {
			return
		}
		again, err := Parse("canonical.yaml", canon)
		if err != nil {
			t.Fatalf("canonical form does not parse: %v\n%s", err, canon)
		}
		twice, err := Canonical(again)
		if err != nil || !bytes.Equal(canon, twice) {
			t.Fatalf("canonical form is not stable (%v):\n%s\n---\n%s", err, canon, twice)
		}
	})
}

// FuzzSubstitute checks that Substitute never panics, leaves text without values alone,
// and reports placeholders at positions inside the input.
func FuzzSubstitute(f *testing.F) {
	addFixtureSeeds(f, func(data []byte) { f.Add(data, "env", "prod") })
	f.Add([]byte("a: {{x}} {{ y }} {{{z}}} {{\n}}"), "x", "1")
	f.Fuzz(func(t *testing.T, data []byte, key, val string) {
		out, unresolved := Substitute(data, nil)
		if !bytes.Equal(out, data) {
			t.Fatalf("with no values the text changed: %q -> %q", data, out)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, u := range unresolved {
			if u.Key == "" || u.Pos.Line < 1 || u.Pos.Line > lines || u.Pos.Column < 1 {
				t.Fatalf("bad unresolved placeholder %+v in %q", u, data)
			}
		}
		_, rest := Substitute(data, map[string]string{key: val})
		for _, u := range rest {
			if u.Key == key {
				t.Fatalf("placeholder %q has a value but is reported unresolved", key)
			}
		}
		if len(rest) > len(unresolved) {
			t.Fatalf("a value made more placeholders unresolved: %d > %d", len(rest), len(unresolved))
		}
	})
}
