// Package configscan reads an OpenTofu configuration directory without evaluating it and
// says what it names: the Genesys Cloud objects it declares (resources with a literal name,
// flows by the name in their Archy YAML), the objects it refers to by name (data sources,
// Archy references) and the names it cannot read without running OpenTofu. The workspace
// builds its graph from it; the provider's flow reference check uses it to accept objects
// the same configuration creates.
package configscan

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Scan is what one configuration directory names.
type Scan struct {
	// Name is the directory's name, for messages; Dir is the directory relative to the root
	// the scan started from, slash separated (flow files are found relative to it).
	Name        string
	Dir         string
	Files       []string    // .tf files, root-relative
	Reads       []string    // other files the configuration reads (flow YAML), root-relative
	Declares    []Object    // objects the configuration creates, by name
	Nameless    []Object    // objects of nameless kinds it creates, by what they go by (kinds.Kind.DesignatingField)
	Refers      []Ref       // objects it looks up by name
	Unknown     []Unknown   // names the scan could not read without evaluating
	Diagnostics Diagnostics // problems reading it (syntax, missing flow files)
}

// Object is something a project declares: a Genesys Cloud object type and its name.
type Object struct {
	Type    string `json:"type"`
	Name    string `json:"name"`
	Address string `json:"address"` // the resource address, e.g. genesyscloud_routing_skill.billing
	Pos     Pos    `json:"pos"`
}

// Ref is a by-name reference from a project to an object, with where it is written.
type Ref struct {
	Type string `json:"type"`
	Name string `json:"name"`
	// Via is "data" for a data source, "flow" for an Archy flow reference.
	Via string `json:"via"`
	// Kind is the Archy reference kind ("queue", "dataAction", …); "" for data sources.
	Kind string `json:"kind,omitempty"`
	Pos  Pos    `json:"pos"`
}

func (r Ref) String() string {
	what := r.Kind
	if what == "" {
		what = "data " + r.Type
	}
	return fmt.Sprintf("%s %s %q", r.Pos, what, r.Name)
}

// Unknown is a name the scan cannot know without evaluating OpenTofu (a variable, a
// function call, an unresolved substitution); it may hide an edge.
type Unknown struct {
	Address string `json:"address"`
	Reason  string `json:"reason"`
	Pos     Pos    `json:"pos"`
}

// ScanDir reads the configuration in dir (relative to root): the .tf files with hclsyntax
// and the flow YAML its genesyscloud_flow resources name. Problems inside the files are in
// the Scan's Diagnostics; the error is for files it cannot list or read.
func ScanDir(root, dir string) (*Scan, error) {
	s := &Scan{Name: path.Base(dir), Dir: dir}
	abs := filepath.Join(root, filepath.FromSlash(dir))
	files, err := filepath.Glob(filepath.Join(abs, "*.tf"))
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", dir, err)
	}
	sort.Strings(files)
	read := func(rel string) ([]byte, error) { return os.ReadFile(filepath.Join(root, filepath.FromSlash(rel))) }
	for _, f := range files {
		rel := path.Join(dir, filepath.Base(f))
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("scan %s: %w", dir, err)
		}
		s.Files = append(s.Files, rel)
		s.ScanFile(rel, src, read)
	}
	return s, nil
}

// ScanFile records what one .tf file declares and refers to. file is root-relative; read
// loads other root-relative files (flow YAML).
func (s *Scan) ScanFile(file string, src []byte, read func(string) ([]byte, error)) {
	f, diags := hclsyntax.ParseConfig(src, file, hcl.InitialPos)
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		pos := Pos{File: file, Line: 1, Column: 1}
		if d.Subject != nil {
			pos = PosOf(*d.Subject)
		}
		s.Diagnostics = append(s.Diagnostics, Diagnostic{Severity: SeverityError, Code: "syntax",
			Message: fmt.Sprintf("project %s: %s: %s", s.Name, d.Summary, d.Detail), Positions: []Pos{pos}})
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return
	}
	for _, b := range body.Blocks {
		if len(b.Labels) != 2 || !strings.HasPrefix(b.Labels[0], "genesyscloud_") {
			continue
		}
		typ, addr := b.Labels[0], b.Labels[0]+"."+b.Labels[1]
		switch {
		case b.Type == "resource" && typ == "genesyscloud_flow":
			s.scanFlow(b, addr, read)
		case b.Type == "resource":
			if name, pos, ok := s.literalName(b, addr); ok {
				s.Declares = append(s.Declares, Object{Type: typ, Name: name, Address: addr, Pos: pos})
			} else if value, pos, ok := foundByLiteral(b); ok {
				s.Nameless = append(s.Nameless, Object{Type: typ, Name: value, Address: addr, Pos: pos})
			}
		case b.Type == "data":
			if name, pos, ok := s.literalName(b, "data."+addr); ok {
				s.Refers = append(s.Refers, Ref{Type: typ, Name: name, Via: "data", Pos: pos})
			}
		}
	}
}

// foundByLiteral returns what a resource of a nameless kind goes by (kinds.FoundByValue of
// its kinds.Kind.DesignatingField), when that attribute is a literal; a variable is left to
// the state.
func foundByLiteral(b *hclsyntax.Block) (string, Pos, bool) {
	k := kinds.Genesys().ByResource(b.Labels[0])
	if k == nil {
		return "", Pos{}, false
	}
	f := k.DesignatingField()
	if f == nil || b.Body.Attributes[f.Attr] == nil {
		return "", Pos{}, false
	}
	a := b.Body.Attributes[f.Attr]
	v, ok := LiteralValue(a.Expr, nil)
	if !ok {
		return "", Pos{}, false
	}
	var value string
	if v.Type().Equals(cty.String) {
		value = v.AsString()
	} else if m, ok := StringMap(v); ok {
		entries := make(map[string]any, len(m))
		for key, label := range m {
			entries[key] = label
		}
		value = kinds.FoundByValue(entries)
	}
	return value, PosOf(a.Expr.Range()), value != ""
}

// literalName returns a block's literal name attribute. Blocks without one (objects found
// by id or email) name nothing; non-literal names are recorded as unknown.
func (s *Scan) literalName(b *hclsyntax.Block, addr string) (string, Pos, bool) {
	attr := "name"
	if k := kinds.Genesys().ByResource(b.Labels[0]); k != nil && b.Type == "resource" {
		attr = k.NameAttribute() // a script's script_name
	}
	a := b.Body.Attributes[attr]
	if a == nil && b.Labels[0] == "genesyscloud_integration" {
		// An integration's name is in its config block; flows name integrations by it.
		for _, cb := range b.Body.Blocks {
			if cb.Type == "config" {
				a = cb.Body.Attributes["name"]
			}
		}
	}
	if a == nil {
		return "", Pos{}, false
	}
	v, ok := LiteralValue(a.Expr, nil)
	if !ok || !v.Type().Equals(cty.String) {
		s.Unknown = append(s.Unknown, Unknown{Address: addr, Reason: "name is not a literal string", Pos: PosOf(a.Expr.Range())})
		return "", Pos{}, false
	}
	return v.AsString(), PosOf(a.Expr.Range()), true
}
