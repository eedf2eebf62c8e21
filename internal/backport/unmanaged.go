package backport

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"strings"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// Files adopt writes into the project unmanaged objects go into.
const (
	adoptedFile     = "adopted.tf"
	providerFile    = "provider.tf"
	providerContent = `terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}
`
)

// importsFile holds the import blocks of one environment: the ids are that org's.
func importsFile(env string) string { return "imports_" + env + ".tf" }

// attribute is one attribute of a generated resource block, in the order written.
type attribute struct {
	name  string
	value any // string, bool, float64 or []any of ids
	// block, when not nil, makes this a nested block holding these attributes.
	block []attribute
}

// mapper reads an object from the API and returns the provider attributes to write.
type mapper struct {
	path  string
	attrs func(obj map[string]any) []attribute
}

// mapperFor returns how to adopt an object of a type; ok is false for types not mapped yet.
// Attributes the provider computes when left out (division, defaults) are not written; the
// import takes the org's values for them.
func mapperFor(typ string) (mapper, bool) {
	str := func(obj map[string]any, api, attr string) []attribute {
		if s, ok := obj[api].(string); ok && s != "" {
			return []attribute{{name: attr, value: s}}
		}
		return nil
	}
	ids := func(obj map[string]any, api, attr string) []attribute {
		list, _ := obj[api].([]any)
		var out []any
		for _, el := range list {
			if m, ok := el.(map[string]any); ok {
				if id, ok := m["id"].(string); ok {
					out = append(out, id)
				}
			}
		}
		if len(out) == 0 {
			return nil
		}
		return []attribute{{name: attr, value: out}}
	}
	join := func(parts ...[]attribute) []attribute {
		var out []attribute
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	flag := func(obj map[string]any, api, attr string) []attribute {
		if b, ok := obj[api].(bool); ok {
			return []attribute{{name: attr, value: b}}
		}
		return nil
	}
	num := func(obj map[string]any, api, attr string) []attribute {
		if n, ok := obj[api].(float64); ok {
			return []attribute{{name: attr, value: n}}
		}
		return nil
	}
	named := func(obj map[string]any) []attribute { return str(obj, "name", "name") }
	described := func(obj map[string]any) []attribute {
		return join(str(obj, "name", "name"), str(obj, "description", "description"))
	}
	switch typ {
	case "genesyscloud_routing_queue":
		return mapper{"/api/v2/routing/queues/", func(obj map[string]any) []attribute {
			out := join(described(obj), flag(obj, "autoAnswerOnly", "auto_answer_only"), flag(obj, "enableTranscription", "enable_transcription"),
				flag(obj, "enableManualAssignment", "enable_manual_assignment"), flag(obj, "suppressInQueueCallRecording", "suppress_in_queue_call_recording"))
			// Media settings are blocks: left out, the import would plan to remove them.
			media, _ := obj["mediaSettings"].(map[string]any)
			for _, kind := range []string{"call", "callback", "chat", "email", "message"} {
				m, ok := media[kind].(map[string]any)
				if !ok {
					continue
				}
				sl, _ := m["serviceLevel"].(map[string]any)
				block := join(num(m, "alertingTimeoutSeconds", "alerting_timeout_sec"), flag(m, "enableAutoAnswer", "enable_auto_answer"),
					num(sl, "durationMs", "service_level_duration_ms"), num(sl, "percentage", "service_level_percentage"))
				if kind == "callback" {
					block = append(block, flag(m, "enableAutoDialAndEnd", "enable_auto_dial_and_end")...)
				}
				out = append(out, attribute{name: "media_settings_" + kind, block: block})
			}
			return out
		}}, true
	case "genesyscloud_routing_skill":
		return mapper{"/api/v2/routing/skills/", named}, true
	case "genesyscloud_routing_language":
		return mapper{"/api/v2/routing/languages/", named}, true
	case "genesyscloud_routing_wrapupcode":
		return mapper{"/api/v2/routing/wrapupcodes/", described}, true
	case "genesyscloud_group":
		return mapper{"/api/v2/groups/", func(obj map[string]any) []attribute {
			return join(described(obj), str(obj, "type", "type"), str(obj, "visibility", "visibility"))
		}}, true
	case "genesyscloud_user":
		return mapper{"/api/v2/users/", func(obj map[string]any) []attribute {
			return join(str(obj, "email", "email"), str(obj, "name", "name"), str(obj, "department", "department"), str(obj, "title", "title"))
		}}, true
	case "genesyscloud_architect_schedules":
		return mapper{"/api/v2/architect/schedules/", func(obj map[string]any) []attribute {
			return join(described(obj), str(obj, "start", "start"), str(obj, "end", "end"), str(obj, "rrule", "rrule"))
		}}, true
	case "genesyscloud_architect_schedulegroups":
		return mapper{"/api/v2/architect/schedulegroups/", func(obj map[string]any) []attribute {
			return join(described(obj), str(obj, "timeZone", "time_zone"), ids(obj, "openSchedules", "open_schedules_id"),
				ids(obj, "closedSchedules", "closed_schedules_id"), ids(obj, "holidaySchedules", "holiday_schedules_id"))
		}}, true
	}
	return mapper{}, false
}

// adopt writes a resource block and an import block for each unmanaged object into the
// project o.Into, creating the project when it does not exist.
func (b *builder) adopt(ctx context.Context, found []drift.Finding) error {
	p, err := b.intoProject()
	if err != nil {
		return err
	}
	b.res.Into = p.Name
	resFile := path.Join(p.Dir, adoptedFile)
	impFile := path.Join(p.Dir, importsFile(b.o.Env))
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
		case !ok:
			b.skip(label, "adopting %s is not supported yet: declare it by hand and import id %s", f.Type, f.ID)
			continue
		case f.ID == "":
			b.skip(label, "no id to import")
			continue
		}
		l := b.refs.uniqueLabel(p, "resource", f.Type, slug(f.Name))
		for i := 2; taken[f.Type+"."+l]; i++ {
			l = fmt.Sprintf("%s_%d", slug(f.Name), i)
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
	if b.ed.created[impFile] {
		imf.Body().AppendUnstructuredTokens(commentTokens(fmt.Sprintf(
			"# Written by cx backport: imports objects made by hand in %s. The ids are %s's; once\n"+
				"# the import is applied there, delete this file (an import of an object already in the\n"+
				"# state does nothing, but in another environment the ids do not exist).\n", b.o.Env, b.o.Env)))
	}
	w := &blockWriter{b: b, p: p, file: resFile}
	for _, a := range todo {
		var obj map[string]any
		if err := b.o.Client.Do(ctx, http.MethodGet, a.m.path+a.f.ID, nil, nil, &obj); err != nil {
			return fmt.Errorf("read %s %q (%s): %w", a.f.Type, a.f.Name, a.f.ID, err)
		}
		rf.Body().AppendNewline()
		if who := a.f.Attribution; who != nil {
			rf.Body().AppendUnstructuredTokens(commentTokens(fmt.Sprintf("# Made in %s by %s on %s; adopted by cx backport.\n",
				b.o.Env, who.Who, who.When.UTC().Format("2006-01-02"))))
		}
		blk := rf.Body().AppendNewBlock("resource", []string{a.f.Type, a.label})
		if err := w.writeAttributes(ctx, blk.Body(), a.m.attrs(obj)); err != nil {
			return err
		}
		imf.Body().AppendNewline()
		ib := imf.Body().AppendNewBlock("import", nil)
		ib.Body().SetAttributeTraversal("to", hcl.Traversal{hcl.TraverseRoot{Name: a.f.Type}, hcl.TraverseAttr{Name: a.label}})
		ib.Body().SetAttributeValue("id", cty.StringVal(a.f.ID))
		b.done(unmanagedLabel(a.f), "adopted as %s.%s in %s (import in %s)", a.f.Type, a.label, resFile, impFile)
	}
	return nil
}

// writeAttributes writes generated attributes (and nested blocks, after them) into body.
func (w *blockWriter) writeAttributes(ctx context.Context, body *hclwrite.Body, attrs []attribute) error {
	for _, at := range attrs {
		if at.block != nil {
			continue
		}
		toks, err := w.tokens(ctx, at.name, at.value)
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
	f.Body().AppendUnstructuredTokens(commentTokens(providerContent))
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
