package export

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-exec/tfexec"
)

// The resource blocks come from the provider itself: OpenTofu imports each object and writes
// its configuration (`tofu plan -generate-config-out`), so every attribute the provider reads
// is there exactly as the next plan will compare it — for every kind the provider serves,
// with no per-kind mapping here. Export then rewrites ids into references (refs.go).

// Tofu is what runs OpenTofu for the generation.
type Tofu struct {
	// Binary is the OpenTofu binary; ProviderDir holds the provider plugin.
	Binary, ProviderDir string
	// OrgEnv is the provider's environment for the org (credentials, endpoint).
	OrgEnv map[string]string
	// Parallel bounds projects generated at once (0: 2).
	Parallel int
}

// importTarget is one object to import: where and under which id.
type importTarget struct {
	typ, label, id string
}

// generate writes, per project, a scratch configuration holding only import blocks, lets
// OpenTofu generate the resource blocks, and returns them parsed, by project.
func (t Tofu) generate(ctx context.Context, scratch string, imports map[string][]importTarget) (map[string]*hclwrite.File, error) {
	if err := os.MkdirAll(scratch, 0o700); err != nil {
		return nil, err
	}
	rc := filepath.Join(scratch, "cli.tfrc")
	if err := os.WriteFile(rc, []byte(tofu.CLIConfig(t.ProviderDir)), 0o600); err != nil {
		return nil, err
	}
	parallel := t.Parallel
	if parallel <= 0 {
		parallel = 2
	}
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		first error
		out   = map[string]*hclwrite.File{}
		slots = make(chan struct{}, parallel)
	)
	for _, project := range slices.Sorted(maps.Keys(imports)) {
		if len(imports[project]) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			f, err := t.generateProject(ctx, filepath.Join(scratch, project), rc, imports[project])
			mu.Lock()
			defer mu.Unlock()
			if err != nil && first == nil {
				first = fmt.Errorf("generate the configuration of %s: %w", project, err)
			}
			out[project] = f
		}()
	}
	wg.Wait()
	return out, first
}

func (t Tofu) generateProject(ctx context.Context, dir, rc string, targets []importTarget) (*hclwrite.File, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(backport.ProviderTF)
	for _, it := range targets {
		fmt.Fprintf(&b, "\nimport {\n  to = %s.%s\n  id = %q\n}\n", it.typ, it.label, it.id)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	tf, err := tfexec.NewTerraform(dir, t.Binary)
	if err != nil {
		return nil, err
	}
	env := map[string]string{"TF_CLI_CONFIG_FILE": rc, "TF_DATA_DIR": filepath.Join(dir, ".tofu")}
	for k, v := range t.OrgEnv {
		env[k] = v
	}
	if err := tf.SetEnv(env); err != nil {
		return nil, err
	}
	var log bytes.Buffer
	tf.SetStdout(&log)
	tf.SetStderr(&log)
	// The provider is a dev override: no init, no registry.
	gen := filepath.Join(dir, "generated.tf")
	if _, err := tf.Plan(ctx, tfexec.GenerateConfigOut(gen), tfexec.Refresh(true)); err != nil {
		return nil, fmt.Errorf("%w\n%s", err, tail(log.String(), 40))
	}
	data, err := os.ReadFile(gen)
	if err != nil {
		return nil, fmt.Errorf("OpenTofu wrote no configuration: %w\n%s", err, tail(log.String(), 40))
	}
	// OpenTofu's own notes ("# __generated__ by OpenTofu …") do not belong in the workspace.
	var kept []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "# __generated__") && !strings.HasPrefix(line, "# Please review these resources") {
			kept = append(kept, line)
		}
	}
	f, diags := hclwrite.ParseConfig([]byte(strings.Join(kept, "\n")), gen, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("parse the generated configuration: %s", diags.Error())
	}
	return f, nil
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// blocksByType splits a generated file's resource blocks by resource type, each type's
// blocks sorted by label.
func blocksByType(f *hclwrite.File) map[string][]*hclwrite.Block {
	out := map[string][]*hclwrite.Block{}
	for _, blk := range f.Body().Blocks() {
		if blk.Type() != "resource" || len(blk.Labels()) != 2 {
			continue
		}
		out[blk.Labels()[0]] = append(out[blk.Labels()[0]], blk)
	}
	for _, bs := range out {
		sort.Slice(bs, func(i, j int) bool { return bs[i].Labels()[1] < bs[j].Labels()[1] })
	}
	return out
}
