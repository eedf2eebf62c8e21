package check

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// Custom policies: a team's own rules in Rego, the language its policy tooling already
// speaks. The check block names folders of .rego files (policies = ["policy/"]); every
// package in them with a deny or warn rule is evaluated against the workspace (see
// policy_input.go) and each message becomes a finding: deny an error, warn a warning. The
// finding's id is "policy/<file>" (the file's path in its folder, without .rego), so the
// severity map and suppressions name it like a built-in rule.
//
// A message is a string, or an object saying where the finding is:
//
//	deny contains {"msg": "…", "resource": "genesyscloud_routing_queue.claims", "project": "flow-claims"} if { … }
//
// "resource" (an address, with "project" when several projects could hold it) places the
// finding at the resource's file:line; "file" and "line" place it anywhere; a message that
// names no place is reported at the rule in the policy file.

// checkPolicy is the id's check part of every policy finding.
const checkPolicy = "policy"

// policyRule is one deny or warn rule of a policy package, where it is first written.
type policyRule struct {
	query string // "data.cx.queues.deny"
	rule  string // the id's rule part: the policy file in its folder, without .rego
	kind  string // "deny" or "warn"
	pos   Pos
}

// policySet is the compiled policies of a workspace.
type policySet struct {
	compiler *ast.Compiler
	rules    []policyRule
}

// loadPolicies parses and compiles the .rego files of the configured folders (files ending
// _test.rego are `opa test`'s and left out). A syntax or compile error names the policy's
// file:line.
func loadPolicies(root string, dirs []string) (*policySet, error) {
	modules := map[string]*ast.Module{}
	ruleOf := map[string]string{} // module file → the id's rule part
	for _, dir := range dirs {
		base := path.Clean(filepath.ToSlash(dir))
		abs := filepath.Join(root, filepath.FromSlash(base))
		if _, err := os.Stat(abs); err != nil {
			return nil, fmt.Errorf("policies %q: %w (the check block's policies lists folders of .rego files)", dir, err)
		}
		err := filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
				return err
			}
			inDir, err := filepath.Rel(abs, p)
			if err != nil {
				return err
			}
			rel := path.Join(base, filepath.ToSlash(inDir))
			src, err := os.ReadFile(p)
			if err != nil {
				return fmt.Errorf("read policy: %w", err)
			}
			m, err := ast.ParseModule(rel, string(src))
			if err != nil {
				return policyError(err)
			}
			modules[rel] = m
			ruleOf[rel] = strings.TrimSuffix(filepath.ToSlash(inDir), ".rego")
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	compiler := ast.NewCompiler()
	if compiler.Compile(modules); compiler.Failed() {
		return nil, policyError(compiler.Errors)
	}
	set := &policySet{compiler: compiler}
	seen := map[string]bool{}
	for _, f := range slices.Sorted(maps.Keys(modules)) {
		m := modules[f]
		for _, r := range m.Rules {
			ref := r.Head.Ref()
			if len(ref) == 0 {
				continue
			}
			kind := ref[0].Value.String()
			query := m.Package.Path.String() + "." + kind
			if (kind != "deny" && kind != "warn") || seen[query] {
				continue
			}
			seen[query] = true
			set.rules = append(set.rules, policyRule{query: query, rule: ruleOf[f], kind: kind, pos: Pos{File: f, Line: r.Location.Row}})
		}
	}
	return set, nil
}

// policyError says which policy file and line an OPA error is about.
func policyError(err error) error {
	var errs ast.Errors
	if !errors.As(err, &errs) {
		return fmt.Errorf("policy: %w", err)
	}
	lines := make([]string, 0, len(errs))
	for _, e := range errs {
		where := "policy"
		if e.Location != nil {
			where = fmt.Sprintf("%s:%d", e.Location.File, e.Location.Row)
		}
		lines = append(lines, fmt.Sprintf("%s: %s: %s", where, e.Code, e.Message))
	}
	return fmt.Errorf("%s; fix the policy (opa check reports the same)", strings.Join(lines, "; "))
}

// checkPolicies evaluates the configured policies against the workspace.
func checkPolicies(ctx context.Context, v *view) ([]Finding, error) {
	if len(v.cfg.Policies) == 0 {
		return nil, nil
	}
	set, err := loadPolicies(v.ws.Root, v.cfg.Policies)
	if err != nil {
		return nil, err
	}
	in, err := policyInput(v)
	if err != nil {
		return nil, err
	}
	input, err := ast.InterfaceToValue(in)
	if err != nil {
		return nil, fmt.Errorf("policy input: %w", err)
	}
	var out []Finding
	for _, r := range set.rules {
		rs, err := rego.New(rego.Compiler(set.compiler), rego.Query(r.query), rego.ParsedInput(input)).Eval(ctx)
		if err != nil {
			return nil, fmt.Errorf("policy %s (%s): %w", r.pos, r.query, err)
		}
		for _, result := range rs {
			for _, e := range result.Expressions {
				for _, msg := range messages(e.Value) {
					out = append(out, v.policyFinding(r, msg))
				}
			}
		}
	}
	return out, nil
}

// messages are the elements of a deny or warn set (a list when the rule builds one).
func messages(x any) []any {
	switch x := x.(type) {
	case []any:
		return x
	case map[string]any:
		// A rule written as an object (deny[key] := msg) gives its values.
		var out []any
		for _, k := range slices.Sorted(maps.Keys(x)) {
			out = append(out, x[k])
		}
		return out
	case nil:
		return nil
	}
	return []any{x}
}

// policyFinding turns one message of a rule into a finding, placed as the message says.
func (v *view) policyFinding(r policyRule, msg any) Finding {
	f := Finding{Check: checkPolicy, Rule: r.rule, Severity: Warning, Pos: r.pos}
	if r.kind == "deny" {
		f.Severity = Error
	}
	obj, ok := msg.(map[string]any)
	if !ok {
		f.Message = fmt.Sprint(msg)
		return f
	}
	for _, key := range []string{"msg", "message"} {
		if s, ok := obj[key].(string); ok {
			f.Message = s
			break
		}
	}
	if f.Message == "" {
		f.Message = fmt.Sprint(msg)
	}
	f.Project, _ = obj["project"].(string)
	if address, _ := obj["resource"].(string); address != "" {
		if project, pos, ok := v.resourceAt(f.Project, address); ok {
			f.Project, f.Pos = project, pos
			return f
		}
	}
	if file, _ := obj["file"].(string); file != "" {
		f.Pos = Pos{File: file}
		f.Pos.Line = lineNumber(obj["line"])
	}
	return f
}

// lineNumber reads a message's line, which OPA hands over as a json.Number.
func lineNumber(x any) int {
	switch x := x.(type) {
	case json.Number:
		n, _ := x.Int64()
		return int(n)
	case float64:
		return int(x)
	case int:
		return x
	}
	return 0
}

// resourceAt finds a resource block by address, in project when given.
func (v *view) resourceAt(project, address string) (string, Pos, bool) {
	for _, m := range v.modules {
		if project != "" && m.project.Name != project {
			continue
		}
		if r := m.byAddress[address]; r != nil {
			return m.project.Name, r.pos, true
		}
	}
	return "", Pos{}, false
}
