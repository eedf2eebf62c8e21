package workspace

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
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
	Nameless     []Object            // objects of nameless kinds it creates, by what they go by (a pool's first number)
	Refers       []Ref               // objects this project looks up by name
	Unknown      []Unknown           // names the scan could not read without evaluating
	Diagnostics  Diagnostics         // problems reading the project (syntax, missing flow files)
}

// EnvFiles are a project's per-environment inputs, root-relative; "" when absent.
type EnvFiles struct {
	Vars          string `json:"vars,omitempty"`          // env/<env>.tfvars
	Substitutions string `json:"substitutions,omitempty"` // env/<env>.substitutions.yaml
}

// Object, Ref and Unknown are what the scan of a project finds (see configscan).
type (
	// Object is something a project declares: a Genesys Cloud object type and its name.
	Object = configscan.Object
	// Ref is a by-name reference from a project to an object, with where it is written.
	Ref = configscan.Ref
	// Unknown is a name the scan cannot know without evaluating OpenTofu.
	Unknown = configscan.Unknown
)

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
	s, err := configscan.ScanDir(root, dir)
	if err != nil {
		return nil, fmt.Errorf("scan project %s: %w", dir, err)
	}
	p := &Project{Name: path.Base(dir), Dir: dir, Environments: map[string]EnvFiles{}}
	p.absorb(s)
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

// absorb adds what a scan found to the project.
func (p *Project) absorb(s *configscan.Scan) {
	p.Files = append(p.Files, s.Files...)
	p.Reads = append(p.Reads, s.Reads...)
	p.Declares = append(p.Declares, s.Declares...)
	p.Nameless = append(p.Nameless, s.Nameless...)
	p.Refers = append(p.Refers, s.Refers...)
	p.Unknown = append(p.Unknown, s.Unknown...)
	p.Diagnostics = append(p.Diagnostics, s.Diagnostics...)
}

func exists(root, rel string) bool {
	fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
	return err == nil && fi.Mode().IsRegular()
}

// scanFile records what one .tf file declares and refers to (see configscan.Scan.ScanFile).
func (p *Project) scanFile(file string, src []byte, read func(string) ([]byte, error)) {
	s := &configscan.Scan{Name: p.Name, Dir: p.Dir}
	s.ScanFile(file, src, read)
	p.absorb(s)
}

// Contains reports whether a root-relative, slash-separated path is inside the project.
func (p *Project) Contains(rel string) bool {
	rel = path.Clean(rel)
	return rel == p.Dir || strings.HasPrefix(rel, p.Dir+"/")
}
