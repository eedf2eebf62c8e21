package export

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/envimport"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// Writing the projects: the generated resource blocks with ids turned into references, data
// sources for objects of other projects, the flows with their YAML, and the import blocks.

// placed is one object and where it is written.
type placed struct {
	drift.Listed
	project, label string
}

func (p placed) address() string { return p.Type + "." + p.label }

// writer writes every project of one export into root.
type writer struct {
	root, env string
	// byID are the placed objects; known every listed object (placed or not, builtins too).
	byID  map[string]placed
	known map[string]drift.Listed
	// data are the data sources each project declares: project → type + lower(value) → address.
	data map[string]map[string]string
	// dataBlocks are the data blocks of each project, in the order added.
	dataBlocks map[string]*hclwrite.File
	// literal are ids of exported objects that stayed ids (no data source can find them).
	literal map[string]bool
	// vars are each project's environment-specific values (envvalues.go).
	vars map[string]*envVars
}

// varsOf is project's environment-specific values, made the first time.
func (w *writer) varsOf(project string) *envVars {
	if w.vars == nil {
		w.vars = map[string]*envVars{}
	}
	if w.vars[project] == nil {
		w.vars[project] = newEnvVars()
	}
	return w.vars[project]
}

// rewrite turns every quoted id inside the block's attributes (nested blocks too) into a
// reference, and drops the attributes generated as null (unset).
func (w *writer) rewrite(project string, body *hclwrite.Body) {
	// In name order: data sources are added to data.tf as first referred to, and the same org
	// must export to the same files (an interrupted export resumed equals one that was not).
	attrs := body.Attributes()
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		toks := attrs[name].Expr().BuildTokens(nil)
		if len(toks) == 1 && toks[0].Type == hclsyntax.TokenIdent && string(toks[0].Bytes) == "null" {
			body.RemoveAttribute(name)
			continue
		}
		if out, changed := w.references(project, toks); changed {
			body.SetAttributeRaw(name, out)
		}
	}
	for _, blk := range body.Blocks() {
		w.rewrite(project, blk.Body())
	}
}

// references replaces each "<id>" of tokens that names a known object.
func (w *writer) references(project string, toks hclwrite.Tokens) (hclwrite.Tokens, bool) {
	var out hclwrite.Tokens
	changed := false
	for i := 0; i < len(toks); i++ {
		if i+2 < len(toks) && toks[i].Type == hclsyntax.TokenOQuote && toks[i+1].Type == hclsyntax.TokenQuotedLit &&
			toks[i+2].Type == hclsyntax.TokenCQuote {
			if ref := w.reference(project, string(toks[i+1].Bytes)); ref != nil {
				out = append(out, ref...)
				i += 2
				changed = true
				continue
			}
		}
		out = append(out, toks[i])
	}
	return out, changed
}

// reference is what to write for id in project: its resource when placed there, else a data
// source finding it by name; nil leaves the id.
func (w *writer) reference(project, id string) hclwrite.Tokens {
	if !idPattern.MatchString(id) && !strings.Contains(id, "/") {
		return nil
	}
	if p, ok := w.byID[id]; ok && p.project == project {
		return backport.TraversalTokens(p.address() + ".id")
	}
	l, ok := w.known[id]
	if !ok {
		return nil
	}
	k := kinds.Genesys().ByResource(l.Type)
	if k != nil && l.Builtin && k.BuiltinDataSource != "" {
		return backport.TraversalTokens(w.builtinDataSource(project, k.BuiltinDataSource) + ".id")
	}
	if k == nil || k.DataSource == "" {
		if _, placedElsewhere := w.byID[id]; placedElsewhere {
			w.literal[id] = true
		}
		return nil
	}
	key := k.LookupKey()
	value, _ := l.Object[key].(string)
	if value == "" && key == "name" {
		value = l.Name
	}
	if value == "" {
		return nil
	}
	return backport.TraversalTokens(w.dataSource(project, k.DataSource, key, value) + ".id")
}

