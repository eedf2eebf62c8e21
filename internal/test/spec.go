// Package test is cx test: post-deploy tests written as code next to what they test
// (tests/*.cxtest.hcl in each project), run against an environment's org after a deploy.
//
// Three kinds of test exist. A call test places a simulated inbound call — the number dialled,
// the date and time in a time zone, the keys pressed, the caller's number, the branch of
// decisions the simulator cannot evaluate — through the org's deployed IVRs, schedule groups
// and published flows, and checks the path: the schedule state, flows, menus, prompts and
// decisions visited, and the final action. An object test checks an object of a catalogue
// kind in the org by name: that it exists, its attributes, and counts of its members. A data
// action test runs a data action's test endpoint on a sample input and compares the output
// with what the test expects and with the action's output contract.
//
// Tests read what is deployed, never the workspace's files: a flow edited in the org's
// console fails its call tests although the files are unchanged.
package test

import (
	"fmt"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
)

// FileSuffix ends the name of every test file; Dir is the project directory holding them.
const (
	FileSuffix = ".cxtest.hcl"
	Dir        = "tests"
)

// Test kinds.
const (
	KindCall       = "call"
	KindObject     = "object"
	KindDataAction = "data_action"
)

// Pos is where a test, or a part of it, is written: the file as the workspace names it
// (root-relative) and the line.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Test is one test of a test file.
type Test struct {
	// Kind is KindCall, KindObject or KindDataAction; Name the block's label, unique in its project.
	Kind string `json:"kind"`
	Name string `json:"name"`
	// Project is the workspace project whose tests directory holds the file.
	Project string `json:"project"`
	Pos     Pos    `json:"pos"`
	// Call is set for a call test, Object for an object test, DataAction for a data action test.
	Call       *Call       `json:"call,omitempty"`
	Object     *Object     `json:"object,omitempty"`
	DataAction *DataAction `json:"dataAction,omitempty"`
}

// Call is a call test: the simulated call and what its path must show.
type Call struct {
	DNIS string `json:"dnis"`
	ANI  string `json:"ani,omitempty"`
	// Time is the moment of the call, in the time zone the test names.
	Time time.Time `json:"time"`
	// DTMF holds the caller's inputs, one per menu play or collectInput: a key, the digits
	// typed, "say:words" for speech, "" for none.
	DTMF []string `json:"dtmf,omitempty"`
	// Decisions forces branches by action name (decision: yes/no; switch: case number or
	// default; data action: success/failure/timeout).
	Decisions map[string]string `json:"decisions,omitempty"`
	Expect    CallExpect        `json:"expect"`
}

// Final actions a call test can expect.
const (
	FinalQueue      = "transfer_to_queue"
	FinalDisconnect = "disconnect"
	FinalVoicemail  = "transfer_to_voicemail"
	FinalFlow       = "transfer_to_flow"
)

// CallExpect is what a call's path must show. Lists are in path order: each entry must come
// after the previous one, other steps may lie between.
type CallExpect struct {
	// Schedule is the state the IVR's schedule group was in ("open", "closed", "holiday"), or
	// "emergency" when an active emergency group sent the call to its emergency flow ("": not
	// checked).
	Schedule  string            `json:"schedule,omitempty"`
	Flows     []string          `json:"flows,omitempty"`
	Menus     []string          `json:"menus,omitempty"`
	Prompts   []string          `json:"prompts,omitempty"`
	Decisions map[string]string `json:"decisions,omitempty"`
	// Final is one of the Final* kinds; Target its queue, voicemail target or flow name
	// ("" for a disconnect). Every call test names one: a test without it would pass on any path.
	Final  string `json:"final"`
	Target string `json:"target,omitempty"`
	Pos    Pos    `json:"pos"`
}

// Object is an object test: an object of a catalogue kind, found by name, and what it holds.
type Object struct {
	// Type is the official resource type; the catalogue kind it names is Kind.
	Type string      `json:"type"`
	Kind *kinds.Kind `json:"-"`
	Name string      `json:"name"`
	// Values are the JSON values the object must hold, by JSON path (attributes are turned
	// into their paths through the kind's fields).
	Values []ValueCheck `json:"values,omitempty"`
	Counts []CountCheck `json:"counts,omitempty"`
	// States are the states a schedule group must be in at given times.
	States []StateCheck `json:"states,omitempty"`
	// MatchesWorkspace (flows only) asks that the flow's published version be the flow file
	// the workspace holds, compared in canonical form; MatchesPos is where the test says so.
	MatchesWorkspace bool `json:"matchesWorkspace,omitempty"`
	MatchesPos       Pos  `json:"matchesPos,omitzero"`
}

// StateCheck is the state a schedule group must be in at a moment.
type StateCheck struct {
	At    time.Time `json:"at"`
	State string    `json:"state"`
	Pos   Pos       `json:"pos"`
}

// ValueCheck is one value the object must hold.
type ValueCheck struct {
	// Attr is the Terraform attribute the test named ("" when it named the JSON path).
	Attr string `json:"attr,omitempty"`
	Path string `json:"path"`
	Want any    `json:"want"`
	Pos  Pos    `json:"pos"`
}

// CountCheck counts members of the object: the entities of a sub-collection of its API path
// ("/wrapupcodes"), the elements of a JSON array, or a JSON number (memberCount).
type CountCheck struct {
	Path string `json:"path"`
	// Equals, AtLeast and AtMost bound the count (nil: not bounded).
	Equals  *int `json:"equals,omitempty"`
	AtLeast *int `json:"atLeast,omitempty"`
	AtMost  *int `json:"atMost,omitempty"`
	// Includes are names the members must include (compared ignoring case).
	Includes []string `json:"includes,omitempty"`
	Pos      Pos      `json:"pos"`
}

// DataAction is a data action test: the action, found by name (and category), run on a
// sample input through the org's test endpoint.
type DataAction struct {
	Action string `json:"action"`
	// Category narrows the search to actions of that category ("": any).
	Category string         `json:"category,omitempty"`
	Input    map[string]any `json:"input"`
	InputPos Pos            `json:"inputPos"`
	Expect   DataExpect     `json:"expect"`
}

// DataExpect is what a data action's test execution must answer.
type DataExpect struct {
	// Success is whether the execution must succeed (true unless the test says otherwise).
	Success bool `json:"success"`
	// Output holds values the output must hold, by field name as a flow maps it ("a.b" for
	// a nested field); each must also be a field of the action's output contract.
	Output []ValueCheck `json:"output,omitempty"`
	// Fields are output fields that must be present, whatever their value (a real service's
	// answer varies); each must also be a field of the output contract.
	Fields    []string `json:"fields,omitempty"`
	FieldsPos Pos      `json:"fieldsPos"`
	Pos       Pos      `json:"pos"`
}
