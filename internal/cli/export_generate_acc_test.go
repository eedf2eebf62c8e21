package cli

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cxascode/cxascode/internal/export"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// TestAccExportGeneratesWhatOpenTofuGenerates exports one org — the example applied, and
// cx org seed's contact center beside it, so every kind either makes — twice: with the
// provider in process (the default) and with `tofu plan -generate-config-out`. Every
// resource block must be the same, byte for byte, before and after export rewrites it.
func TestAccExportGeneratesWhatOpenTofuGenerates(t *testing.T) {
	base, _, cx := exampleApplied(t)
	src := cx.root
	if _, _, code := cx.run("org", "seed", "--objects", "300", "--env", "dev"); code != 0 {
		t.Fatalf("seed: exit %d", code)
	}

	ws, _, err := loadWorkspace(src, io.Discard)
	must(t, err)
	env, err := pickEnvironment(ws.Config, "dev")
	must(t, err)
	tg, err := target.Resolve(t.Context(), target.Options{Root: ws.Root, Env: env, Progress: io.Discard, ClientUserAgent: "cx-export"})
	must(t, err)
	generate := func(how string) (blocks map[string]string, into string) {
		var mu sync.Mutex
		blocks = map[string]string{}
		into = filepath.Join(base, how, "exported") // the same name: cx.hcl names the workspace after it
		_, err := export.Run(t.Context(), export.Options{Client: tg.Client, Env: env, LocalOrgDir: filepath.Join(src, ".cx", "org"), Into: into,
			Tofu: export.Tofu{Binary: tg.Tofu, ProviderDir: tg.ProviderDir, OrgEnv: tg.OrgEnv}, Generate: how,
			Generated: func(project string, bs []*hclwrite.Block) {
				mu.Lock()
				defer mu.Unlock()
				for _, b := range bs {
					blocks[project+" "+b.Labels()[0]+"."+b.Labels()[1]] = string(b.BuildTokens(nil).Bytes())
				}
			}})
		if err != nil {
			t.Fatalf("export generated with %s: %v", how, err)
		}
		return blocks, into
	}
	byTofu, tofuDir := generate(export.GenerateTofu)
	inProcess, inProcessDir := generate(export.GenerateInProcess)

	types := map[string]int{}
	for _, addr := range slices.Sorted(maps.Keys(byTofu)) {
		types[strings.SplitN(strings.Fields(addr)[1], ".", 2)[0]]++
		got, ok := inProcess[addr]
		switch {
		case !ok:
			t.Errorf("%s: OpenTofu generated it, the in-process generation did not:\n%s", addr, byTofu[addr])
		case got != byTofu[addr]:
			t.Errorf("%s differs.\nin process:\n%s\nOpenTofu:\n%s", addr, got, byTofu[addr])
		}
	}
	for addr := range inProcess {
		if _, ok := byTofu[addr]; !ok {
			t.Errorf("%s: generated in process only", addr)
		}
	}
	var kinds []string
	for _, typ := range slices.Sorted(maps.Keys(types)) {
		kinds = append(kinds, fmt.Sprintf("%s %d", strings.TrimPrefix(typ, "genesyscloud_"), types[typ]))
	}
	t.Logf("compared %d resource blocks of %d types: %s", len(byTofu), len(types), strings.Join(kinds, ", "))
	if len(byTofu) < 300 || len(types) < 14 {
		t.Errorf("compared %d blocks of %d types; want the example's and the seed's kinds", len(byTofu), len(types))
	}

	// And so the workspaces written are the same.
	checkSameTree(t, "the export generated in process", inProcessDir, "the one OpenTofu generated", tofuDir)
}