// builtinDataSource returns the address of project's data source of typ, which takes no
// arguments (the home division), adding it the first time.
func (w *writer) builtinDataSource(project, typ string) string {
	w.dataFile(project)
	addr := "data." + typ + "." + "this"
	if _, ok := w.data[project][typ]; !ok {
		w.data[project][typ] = addr
		body := w.dataBlocks[project].Body()
		body.AppendNewline()
		body.AppendNewBlock("data", []string{typ, "this"})
	}
	return addr
}

// dataFile prepares project's data.tf.
func (w *writer) dataFile(project string) {
	if w.data[project] != nil {
		return
	}
	w.data[project] = map[string]string{}
	w.dataBlocks[project] = hclwrite.NewEmptyFile()
	w.dataBlocks[project].Body().AppendUnstructuredTokens(comment(
		"# Objects of other projects (or every org's own), found by name: cx graph orders the\n" +
			"# projects by these names.\n"))
}

// dataSource returns the address of project's data source of typ finding key = value,
// adding it to the project's data.tf the first time.
func (w *writer) dataSource(project, typ, key, value string) string {
	w.dataFile(project)
	k := typ + "\x00" + strings.ToLower(value)
	if a, ok := w.data[project][k]; ok {
		return a
	}
	taken := map[string]bool{}
	for _, a := range w.data[project] {
		taken[a] = true
	}
	label := backport.Slug(value)
	addr := "data." + typ + "." + label
	for i := 2; taken[addr]; i++ {
		addr = fmt.Sprintf("data.%s.%s_%d", typ, label, i)
	}
	w.data[project][k] = addr
	body := w.dataBlocks[project].Body()
	body.AppendNewline()
	blk := body.AppendNewBlock("data", []string{typ, strings.TrimPrefix(addr, "data."+typ+".")})
	blk.Body().SetAttributeValue(key, cty.StringVal(value))
	return addr
}

var idPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// writeProject writes one project's files under root.
func (w *writer) writeProject(project string, objs []placed, generated []*hclwrite.Block, flows map[string][]byte, after map[string][]string) error {
	files := map[string]*hclwrite.File{}
	fileOf := func(typ string) *hclwrite.File {
		name := strings.TrimPrefix(typ, "genesyscloud_") + ".tf"
		if files[name] == nil {
			files[name] = hclwrite.NewEmptyFile()
		}
		return files[name]
	}
	byType := blocksByType(generated)
	for _, typ := range slices.Sorted(maps.Keys(byType)) {
		for _, blk := range byType[typ] {
			w.rewrite(project, blk.Body())
			w.varsOf(project).parameterise(typ, blk.Labels()[1], blk.Body(), true)
			body := fileOf(typ).Body()
			if len(body.Blocks()) > 0 {
				body.AppendNewline()
			}
			body.AppendBlock(blk)
		}
	}
	// cx apply --env ENV imports the objects instead of creating them again; other
	// environments skip the blocks (internal/envimport).
	imports := envimport.IDs{}
	for _, p := range objs {
		if y, ok := flows[p.ID]; ok {
			if err := w.writeFlow(project, fileOf(p.Type), p, y, after[p.ID]); err != nil {
				return err
			}
		}
		imports.Set(w.env, p.Type+"."+p.label, p.ID)
	}
	files["provider.tf"] = nil
	if err := writeFile(filepath.Join(w.root, project, envimport.File), envimport.Render(imports)); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(w.root, project, envimport.VariableFile), envimport.VariableDeclaration()); err != nil {
		return err
	}
	if d := w.dataBlocks[project]; d != nil {
		files["data.tf"] = d
	}
	if variables, tfvars := w.varsOf(project).files(w.env); variables != nil {
		if err := writeFile(filepath.Join(w.root, project, "variables.tf"), variables); err != nil {
			return err
		}
		if err := writeFile(filepath.Join(w.root, project, "env", w.env+".tfvars"), tfvars); err != nil {
			return err
		}
	}
	for name, f := range files {
		data := []byte(backport.ProviderTF)
		if f != nil {
			data = hclwrite.Format(f.Bytes())
		}
		if err := writeFile(filepath.Join(w.root, project, name), data); err != nil {
			return err
		}
	}
	return nil
}

