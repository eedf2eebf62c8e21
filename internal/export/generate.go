package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-exec/tfexec"
)

// The resource blocks come from the provider itself: each object is imported and read as
// OpenTofu's plan imports it, and its configuration written from the state read by the rules
// of `tofu plan -generate-config-out`, so every attribute the provider reads is there exactly
// as the next plan will compare it — for every kind the provider serves, with no per-kind
// mapping here. By default cx hosts the provider in process and writes the blocks itself
// (inprocess.go, genconfig.go); GenerateTofu has OpenTofu do it, as it did first (the
// equivalence test holds the two to the same blocks). Export then rewrites ids into
// references (write.go).

// How the resource blocks are generated (Options.Generate).
const (
	// GenerateInProcess: cx hosts the provider and writes the blocks (the default).
	GenerateInProcess = "provider"
	// GenerateTofu: one `tofu plan -generate-config-out` over import blocks.
	GenerateTofu = "tofu"
)

// Tofu is what runs OpenTofu for the generation, and the org the provider reads.
type Tofu struct {
	// Binary is the OpenTofu binary; ProviderDir holds the provider plugin.
	Binary, ProviderDir string
	// OrgEnv is the provider's environment for the org (credentials, endpoint).
	OrgEnv map[string]string
}

// importParallel is how many objects are imported at once. With the listings handed over
// most imports read nothing from the org; the rest (a queue's members and wrap-up codes, a
// group's members) are one round trip each, which more of at once hide behind each other.
const importParallel = 24

// importTarget is one object to import: where and under which id.
type importTarget struct {
	typ, label, id string
}

// generate imports every object in one scratch configuration — one provider, one token, and
// the provider's bulk reads serve every project at once, from the listings the inventory
// read (handed over in a file) — with OpenTofu or in process (how), and returns the
// generated resource blocks by project, under their labels in that project. imported is
// told of each object read; ahead are the objects read ahead in process, if any
// (readAhead). The configuration is kept in scratch under the hash of the
// imports: an interrupted export resumed with the same imports reuses it (reused true)
// instead of generating it again.
func (t Tofu) generate(ctx context.Context, how, scratch string, imports map[string][]importTarget, listings *platform.Listings,
	ahead *providerReads, imported func(n int)) (blocks map[string][]*hclwrite.Block, reused bool, err error) {
	if how != GenerateInProcess && how != GenerateTofu {
		return nil, false, fmt.Errorf("generate the configuration %q: choose %s or %s", how, GenerateInProcess, GenerateTofu)
	}
	if err := os.MkdirAll(scratch, 0o700); err != nil {
		return nil, false, err
	}
	// Labels are unique per project; in the one configuration they carry their project's
	// number, and go back to their own when split.
	type home struct{ project, label string }
	homes := map[string]home{}
	var targets []scratchImport
	var b strings.Builder
	b.WriteString(backport.ProviderTF)
	for i, project := range slices.Sorted(maps.Keys(imports)) {
		for _, it := range imports[project] {
			scratchLabel := fmt.Sprintf("p%d__%s", i, it.label)
			homes[it.typ+"."+scratchLabel] = home{project, it.label}
			fmt.Fprintf(&b, "\nimport {\n  to = %s.%s\n  id = %q\n}\n", it.typ, scratchLabel, it.id)
			targets = append(targets, scratchImport{typ: it.typ, label: scratchLabel, id: it.id,
				home: fmt.Sprintf("%s.%s of project %s", it.typ, it.label, project)})
		}
	}
	if len(homes) == 0 {
		return map[string][]*hclwrite.Block{}, false, nil
	}
	main := b.String()
	kept := filepath.Join(scratch, fmt.Sprintf("generated-%x.tf", sha256.Sum256([]byte(main))))
	var generated []*hclwrite.Block
	f, err := parseGenerated(kept)
	reused = err == nil
	switch {
	case reused:
		generated = f.Body().Blocks()
	case how == GenerateInProcess:
		if generated, err = t.runInProcess(ctx, listings, targets, ahead, kept, imported); err != nil {
			return nil, false, err
		}
	default:
		handed := filepath.Join(scratch, "listings.json")
		if err := listings.WriteFile(handed); err != nil {
			return nil, false, fmt.Errorf("hand the org's listings to the provider: %w", err)
		}
		if f, err = t.runTofu(ctx, scratch, handed, main, kept, imported); err != nil {
			return nil, false, err
		}
		generated = f.Body().Blocks()
	}
	out := map[string][]*hclwrite.Block{}
	for _, blk := range generated {
		if blk.Type() != "resource" || len(blk.Labels()) != 2 {
			continue
		}
		h, ok := homes[blk.Labels()[0]+"."+blk.Labels()[1]]
		if !ok {
			return nil, false, fmt.Errorf("the generation wrote %s.%s, which was not imported", blk.Labels()[0], blk.Labels()[1])
		}
		blk.SetLabels([]string{blk.Labels()[0], h.label})
		out[h.project] = append(out[h.project], blk)
	}
	return out, reused, nil
}

