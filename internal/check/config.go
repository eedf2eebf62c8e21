package check

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Config is the check block of cx.hcl. It lives in cx.hcl rather than a file under .cx/
// because .cx/ holds local state and is not committed, while a suppression and its reason
// must be reviewed like code:
//
//	check {
//	  fail_on                = "warning" # default of --fail-on (the flag wins)
//	  monolith_max_resources = 40        # a project with more resource blocks is a monolith
//	  severity = {                       # by check ("hard-coded") or rule ("hygiene/flow-without-test")
//	    "hygiene/flow-without-test" = "warning"
//	  }
//	  policies = ["policy/"]              # folders of .rego files (see policy.go)
//	  plans    = "plans"                  # folder of <project>.json plans for the policies
//	  suppress "hard-coded/url" {         # a rule id, or a check id for all its rules
//	    path   = "flow-support/data_action.tf" # a file, or a directory such as a project
//	    reason = "the ticketing API has the same address in every environment"
//	  }
//	}
type Config struct {
	FailOn               Severity
	MonolithMaxResources int
	Severity             map[string]Severity // by check or rule id
	Suppressions         []Suppression
	// Policies are folders of Rego policies, relative to the workspace root.
	Policies []string
	// Plans is the folder of plan JSON files (`tofu show -json`, one <project>.json each)
	// the policies read as input.plans, relative to the workspace root; "" reads none.
	Plans string
}

// Suppression silences the findings of one check or rule under a path.
type Suppression struct {
	ID     string // "check" or "check/rule"
	Path   string // root-relative file or directory, slash separated
	Reason string
	Pos    Pos
}

// DefaultMonolithMaxResources is the resource blocks a project may hold before the monolith
// check calls it one: about a flow, its queues, its entry point and numbers, several times.
const DefaultMonolithMaxResources = 40

// DefaultConfig is the configuration of a workspace without a check block.
func DefaultConfig() *Config {
	return &Config{FailOn: Error, MonolithMaxResources: DefaultMonolithMaxResources, Severity: map[string]Severity{}}
}

// LoadConfig reads the check block of root/cx.hcl; without cx.hcl or the block it returns
// the defaults.
func LoadConfig(root string) (*Config, error) {
	src, err := os.ReadFile(filepath.Join(root, "cx.hcl"))
	if os.IsNotExist(err) {
		return DefaultConfig(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("read check settings: %w", err)
	}
	return ParseConfig("cx.hcl", src)
}

// ParseConfig reads the check block of a cx.hcl's source; other blocks are the workspace's.
func ParseConfig(filename string, src []byte) (*Config, error) {
	cfg := DefaultConfig()
	f, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("read check settings: %s", diags.Error())
	}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type != "check" {
			continue
		}
		if err := cfg.parseBlock(b); err != nil {
			return nil, fmt.Errorf("%s: %w", configscan.PosOf(b.DefRange()), err)
		}
	}
	return cfg, nil
}

func (c *Config) parseBlock(b *hclsyntax.Block) error {
	for name, a := range b.Body.Attributes {
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() {
			return fmt.Errorf("%s: %s must be a literal value", configscan.PosOf(a.Expr.Range()), name)
		}
		if err := c.setAttribute(name, v); err != nil {
			return fmt.Errorf("%s: %w", configscan.PosOf(a.Expr.Range()), err)
		}
	}
	for _, sb := range b.Body.Blocks {
		if sb.Type != "suppress" || len(sb.Labels) != 1 {
			return fmt.Errorf("%s: the check block holds only suppress \"ID\" { path, reason } blocks", configscan.PosOf(sb.DefRange()))
		}
		s, err := parseSuppression(sb)
		if err != nil {
			return fmt.Errorf("%s: suppress %q: %w", configscan.PosOf(sb.DefRange()), sb.Labels[0], err)
		}
		c.Suppressions = append(c.Suppressions, s)
	}
	return nil
}

func (c *Config) setAttribute(name string, v cty.Value) error {
	switch name {
	case "fail_on":
		if !v.Type().Equals(cty.String) {
			return fmt.Errorf("fail_on must be a string")
		}
		s, err := ParseSeverity(v.AsString())
		c.FailOn = s
		return err
	case "monolith_max_resources":
		if !v.Type().Equals(cty.Number) || !v.AsBigFloat().IsInt() || v.AsBigFloat().Sign() <= 0 {
			return fmt.Errorf("monolith_max_resources must be a positive whole number")
		}
		n, _ := v.AsBigFloat().Int64()
		c.MonolithMaxResources = int(n)
		return nil
	case "policies":
		dirs, ok := stringList(v)
		if !ok {
			return fmt.Errorf(`policies must be a list of folders holding .rego files, such as ["policy/"]`)
		}
		c.Policies = dirs
		return nil
	case "plans":
		if !v.Type().Equals(cty.String) {
			return fmt.Errorf("plans must be a folder holding <project>.json plans")
		}
		c.Plans = v.AsString()
		return nil
	case "severity":
		m, ok := configscan.StringMap(v)
		if !ok {
			return fmt.Errorf(`severity must map check or rule ids to "info", "warning" or "error"`)
		}
		for id, name := range m {
			s, err := ParseSeverity(name)
			if err != nil {
				return fmt.Errorf("severity[%q]: %w", id, err)
			}
			c.Severity[id] = s
		}
		return nil
	}
	return fmt.Errorf("unknown attribute %q; the check block knows fail_on, monolith_max_resources, severity, policies, plans and suppress blocks", name)
}

// stringList reads a literal list or tuple of strings.
func stringList(v cty.Value) ([]string, bool) {
	if v.IsNull() || !v.IsKnown() || !(v.Type().IsTupleType() || v.Type().IsListType()) {
		return nil, false
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsNull() || !e.Type().Equals(cty.String) {
			return nil, false
		}
		out = append(out, e.AsString())
	}
	return out, true
}

func parseSuppression(b *hclsyntax.Block) (Suppression, error) {
	s := Suppression{ID: b.Labels[0], Pos: configscan.PosOf(b.DefRange())}
	for name, a := range b.Body.Attributes {
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() || !v.Type().Equals(cty.String) {
			return s, fmt.Errorf("%s must be a literal string", name)
		}
		switch name {
		case "path":
			s.Path = strings.TrimSuffix(path.Clean(filepath.ToSlash(v.AsString())), "/")
		case "reason":
			s.Reason = strings.TrimSpace(v.AsString())
		default:
			return s, fmt.Errorf("unknown attribute %q; a suppression has path and reason", name)
		}
	}
	if s.Reason == "" {
		return s, fmt.Errorf("a suppression needs a reason: say why the finding does not apply")
	}
	if s.Path == "" {
		return s, fmt.Errorf("a suppression needs a path: the file or project it applies to")
	}
	return s, nil
}

// matches reports whether the suppression covers a finding: same check or rule, and the
// finding's file (or project, for findings without one) at or under the path.
func (s Suppression) matches(f Finding) bool {
	if s.ID != f.Check && s.ID != f.ID() {
		return false
	}
	where := f.Pos.File
	if where == "" {
		where = f.Project
	}
	return s.Path == "." || where == s.Path || strings.HasPrefix(where, s.Path+"/") || f.Project == s.Path
}

// severityOf is the configured severity of a finding: its rule's, else its check's, else
// the check's own.
func (c *Config) severityOf(f Finding) Severity {
	if s, ok := c.Severity[f.ID()]; ok {
		return s
	}
	if s, ok := c.Severity[f.Check]; ok {
		return s
	}
	return f.Severity
}
