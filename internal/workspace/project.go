package workspace

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Workspace is a loaded workspace: its configuration and its scanned projects.
type Workspace struct {
	Root     string // as given to Load
	Config   *Config
	Projects []*Project // sorted by name
}

// Project is one OpenTofu root module of the workspace and what it names.
type Project struct {
	Name string
	// Dir is the project directory relative to the workspace root, slash separated; it may
	// start with "../" for a repository checked out beside the workspace.
	Dir          string
	Files        []string            // .tf files, root-relative
	Reads        []string            // other files the project reads (flow YAML), root-relative
	Environments map[string]EnvFiles // per environment name, the env files that exist
	Declares     []Object            // objects this project creates, by name
	Refers       []Ref               // objects this project looks up by name
	Unknown      []Unknown           // names the scan could not read without evaluating
	Diagnostics  Diagnostics         // problems reading the project (syntax, missing flow files)
}

// EnvFiles are a project's per-environment inputs, root-relative; "" when absent.
type EnvFiles struct {
	Vars          string `json:"vars,omitempty"`          // env/<env>.tfvars
	Substitutions string `json:"substitutions,omitempty"` // env/<env>.substitutions.yaml
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

// Load reads cx.hcl at root, discovers the projects it includes and scans each one.
// Problems inside projects are kept in each Project's Diagnostics (BuildGraph reports
// them); the error is for problems that leave no workspace to describe.
func Load(root string) (*Workspace, error) {
	cfg, err := LoadConfig(root)
	if err != nil {
		return nil, err
	}
	dirs, err := discover(root, cfg)
	if err != nil {
		return nil, err
	}
	ws := &Workspace{Root: root, Config: cfg}
	byName := map[string]string{}
	for _, dir := range dirs {
		name := path.Base(dir)
		if prev, dup := byName[name]; dup {
			return nil, fmt.Errorf("two projects are named %q: %s and %s; rename one directory (a project's name is its directory name)", name, prev, dir)
		}
		byName[name] = dir
		p, err := ScanProject(root, dir, cfg)
		if err != nil {
			return nil, err
		}
		ws.Projects = append(ws.Projects, p)
	}
	sort.Slice(ws.Projects, func(i, j int) bool { return ws.Projects[i].Name < ws.Projects[j].Name })
	return ws, nil
}

// Project returns the project with that name, or nil.
func (ws *Workspace) Project(name string) *Project {
	for _, p := range ws.Projects {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// discover returns the root-relative directories cx.hcl includes that hold .tf files.
func discover(root string, cfg *Config) ([]string, error) {
	seen := map[string]bool{}
	var dirs []string
	for _, pattern := range cfg.Include {
		matches, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(pattern)))
		if err != nil {
			return nil, fmt.Errorf("%s: projects.include %q: %w", filepath.Join(root, ConfigFile), pattern, err)
		}
		for _, m := range matches {
			rel, err := filepath.Rel(root, m)
			if err != nil {
				continue
			}
			rel = filepath.ToSlash(rel)
			// Hidden directories (.cx state, .git, .terraform) are never projects, even under "*".
			if seen[rel] || rel == "." || strings.HasPrefix(path.Base(rel), ".") || excluded(rel, cfg.Exclude) {
				continue
			}
			if fi, err := os.Stat(m); err != nil || !fi.IsDir() {
				continue
			}
			tf, err := filepath.Glob(filepath.Join(m, "*.tf"))
			if err != nil || len(tf) == 0 {
				continue
			}
			seen[rel] = true
			dirs = append(dirs, rel)
		}
	}
	sort.Strings(dirs)
	return dirs, nil
}

func excluded(rel string, patterns []string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, rel); ok {
			return true
		}
	}
	return false
}

// ScanProject reads the project in dir (relative to root) without evaluating anything:
// the .tf files with hclsyntax and the flow YAML its genesyscloud_flow resources name.
func ScanProject(root, dir string, cfg *Config) (*Project, error) {
	p := &Project{Name: path.Base(dir), Dir: dir, Environments: map[string]EnvFiles{}}
	abs := filepath.Join(root, filepath.FromSlash(dir))
	files, err := filepath.Glob(filepath.Join(abs, "*.tf"))
	if err != nil {
		return nil, fmt.Errorf("scan project %s: %w", dir, err)
	}
	sort.Strings(files)
	read := func(rel string) ([]byte, error) { return os.ReadFile(filepath.Join(root, filepath.FromSlash(rel))) }
	for _, f := range files {
		rel := path.Join(dir, filepath.Base(f))
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("scan project %s: %w", dir, err)
		}
		p.Files = append(p.Files, rel)
		p.scanFile(rel, src, read)
	}
	if cfg != nil {
		for _, env := range cfg.Environments {
			var ef EnvFiles
			if rel := path.Join(dir, "env", env.Name+".tfvars"); exists(root, rel) {
				ef.Vars = rel
			}
			if rel := path.Join(dir, "env", env.Name+".substitutions.yaml"); exists(root, rel) {
				ef.Substitutions = rel
			}
			if ef != (EnvFiles{}) {
				p.Environments[env.Name] = ef
			}
		}
	}
	return p, nil
}

func exists(root, rel string) bool {
	fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
	return err == nil && fi.Mode().IsRegular()
}

// scanFile records what one .tf file declares and refers to. file is root-relative; read
// loads other root-relative files (flow YAML).
func (p *Project) scanFile(file string, src []byte, read func(string) ([]byte, error)) {
	f, diags := hclsyntax.ParseConfig(src, file, hcl.InitialPos)
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		pos := Pos{File: file, Line: 1, Column: 1}
		if d.Subject != nil {
			pos = posOf(*d.Subject)
		}
		p.Diagnostics = append(p.Diagnostics, Diagnostic{Severity: SeverityError, Code: "syntax",
			Message: fmt.Sprintf("project %s: %s: %s", p.Name, d.Summary, d.Detail), Positions: []Pos{pos}})
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
			p.scanFlow(b, addr, read)
		case b.Type == "resource":
			if name, pos, ok := p.literalName(b, addr); ok {
				p.Declares = append(p.Declares, Object{Type: typ, Name: name, Address: addr, Pos: pos})
			}
		case b.Type == "data":
			if name, pos, ok := p.literalName(b, "data."+addr); ok {
				p.Refers = append(p.Refers, Ref{Type: typ, Name: name, Via: "data", Pos: pos})
			}
		}
	}
}

// literalName returns a block's literal name attribute. Blocks without one (objects found
// by id or email) name nothing; non-literal names are recorded as unknown.
func (p *Project) literalName(b *hclsyntax.Block, addr string) (string, Pos, bool) {
	a := b.Body.Attributes["name"]
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
	v, ok := literalValue(a.Expr, nil)
	if !ok || !v.Type().Equals(cty.String) {
		p.Unknown = append(p.Unknown, Unknown{Address: addr, Reason: "name is not a literal string", Pos: posOf(a.Expr.Range())})
		return "", Pos{}, false
	}
	return v.AsString(), posOf(a.Expr.Range()), true
}

// Contains reports whether a root-relative, slash-separated path is inside the project.
func (p *Project) Contains(rel string) bool {
	rel = path.Clean(rel)
	return rel == p.Dir || strings.HasPrefix(rel, p.Dir+"/")
}
