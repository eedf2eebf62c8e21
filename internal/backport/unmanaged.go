package backport

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/envimport"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Files adopt writes into the project unmanaged objects go into. ProviderTF is the
// provider.tf of a project cx writes (cx export's too): the official source address, which
// cx maps to the cxascode provider.
const (
	adoptedFile  = "adopted.tf"
	providerFile = "provider.tf"
	ProviderTF   = `terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}
`
)

// adopt writes a resource block and an import block for each unmanaged object into the
// project o.Into, creating the project when it does not exist.
func (b *builder) adopt(ctx context.Context, found []drift.Finding) error {
	objs, err := b.readUnmanaged(ctx, found)
	if err != nil {
		return err
	}
	return b.adoptObjects(ctx, found, objs)
}

// readUnmanaged reads from the org every finding's object that adoptObjects can write, by id.
func (b *builder) readUnmanaged(ctx context.Context, found []drift.Finding) (map[string]map[string]any, error) {
	objs := map[string]map[string]any{}
	for _, f := range found {
		m, ok := mapperFor(f.Type)
		if !ok || f.ID == "" {
			continue
		}
		// The kind's read query asks for the parts the API leaves out otherwise (a data
		// table's columns); the catalogue's queries always parse (TestKindQueriesParse).
		query, _ := url.ParseQuery(m.kind.API.ReadQuery)
		var obj map[string]any
		if err := b.o.Client.Do(ctx, http.MethodGet, m.kind.API.ReadPath(f.ID), query, nil, &obj); err != nil {
			return nil, fmt.Errorf("read %s %q (%s): %w", f.Type, f.Name, f.ID, err)
		}
		if m.kind.API.Parent != "" {
			// A child object (a data table row) does not carry its parent's id: it has the id
			// the provider holds, which names both.
			obj["id"] = f.ID
		}
		objs[f.ID] = obj
	}
	return objs, nil
}

// adoptObjects writes the resource and import blocks of the findings whose objects (read
// from the org, by id) are in objs.
func (b *builder) adoptObjects(ctx context.Context, found []drift.Finding, objs map[string]map[string]any) error {
	p, err := b.intoProject()
	if err != nil {
		return err
	}
	b.res.Into = p.Name
	resFile := path.Join(p.Dir, adoptedFile)
	impFile := path.Join(p.Dir, envimport.File)
	rf, err := b.ed.hclFile(resFile, true)
	if err != nil {
		return err
	}
	// Labels first, so that objects adopted together refer to each other (a schedule
	// group to its schedules) by address.
	type adoption struct {
		f     drift.Finding
		m     mapper
		label string
	}
	var todo []adoption
	b.refs.adopted = map[string]string{}
	taken := map[string]bool{}
	for _, f := range found {
		label := unmanagedLabel(f)
		m, ok := mapperFor(f.Type)
		switch {
		case notAdoptable(f.Type) != "":
			b.skip(label, "not adopted: %s (id %s)", notAdoptable(f.Type), f.ID)
			continue
		case !ok:
			b.skip(label, "adopting %s is not supported yet: declare it by hand and import id %s", f.Type, f.ID)
			continue
		case f.ID == "":
			b.skip(label, "no id to import")
			continue
		}
		base := adoptedLabel(m.kind, f.Name)
		l := b.refs.uniqueLabel(p, "resource", f.Type, base)
		for i := 2; taken[f.Type+"."+l]; i++ {
			l = fmt.Sprintf("%s_%d", base, i)
		}
		taken[f.Type+"."+l] = true
		b.refs.adopted[f.ID] = f.Type + "." + l
		todo = append(todo, adoption{f, m, l})
	}
	if len(todo) == 0 {
		return nil
	}
	imf, err := b.ed.hclFile(impFile, true)
	if err != nil {
		return err
	}
	ids, err := envimport.Parse(imf.Bytes(), impFile)
	if err != nil {
		return err
	}
	if !envimport.Declares(filepath.Join(b.o.Workspace.Root, filepath.FromSlash(p.Dir))) {
		vf, err := b.ed.hclFile(path.Join(p.Dir, envimport.VariableFile), true)
		if err != nil {
			return err
		}
		if b.ed.created[path.Join(p.Dir, envimport.VariableFile)] {
			vf.Body().AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: envimport.VariableDeclaration()}})
		}
	}
	w := &blockWriter{b: b, p: p, file: resFile}
	for _, a := range todo {
		obj := objs[a.f.ID]
		rf.Body().AppendNewline()
		if who := a.f.Attribution; who != nil {
			rf.Body().AppendUnstructuredTokens(commentTokens(fmt.Sprintf("# Made in %s by %s on %s; adopted by cx backport.\n",
				b.o.Env, who.Who, who.When.UTC().Format("2006-01-02"))))
		}
		blk := rf.Body().AppendNewBlock("resource", []string{a.f.Type, a.label})
		if err := w.writeAttributes(ctx, blk.Body(), a.m.attrs(obj)); err != nil {
			return err
		}
		ids.Set(b.o.Env, a.f.Type+"."+a.label, a.f.ID)
		b.done(unmanagedLabel(a.f), "adopted as %s.%s in %s (import in %s)", a.f.Type, a.label, resFile, impFile)
	}
	// The imports of every environment, this one's added (internal/envimport).
	imf.Body().Clear()
	imf.Body().AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: envimport.Render(ids)}})
	return nil
}

