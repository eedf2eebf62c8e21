package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// State says where each project's state lives per environment.
type State struct {
	Backend string // "local" or an OpenTofu backend type
	// Settings are the backend block's literal settings; for "local" it holds "path".
	Settings map[string]cty.Value
	// Encryption, when not nil, has OpenTofu encrypt state and saved plans (state {
	// encryption { … } }).
	Encryption *Encryption
	Pos        Pos
}

// Encryption is OpenTofu's state encryption as cx.hcl asks for it: the key is derived from
// a passphrase held in an environment variable, never written into any file.
type Encryption struct {
	// PassphraseEnv names the environment variable holding the passphrase.
	PassphraseEnv string
	Pos           Pos
}

// DefaultPostgresSchema is the pg backend's schema_name when cx.hcl leaves it out: a schema
// per environment and project, so every project's state is its own row in its own table and
// `tofu` in a project directory needs no workspace selected.
const DefaultPostgresSchema = "cx_{env}_{project}"

// postgresMaxIdentifier is PostgreSQL's identifier length (NAMEDATALEN-1 bytes); longer
// names are cut silently, which would give two long project names one schema.
const postgresMaxIdentifier = 63

// IsLocal reports whether state is kept in local files.
func (s State) IsLocal() bool { return s.Backend == "" || s.Backend == "local" }

// IsPostgres reports whether state is kept by OpenTofu's pg backend.
func (s State) IsPostgres() bool { return s.Backend == "pg" }

// For returns the backend type and settings for one project in one environment, with
// {env} and {project} replaced in every string setting.
func (s State) For(env, project string) (string, map[string]cty.Value) {
	out := make(map[string]cty.Value, len(s.Settings))
	r := strings.NewReplacer("{env}", env, "{project}", project)
	for k, v := range s.Settings {
		if v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			v = cty.StringVal(r.Replace(v.AsString()))
		}
		out[k] = v
	}
	if s.IsPostgres() {
		if v, ok := out["schema_name"]; ok && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			out["schema_name"] = cty.StringVal(postgresIdentifier(v.AsString()))
		}
	}
	return s.Backend, out
}

