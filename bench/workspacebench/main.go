// Command workspacebench measures `cx plan` over a generated workspace of small projects,
// one after another (--parallel 1) against --parallel N, in one run against one in-process
// local org with injected latency, and prints both times and the ratio.
//
// Each project is what a flow project looks like to the runner: a queue it owns and
// by-name lookups of shared objects. The projects are applied first (unmeasured), so each
// plan refreshes real state and waits on the org like a plan of a deployed workspace does.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
)

func main() {
	projects := flag.Int("projects", 30, "projects in the generated workspace")
	parallel := flag.Int("parallel", 4, "projects at once in the parallel run")
	latency := flag.Duration("latency", 20*time.Millisecond, "latency injected into every API request")
	lookups := flag.Int("lookups", 4, "by-name lookups per project")
	flag.Parse()
	if err := run(*projects, *parallel, *lookups, *latency); err != nil {
		fmt.Fprintln(os.Stderr, "workspacebench:", err)
		os.Exit(1)
	}
}

func run(n, parallel, lookups int, latency time.Duration) error {
	ctx := context.Background()
	tofu, err := target.FindTofu(".")
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "workspacebench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	providerDir := filepath.Join(tmp, "plugin")
	build := exec.Command("go", "build", "-o", filepath.Join(providerDir, target.ProviderBinary), "github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("build provider: %v\n%s", err, out)
	}
	org, err := orgserver.Serve(ctx, orgserver.ServeOptions{Addr: "127.0.0.1:0"})
	if err != nil {
		return err
	}
	defer org.Shutdown(ctx) //nolint:errcheck // the process ends next
	cred, _ := org.Credential("dev", "deploy")
	orgEnv, err := target.OrgEnv(org.URL, cred.ClientID, cred.ClientSecret)
	if err != nil {
		return err
	}

	root := filepath.Join(tmp, "ws")
	if err := generate(root, n, lookups); err != nil {
		return err
	}
	ws, err := workspace.Load(root)
	if err != nil {
		return err
	}
	g, diags := workspace.BuildGraph(ws)
	if workspace.Diagnostics(diags).HasErrors() {
		return fmt.Errorf("graph: %s", workspace.Diagnostics(diags))
	}
	opts := runner.Options{Workspace: ws, Graph: g, Env: "dev", Tofu: tofu, ProviderDir: providerDir, OrgEnv: orgEnv, Progress: io.Discard}
	timed := func(action runner.Action, par int) (time.Duration, error) {
		o := opts
		o.Action, o.Parallel = action, par
		res, err := runner.Run(ctx, o)
		if err != nil {
			return 0, err
		}
		want := 0
		if action == runner.ActionPlan && res.ExitCode != 0 {
			res.WriteSummary(os.Stderr)
			return 0, fmt.Errorf("%s --parallel %d: exit code %d, want %d", action, par, res.ExitCode, want)
		}
		if res.ExitCode != 0 {
			res.WriteSummary(os.Stderr)
			return 0, fmt.Errorf("%s: exit code %d", action, res.ExitCode)
		}
		return res.Duration, nil
	}
	fmt.Printf("workspace: %d projects (1 shared, %d flow projects with a queue and %d by-name lookups each), OpenTofu %s\n", n, n-1, lookups, tofu)
	if _, err := timed(runner.ActionApply, parallel); err != nil {
		return err
	}
	org.SetFaults(orgserver.Faults{LatencyMs: int(latency / time.Millisecond)})
	fmt.Printf("local org: %s latency per API request\n", latency)
	seq, err := timed(runner.ActionPlan, 1)
	if err != nil {
		return err
	}
	par, err := timed(runner.ActionPlan, parallel)
	if err != nil {
		return err
	}
	fmt.Printf("cx plan --parallel 1: %6.2fs\n", seq.Seconds())
	fmt.Printf("cx plan --parallel %d: %6.2fs\n", parallel, par.Seconds())
	fmt.Printf("speedup: %.2fx (goal >= 2.5x)\n", seq.Seconds()/par.Seconds())
	org.SetFaults(orgserver.Faults{})
	_, err = timed(runner.ActionDestroy, parallel)
	return err
}

// generate writes a shared project owning the skills and n-1 flow projects looking them up.
func generate(root string, n, lookups int) error {
	const head = "terraform {\n  required_providers {\n    genesyscloud = {\n      source = \"mypurecloud/genesyscloud\"\n    }\n  }\n}\n"
	write := func(rel, content string) error {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(content), 0o644)
	}
	if err := write("cx.hcl", "environment \"dev\" {\n  org = \"local:dev\"\n}\n"); err != nil {
		return err
	}
	shared := head
	for i := range lookups {
		shared += fmt.Sprintf("\nresource \"genesyscloud_routing_skill\" \"s%d\" {\n  name = \"Bench Skill %d\"\n}\n", i, i)
	}
	if err := write("shared-skills/main.tf", shared); err != nil {
		return err
	}
	for p := 1; p < n; p++ {
		src := head
		for i := range lookups {
			src += fmt.Sprintf("\ndata \"genesyscloud_routing_skill\" \"s%d\" {\n  name = \"Bench Skill %d\"\n}\n", i, i)
		}
		src += fmt.Sprintf("\nresource \"genesyscloud_routing_queue\" \"q\" {\n  name        = \"Bench Queue %02d\"\n  description = data.genesyscloud_routing_skill.s0.id\n}\n", p)
		if err := write(fmt.Sprintf("flow-%02d/main.tf", p), src); err != nil {
			return err
		}
	}
	return nil
}