// notAdoptable is why objects of a resource type cannot be adopted (kinds.Kind.NotAdoptable),
// "" when they can or the type is unknown.
func notAdoptable(typ string) string {
	if k := kinds.Genesys().ByResource(typ); k != nil {
		return k.NotAdoptable
	}
	return ""
}

// adoptedLabel is the label of an adopted object's resource block, made from what it goes by:
// its name, or for a nameless kind the noun and the value that tells its objects apart
// ("did_pool_13175550100" not a bare number, "grammar_language_en_us").
func adoptedLabel(k *kinds.Kind, designation string) string {
	if k.Names == kinds.NoName {
		return Slug(k.Noun + " " + designation)
	}
	return Slug(designation)
}

// writeAttributes writes generated attributes (and nested blocks, after them) into body.
func (w *blockWriter) writeAttributes(ctx context.Context, body *hclwrite.Body, attrs []attribute) error {
	for _, at := range attrs {
		if at.block != nil {
			continue
		}
		toks, err := w.attributeTokens(ctx, at)
		if err != nil {
			return err
		}
		body.SetAttributeRaw(at.name, toks)
	}
	for _, at := range attrs {
		if at.block == nil {
			continue
		}
		body.AppendNewline()
		if err := w.writeAttributes(ctx, body.AppendNewBlock(at.name, nil).Body(), at.block); err != nil {
			return err
		}
	}
	return nil
}

// attributeTokens renders one generated attribute. Ids of a field that names its kind become
// references to that kind; other ids are resolved by the attribute's name (see tokens).
func (w *blockWriter) attributeTokens(ctx context.Context, at attribute) (hclwrite.Tokens, error) {
	if at.ref == nil {
		return w.tokens(ctx, at.name, at.value)
	}
	one := func(v any) (hclwrite.Tokens, error) {
		if id, ok := v.(string); ok && looksLikeID(id) {
			return w.b.refs.tokensOfKind(ctx, w.p, w.file, at.ref, id)
		}
		return hclwrite.TokensForValue(ctyOf(v)), nil
	}
	list, isList := at.value.([]any)
	if !isList {
		return one(at.value)
	}
	elems := make([]hclwrite.Tokens, 0, len(list))
	for _, v := range list {
		toks, err := one(v)
		if err != nil {
			return nil, err
		}
		elems = append(elems, toks)
	}
	return listTokens(elems), nil
}

// intoProject returns the project named by Into, or a new one at the workspace root when
// the workspace's include patterns would pick it up.
func (b *builder) intoProject() (*workspace.Project, error) {
	name := b.o.Into
	if p := b.projectFor(name); p != nil {
		return p, nil
	}
	if strings.ContainsAny(name, `/\`) || name == "" || strings.HasPrefix(name, ".") {
		return nil, fmt.Errorf("--into %q: name a project of the workspace, or a new project directory at its root", name)
	}
	if cfg := b.o.Workspace.Config; cfg != nil && !included(name, cfg.Include, cfg.Exclude) {
		return nil, fmt.Errorf("--into %s: there is no such project, and a new one would not be part of the workspace "+
			"(cx.hcl projects.include is %q): add it there or choose an existing project", name, cfg.Include)
	}
	p := &workspace.Project{Name: name, Dir: name}
	f, err := b.ed.hclFile(path.Join(name, providerFile), true)
	if err != nil {
		return nil, err
	}
	f.Body().AppendUnstructuredTokens(commentTokens(ProviderTF))
	return p, nil
}

func included(dir string, include, exclude []string) bool {
	for _, x := range exclude {
		if ok, _ := path.Match(x, dir); ok {
			return false
		}
	}
	for _, in := range include {
		if ok, _ := path.Match(in, dir); ok {
			return true
		}
	}
	return len(include) == 0
}

// commentTokens carries literal text (comments, a whole prepared block) into a file.
func commentTokens(text string) hclwrite.Tokens {
	return hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte(text)}}
}
