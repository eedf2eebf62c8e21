// Command driftbench measures drift detection (what `cx drift` runs) over a generated
// workspace of small projects in three environments, one project at a time against
// --parallel N, in one run against one in-process local org with injected latency, and
// prints both times and the ratio.
//
// The workspace is applied to every environment first (unmeasured), so each refresh-only
// plan reads real objects. Each measured run checks every environment in turn: managed
// drift of every project, the unmanaged search and attribution, as `cx drift` does.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
)

// environments are the generated workspace's environments, each a local org.
func environments() []string { return []string{"dev", "test", "prod"} }

func main() {
	projects := flag.Int("projects", 30, "projects in the generated workspace")
	parallel := flag.Int("parallel", 4, "projects at once in the parallel run")
	latency := flag.Duration("latency", 20*time.Millisecond, "latency injected into every API request")
	flag.Parse()
	if err := run(*projects, *parallel, *latency); err != nil {
		fmt.Fprintln(os.Stderr, "driftbench:", err)
		os.Exit(1)
	}
}

func run(n, parallel int, latency time.Duration) error {
	ctx := context.Background()
	envs := environments()
	tofu, err := target.FindTofu(".")
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "driftbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	providerDir := filepath.Join(tmp, "plugin")
	if err := target.BuildProvider(ctx, ".", providerDir); err != nil {
		return err
	}
	org, err := orgserver.Serve(ctx, orgserver.ServeOptions{Addr: "127.0.0.1:0"})
	if err != nil {
		return err
	}
	defer org.Shutdown(ctx) //nolint:errcheck // the process ends next

	root := filepath.Join(tmp, "ws")
	if err := generate(root, n); err != nil {
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
	type orgAccess struct {
		orgEnv map[string]string
		client *platform.Client
	}
	targets := map[string]orgAccess{}
	for _, env := range envs {
		cred, ok := org.Credential(env, "deploy")
		if !ok {
			return fmt.Errorf("the local org has no deploy client in %s", env)
		}
		orgEnv, err := target.OrgEnv(org.URL, cred.ClientID, cred.ClientSecret)
		if err != nil {
			return err
		}
		c, err := platform.New(platform.Config{BaseURL: org.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret})
		if err != nil {
			return err
		}
		targets[env] = orgAccess{orgEnv, c}
	}
	fmt.Printf("workspace: %d projects (1 shared, %d flow projects with a queue and a by-name lookup) × %d environments, OpenTofu %s\n",
		n, n-1, len(envs), tofu)
	for _, env := range envs {
		res, err := runner.Run(ctx, runner.Options{Workspace: ws, Graph: g, Env: env, Action: runner.ActionApply, Parallel: parallel,
			Tofu: tofu, ProviderDir: providerDir, OrgEnv: targets[env].orgEnv, Progress: io.Discard})
		if err != nil {
			return err
		}
		if res.ExitCode != 0 {
			res.WriteSummary(os.Stderr)
			return fmt.Errorf("apply %s: exit code %d", env, res.ExitCode)
		}
	}
	org.SetFaults(orgserver.Faults{LatencyMs: int(latency / time.Millisecond)})
	fmt.Printf("local org: %s latency per API request\n", latency)
	timed := func(par int) (time.Duration, error) {
		start := time.Now()
		for _, env := range envs {
			t := targets[env]
			planner := &drift.TofuPlanner{Workspace: ws, Env: env, Tofu: tofu, ProviderDir: providerDir, OrgEnv: t.orgEnv}
			rep, err := drift.Detect(ctx, drift.Options{Workspace: ws, Env: env, Planner: planner, Client: t.client, Parallel: par})
			if err != nil {
				return 0, err
			}
			if rep.ExitCode() != drift.ExitInSync || len(rep.Checked) != n-1+2 {
				rep.WriteTable(os.Stderr) //nolint:errcheck // diagnostics only
				return 0, fmt.Errorf("drift %s --parallel %d: exit %d with %d objects checked, want in sync with %d", env, par, rep.ExitCode(), len(rep.Checked), n-1+2)
			}
		}
		return time.Since(start), nil
	}
	seq, err := timed(1)
	if err != nil {
		return err
	}
	par, err := timed(parallel)
	if err != nil {
		return err
	}
	fmt.Printf("drift, %d environments, one project at a time: %6.2fs\n", len(envs), seq.Seconds())
	fmt.Printf("drift, %d environments, --parallel %d:          %6.2fs\n", len(envs), parallel, par.Seconds())
	fmt.Printf("speedup: %.2fx\n", seq.Seconds()/par.Seconds())
	org.SetFaults(orgserver.Faults{})
	for _, env := range envs {
		if _, err := runner.Run(ctx, runner.Options{Workspace: ws, Graph: g, Env: env, Action: runner.ActionDestroy, Parallel: parallel,
			Tofu: tofu, ProviderDir: providerDir, OrgEnv: targets[env].orgEnv, Progress: io.Discard}); err != nil {
			return err
		}
	}
	return nil
}

// generate writes a shared project owning two skills and n-1 flow projects, each with a
// queue and a by-name lookup of a shared skill.
func generate(root string, n int) error {
	const head = "terraform {\n  required_providers {\n    genesyscloud = {\n      source = \"mypurecloud/genesyscloud\"\n    }\n  }\n}\n"
	write := func(rel, content string) error {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(content), 0o644)
	}
	cfg := ""
	for _, env := range environments() {
		cfg += fmt.Sprintf("environment %q {\n  org = \"local:%s\"\n}\n\n", env, env)
	}
	if err := write("cx.hcl", cfg); err != nil {
		return err
	}
	shared := head
	for i := range 2 {
		shared += fmt.Sprintf("\nresource \"genesyscloud_routing_skill\" \"s%d\" {\n  name = \"Drift Bench Skill %d\"\n}\n", i, i)
	}
	if err := write("shared-skills/main.tf", shared); err != nil {
		return err
	}
	for p := 1; p < n; p++ {
		src := head + "\ndata \"genesyscloud_routing_skill\" \"s0\" {\n  name = \"Drift Bench Skill 0\"\n}\n"
		src += fmt.Sprintf("\nresource \"genesyscloud_routing_queue\" \"q\" {\n  name        = \"Drift Bench Queue %02d\"\n  description = data.genesyscloud_routing_skill.s0.id\n}\n", p)
		if err := write(fmt.Sprintf("flow-%02d/main.tf", p), src); err != nil {
			return err
		}
	}
	return nil
}