// postgresIdentifier keeps a name within PostgreSQL's identifier length: a longer one keeps
// its start and ends in a hash of the whole, so distinct names stay distinct.
func postgresIdentifier(name string) string {
	if len(name) <= postgresMaxIdentifier {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	return name[:postgresMaxIdentifier-13] + "_" + hex.EncodeToString(sum[:6])
}

func (p *configParser) state(b *hclsyntax.Block) State {
	st := State{Pos: posOf(b.DefRange()), Settings: map[string]cty.Value{}}
	var backendBlocks []*hclsyntax.Block
	for _, nb := range b.Body.Blocks {
		if nb.Type == "backend" {
			backendBlocks = append(backendBlocks, nb)
		}
	}
	for _, nb := range b.Body.Blocks {
		if nb.Type == "encryption" {
			if st.Encryption != nil {
				p.errorf(nb.DefRange(), "duplicate-block", "state has more than one encryption block")
				continue
			}
			st.Encryption = p.encryption(nb)
		}
	}
	attrs := p.attrs(b, "backend", "path")
	switch {
	case len(backendBlocks) > 1:
		p.errorf(backendBlocks[1].DefRange(), "duplicate-block", "state has more than one backend block")
		return st
	case len(backendBlocks) == 1 && len(attrs) > 0:
		p.errorf(attrs[0].NameRange, "invalid-value", "state: use either backend = \"local\" with path, or one backend \"<type>\" { … } block, not both")
		return st
	case len(backendBlocks) == 1:
		bb := backendBlocks[0]
		if !p.labels(bb, 1) {
			return st
		}
		st.Backend = bb.Labels[0]
		for _, nb := range bb.Body.Blocks {
			p.errorf(nb.TypeRange, "unknown-block", "backend %q: nested blocks are not supported; write settings as attributes", st.Backend)
		}
		for _, a := range sortedAttrs(bb.Body.Attributes) {
			if v, ok := p.literal(a, cty.DynamicPseudoType, "a literal value"); ok {
				st.Settings[a.Name] = v
			}
		}
		if st.Backend == "pg" {
			p.postgresSettings(bb, st.Settings)
		}
		return st
	}
	st.Backend = "local"
	st.Settings["path"] = cty.StringVal(DefaultStatePath)
	for _, a := range attrs {
		s, ok := p.str(a)
		if !ok {
			continue
		}
		switch a.Name {
		case "backend":
			if s != "local" {
				p.errorf(a.Expr.Range(), "invalid-value", "state backend %q: write it as a block, backend %q { … }, holding its settings", s, s)
			}
		case "path":
			if s == "" {
				p.errorf(a.Expr.Range(), "invalid-value", "state path must not be empty")
			} else if escapesWorkspace(s) {
				p.errorf(a.Expr.Range(), "invalid-value", "state path %q leaves the workspace: use a relative path inside it (e.g. %q), or a backend block for state kept elsewhere", s, DefaultStatePath)
			}
			st.Settings["path"] = cty.StringVal(s)
		}
	}
	return st
}

// escapesWorkspace reports whether a local state path (relative to the workspace root, with
// {env} and {project} placeholders) could land outside the workspace: an absolute path, or
// one that climbs out with "..". State holds secrets; a path elsewhere would also let one
// workspace overwrite another's.
func escapesWorkspace(path string) bool {
	p := strings.NewReplacer("{env}", "env", "{project}", "project").Replace(path)
	if filepath.IsAbs(p) || strings.HasPrefix(p, "~") {
		return true
	}
	clean := filepath.ToSlash(filepath.Clean(p))
	return clean == ".." || strings.HasPrefix(clean, "../")
}

// postgresSettings checks the pg backend's settings and fills in the schema: each
// environment and project must get a state of its own, so the schema name holds {project},
// and {env} appears in it or in conn_str (a database per environment). cx keeps its lock
// records and the release ledger in the environment's database, so conn_str may not vary by
// project. conn_str may be left out: OpenTofu and cx then read PG_CONN_STR, which keeps the
// password out of cx.hcl.
func (p *configParser) postgresSettings(b *hclsyntax.Block, settings map[string]cty.Value) {
	text := func(k string) (string, bool) {
		v, ok := settings[k]
		if !ok || v.Type() != cty.String || v.IsNull() {
			return "", false
		}
		return v.AsString(), true
	}
	conn, _ := text("conn_str")
	if strings.Contains(conn, "{project}") {
		p.errorf(b.Body.Attributes["conn_str"].Expr.Range(), "invalid-value", "backend \"pg\": conn_str may not hold {project}: every project of an environment shares its database, where cx keeps the environment's lock and release ledger")
	}
	schema, ok := text("schema_name")
	if !ok {
		settings["schema_name"] = cty.StringVal(DefaultPostgresSchema)
		return
	}
	at := b.Body.Attributes["schema_name"].Expr.Range()
	if !strings.Contains(schema, "{project}") {
		p.errorf(at, "invalid-value", "backend \"pg\": schema_name %q must hold {project}, so each project keeps a state of its own (e.g. %q)", schema, DefaultPostgresSchema)
	} else if !strings.Contains(schema, "{env}") && !strings.Contains(conn, "{env}") {
		p.errorf(at, "invalid-value", "backend \"pg\": schema_name %q must hold {env} (or conn_str a database per {env}), so each environment keeps a state of its own (e.g. %q)", schema, DefaultPostgresSchema)
	}
}

// envVarName is what a shell accepts as a variable name.
var envVarName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func (p *configParser) encryption(b *hclsyntax.Block) *Encryption {
	enc := &Encryption{Pos: posOf(b.DefRange())}
	if !p.labels(b, 0) {
		return enc
	}
	for _, a := range p.attrs(b, "passphrase_env") {
		if s, ok := p.str(a); ok {
			if !envVarName.MatchString(s) {
				p.errorf(a.Expr.Range(), "invalid-value", "passphrase_env %q: name the environment variable that holds the passphrase (e.g. \"CX_STATE_PASSPHRASE\"), not the passphrase itself", s)
				continue
			}
			enc.PassphraseEnv = s
		}
	}
	if enc.PassphraseEnv == "" && b.Body.Attributes["passphrase_env"] == nil {
		p.errorf(b.DefRange(), "missing-attribute", "encryption needs passphrase_env = \"<environment variable holding the passphrase>\"")
	}
	return enc
}
