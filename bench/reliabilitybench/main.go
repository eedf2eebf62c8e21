// Command reliabilitybench checks the reliability promises of DESIGN.md with real processes
// (a built cx, the real OpenTofu and provider, the local org as a child process, loopback
// only), in one run:
//
//  1. kill -9 of `cx org serve` during 500 creates loses no acknowledged write and, with
//     lost creates found by name before a retry, leaves no name twice;
//  2. kill -9 of `cx apply` (its whole process group, OpenTofu and provider included) part-way,
//     then a second `cx apply`, converges: each declared object exactly once, then a clean plan;
//  3. two `cx apply` started at once on one environment never interleave: the second waits
//     for the first's lock (naming it) or fails naming it.
//
// It prints what it measured and one MET/MISSED line per goal, and exits non-zero when a goal
// is missed or a scenario did not measure what it is for (e.g. the kill came too late).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cxascode/cxascode/internal/target"
)

// settings are the suite's knobs (flags).
type settings struct {
	writes      int           // creates in the org-kill scenario
	writers     int           // goroutines sending them
	killAt      float64       // fraction of writes acknowledged before the kill
	objects     int           // objects declared in the apply scenarios' workspace
	projects    int           // projects holding them
	latency     time.Duration // injected into the org while an apply is to be interrupted
	scenarioMax time.Duration // bound on each scenario
}

func main() {
	var s settings
	flag.IntVar(&s.writes, "writes", 500, "skill creates in the org-kill scenario")
	flag.IntVar(&s.writers, "writers", 8, "goroutines sending the creates")
	flag.Float64Var(&s.killAt, "kill-at", 0.4, "fraction of creates acknowledged when the org is killed")
	flag.IntVar(&s.objects, "objects", 300, "skills and wrap-up codes declared in the apply scenarios")
	flag.IntVar(&s.projects, "projects", 3, "projects holding them")
	flag.DurationVar(&s.latency, "latency", 100*time.Millisecond, "latency per API request while applies run (a real org answers in 100-200 ms)")
	flag.DurationVar(&s.scenarioMax, "timeout", 8*time.Minute, "bound on each scenario")
	flag.Parse()
	if err := run(s); err != nil {
		fmt.Fprintln(os.Stderr, "reliabilitybench:", err)
		os.Exit(1)
	}
}

func run(s settings) error {
	tofu, err := target.FindTofu(".")
	if err != nil {
		return err
	}
	// cx runs in the generated workspace, so a relative CX_TOFU would not resolve there.
	if tofu, err = filepath.Abs(tofu); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "reliabilitybench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	// The provider beside cx is the one cx runs (target.EnsureProvider), as in a release.
	bin := filepath.Join(tmp, "bin")
	for pkg, name := range map[string]string{
		"github.com/cxascode/cxascode/cmd/cx":                              "cx",
		"github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud": target.ProviderBinary,
	} {
		if err := target.GoBuild(context.Background(), ".", filepath.Join(bin, name), pkg); err != nil {
			return err
		}
	}
	cx := filepath.Join(bin, "cx")
	fmt.Printf("cx and provider built; OpenTofu %s\n", tofu)

	var g goals
	scenarios := []struct {
		name string
		run  func(ctx context.Context, g *goals) error
	}{
		{"1. kill -9 of the org during writes", func(ctx context.Context, g *goals) error {
			return orgKill(ctx, g, cx, filepath.Join(tmp, "org"), s)
		}},
		{"2. kill -9 of cx apply mid-run, then re-run", nil},
		{"3. two cx apply at once on one environment", nil},
	}
	ws := &applyWorkspace{cx: cx, tofu: tofu, root: filepath.Join(tmp, "ws"), s: s}
	scenarios[1].run = ws.killedApply
	scenarios[2].run = ws.concurrentApplies
	defer ws.stopOrg()
	for _, sc := range scenarios {
		fmt.Printf("\n== %s\n", sc.name)
		ctx, cancel := context.WithTimeout(context.Background(), s.scenarioMax)
		err := sc.run(ctx, &g)
		cancel()
		if err != nil {
			g.fail(sc.name, err)
		}
	}
	fmt.Printf("\ngoals:\n")
	g.print()
	if !g.allMet() {
		return errors.New("goals missed or not measured (see above)")
	}
	return nil
}

// goals collects the suite's goals and the scenarios that could not measure theirs.
type goals struct {
	lines  []goalLine
	failed []string
}

type goalLine struct {
	what, got string
	met       bool
}

func (g *goals) check(what string, met bool, got string) {
	g.lines = append(g.lines, goalLine{what: what, got: got, met: met})
}

// fail records a scenario that ended before measuring everything.
func (g *goals) fail(scenario string, err error) {
	fmt.Printf("  NOT MEASURED: %v\n", err)
	g.failed = append(g.failed, fmt.Sprintf("%s: %v", scenario, err))
}

func (g *goals) print() {
	for _, l := range g.lines {
		mark := "MET   "
		if !l.met {
			mark = "MISSED"
		}
		fmt.Printf("  %s %-68s got %s\n", mark, l.what, l.got)
	}
	for _, f := range g.failed {
		fmt.Printf("  NOT MEASURED %s\n", f)
	}
}

func (g *goals) allMet() bool {
	if len(g.failed) > 0 {
		return false
	}
	for _, l := range g.lines {
		if !l.met {
			return false
		}
	}
	return true
}
