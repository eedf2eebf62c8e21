package archy

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readFixture returns the bytes of testdata/name.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// parseFixture parses testdata/name, failing the test on error.
func parseFixture(t testing.TB, name string) *Flow {
	t.Helper()
	f, err := Parse(name, readFixture(t, name))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return f
}

func TestParseFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file, typ, name, division string
	}{
		{"inbound_call.yaml", "inboundCall", "SimpleFinancialIvr", "Home"},
		{"inqueue_call.yaml", "inqueueCall", "Retirement Hold", "Home"},
		{"inbound_email.yaml", "inboundEmail", "Email Comprehend Flow", "Home"},
		{"common_module.yaml", "commonModule", "Verify Caller", "Home"},
		{"common_module_reordered.yaml", "commonModule", "Verify Caller", "Home"},
		// Unsubstituted placeholders are still YAML: `{{division}}` is a flow mapping.
		{"substitution.yaml", "inboundCall", "{{ flow_name }}", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			f := parseFixture(t, tt.file)
			if f.Type != tt.typ || f.Name != tt.name || f.Division != tt.division || f.File != tt.file {
				t.Errorf("got type %q name %q division %q file %q, want %q %q %q %q",
					f.Type, f.Name, f.Division, f.File, tt.typ, tt.name, tt.division, tt.file)
			}
			if f.Root == nil || f.TypePos.Line == 0 {
				t.Errorf("Root %v, TypePos %v: want both set", f.Root, f.TypePos)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		data      string
		line, col int
		want      []string // substrings of the message
	}{
		{"bad indentation", string(readFixture(t, "bad_indent.yaml")), 8, 8, []string{"invalid YAML"}},
		{"unknown top-level key", string(readFixture(t, "unknown_type.yaml")), 1, 1,
			append([]string{`unknown flow type "inboundCalls"`}, requiredTypes...)},
		{"api spelling", "INBOUNDCALL:\n  name: x\n", 1, 1, []string{`did you mean "inboundCall"?`}},
		{"empty file", "", 1, 1, []string{"empty file", "inboundCall"}},
		{"comment only", "# nothing\n", 1, 1, []string{"empty file"}},
		{"two top-level keys", "inboundCall:\n  name: a\nworkflow:\n  name: b\n", 3, 1,
			[]string{"exactly one top-level key", `"inboundCall", "workflow"`, "allowed types"}},
		{"no top-level key", "{}\n", 1, 1, []string{"found 0"}},
		{"list document", "- inboundCall: {}\n", 1, 1, []string{"not a mapping"}},
		{"scalar body", "inboundCall: hello\n", 1, 14, []string{"must be a mapping"}},
		{"two documents", "inboundCall:\n  name: a\n---\nworkflow:\n  name: b\n", 3, 1, []string{"more than one YAML document"}},
		{"tab indentation", "inboundCall:\n\tname: a\n", 2, 1, []string{"invalid YAML"}},
		{"unclosed quote", "inboundCall:\n  name: \"a\n", 2, 3, []string{"invalid YAML"}},
		{"unclosed flow mapping", "inboundCall:\n  audio: {tts: hi\n  name: x\n", 2, 3, []string{"invalid YAML"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse("flow.yaml", []byte(tt.data))
			if err == nil {
				t.Fatalf("Parse succeeded with type %q; want an error", f.Type)
			}
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %v is a %T, want *Error", err, err)
			}
			if perr.Pos.File != "flow.yaml" || perr.Pos.Line != tt.line || perr.Pos.Column != tt.col {
				t.Errorf("position %s, want flow.yaml:%d:%d (%v)", perr.Pos, tt.line, tt.col, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// requiredTypes are the flow types every consumer of this package relies on.
var requiredTypes = []string{"inboundCall", "inboundEmail", "inboundShortMessage", "inqueueCall", "outboundCall", "workflow",
	"commonModule", "inboundChat", "inqueueEmail", "inqueueShortMessage", "botFlow", "digitalBot", "secureCall", "voicemail"}

func TestAPIType(t *testing.T) {
	t.Parallel()
	for _, typ := range requiredTypes {
		api := APIType(typ)
		if api == "" {
			t.Errorf("APIType(%q) is empty", typ)
			continue
		}
		if back := FlowTypeFromAPI(api); back != typ {
			t.Errorf("FlowTypeFromAPI(%q) = %q, want %q", api, back, typ)
		}
		if back := FlowTypeFromAPI(strings.ToLower(api)); back != typ {
			t.Errorf("FlowTypeFromAPI(%q) = %q, want %q", strings.ToLower(api), back, typ)
		}
	}
	for in, want := range map[string]string{"inboundCall": "INBOUNDCALL", "botFlow": "BOT", "nope": "", "INBOUNDCALL": ""} {
		if got := APIType(in); got != want {
			t.Errorf("APIType(%q) = %q, want %q", in, got, want)
		}
	}
	if got := FlowTypeFromAPI("SPEECH"); got != "" {
		t.Errorf("FlowTypeFromAPI(SPEECH) = %q; Archy does not write speech flows", got)
	}
}

func TestPosAndErrorStrings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{"a.yaml", 3, 7}, "a.yaml:3:7"},
		{Pos{"a.yaml", 3, 0}, "a.yaml:3"},
		{Pos{"", 3, 7}, "3:7"},
		{Pos{"a.yaml", 0, 0}, "a.yaml"},
		{Pos{}, ""},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
	e := &Error{Pos: Pos{"a.yaml", 3, 7}, Msg: "bad"}
	if e.Error() != "a.yaml:3:7: bad" {
		t.Errorf("Error() = %q", e.Error())
	}
	es := Errors{*e, {Pos: Pos{"a.yaml", 4, 1}, Msg: "worse"}}
	if es.Error() != "a.yaml:3:7: bad\na.yaml:4:1: worse" {
		t.Errorf("Errors.Error() = %q", es.Error())
	}
	if Errors(nil).Err() != nil || es.Err() == nil {
		t.Error("Err() must be nil exactly when there is no error")
	}
}
