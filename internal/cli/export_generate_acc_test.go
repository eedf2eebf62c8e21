package cli

import (
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/export"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// TestAccExportGeneratesWhatOpenTofuGenerates exports orgs twice: with the provider in
// process (the default) and with `tofu plan -generate-config-out`. Every resource block must
// be the same, byte for byte, before and after export rewrites it. dev holds the example
// applied and cx org seed's contact center beside it, so every kind either makes; test every
// resource example of the provider's documentation (examples/resources), for the kinds
// neither makes.
func TestAccExportGeneratesWhatOpenTofuGenerates(t *testing.T) {
	base, _, cx := exampleApplied(t)
	src := cx.root
	if _, _, code := cx.run("org", "seed", "--objects", "300", "--env", "dev"); code != 0 {
		t.Fatalf("seed: exit %d", code)
	}
	ws, _, err := loadWorkspace(src, io.Discard)
	must(t, err)
	resolve := func(name string) (*target.Target, export.Options) {
		env, err := pickEnvironment(ws.Config, name)
		must(t, err)
		tg, err := target.Resolve(t.Context(), target.Options{Root: ws.Root, Env: env, Progress: io.Discard, ClientUserAgent: "cx-export"})
		must(t, err)
		return tg, export.Options{Client: tg.Client, Env: env, LocalOrgDir: filepath.Join(src, ".cx", "org"),
			Tofu: export.Tofu{Binary: tg.Tofu, ProviderDir: tg.ProviderDir, OrgEnv: tg.OrgEnv}}
	}
	_, dev := resolve("dev")
	compareGenerations(t, filepath.Join(base, "dev"), dev, 300, 14)

	tg, test := resolve("test")
	applyResourceExamples(t, filepath.Join(base, "examples"), tg)
	compareGenerations(t, filepath.Join(base, "test"), test, 90, 50)
}

// compareGenerations exports o's org into dir twice, in process and with OpenTofu, and fails
// for each resource block that differs, and unless at least blocks blocks of types types were
// compared.
func compareGenerations(t *testing.T, dir string, o export.Options, blocks, types int) {
	t.Helper()
	generate := func(how string) (map[string]string, string) {
		var mu sync.Mutex
		out := map[string]string{}
		o := o
		o.Into = filepath.Join(dir, how, "exported") // the same name: cx.hcl names the workspace after it
		o.Generate = how
		o.Generated = func(project string, bs []*hclwrite.Block) {
			mu.Lock()
			defer mu.Unlock()
			for _, b := range bs {
				out[project+" "+b.Labels()[0]+"."+b.Labels()[1]] = string(b.BuildTokens(nil).Bytes())
			}
		}
		if _, err := export.Run(t.Context(), o); err != nil {
			t.Fatalf("export of %s generated with %s: %v", o.Env.Name, how, err)
		}
		return out, o.Into
	}
	byTofu, tofuDir := generate(export.GenerateTofu)
	inProcess, inProcessDir := generate(export.GenerateInProcess)

	perType := map[string]int{}
	for _, addr := range slices.Sorted(maps.Keys(byTofu)) {
		perType[strings.SplitN(strings.Fields(addr)[1], ".", 2)[0]]++
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
	for _, typ := range slices.Sorted(maps.Keys(perType)) {
		kinds = append(kinds, fmt.Sprintf("%s %d", strings.TrimPrefix(typ, "genesyscloud_"), perType[typ]))
	}
	t.Logf("%s: compared %d resource blocks of %d types: %s", o.Env.Name, len(byTofu), len(perType), strings.Join(kinds, ", "))
	if len(byTofu) < blocks || len(perType) < types {
		t.Errorf("%s: compared %d blocks of %d types; want at least %d of %d", o.Env.Name, len(byTofu), len(perType), blocks, types)
	}
	// And so the workspaces written are the same.
	checkSameTree(t, "the export generated in process", inProcessDir, "the one OpenTofu generated", tofuDir)
}

// applyResourceExamples applies every examples/resources/<type> to tg's org with OpenTofu, in
// one configuration of a module per example. An example that cannot be applied next to the
// others (several make a skill "Billing", say) is logged: the others are still compared.
// Which of two such examples wins varies from run to run (OpenTofu's walk is not ordered),
// so the count compared does too, by a few.
func applyResourceExamples(t *testing.T, dir string, tg *target.Target) {
	t.Helper()
	examples, err := filepath.Glob(filepath.Join("..", "..", "examples", "resources", "*", "resource.tf"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no resource examples (%v)", err)
	}
	var root strings.Builder
	root.WriteString(backport.ProviderTF)
	for _, file := range examples {
		name := filepath.Base(filepath.Dir(file))
		copyTree(t, filepath.Dir(file), filepath.Join(dir, name))
		writeTestFile(t, filepath.Join(dir, name, "provider.tf"), backport.ProviderTF)
		fmt.Fprintf(&root, "\nmodule %q {\n  source = \"./%s\"\n}\n", name, name)
	}
	writeTestFile(t, filepath.Join(dir, "main.tf"), root.String())
	writeTestFile(t, filepath.Join(dir, "cli.tfrc"), tofu.CLIConfig(tg.ProviderDir))
	run := func(args ...string) (string, error) {
		cmd := exec.CommandContext(t.Context(), tg.Tofu, append(args, "-no-color")...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(dir, "cli.tfrc"))
		for k, v := range tg.OrgEnv {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	// The modules only: the provider is a dev override, which init would look up.
	if out, err := run("get"); err != nil {
		t.Fatalf("tofu get of the resource examples: %v\n%s", err, out)
	}
	// One at a time: where examples collide, the same one wins each time.
	if out, err := run("apply", "-auto-approve", "-parallelism=1"); err != nil {
		t.Logf("tofu apply of the resource examples: %v (some examples did not apply; the rest are compared)\n%s", err, tail(out, 60))
	}
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
