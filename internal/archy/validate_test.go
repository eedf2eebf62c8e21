package archy

import (
	"strings"
	"testing"
)

func TestValidateFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want []string // "line:col: message fragment", in order; none for a valid flow
	}{
		{"inbound_call.yaml", nil},
		{"inqueue_call.yaml", nil},
		{"inbound_email.yaml", nil},
		{"common_module.yaml", nil}, // its callTask into ./shared/checks.yaml is a reference, not an error
		{"common_module_reordered.yaml", nil},
		{"unknown_startup.yaml", []string{
			`4:15: startUpRef "/inboundCall/menus/menu[Mian Menu_10]" does not resolve: no menu has refId "Mian Menu_10"; known menu refIds: "Main Menu_10"`}},
		{"duplicate_refid.yaml", []string{`14:16: refId "Start_1" is already used by task "Start" at duplicate_refid.yaml:7:16`}},
		{"duplicate_dtmf.yaml", []string{
			`22:21: DTMF digit_1 of choice "Support" in menu "Main" is already taken by choice "Sales" at duplicate_dtmf.yaml:13:21`,
			`25:36: speech term "Sales" of choice "Support" in menu "Main" is already used by choice "Sales"`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			checkErrors(t, parseFixture(t, tt.file).Validate(), tt.file, tt.want)
		})
	}
}

// checkErrors compares errs with want, each "line:col: fragment" in order.
func checkErrors(t *testing.T, errs Errors, file string, want []string) {
	t.Helper()
	if len(errs) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(want), errs)
	}
	for i, w := range want {
		if got := errs[i].Error(); !strings.HasPrefix(got, file+":"+w[:strings.Index(w, " ")]) || !strings.Contains(got, w[strings.Index(w, " ")+1:]) {
			t.Errorf("error %d:\n got %s\nwant %s:%s", i, got, file, w)
		}
	}
}

func TestValidateInline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"missing name", "workflow:\n  startUpRef: ./states/state[s]\n  states:\n    - state: {name: S, refId: s}\n",
			[]string{"1:1: workflow has no name"}},
		{"empty name", "workflow:\n  name: ''\n  startUpRef: ./states/state[s]\n  states:\n    - state: {name: S, refId: s}\n",
			[]string{"2:9: the flow name must be a non-empty string"}},
		{"missing startUpRef", "inboundCall:\n  name: x\n", []string{"1:1: inboundCall has no startUpRef"}},
		{"in-queue flows start without startUpRef", "inqueueCall:\n  name: x\n  startUpTaskActions: []\n", nil},
		{"relative and absolute forms", `inboundEmail:
  name: x
  startUpRef: ./states/state[a]
  states:
    - state:
        name: A
        refId: a
        actions:
          - changeState: {name: go, targetStateRef: "/inboundEmail/states/state[b]"}
    - state: {name: B, refId: b}
`, nil},
		{"wrong flow type in address", `inboundCall:
  name: x
  startUpRef: "/inboundEmail/menus/menu[m]"
  menus:
    - menu: {name: M, refId: m}
`, []string{`3:15: startUpRef "/inboundEmail/menus/menu[m]" addresses a inboundEmail flow, but this flow is inboundCall`}},
		{"wrong kind", `inboundCall:
  name: x
  startUpRef: "/inboundCall/tasks/task[m]"
  menus:
    - menu: {name: M, refId: m}
`, []string{`3:15: startUpRef "/inboundCall/tasks/task[m]" points at a task, but refId "m" is a menu`}},
		{"not an address", `inboundCall:
  name: x
  startUpRef: Main Menu
`, []string{`3:15: startUpRef "Main Menu" is not a menu, task or state address`}},
		{"unresolved jump", `inboundCall:
  name: x
  startUpRef: ./menus/menu[m]
  menus:
    - menu:
        name: M
        refId: m
        choices:
          - menuJumpToTask: {name: j, dtmf: digit_1, targetTaskRef: "./tasks/task[nope]"}
`, []string{`9:69: targetTaskRef "./tasks/task[nope]" does not resolve: no task has refId "nope"`}},
		{"external reference", "commonModule:\n  name: x\n  startUpRef: ./other.yaml#/commonModule/tasks/task[t]\n", nil},
		{"repeated key", "inboundCall:\n  name: x\n  name: y\n  startUpRef: ./menus/menu[m]\n  menus: [{menu: {name: M, refId: m}}]\n",
			[]string{`3:3: key "name" is repeated (first at line 2)`}},
		{"unknown Ref key with a non-address is ignored", "inboundCall:\n  name: x\n  startUpRef: ./menus/menu[m]\n  menus: [{menu: {name: M, refId: m, someRef: hello}}]\n", nil},
		{"startUpRef as mapping", "inboundCall:\n  name: x\n  startUpRef: {lit: x}\n",
			[]string{`3:15: startUpRef must be a string`}},
		{"same DTMF in two menus is fine", `inboundCall:
  name: x
  startUpRef: ./menus/menu[a]
  menus:
    - menu: {name: A, refId: a, choices: [{menuDisconnect: {name: d, dtmf: digit_1}}]}
    - menu: {name: B, refId: b, choices: [{menuDisconnect: {name: d, dtmf: digit_1}}]}
`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse("f.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			checkErrors(t, f.Validate(), "f.yaml", tt.want)
		})
	}
}
