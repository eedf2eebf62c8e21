package integrations

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Test executions of data actions: POST /api/v2/integrations/actions/{id}/test (and
// /draft/test) run an action on a sample input and answer a TestExecutionResult — the
// steps taken, and the output the flow would receive.
//
// A real org renders the request template, calls the remote service, applies the
// translation map and the success template, and checks the result against the output
// contract. The local org calls no remote service, so what it can answer honestly is the
// contract's side of that: the input is validated against the input contract (required
// fields, JSON types) exactly as a flow's call would be, and the output is shaped by the
// success contract — each property holds its schema's `default`, else its first
// `examples` entry, else the zero value of its type. The "execute request" step says it
// was not sent. So a test on the local org proves the contract a flow relies on, not the
// remote service's answer.
func (s *api) actionExecutionRoutes() {
	s.Route("POST /api/v2/integrations/actions/{id}/test", "integrations:action:execute", s.testActionExecution(host.KindAction))
	s.Route("POST /api/v2/integrations/actions/{id}/draft/test", "integrations:action:execute", s.testActionExecution(host.KindActionDraft))
}

// testExecutionResult is the API model TestExecutionResult.
type testExecutionResult struct {
	Operations  []testExecutionOperation `json:"operations"`
	Error       *executionError          `json:"error,omitempty"`
	FinalResult any                      `json:"finalResult,omitempty"`
	Success     bool                     `json:"success"`
}

// testExecutionOperation is the API model TestExecutionOperationResult.
type testExecutionOperation struct {
	Step    int             `json:"step"`
	Name    string          `json:"name"`
	Success bool            `json:"success"`
	Result  any             `json:"result,omitempty"`
	Error   *executionError `json:"error,omitempty"`
}

// executionError is the part of the API model ErrorBody an execution step answers.
type executionError struct {
	Message string `json:"message"`
	Code    string `json:"code"`
	Status  int    `json:"status"`
}

func (s *api) testActionExecution(kind store.Kind) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if _, err := host.BoolParam(r, "flatten"); err != nil {
			return err
		}
		o, err := s.Lookup(r, kind, r.PathValue("id"))
		if err != nil {
			return err
		}
		var action platform.Action
		if err := host.DecodeObject(o, &action); err != nil {
			return err
		}
		var input map[string]any
		if err := apihttp.DecodeBody(r, &input); err != nil {
			return err
		}
		return apihttp.OK(w, executeOnContract(action, input))
	}
}

// executeOnContract is the local org's execution of action on input (see
// actionExecutionRoutes for what it can and cannot answer).
func executeOnContract(action platform.Action, input map[string]any) testExecutionResult {
	var inSchema, outSchema json.RawMessage
	if c := action.Contract; c != nil {
		if c.Input != nil {
			inSchema = c.Input.InputSchema
		}
		if c.Output != nil {
			outSchema = c.Output.SuccessSchema
		}
	}
	res := testExecutionResult{Operations: []testExecutionOperation{}}
	step := func(name string, result any, problem string) bool {
		op := testExecutionOperation{Step: len(res.Operations) + 1, Name: name, Success: problem == "", Result: result}
		if problem != "" {
			op.Error = &executionError{Message: problem, Code: "bad.request", Status: http.StatusBadRequest}
			res.Error = op.Error
		}
		res.Operations = append(res.Operations, op)
		return problem == ""
	}
	if !step("Validate input against the input contract", input, inputProblem(parseSchema(inSchema), input)) {
		return res
	}
	step("Execute request", "not sent: the local org calls no remote service and answers from the output contract", "")
	out := sampleOf(parseSchema(outSchema))
	step("Apply output contract", out, "")
	res.FinalResult, res.Success = out, true
	return res
}

// schema is the part of a JSON Schema the local org reads.
type schema struct {
	Type       any                `json:"type"`
	Required   []string           `json:"required"`
	Properties map[string]*schema `json:"properties"`
	Items      *schema            `json:"items"`
	Default    any                `json:"default"`
	Examples   []any              `json:"examples"`
}

func parseSchema(raw json.RawMessage) *schema {
	var s schema
	if len(raw) == 0 || json.Unmarshal(raw, &s) != nil {
		return &schema{}
	}
	return &s
}

// types lists the schema's JSON types ("type" is a string or a list of them).
func (s *schema) types() []string { return entity.StringValues(s.Type) }

// inputProblem says why input does not meet the input contract ("" when it does), the way
// a flow's call is refused: a missing required field or a value of the wrong JSON type.
func inputProblem(s *schema, input map[string]any) string {
	for _, name := range s.Required {
		if _, ok := input[name]; !ok {
			return fmt.Sprintf("The input has no [%s], which the action's input contract requires.", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(input)) {
		p, ok := s.Properties[name]
		if !ok || p == nil {
			continue // JSON Schema allows properties the contract does not name
		}
		if ts := p.types(); len(ts) > 0 && !slices.ContainsFunc(ts, func(t string) bool { return jsonTypeIs(t, input[name]) }) {
			return fmt.Sprintf("The input [%s] must be of type %s, not %s.", name, strings.Join(ts, " or "), jsonTypeOf(input[name]))
		}
	}
	return ""
}

func jsonTypeIs(t string, v any) bool {
	got := jsonTypeOf(v)
	return got == t || t == "number" && got == "integer"
}

func jsonTypeOf(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "boolean"
	case float64:
		if x == float64(int64(x)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "unknown"
}

// sampleOf is the value a schema describes when nothing else is known: its default, its
// first example, else the zero value of its (first) type, objects holding every property.
func sampleOf(s *schema) any {
	if s == nil {
		return nil
	}
	if s.Default != nil {
		return s.Default
	}
	if len(s.Examples) > 0 {
		return s.Examples[0]
	}
	t := "object"
	if ts := s.types(); len(ts) > 0 {
		t = ts[0]
	}
	switch t {
	case "string":
		return ""
	case "integer", "number":
		return 0
	case "boolean":
		return false
	case "array":
		return []any{}
	case "null":
		return nil
	}
	out := map[string]any{}
	for name, p := range s.Properties {
		out[name] = sampleOf(p)
	}
	return out
}
