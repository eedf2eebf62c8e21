// Package archy reads Genesys Cloud Architect flows written in Archy YAML: it parses them
// keeping line and column of every node, validates the internal references (startUpRef,
// targetMenuRef, …), extracts the by-name references to other objects (queues, data actions,
// prompts, …) that make up a flow's dependencies, applies `{{key}}` substitutions the way
// genesyscloud_flow does, and renders a canonical form so that flow content can be compared.
package archy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Flow is one parsed Archy flow file.
type Flow struct {
	// Type is the flow type as the YAML writes it (the top-level key), e.g. "inboundCall".
	Type string
	// Name, Description and Division are the flow's scalar header fields ("" when absent).
	Name, Description, Division string
	// Root is the mapping under the flow-type key: the flow's body.
	Root *yaml.Node
	// File is the name the flow was parsed from; it prefixes every position.
	File string
	// TypePos is where the flow-type key is written.
	TypePos Pos
}

// Pos is a place in a flow file. Line and Column are 1-based; Column counts characters.
type Pos struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// String renders "file:line:col", leaving out the parts that are unknown.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(p.Line))
		if p.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Column))
		}
	}
	return b.String()
}

// Error is one problem found in a flow file, with its position.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string {
	if p := e.Pos.String(); p != "" {
		return p + ": " + e.Msg
	}
	return e.Msg
}

// Errors lists every problem found; it is an error when non-empty.
type Errors []Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i := range es {
		msgs[i] = es[i].Error()
	}
	return strings.Join(msgs, "\n")
}

// Err returns es as an error, or nil when there is no problem, so that callers do not
// end up with a non-nil error interface holding an empty list.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// flowTypes maps each YAML flow type to the API's Flow.type enum value. The API names are
// the enum in the Platform API contract; bot flows are "botFlow" in YAML but "BOT" in the API.
var flowTypes = []struct{ yaml, api string }{
	{"botFlow", "BOT"},
	{"commonModule", "COMMONMODULE"},
	{"digitalBot", "DIGITALBOT"},
	{"inboundCall", "INBOUNDCALL"},
	{"inboundChat", "INBOUNDCHAT"},
	{"inboundEmail", "INBOUNDEMAIL"},
	{"inboundShortMessage", "INBOUNDSHORTMESSAGE"},
	{"inqueueCall", "INQUEUECALL"},
	{"inqueueEmail", "INQUEUEEMAIL"},
	{"inqueueShortMessage", "INQUEUESHORTMESSAGE"},
	{"outboundCall", "OUTBOUNDCALL"},
	{"secureCall", "SECURECALL"},
	{"surveyInvite", "SURVEYINVITE"},
	{"voice", "VOICE"},
	{"voicemail", "VOICEMAIL"},
	{"voiceSurvey", "VOICESURVEY"},
	{"workflow", "WORKFLOW"},
	{"workitem", "WORKITEM"},
}

// FlowTypes returns the flow types Parse accepts, as written in YAML.
func FlowTypes() []string {
	out := make([]string, len(flowTypes))
	for i, t := range flowTypes {
		out[i] = t.yaml
	}
	return out
}

// APIType returns the Platform API flow type ("INBOUNDCALL") for a YAML flow type
// ("inboundCall"), or "" when the type is unknown.
func APIType(yamlType string) string {
	for _, t := range flowTypes {
		if t.yaml == yamlType {
			return t.api
		}
	}
	return ""
}

// FlowTypeFromAPI returns the YAML flow type for an API flow type; the match ignores case
// because the API's query parameters spell types in lower case ("inboundcall").
func FlowTypeFromAPI(apiType string) string {
	for _, t := range flowTypes {
		if strings.EqualFold(t.api, apiType) {
			return t.yaml
		}
	}
	return ""
}

