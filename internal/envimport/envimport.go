// Package envimport writes a project's import blocks so that each environment adopts its own
// objects.
//
// The ids of an import are one environment's (cx export, cx adopt and cx backport find them in
// that environment's org), yet OpenTofu reads every .tf file of a project whatever the
// environment, and allows one import block per resource. So a project has one imports.tf: a
// map of ids by environment and address, and one import block per address whose for_each
// holds that address's id in the environment of the run — none elsewhere:
//
//	locals {
//	  cx_import_ids = {
//	    dev = {
//	      "genesyscloud_routing_skill.billing" = "…"
//	    }
//	  }
//	  cx_imports = try(local.cx_import_ids[var.cx_environment], {})
//	}
//
//	import {
//	  for_each = try(toset([local.cx_imports["genesyscloud_routing_skill.billing"]]), toset([]))
//	  to       = genesyscloud_routing_skill.billing
//	  id       = each.value
//	}
//
// cx sets cx_environment on every OpenTofu run of a project that declares it
// (tofu.Project.EnvVariable); the declaration (cx_environment.tf) defaults to "", so a bare
// `tofu plan` imports nothing. Once an object is in an environment's state its import does
// nothing there.
package envimport

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// Variable is the variable cx sets to the environment's name.
const Variable = "cx_environment"

// VariableFile is the file declaring Variable; File holds the imports.
const (
	VariableFile = "cx_environment.tf"
	File         = "imports.tf"
)

// header starts every File cx writes; a File without it is someone's own.
const header = "# Written by cx (export, adopt, backport): the objects each environment adopts, by id.\n" +
	"# cx sets var.cx_environment on every run; each import block imports its object only in an\n" +
	"# environment that lists an id for it, and does nothing once the object is in that\n" +
	"# environment's state. cx adopt --env ENV and cx backport add ENV's ids here.\n"

// variableDecl is VariableFile's content.
const variableDecl = `# Written by cx: the environment of the run, which cx sets; imports.tf adopts each
# environment's own objects by it. A run without it imports nothing.
variable "` + Variable + `" {
  type        = string
  default     = ""
  description = "The cx environment this run is for (cx sets it)."
}
`

// IDs are the ids to import, by environment and resource address.
type IDs map[string]map[string]string

// Set records id as the object of address to import in env.
func (ids IDs) Set(env, address, id string) {
	if ids[env] == nil {
		ids[env] = map[string]string{}
	}
	ids[env][address] = id
}

// Parse reads the ids of a File's content (name is for messages); a content cx did not write
// is an error naming it.
func Parse(src []byte, name string) (IDs, error) {
	ids := IDs{}
	if len(strings.TrimSpace(string(src))) == 0 {
		return ids, nil
	}
	if !strings.HasPrefix(string(src), "# Written by cx") {
		return nil, fmt.Errorf("%s exists and was not written by cx: move its import blocks elsewhere first", name)
	}
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("parse %s: %s", name, diags.Error())
	}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		a := b.Body.Attributes["cx_import_ids"]
		if b.Type != "locals" || a == nil {
			continue
		}
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() || !v.Type().IsObjectType() && !v.Type().IsMapType() {
			return nil, fmt.Errorf("%s: cx_import_ids is not a literal map of ids by environment", name)
		}
		for env, byAddr := range v.AsValueMap() {
			if !byAddr.Type().IsObjectType() && !byAddr.Type().IsMapType() {
				return nil, fmt.Errorf("%s: cx_import_ids[%q] is not a map of ids by address", name, env)
			}
			for addr, id := range byAddr.AsValueMap() {
				if id.IsNull() || !id.IsKnown() || !id.Type().Equals(cty.String) {
					return nil, fmt.Errorf("%s: the id of %s in %s is not a string", name, addr, env)
				}
				ids.Set(env, addr, id.AsString())
			}
		}
	}
	return ids, nil
}

// Render is File's content for ids.
func Render(ids IDs) []byte {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("locals {\n  cx_import_ids = {\n")
	addresses := map[string]bool{}
	for _, env := range slices.Sorted(maps.Keys(ids)) {
		fmt.Fprintf(&b, "    %s = {\n", hclString(env))
		for _, addr := range slices.Sorted(maps.Keys(ids[env])) {
			fmt.Fprintf(&b, "      %s = %s\n", hclString(addr), hclString(ids[env][addr]))
			addresses[addr] = true
		}
		b.WriteString("    }\n")
	}
	fmt.Fprintf(&b, "  }\n  cx_imports = try(local.cx_import_ids[var.%s], {})\n}\n", Variable)
	for _, addr := range slices.Sorted(maps.Keys(addresses)) {
		fmt.Fprintf(&b, "\nimport {\n  for_each = try(toset([local.cx_imports[%s]]), toset([]))\n  to       = %s\n  id       = each.value\n}\n",
			hclString(addr), addr)
	}
	return hclwrite.Format([]byte(b.String()))
}

// hclString is s as an HCL string literal.
func hclString(s string) string {
	return string(hclwrite.TokensForValue(cty.StringVal(s)).Bytes())
}

// ReadFile reads the ids of the project directory dir's File (none when it does not exist).
func ReadFile(dir string) (IDs, error) {
	src, err := os.ReadFile(filepath.Join(dir, File))
	if os.IsNotExist(err) {
		return IDs{}, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(src, filepath.Join(filepath.Base(dir), File))
}

// WriteFile writes ids as the project directory dir's File, and declares Variable there
// unless the project does.
func WriteFile(dir string, ids IDs) error {
	if err := os.WriteFile(filepath.Join(dir, File), Render(ids), 0o644); err != nil {
		return err
	}
	return EnsureVariable(dir)
}

// VariableDeclaration is VariableFile's content, for a writer that writes a project's files
// itself.
func VariableDeclaration() []byte { return []byte(variableDecl) }

// EnsureVariable writes VariableFile into the project directory dir unless the project
// declares Variable already.
func EnsureVariable(dir string) error {
	if Declares(dir) {
		return nil
	}
	return os.WriteFile(filepath.Join(dir, VariableFile), []byte(variableDecl), 0o644)
}

// Declares reports whether a .tf file of the project directory dir declares Variable (a file
// that does not parse is left to OpenTofu to report).
func Declares(dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil || !strings.Contains(string(src), Variable) {
			continue
		}
		file, diags := hclsyntax.ParseConfig(src, f, hcl.InitialPos)
		if diags.HasErrors() {
			continue
		}
		for _, b := range file.Body.(*hclsyntax.Body).Blocks {
			if b.Type == "variable" && len(b.Labels) == 1 && b.Labels[0] == Variable {
				return true
			}
		}
	}
	return false
}
