package archy

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func TestCanonicalEqual(t *testing.T) {
	t.Parallel()
	call := string(readFixture(t, "inbound_call.yaml"))
	// An export of the same flow as a minimal hand-written file: comments gone, quotes
	// changed, defaults an export fills in (false flags, noValue inputs) left out.
	minimal := regexp.MustCompile(`(?m)^\s*(#.*|globalDtmf: false|globalSpeechRecTerms: false|isInput: false|isOutput: false)\n`).
		ReplaceAllString(call, "")
	minimal = strings.ReplaceAll(minimal, "name: SimpleFinancialIvr", `name: "SimpleFinancialIvr"`)
	minimal = strings.ReplaceAll(minimal, `targetMenuRef: "/inboundCall/menus/menu[Main Menu_10]"`, `targetMenuRef: '/inboundCall/menus/menu[Main Menu_10]'`)
	minimal = strings.Replace(minimal, "              preferredAgents:\n                noValue: true\n", "", 1)
	minimal = strings.Replace(minimal, "priority:\n                lit: 0", "priority:\n                lit: 0x0", 1)
	if minimal == call {
		t.Fatal("the minimal variant did not change anything")
	}
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"same file", call, call, true},
		{"export vs minimal", call, minimal, true},
		{"reordered, requoted, commented", string(readFixture(t, "common_module.yaml")), string(readFixture(t, "common_module_reordered.yaml")), true},
		{"changed prompt text", call, strings.Replace(call, "We are closed for the holiday", "We are closed for the holidays", 1), false},
		{"changed DTMF", call, strings.Replace(call, "dtmf: digit_3", "dtmf: digit_5", 1), false},
		{"choices reordered", "inboundCall:\n  name: x\n  choices: [a, b]\n", "inboundCall:\n  name: x\n  choices: [b, a]\n", false},
		{"string vs number", "inboundCall:\n  x: {lit: \"5\"}\n", "inboundCall:\n  x: {lit: 5}\n", false},
		{"bool spellings", "inboundCall:\n  x: {lit: True}\n", "inboundCall:\n  x: {lit: true}\n", true},
		{"null spellings", "inboundCall:\n  x: ~\n", "inboundCall:\n  x: null\n", true},
		{"float spellings", "inboundCall:\n  x: 1.50\n", "inboundCall:\n  x: 1.5\n", true},
		{"block vs quoted string", "inboundCall:\n  tts: |-\n    a\n    b\n", "inboundCall:\n  tts: \"a\\nb\"\n", true},
		{"noValue true vs absent", "inboundCall:\n  name: x\n  languageSkill: {noValue: true}\n", "inboundCall:\n  name: x\n", true},
		{"noValue vs a value", "inboundCall:\n  languageSkill: {noValue: true}\n", "inboundCall:\n  languageSkill: {lit: {name: English}}\n", false},
		{"settings blocks are kept", "inboundCall:\n  name: x\n  settingsMenu: {repeatCount: {lit: 3}}\n", "inboundCall:\n  name: x\n", false},
		{"alias expanded", "inboundCall:\n  a: &t {tts: hi}\n  b: *t\n", "inboundCall:\n  a: {tts: hi}\n  b: {tts: hi}\n", true},
		{"different types", "inboundCall:\n  name: x\n", "inqueueCall:\n  name: x\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse("a.yaml", []byte(tt.a))
			if err != nil {
				t.Fatal(err)
			}
			b, err := Parse("b.yaml", []byte(tt.b))
			if err != nil {
				t.Fatal(err)
			}
			if got := Equal(a, b); got != tt.want {
				ca, _ := Canonical(a)
				cb, _ := Canonical(b)
				t.Errorf("Equal = %v, want %v\n--- a\n%s--- b\n%s", got, tt.want, ca, cb)
			}
		})
	}
}

func TestCanonicalForm(t *testing.T) {
	t.Parallel()
	f, err := Parse("f.yaml", []byte(`# comment
inboundCall:
  startUpRef: "./menus/menu[m]"   # trailing
  name: 'Main'
  description: ""
  variables:
    - stringVariable: {name: Flow.X, isInput: false, initialValue: {noValue: true}}
  menus:
    - menu:
        refId: m
        name: "true"
        choices:
          - menuDisconnect: {dtmf: digit_9, name: Bye, globalDtmf: false}
        failureOutputs: {errorType: {noValue: true}}
  priority: {lit: 0x10}
`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Canonical(f)
	if err != nil {
		t.Fatal(err)
	}
	want := `inboundCall:
  menus:
    - menu:
        choices:
          - menuDisconnect:
              dtmf: digit_9
              name: Bye
        name: "true"
        refId: m
  name: Main
  priority:
    lit: 16
  startUpRef: ./menus/menu[m]
  variables:
    - stringVariable:
        name: Flow.X
`
	if string(got) != want {
		t.Errorf("Canonical:\n%s\nwant:\n%s", got, want)
	}
	again, err := Parse("g.yaml", got)
	if err != nil {
		t.Fatal(err)
	}
	if twice, _ := Canonical(again); !bytes.Equal(twice, got) {
		t.Errorf("Canonical is not idempotent:\n%s", twice)
	}
}

func TestCanonicalAliasBomb(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("inboundCall:\n  a0: &a0 [x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 12; i++ {
		b.WriteString("  a" + string(rune('0'+i%10)) + string(rune('a'+i)) + ": &a" + string(rune('a'+i)) + " [")
		prev := "a0"
		if i > 1 {
			prev = "a" + string(rune('a'+i-1))
		}
		for j := 0; j < 8; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
	}
	f, err := Parse("bomb.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Canonical(f); err == nil {
		t.Error("Canonical expanded an alias bomb; want an error")
	}
	if Equal(f, f) {
		t.Error("a flow without a canonical form must equal nothing")
	}
	self, err := Parse("self.yaml", []byte("inboundCall:\n  a: &a [*a]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Canonical(self); err == nil {
		t.Error("Canonical expanded a self-referencing alias; want an error")
	}
	_ = self.Validate()
	_ = self.References()
}
