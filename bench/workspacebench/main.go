// Command workspacebench measures `cx plan` over a generated workspace of small projects,
// one after another (--parallel 1) against --parallel N, in rounds of both back to back, in
// one run against one in-process local org with injected latency and a per-token rate limit
// in fixed one-minute windows (as real orgs count), and prints each round's times and ratio,
// the median ratio, the 429s the org answered, the token
// requests against the number of projects, and the peak memory of the run (this process and
// every OpenTofu and provider process it started, summed at each sample).
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
	"path/filepath"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/cxascode/cxascode/bench/orgmetrics"
	"github.com/cxascode/cxascode/bench/report"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
)

func main() {
	var o options
	flag.IntVar(&o.projects, "projects", 60, "projects in the generated workspace")
	flag.IntVar(&o.parallel, "parallel", 8, "projects at once in the parallel run")
	flag.DurationVar(&o.latency, "latency", 150*time.Millisecond, "latency injected into every API request")
	flag.IntVar(&o.lookups, "lookups", 4, "by-name lookups per project")
	flag.IntVar(&o.rate, "rate", 300, "the org's requests per token per fixed minute (0: no limit)")
	flag.Float64Var(&o.goal, "goal", 4, "speedup the parallel run must reach (median of the rounds)")
	flag.IntVar(&o.rounds, "rounds", 3, "rounds of one sequential and one parallel plan, back to back")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of this process (cx's runner and the local org) over every measured plan")
	flag.Parse()
	o.cpuprofile = *cpuprofile
	if o.rounds < 1 {
		fmt.Fprintln(os.Stderr, "workspacebench: -rounds must be at least 1")
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "workspacebench:", err)
		os.Exit(1)
	}
}

type options struct {
	projects, parallel, lookups, rate int
	rounds                            int
	latency                           time.Duration
	goal                              float64
	cpuprofile                        string
}

func run(o options) error {
	n, parallel, lookups, latency := o.projects, o.parallel, o.lookups, o.latency
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
	// The providers' validation memo starts empty in every run, and is filled by the apply
	// before the plans, as by any earlier run of the same configuration.
	if _, set := os.LookupEnv("CX_PROVIDER_CACHE_DIR"); !set {
		os.Setenv("CX_PROVIDER_CACHE_DIR", filepath.Join(tmp, "provider-cache"))
	}
	providerDir := filepath.Join(tmp, "plugin")
	if err := target.BuildProvider(ctx, ".", providerDir); err != nil {
		return err
	}
	org, err := orgserver.Serve(ctx, orgserver.ServeOptions{Addr: "127.0.0.1:0", Config: orgserver.Config{RateLimitPerMinute: o.rate}})
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
	fmt.Printf("local org: %s latency per API request, %d requests per token per fixed minute\n", latency, o.rate)
	peak := watchMemory()
	before, err := orgmetrics.Read(ctx, org.URL)
	if err != nil {
		return err
	}
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	// The machine's speed drifts by a third within minutes (the same parallel plan has taken
	// 19.8 to 26.7 CPU-seconds in one run of this benchmark), so one sequential plan against
	// one parallel plan measures the drift as much as the runner. Each round plans both back
	// to back, the order alternating from round to round, and the goal is the median round.
	type round struct {
		seq, par       time.Duration
		seqCPU, parCPU string
		speedup        float64
	}
	var rounds []round
	for i := range o.rounds {
		var r round
		planSeq := func() error {
			c := cpuNow()
			d, err := timed(runner.ActionPlan, 1)
			r.seq, r.seqCPU = d, cpuNow().sub(c)
			return err
		}
		planPar := func() error {
			c := cpuNow()
			d, err := timed(runner.ActionPlan, parallel)
			r.par, r.parCPU = d, cpuNow().sub(c)
			return err
		}
		first, second := planSeq, planPar
		if i%2 == 1 {
			first, second = planPar, planSeq
		}
		if err := first(); err != nil {
			return err
		}
		if err := second(); err != nil {
			return err
		}
		r.speedup = r.seq.Seconds() / r.par.Seconds()
		rounds = append(rounds, r)
	}
	if o.cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	after, err := orgmetrics.Read(ctx, org.URL)
	if err != nil {
		return err
	}
	peakBytes := peak()
	plans := 2 * len(rounds)
	tooMany, tokens := after.TooMany-before.TooMany, after.Tokens-before.Tokens
	for i, r := range rounds {
		order := "sequential first"
		if i%2 == 1 {
			order = "parallel first"
		}
		fmt.Printf("round %d (%s):\n", i+1, order)
		fmt.Printf("  cx plan --parallel 1: %6.2fs  CPU %s\n", r.seq.Seconds(), r.seqCPU)
		fmt.Printf("  cx plan --parallel %d: %6.2fs  CPU %s\n", parallel, r.par.Seconds(), r.parCPU)
		fmt.Printf("  speedup:              %.2fx\n", r.speedup)
	}
	speedups := make([]float64, len(rounds))
	for i, r := range rounds {
		speedups[i] = r.speedup
	}
	slices.Sort(speedups)
	speedup := report.Median(speedups)
	fmt.Printf("median speedup:         %.2fx (of %d rounds: %s)\n", speedup, len(rounds), report.Figures(speedups, "x"))
	fmt.Printf("429 answers:            %d (%d plans)\n", tooMany, plans)
	fmt.Printf("failed answers:         %d (%d plans, 429s included)\n", after.Failed-before.Failed, plans)
	fmt.Printf("token requests:         %d for %d plans of %d projects (each project's provider logs in once: its own token, its own budget)\n", tokens, plans, n)
	fmt.Printf("peak memory:            %.0f MiB (this process + OpenTofu and provider processes, summed)\n", float64(peakBytes)/(1<<20))
	fmt.Printf("\ngoals:\n")
	ok := goal(fmt.Sprintf("--parallel %d >= %.1fx faster (median round)", parallel, o.goal), speedup >= o.goal, fmt.Sprintf("%.2fx", speedup))
	ok = goal("no 429 from the org", tooMany == 0, fmt.Sprint(tooMany)) && ok
	ok = goal("no other failed answer", after.Failed-before.Failed == tooMany, fmt.Sprint(after.Failed-before.Failed-tooMany)) && ok
	ok = goal("token requests <= projects, per plan", tokens <= plans*n, fmt.Sprintf("%d for %d plans of %d projects", tokens, plans, n)) && ok
	if !ok {
		return fmt.Errorf("goals missed")
	}
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