// Parse reads one Archy flow. Malformed YAML yields an *Error with the line and column of the
// problem; a document that is not a single mapping keyed by a known flow type yields an *Error
// naming the offending key and the allowed types. Parse does not check references: see Validate.
func Parse(file string, data []byte) (*Flow, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{Pos: Pos{File: file, Line: 1, Column: 1},
				Msg: "empty file: want one top-level key naming the flow type (" + allowedTypes() + ")"}
		}
		return nil, syntaxError(file, data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{Pos: nodePos(file, &extra), Msg: "more than one YAML document: an Archy flow file holds exactly one"}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(file, data, err)
	}
	top := &doc
	if top.Kind == yaml.DocumentNode && len(top.Content) == 1 {
		top = top.Content[0]
	}
	if top.Kind != yaml.MappingNode {
		return nil, &Error{Pos: nodePos(file, top),
			Msg: "the document is not a mapping: want one top-level key naming the flow type (" + allowedTypes() + ")"}
	}
	if len(top.Content) != 2 {
		keys := make([]string, 0, len(top.Content)/2)
		for i := 0; i+1 < len(top.Content); i += 2 {
			keys = append(keys, strconv.Quote(top.Content[i].Value))
		}
		pos := nodePos(file, top)
		if len(top.Content) > 2 {
			pos = nodePos(file, top.Content[2])
		}
		return nil, &Error{Pos: pos, Msg: fmt.Sprintf("want exactly one top-level key naming the flow type, found %d (%s); allowed types: %s",
			len(keys), strings.Join(keys, ", "), allowedTypes())}
	}
	key, body := top.Content[0], top.Content[1]
	if APIType(key.Value) == "" {
		msg := fmt.Sprintf("unknown flow type %q; allowed types: %s", key.Value, allowedTypes())
		if t := FlowTypeFromAPI(key.Value); t != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", t)
		}
		return nil, &Error{Pos: nodePos(file, key), Msg: msg}
	}
	if body.Kind != yaml.MappingNode {
		return nil, &Error{Pos: nodePos(file, body), Msg: fmt.Sprintf("the body of %s must be a mapping (name, startUpRef, …)", key.Value)}
	}
	f := &Flow{Type: key.Value, Root: body, File: file, TypePos: nodePos(file, key)}
	f.Name = scalarField(body, "name")
	f.Description = scalarField(body, "description")
	f.Division = scalarField(body, "division")
	return f, nil
}

// Pos returns the position of node n in f's file.
func (f *Flow) Pos(n *yaml.Node) Pos { return nodePos(f.File, n) }

func allowedTypes() string { return strings.Join(FlowTypes(), ", ") }

func nodePos(file string, n *yaml.Node) Pos {
	return Pos{File: file, Line: n.Line, Column: n.Column}
}

// scalarField returns the scalar value of key in mapping m, or "".
func scalarField(m *yaml.Node, key string) string {
	if v := mapValue(m, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// mapValue returns the value of key in mapping m (the first one, if repeated), or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError turns a yaml.v3 error into an *Error with a line and column. yaml.v3 reports
// only a line, and for most structural errors it is the line where the enclosing block
// starts (its "context"), not the line at fault. The line at fault is found by parsing
// growing prefixes of the file from that line on: the first prefix that no longer parses
// ends at the bad line. The scan is bounded so that a large file with an unusual error
// still fails fast; the column is where the bad line's content starts, which is what an
// indentation mistake needs pointing at.
func syntaxError(file string, data []byte, err error) *Error {
	msg := err.Error()
	line := 0
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	lines := strings.SplitAfter(string(data), "\n")
	if line < 1 {
		line = 1
	}
	if line > len(lines) {
		line = len(lines)
	}
	const maxScan = 64
	for k := line; k <= len(lines) && k < line+maxScan; k++ {
		var n yaml.Node
		if yaml.Unmarshal([]byte(strings.Join(lines[:k], "")), &n) != nil {
			line = k
			break
		}
	}
	col := 1
	if line >= 1 && line <= len(lines) {
		text := lines[line-1]
		trimmed := strings.TrimLeft(text, " ")
		if strings.TrimSpace(trimmed) != "" {
			col = len([]rune(text[:len(text)-len(trimmed)])) + 1
		}
	}
	return &Error{Pos: Pos{File: file, Line: line, Column: col}, Msg: "invalid YAML: " + msg}
}

// walk calls visit for every node under n in document order, with the chain of mapping keys
// leading to it. Aliases are not followed: what they point at is visited where the anchor is
// defined, and following them could loop (yaml.v3 accepts `&a [*a]`).
func walk(n *yaml.Node, path []string, visit func(n *yaml.Node, path []string)) {
	if n == nil {
		return
	}
	visit(n, path)
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			walk(c, path, visit)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := append(slices.Clip(path), n.Content[i].Value)
			walk(n.Content[i+1], p, visit)
		}
	}
}

// seq returns the items of a sequence node (nil for anything else).
func seq(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// single splits a one-key mapping (`- playAudio: {…}`) into its key and value.
func single(item *yaml.Node) (k, v *yaml.Node) {
	if item == nil || item.Kind != yaml.MappingNode || len(item.Content) < 2 {
		return nil, nil
	}
	return item.Content[0], item.Content[1]
}
