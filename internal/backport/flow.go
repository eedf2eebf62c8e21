package backport

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// flow backports a flow whose published content changed: the org's published YAML goes
// into the flow's file, with the file's placeholders kept where the environment's values
// match (see MergeFlow).
func (b *builder) flow(ctx context.Context, f drift.Finding, p *workspace.Project, label string, blk *hclwrite.Block) error {
	vals := b.st.values(f.Project, f.Address)
	file, _ := vals["filepath"].(string)
	if file == "" {
		if v, ok := literalString(blk.Body().GetAttribute("filepath")); ok {
			file = v
		}
	}
	if file == "" || f.ID == "" {
		b.skip(label, "the flow's file or id is unknown (was the project applied to %s?)", b.o.Env)
		return nil
	}
	if strings.Contains(file, "://") {
		b.skip(label, "the flow file %s is remote: update it by hand", file)
		return nil
	}
	subs := map[string]string{}
	if m, ok := vals["substitutions"].(map[string]any); ok {
		for k, v := range m {
			if s, ok := v.(string); ok {
				subs[k] = s
			}
		}
	}
	if b.o.Client == nil {
		b.skip(label, "no org client to export the published flow")
		return nil
	}
	published, err := ExportFlow(ctx, b.o.Client, b.o.HTTPClient, f.ID)
	if err != nil {
		return fmt.Errorf("export flow %q (%s) from %s: %w", f.Name, f.ID, b.o.Env, err)
	}
	rel := rootRel(p, file)
	orig, err := b.ed.read(rel)
	if err != nil {
		return fmt.Errorf("read the flow file of %s: %w", f.Address, err)
	}
	merged, kept := MergeFlow(orig, published, subs)
	if err := b.ed.setText(rel, merged); err != nil {
		return err
	}
	switch {
	case len(kept) > 0:
		b.done(label, "%s now holds the published flow (placeholders kept: %s)", rel, strings.Join(kept, ", "))
	case len(subs) > 0 && hasPlaceholders(orig):
		b.done(label, "%s now holds the published flow; none of its placeholders' %s values appear in it, so none were kept", rel, b.o.Env)
	default:
		b.done(label, "%s now holds the published flow as exported (the file has no placeholders)", rel)
	}
	b.refresh[f.Project] = true
	return nil
}

// MergeFlow returns the file that, once substitutions are applied, is exactly the
// published YAML, keeping as much of the original file as it can: lines whose substituted
// form is unchanged stay as written (placeholders and comments included), and so do comment
// and blank lines the export dropped; in changed lines,
// an environment value is turned back into its placeholder when the lines they replace used
// that placeholder. It also returns the placeholders kept. When the result would not
// substitute back to the published flow (same bytes, or same canonical form), the published
// YAML is returned as is.
func MergeFlow(orig, published []byte, subs map[string]string) ([]byte, []string) {
	if len(published) > 0 && published[len(published)-1] != '\n' {
		published = append(bytes.Clone(published), '\n')
	}
	for _, v := range subs {
		if strings.Contains(v, "\n") {
			return published, nil // line-wise merging needs one-line values
		}
	}
	origLines := splitLines(string(orig))
	substituted, _ := archy.Substitute(orig, subs)
	subLines := splitLines(string(substituted))
	pubLines := splitLines(string(published))
	if len(subLines) != len(origLines) {
		return published, nil
	}
	var out []string
	ops := diffLines(subLines, pubLines)
	for k := 0; k < len(ops); {
		if ops[k].kind == '=' {
			out = append(out, origLines[ops[k].a])
			k++
			continue
		}
		// One hunk of deleted and inserted lines.
		keys := map[string]bool{}
		var inserted []string
		for ; k < len(ops) && ops[k].kind != '='; k++ {
			switch ops[k].kind {
			case '-':
				if l := strings.TrimSpace(origLines[ops[k].a]); l == "" || strings.HasPrefix(l, "#") {
					// Exports drop comments and blank lines; the file keeps them.
					out = append(out, origLines[ops[k].a])
					continue
				}
				for _, key := range placeholders(origLines[ops[k].a]) {
					keys[key] = true
				}
			case '+':
				inserted = append(inserted, pubLines[ops[k].b])
			}
		}
		out = append(out, reverseSubstitute(inserted, keys, subs)...)
	}
	merged := []byte(strings.Join(out, "\n") + "\n")
	if check, _ := archy.Substitute(merged, subs); !bytes.Equal(check, published) && !sameFlow(check, published) {
		return published, nil
	}
	var kept []string
	for _, k := range sortedKeysString(subs) {
		if bytes.Contains(merged, []byte("{{"+k+"}}")) || bytes.Contains(merged, []byte("{{ "+k+" }}")) {
			kept = append(kept, k)
		}
	}
	return merged, kept
}

