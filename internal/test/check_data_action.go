package test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// Checking a data action: found by name, run through its test endpoint on the sample input,
// and its answer compared with the expectations and with the action's contracts. On the local
// org the endpoint answers from the output contract (it calls no remote service); on a real
// org it calls the service, so the test proves the service still answers what the contract says.

// testExecution is the part of the API model TestExecutionResult a test reads.
type testExecution struct {
	Success     bool           `json:"success"`
	FinalResult map[string]any `json:"finalResult"`
	Error       *struct {
		Message string `json:"message"`
	} `json:"error"`
	Operations []struct {
		Name    string `json:"name"`
		Success bool   `json:"success"`
	} `json:"operations"`
}

func checkDataAction(ctx context.Context, c *platform.Client, t *Test, r *Result) {
	da := t.DataAction
	r.Expected = expectedExecution(da)
	if c == nil {
		r.Err = "no API client to the org"
		return
	}
	action, err := findDataAction(ctx, c, da.Action, da.Category)
	if err != nil {
		r.Err = err.Error()
		return
	}
	fail := func(format string, a ...any) { r.Failures = append(r.Failures, fmt.Sprintf(format, a...)) }
	if action == nil {
		fail("no data action named %q%s in the org", da.Action, inCategory(da.Category))
		return
	}
	schema := func(path string) json.RawMessage {
		raw, _ := json.Marshal(kinds.Get(action, path))
		return raw
	}
	inputs, outputs := archy.ContractFields(schema("contract.input.inputSchema")), archy.ContractFields(schema("contract.output.successSchema"))
	for _, name := range slices.Sorted(maps.Keys(da.Input)) {
		if !containsFold(inputs, name) {
			fail("input %q: the action's input contract has no such field (it has %q) (%s)", name, inputs, da.InputPos)
		}
	}
	var res testExecution
	path := actionKind().API.Item(str(action, "id")) + "/test"
	if err := c.Do(ctx, http.MethodPost, path, nil, da.Input, &res); err != nil {
		r.Err = fmt.Sprintf("run the test execution of data action %q: %s", da.Action, err)
		return
	}
	if res.Success != da.Expect.Success {
		why := ""
		if res.Error != nil {
			why = ": " + res.Error.Message
		}
		fail("success: expected %t, got %t%s (%s)", da.Expect.Success, res.Success, why, da.Expect.Pos)
	}
	for _, v := range da.Expect.Output {
		if !containsFold(outputs, v.Path) {
			fail("output %q: the action's output contract has no such field (it has %q) (%s)", v.Path, outputs, v.Pos)
			continue
		}
		if got := normalize(kinds.Get(res.FinalResult, v.Path)); !reflect.DeepEqual(normalize(v.Want), got) {
			fail("output %q: expected %s, got %s (%s)", v.Path, jsonText(v.Want), jsonText(got), v.Pos)
		}
	}
	for _, name := range da.Expect.Fields {
		switch {
		case !containsFold(outputs, name):
			fail("output %q: the action's output contract has no such field (it has %q) (%s)", name, outputs, da.Expect.FieldsPos)
		case kinds.Get(res.FinalResult, name) == nil:
			fail("output %q: expected in the output, got %s (%s)", name, jsonText(res.FinalResult), da.Expect.FieldsPos)
		}
	}
	// The answer must keep to the contract a flow maps: a field it lacks reaches no variable.
	for _, name := range slices.Sorted(maps.Keys(res.FinalResult)) {
		if !containsFold(outputs, name) {
			fail("output %q is not in the action's output contract (it has %q): a flow cannot map it (%s)", name, outputs, t.Pos)
		}
	}
}

func actionKind() *kinds.Kind { return kinds.Genesys().Named(kinds.IntegrationAction) }

// findDataAction lists the data actions and reads the one named name (and of category, when
// given) with its contract; nil when the org has none.
func findDataAction(ctx context.Context, c *platform.Client, name, category string) (map[string]any, error) {
	list, err := listing(ctx, c, actionKind(), actionKind().API.Collection, nil)
	if err != nil {
		return nil, fmt.Errorf("list data actions to find %q: %w", name, err)
	}
	for _, a := range list {
		if !strings.EqualFold(str(a, "name"), name) || category != "" && !strings.EqualFold(str(a, "category"), category) {
			continue
		}
		var full map[string]any
		if err := c.Do(ctx, http.MethodGet, actionKind().API.Item(str(a, "id")), url.Values{"expand": {"contract"}}, nil, &full); err != nil {
			return nil, fmt.Errorf("read data action %q: %w", name, err)
		}
		return full, nil
	}
	return nil, nil
}

func inCategory(category string) string {
	if category == "" {
		return ""
	}
	return fmt.Sprintf(" in category %q", category)
}

func expectedExecution(da *DataAction) string {
	s := fmt.Sprintf("data action %q%s on %s: ", da.Action, inCategory(da.Category), jsonText(da.Input))
	if !da.Expect.Success {
		return s + "fails"
	}
	s += "succeeds"
	if len(da.Expect.Output) > 0 {
		out := map[string]any{}
		for _, v := range da.Expect.Output {
			out[v.Path] = v.Want
		}
		s += " with output " + jsonText(out)
	}
	if len(da.Expect.Fields) > 0 {
		s += fmt.Sprintf(", the output holding %q", da.Expect.Fields)
	}
	return s
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(e string) bool { return strings.EqualFold(e, s) })
}