// providerEnv is the provider's environment for the generation, on top of the process's:
// the org's. The provider answers its reads from the listings in the
// file handed, if any: the generation only imports objects the export has just listed.
func (t Tofu) providerEnv(handed string) map[string]string {
	env := map[string]string{}
	if handed != "" {
		env["CX_PROVIDER_LISTINGS"] = handed
	}
	for k, v := range t.OrgEnv {
		env[k] = v
	}
	return env
}

// runInProcess generates the configuration of targets with the provider in process, its
// reads answered from listings, and returns its blocks, kept at keep.
func (t Tofu) runInProcess(ctx context.Context, listings *platform.Listings, targets []scratchImport, ahead *providerReads, keep string,
	imported func(n int)) ([]*hclwrite.Block, error) {
	blocks, data, err := generateInProcess(ctx, t.providerEnv(""), listings, targets, ahead, imported)
	if err != nil {
		return nil, err
	}
	if err := safefile.WriteFileAtomic(keep, data, 0o600); err != nil {
		return nil, fmt.Errorf("keep the generated configuration: %w", err)
	}
	return blocks, nil
}

// readAhead starts the in-process provider's reads, answered from listings, for the objects
// the export then adds (aheadObjects).
func (t Tofu) readAhead(ctx context.Context, listings *platform.Listings) (*providerReads, error) {
	return startReads(ctx, t.providerEnv(""), listings)
}

// aheadObjects are the objects of listed an export without filters writes resource blocks
// for: all but builtins and flows.
func aheadObjects(listed []drift.Listed) []object {
	var objs []object
	for _, l := range listed {
		if !l.Builtin && l.Type != flowType {
			objs = append(objs, object{l.Type, l.ID})
		}
	}
	return objs
}

// generatedBefore reports whether scratch holds a configuration an earlier run generated.
func generatedBefore(scratch string) bool {
	kept, _ := filepath.Glob(filepath.Join(scratch, "generated-*.tf"))
	return len(kept) > 0
}

// runTofu plans main (import blocks only) in dir with -generate-config-out and returns the
// generated configuration, kept (without OpenTofu's notes) at keep once whole. imported is
// told of each object OpenTofu reads.
func (t Tofu) runTofu(ctx context.Context, dir, handed, main, keep string, imported func(n int)) (*hclwrite.File, error) {
	rc := filepath.Join(dir, "cli.tfrc")
	if err := os.WriteFile(rc, []byte(tofu.CLIConfig(t.ProviderDir)), 0o600); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(main), 0o644); err != nil {
		return nil, err
	}
	tf, err := tfexec.NewTerraform(dir, t.Binary)
	if err != nil {
		return nil, err
	}
	env := t.providerEnv(handed)
	env["TF_CLI_CONFIG_FILE"], env["TF_DATA_DIR"] = rc, filepath.Join(dir, ".tofu")
	if err := tf.SetEnv(env); err != nil {
		return nil, err
	}
	var log bytes.Buffer
	out := io.Writer(&log)
	if imported != nil {
		out = io.MultiWriter(&log, &importCounter{imported: imported})
	}
	tf.SetStdout(out)
	tf.SetStderr(&log)
	// The provider is a dev override: no init, no registry. An earlier, interrupted run may
	// have left a partial file, which OpenTofu refuses to write over.
	gen := filepath.Join(dir, "generated.tf")
	if err := os.Remove(gen); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if _, err := tf.Plan(ctx, tfexec.GenerateConfigOut(gen), tfexec.Refresh(true), tfexec.Parallelism(importParallel)); err != nil {
		return nil, fmt.Errorf("generate the configuration with OpenTofu: %w\n%s", err, tail(log.String(), 40))
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
	if err := safefile.WriteFileAtomic(keep, []byte(strings.Join(kept, "\n")), 0o600); err != nil {
		return nil, fmt.Errorf("keep the generated configuration: %w", err)
	}
	return parseGenerated(keep)
}

// parseGenerated parses a kept generated configuration.
func parseGenerated(path string) (*hclwrite.File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, diags := hclwrite.ParseConfig(data, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("parse the generated configuration: %s", diags.Error())
	}
	return f, nil
}

// importCounter tells of each object OpenTofu's plan output says it reads.
type importCounter struct {
	imported func(n int)
	partial  []byte
}

func (c *importCounter) Write(p []byte) (int, error) {
	c.partial = append(c.partial, p...)
	for {
		i := bytes.IndexByte(c.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		if bytes.Contains(c.partial[:i], []byte(": Preparing import...")) {
			c.imported(1)
		}
		c.partial = c.partial[i+1:]
	}
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// blocksByType groups resource blocks by resource type, each type's blocks sorted by label.
func blocksByType(blocks []*hclwrite.Block) map[string][]*hclwrite.Block {
	out := map[string][]*hclwrite.Block{}
	for _, blk := range blocks {
		out[blk.Labels()[0]] = append(out[blk.Labels()[0]], blk)
	}
	for _, bs := range out {
		sort.Slice(bs, func(i, j int) bool { return bs[i].Labels()[1] < bs[j].Labels()[1] })
	}
	return out
}
