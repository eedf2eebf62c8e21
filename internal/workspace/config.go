package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// ConfigFile is the name of the workspace configuration file at the workspace root.
const ConfigFile = "cx.hcl"

// Default settings used when cx.hcl leaves them out.
const (
	DefaultStatePath = ".cx/state/{env}/{project}.tfstate"
	defaultClientID  = "GENESYSCLOUD_OAUTHCLIENT_ID"
	defaultSecret    = "GENESYSCLOUD_OAUTHCLIENT_SECRET"
)

// Config is a parsed cx.hcl.
type Config struct {
	Name         string
	Environments []Environment // each after the one it promotes from; ties by name
	Include      []string      // project directory globs, relative to the root
	Exclude      []string
	State        State
	Projects     []ProjectConfig // explicit per-project settings, by name
}

// Environment is one deployment target: an org plus where its credentials come from.
type Environment struct {
	Name string
	// Org is "local:<org>" (the embedded local org) or "region:<aws region>" (a real org).
	Org             string
	ClientIDEnv     string // environment variable holding the OAuth client id (real orgs)
	ClientSecretEnv string // environment variable holding the OAuth client secret (real orgs)
	Protected       bool
	PromoteFrom     string
	// LocalOrgDir is, for a local environment, the data directory of the local org that
	// serves it, relative to the workspace root ("": the workspace's own, .cx/org). A
	// workspace written by cx export names the org it was exported from this way.
	LocalOrgDir string
	Pos         Pos
}

// IsLocal reports whether the environment targets the embedded local org.
func (e Environment) IsLocal() bool { return strings.HasPrefix(e.Org, "local:") }

// OrgName is the part of Org after the scheme: the local org's name or the region.
func (e Environment) OrgName() string {
	_, v, _ := strings.Cut(e.Org, ":")
	return v
}

// ProjectConfig is a `project "name" {}` block.
type ProjectConfig struct {
	Name      string
	DependsOn []string
	Pos       Pos
}

// Environment returns the environment with that name.
func (c *Config) Environment(name string) (Environment, bool) {
	for _, e := range c.Environments {
		if e.Name == name {
			return e, true
		}
	}
	return Environment{}, false
}

// ConfigError lists every problem found in cx.hcl, each with file:line:col.
type ConfigError struct {
	Root        string // the workspace root the positions are relative to ("" when parsed alone)
	Diagnostics Diagnostics
}