// sameFlow reports whether two flow files have the same canonical form (what the provider
// compares), i.e. they differ only in comments and layout.
func sameFlow(a, b []byte) bool {
	fa, err := archy.Parse("a", a)
	if err != nil {
		return false
	}
	fb, err := archy.Parse("b", b)
	if err != nil {
		return false
	}
	ca, err := archy.Canonical(fa)
	if err != nil {
		return false
	}
	cb, err := archy.Canonical(fb)
	return err == nil && bytes.Equal(ca, cb)
}

// reverseSubstitute writes {{key}} for each key's value in lines, longest values first.
func reverseSubstitute(lines []string, keys map[string]bool, subs map[string]string) []string {
	var ks []string
	for k := range keys {
		if subs[k] != "" {
			ks = append(ks, k)
		}
	}
	sort.Slice(ks, func(i, j int) bool { return len(subs[ks[i]]) > len(subs[ks[j]]) })
	out := make([]string, len(lines))
	for i, l := range lines {
		for _, k := range ks {
			l = strings.ReplaceAll(l, subs[k], "{{"+k+"}}")
		}
		out[i] = l
	}
	return out
}

// placeholders lists the placeholder keys of one line.
func placeholders(line string) []string {
	_, unresolved := archy.Substitute([]byte(line), nil)
	var out []string
	for _, u := range unresolved {
		out = append(out, u.Key)
	}
	return out
}

func hasPlaceholders(data []byte) bool {
	_, u := archy.Substitute(data, nil)
	return len(u) > 0
}

func sortedKeysString(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ExportFlow exports a flow's published version as Archy YAML through the export job API
// (POST /api/v2/flows/export/jobs, then the job's downloadUrl).
func ExportFlow(ctx context.Context, c *platform.Client, hc *http.Client, id string) ([]byte, error) {
	files, err := ExportFlows(ctx, c, hc, []string{id})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("the export of flow %s holds no YAML file", id)
	}
	return files[0].Data, nil
}

// ExportedFile is one flow's YAML from an export job.
type ExportedFile struct {
	Name string
	Data []byte
}

// ExportFlows exports the published versions of several flows with one export job: the
// download is the YAML itself for one flow, a zip of YAML files for several.
func ExportFlows(ctx context.Context, c *platform.Client, hc *http.Client, ids []string) ([]ExportedFile, error) {
	if hc == nil {
		hc = http.DefaultClient
	}
	var reg platform.RegisterArchitectExportJobResponse
	req := platform.RegisterArchitectExportJob{}
	for _, id := range ids {
		req.Flows = append(req.Flows, platform.ExportDetails{
			Flow: &platform.ArchitectFlowReference{ID: platform.Ptr(id)}, ExportType: platform.Ptr("Yaml")})
	}
	if err := c.Do(ctx, http.MethodPost, "/api/v2/flows/export/jobs", nil, req, &reg); err != nil {
		return nil, err
	}
	if reg.ID == nil {
		return nil, fmt.Errorf("the export job has no id")
	}
	var st platform.ArchitectExportJobStateResponse
	wait := 200 * time.Millisecond
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if err := c.Do(ctx, http.MethodGet, "/api/v2/flows/export/jobs/"+*reg.ID, map[string][]string{"expand": {"messages"}}, nil, &st); err != nil {
			return nil, err
		}
		switch deref(st.Status) {
		case "Success":
			return download(ctx, hc, deref(st.DownloadURL))
		case "Failure":
			var msgs []string
			for _, m := range st.Messages {
				msgs = append(msgs, deref(m.Text))
			}
			return nil, fmt.Errorf("export job %s failed: %s", *reg.ID, strings.Join(msgs, "; "))
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("export job %s still %s after 2 minutes", *reg.ID, deref(st.Status))
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// download fetches an export's signed URL (no Authorization header: the URL carries it): one
// YAML file, or a zip of them.
func download(ctx context.Context, hc *http.Client, url string) ([]ExportedFile, error) {
	if url == "" {
		return nil, fmt.Errorf("the finished export job has no downloadUrl")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download the exported flow: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download the exported flow: %s", resp.Status)
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return []ExportedFile{{Name: "flow.yaml", Data: data}}, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("read the exported zip: %w", err)
	}
	var out []ExportedFile
	for _, f := range zr.File {
		if ext := path.Ext(f.Name); ext != ".yaml" && ext != ".yml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(io.LimitReader(r, 64<<20))
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s of the exported zip: %w", f.Name, err)
		}
		out = append(out, ExportedFile{Name: f.Name, Data: b})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the exported zip holds no YAML file")
	}
	return out, nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