// writeFlow writes a flow: its YAML in the project's flows/ folder, the resource naming it,
// and depends_on for the objects of the project the YAML names (OpenTofu cannot see inside).
func (w *writer) writeFlow(project string, f *hclwrite.File, p placed, yaml []byte, after []string) error {
	rel := "flows/" + strings.ReplaceAll(p.label, "_", "-") + ".yaml"
	subs := parameteriseFlow(p.label, yaml)
	if err := writeFile(filepath.Join(w.root, project, filepath.FromSlash(rel)), subs.yaml); err != nil {
		return err
	}
	body := f.Body()
	if len(body.Blocks()) > 0 {
		body.AppendNewline()
	}
	blk := body.AppendNewBlock("resource", []string{p.Type, p.label})
	blk.Body().SetAttributeRaw("filepath", hclwrite.Tokens{
		{Type: hclsyntax.TokenOQuote, Bytes: []byte(`"`)},
		{Type: hclsyntax.TokenTemplateInterp, Bytes: []byte("${")},
		{Type: hclsyntax.TokenIdent, Bytes: []byte("path")},
		{Type: hclsyntax.TokenDot, Bytes: []byte(".")},
		{Type: hclsyntax.TokenIdent, Bytes: []byte("module")},
		{Type: hclsyntax.TokenTemplateSeqEnd, Bytes: []byte("}")},
		{Type: hclsyntax.TokenQuotedLit, Bytes: []byte("/" + rel)},
		{Type: hclsyntax.TokenCQuote, Bytes: []byte(`"`)},
	})
	if len(subs.values) > 0 {
		vars := map[string]string{}
		for _, key := range slices.Sorted(maps.Keys(subs.values)) {
			vars[key] = w.varsOf(project).variable(key, hclwrite.TokensForValue(cty.StringVal(subs.values[key])), "value of {{"+key+"}} in "+rel)
		}
		blk.Body().SetAttributeRaw("substitutions", substitutionsTokens(vars))
	}
	var deps []string
	for _, id := range after {
		if q, ok := w.byID[id]; ok && q.project == project && q.Type != flowType {
			deps = append(deps, q.address())
		}
	}
	sort.Strings(deps)
	if len(deps) > 0 {
		blk.Body().AppendNewline()
		blk.Body().AppendUnstructuredTokens(comment("# Named only inside the YAML, which OpenTofu cannot see.\n"))
		var toks hclwrite.Tokens
		toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenOBrack, Bytes: []byte("[")}, &hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")})
		for _, d := range deps {
			toks = append(toks, backport.TraversalTokens(d)...)
			toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenComma, Bytes: []byte(",")}, &hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")})
		}
		toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenCBrack, Bytes: []byte("]")})
		blk.Body().SetAttributeRaw("depends_on", toks)
	}
	return nil
}

func writeFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return safefile.WriteFileAtomic(p, data, 0o644)
}

func comment(text string) hclwrite.Tokens {
	return hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte(text)}}
}

// labelName is what an object's label is made from: its name, or for a nameless kind the
// value that tells its objects apart (a DID pool's first number).
func labelName(l drift.Listed) string {
	if l.Name != "" {
		return l.Name
	}
	if k := kinds.Genesys().ByResource(l.Type); k != nil && k.FoundBy != "" {
		if f := k.Field(k.FoundBy); f != nil {
			if s, ok := kinds.Get(l.Object, f.JSON).(string); ok && s != "" {
				return k.Noun + " " + s
			}
		}
	}
	return path.Base(strings.TrimPrefix(l.Type, "genesyscloud_"))
}