// Error prints one problem a line, positions joined to Root so they open from anywhere.
func (e *ConfigError) Error() string {
	lines := make([]string, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		if len(d.Positions) > 0 && e.Root != "" {
			d.Positions = append([]Pos{d.Positions[0]}, d.Positions[1:]...)
			d.Positions[0].File = filepath.Join(e.Root, d.Positions[0].File)
		}
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// LoadConfig reads root/cx.hcl. A missing file is not an error: the defaults describe a
// workspace of every subdirectory with dev → test → prod on the local org. Positions in
// the result are relative to root ("cx.hcl"); the error's text joins them to root.
func LoadConfig(root string) (*Config, error) {
	src, err := os.ReadFile(filepath.Join(root, ConfigFile))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read workspace config: %w", err)
	}
	cfg, err := ParseConfig(ConfigFile, src)
	if err != nil {
		err.(*ConfigError).Root = root
		return nil, err
	}
	if cfg.Name == "" {
		cfg.Name = filepath.Base(absOrSelf(root))
	}
	return cfg, nil
}

// ParseConfig parses cx.hcl source; filename is used in positions. Name stays empty when
// the source has no workspace block (LoadConfig then uses the root directory's name).
func ParseConfig(filename string, src []byte) (*Config, error) {
	p := configParser{file: filename}
	cfg := p.parse(src)
	if len(p.diags) > 0 {
		return nil, &ConfigError{Diagnostics: p.diags}
	}
	return cfg, nil
}

type configParser struct {
	file  string
	diags []Diagnostic
}

func (p *configParser) errorf(r hcl.Range, code, format string, args ...any) {
	p.diags = append(p.diags, Diagnostic{Severity: SeverityError, Code: code,
		Message: fmt.Sprintf(format, args...), Positions: []Pos{posOf(r)}})
}

func (p *configParser) parse(src []byte) *Config {
	cfg := &Config{}
	f, diags := hclsyntax.ParseConfig(src, p.file, hcl.InitialPos)
	for _, d := range diags {
		p.fromHCL(d)
	}
	if diags.HasErrors() {
		return cfg
	}
	body := f.Body.(*hclsyntax.Body)
	for _, a := range sortedAttrs(body.Attributes) {
		p.errorf(a.NameRange, "unknown-attribute", "unknown attribute %q; cx.hcl holds only blocks (workspace, environment, projects, state, project)", a.Name)
	}
	seen := map[string]hcl.Range{}
	once := func(b *hclsyntax.Block) bool {
		key := b.Type + "\x00" + strings.Join(b.Labels, "\x00")
		if prev, dup := seen[key]; dup {
			p.errorf(b.DefRange(), "duplicate-block", "%s is written twice; the first is at %s", blockTitle(b), posOf(prev))
			return false
		}
		seen[key] = b.DefRange()
		return true
	}
	for _, b := range body.Blocks {
		switch b.Type {
		case "workspace":
			if p.labels(b, 0) && once(b) {
				p.workspace(b, cfg)
			}
		case "environment":
			if p.labels(b, 1) && once(b) {
				cfg.Environments = append(cfg.Environments, p.environment(b))
			}
		case "projects":
			if p.labels(b, 0) && once(b) {
				p.projects(b, cfg)
			}
		case "state":
			if p.labels(b, 0) && once(b) {
				cfg.State = p.state(b)
			}
		case "project":
			if p.labels(b, 1) && once(b) {
				cfg.Projects = append(cfg.Projects, p.project(b))
			}
		case "check":
			// cx check's settings (thresholds, suppressions) are read by package check, which
			// reports its own errors; the workspace only admits the block once.
			if p.labels(b, 0) {
				once(b)
			}
		default:
			p.errorf(b.TypeRange, "unknown-block", "unknown block %q; expected workspace, environment, projects, state or project", b.Type)
		}
	}
	if cfg.Environments == nil {
		cfg.Environments = []Environment{
			{Name: "dev", Org: "local:dev"},
			{Name: "test", Org: "local:test", PromoteFrom: "dev"},
			{Name: "prod", Org: "local:prod", PromoteFrom: "test"},
		}
	}
	if cfg.Include == nil {
		cfg.Include = []string{"*"}
	}
	if cfg.State.Backend == "" {
		cfg.State = State{Backend: "local", Settings: map[string]cty.Value{"path": cty.StringVal(DefaultStatePath)}}
	}
	cfg.Environments = p.promotionOrder(cfg.Environments)
	return cfg
}

func (p *configParser) fromHCL(d *hcl.Diagnostic) {
	sev := SeverityError
	if d.Severity == hcl.DiagWarning {
		sev = SeverityWarning
	}
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	var pos []Pos
	if d.Subject != nil {
		pos = []Pos{posOf(*d.Subject)}
	} else {
		pos = []Pos{{File: p.file, Line: 1, Column: 1}}
	}
	p.diags = append(p.diags, Diagnostic{Severity: sev, Code: "syntax", Message: msg, Positions: pos})
}

func (p *configParser) labels(b *hclsyntax.Block, n int) bool {
	if len(b.Labels) == n {
		return true
	}
	switch n {
	case 0:
		p.errorf(b.DefRange(), "block-labels", "%s block takes no label", b.Type)
	default:
		p.errorf(b.DefRange(), "block-labels", "%s block needs exactly one label: %s \"name\" { … }", b.Type, b.Type)
	}
	return false
}

// attrs checks a block body for unknown attributes and nested blocks.
func (p *configParser) attrs(b *hclsyntax.Block, allowed ...string) []*hclsyntax.Attribute {
	for _, nb := range b.Body.Blocks {
		if b.Type == "state" && (nb.Type == "backend" || nb.Type == "encryption") {
			continue // parsed by state
		}
		p.errorf(nb.TypeRange, "unknown-block", "unknown block %q in %s", nb.Type, blockTitle(b))
	}
	var out []*hclsyntax.Attribute
	for _, a := range sortedAttrs(b.Body.Attributes) {
		known := false
		for _, name := range allowed {
			known = known || a.Name == name
		}
		if !known {
			p.errorf(a.NameRange, "unknown-attribute", "unknown attribute %q in %s; expected one of: %s", a.Name, blockTitle(b), strings.Join(allowed, ", "))
			continue
		}
		out = append(out, a)
	}
	return out
}

func (p *configParser) workspace(b *hclsyntax.Block, cfg *Config) {
	for _, a := range p.attrs(b, "name") {
		if s, ok := p.str(a); ok {
			if s == "" {
				p.errorf(a.Expr.Range(), "invalid-value", "workspace name must not be empty")
				continue
			}
			cfg.Name = s
		}
	}
}

func (p *configParser) environment(b *hclsyntax.Block) Environment {
	env := Environment{Name: b.Labels[0], Pos: posOf(b.DefRange())}
	if !validName(env.Name) {
		p.errorf(b.LabelRanges[0], "invalid-name", "environment name %q must be letters, digits, '-' or '_'", env.Name)
	}
	for _, a := range p.attrs(b, "org", "credentials_env", "protected", "promote_from", "local_org") {
		switch a.Name {
		case "org":
			if s, ok := p.str(a); ok {
				scheme, name, _ := strings.Cut(s, ":")
				if (scheme != "local" && scheme != "region") || name == "" {
					p.errorf(a.Expr.Range(), "invalid-value", "org %q: write \"local:<org>\" for the embedded local org or \"region:<region>\" for a Genesys Cloud org", s)
					continue
				}
				env.Org = s
			}
		case "credentials_env":
			m, ok := p.strMap(a)
			if !ok {
				continue
			}
			for _, k := range sortedKeys(m) {
				switch k {
				case "client_id":
					env.ClientIDEnv = m[k]
				case "client_secret":
					env.ClientSecretEnv = m[k]
				default:
					p.errorf(a.Expr.Range(), "invalid-value", "credentials_env: unknown key %q; expected client_id and client_secret", k)
				}
			}
			if len(m) > 0 && (m["client_id"] == "" || m["client_secret"] == "") {
				p.errorf(a.Expr.Range(), "invalid-value", "credentials_env needs both client_id and client_secret (names of environment variables)")
			}
		case "protected":
			if v, ok := p.literal(a, cty.Bool, "true or false"); ok {
				env.Protected = v.True()
			}
		case "promote_from":
			if s, ok := p.str(a); ok {
				env.PromoteFrom = s
			}
		case "local_org":
			if s, ok := p.str(a); ok {
				if s == "" {
					p.errorf(a.Expr.Range(), "invalid-value", "local_org: name the data directory of a local org (relative to the workspace root), or leave the attribute out")
					continue
				}
				env.LocalOrgDir = s
			}
		}
	}
	if env.LocalOrgDir != "" && env.Org != "" && !env.IsLocal() {
		p.errorf(b.DefRange(), "invalid-value", "environment %q: local_org goes with org = \"local:<org>\", not with a real org", env.Name)
	}
	if env.Org == "" && b.Body.Attributes["org"] == nil {
		p.errorf(b.DefRange(), "missing-attribute", "environment %q needs org = \"local:%s\" or org = \"region:<region>\"", env.Name, env.Name)
	}
	if strings.HasPrefix(env.Org, "region:") {
		// Real orgs fall back to the official provider's variables, so existing CI secrets work.
		if env.ClientIDEnv == "" {
			env.ClientIDEnv = defaultClientID
		}
		if env.ClientSecretEnv == "" {
			env.ClientSecretEnv = defaultSecret
		}
	}
	return env
}

func (p *configParser) projects(b *hclsyntax.Block, cfg *Config) {
	for _, a := range p.attrs(b, "include", "exclude") {
		list, ok := p.strList(a)
		if !ok {
			continue
		}
		if a.Name == "include" && len(list) == 0 {
			p.errorf(a.Expr.Range(), "invalid-value", "include lists no globs, so the workspace has no projects; leave it out to include every subdirectory")
			continue
		}
		for _, g := range list {
			if _, err := filepath.Match(g, ""); err != nil || g == "" || filepath.IsAbs(g) {
				p.errorf(a.Expr.Range(), "invalid-value", "%s: %q is not a glob relative to the workspace root", a.Name, g)
			}
		}
		if a.Name == "include" {
			cfg.Include = list
		} else {
			cfg.Exclude = list
		}
	}
}

func (p *configParser) project(b *hclsyntax.Block) ProjectConfig {
	pc := ProjectConfig{Name: b.Labels[0], Pos: posOf(b.DefRange())}
	for _, a := range p.attrs(b, "depends_on") {
		if list, ok := p.strList(a); ok {
			pc.DependsOn = list
		}
	}
	return pc
}

// promotionOrder checks promote_from references and returns the environments ordered so
// every environment follows the one it promotes from (ties by name).
func (p *configParser) promotionOrder(envs []Environment) []Environment {
	byName := map[string]Environment{}
	for _, e := range envs {
		byName[e.Name] = e
	}
	valid := true
	for _, e := range envs {
		if e.PromoteFrom == "" {
			continue
		}
		if _, ok := byName[e.PromoteFrom]; !ok {
			p.diags = append(p.diags, Diagnostic{Severity: SeverityError, Code: "unknown-environment",
				Message:   fmt.Sprintf("environment %q promotes from %q, which is not an environment in this file", e.Name, e.PromoteFrom),
				Positions: []Pos{e.Pos}})
			valid = false
		}
	}
	if !valid {
		return envs
	}
	depth := map[string]int{}
	for _, e := range envs {
		// Each environment has at most one source, so following the chain either ends or loops.
		chain := []string{e.Name}
		for cur := e; cur.PromoteFrom != ""; cur = byName[cur.PromoteFrom] {
			if i := indexOf(chain, cur.PromoteFrom); i >= 0 {
				loop := append(append([]string{}, chain[i:]...), cur.PromoteFrom)
				if loop[0] == e.Name { // report each loop once, from its first environment in the file
					p.diags = append(p.diags, Diagnostic{Severity: SeverityError, Code: "promotion-cycle",
						Message:   fmt.Sprintf("environments promote in a cycle: %s (promote_from)", strings.Join(loop, " ← ")),
						Positions: []Pos{e.Pos}})
				}
				valid = false
				break
			}
			chain = append(chain, cur.PromoteFrom)
		}
		depth[e.Name] = len(chain)
	}
	if !valid {
		return envs
	}
	out := append([]Environment(nil), envs...)
	sort.SliceStable(out, func(i, j int) bool {
		if depth[out[i].Name] != depth[out[j].Name] {
			return depth[out[i].Name] < depth[out[j].Name]
		}
		return out[i].Name < out[j].Name
	})
	return out
}
