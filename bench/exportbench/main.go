// Command exportbench measures cx export on a seeded local org, in one run: the org on
// loopback answering with an injected latency (150 ms: what real orgs answer in from a
// customer's network), seeded with about -objects objects (orgseed, no latency), then
//
//   - cx export (export.Run; the provider in process generating the configuration, or OpenTofu
//     with -generate tofu): its requests against the fewest the API allows (bound.go: every
//     kind's list pages at the largest page size, the listings the API has only per object,
//     the flows' export jobs, one token) — goal ≤ 1.1× — and its wall time;
//   - a one-GET-per-object export of the same org (list ids, GET every object by id, ten at a
//     time, one export job per flow): its wall time — goal: cx export ≥ 5× faster.
//
// It fails loudly when either run was answered with errors or 429s (it would measure those,
// not the export).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/bench/orgmetrics"
	"github.com/cxascode/cxascode/bench/report"
	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/export"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
)

type options struct {
	objects  int
	latency  time.Duration
	tofu     string
	generate string
	parallel int
	timeout  time.Duration
	progress bool
}

// stampedWriter writes each line with the time since start: which step of an export takes
// the time.
type stampedWriter struct {
	out   io.Writer
	start time.Time
}

func (w *stampedWriter) Write(p []byte) (int, error) {
	for _, line := range strings.SplitAfter(string(p), "\n") {
		if line != "" {
			fmt.Fprintf(w.out, "%7.2fs %s", time.Since(w.start).Seconds(), line)
		}
	}
	return len(p), nil
}

func main() {
	var o options
	flag.IntVar(&o.objects, "objects", 5000, "about how many objects the seeded org holds")
	flag.DurationVar(&o.latency, "latency", 150*time.Millisecond, "latency the org adds to every request during the measured runs")
	flag.StringVar(&o.tofu, "tofu", "bin/tofu", "OpenTofu binary")
	flag.StringVar(&o.generate, "generate", export.GenerateInProcess, "how cx export generates the configuration: provider (in process) or tofu")
	flag.IntVar(&o.parallel, "baseline-parallel", 10, "GETs at once in the one-GET-per-object export (OpenTofu's default parallelism)")
	flag.BoolVar(&o.progress, "progress", false, "print cx export's progress, with the time since it started, on stderr")
	flag.DurationVar(&o.timeout, "timeout", 30*time.Minute, "give up after this long")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "exportbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	tofu, err := filepath.Abs(o.tofu)
	if err != nil {
		return err
	}
	if _, err := os.Stat(tofu); err != nil {
		return fmt.Errorf("OpenTofu not found at %s (build it with tools/tofu, or pass -tofu): %w", o.tofu, err)
	}
	tmp, err := os.MkdirTemp("", "exportbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	providerDir := filepath.Join(tmp, "plugins")
	if err := target.BuildProvider(ctx, ".", providerDir); err != nil {
		return err
	}
	// No rate limit: the run measures requests and latency, not a budget's waits.
	st, err := orgserver.Serve(ctx, orgserver.ServeOptions{Addr: "127.0.0.1:0", Config: orgserver.Config{RateLimitPerMinute: -1}})
	if err != nil {
		return err
	}
	defer st.Shutdown(context.Background())
	cred, ok := st.Credential("dev", "deploy")
	if !ok {
		return errors.New("the local org has no dev/deploy client")
	}
	newClient := func() (*platform.Client, error) {
		return platform.New(platform.Config{BaseURL: st.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1, UserAgent: "exportbench"})
	}
	setup, err := newClient()
	if err != nil {
		return err
	}
	t0 := time.Now()
	mix, err := orgseed.Seed(ctx, setup, orgseed.Options{Objects: o.objects})
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	seeded := time.Since(t0)
	listed, errs := drift.Inventory(ctx, drift.InventoryOptions{Client: setup, Every: true})
	if len(errs) > 0 {
		return fmt.Errorf("list the seeded org: %v", errs)
	}
	fewest := lowerBound(listed)

	st.SetFaults(orgserver.Faults{LatencyMs: int(o.latency / time.Millisecond)})
	defer st.SetFaults(orgserver.Faults{})
	orgEnv, err := target.OrgEnv(st.URL, cred.ClientID, cred.ClientSecret)
	if err != nil {
		return err
	}

	c, err := newClient()
	if err != nil {
		return err
	}
	before, err := orgmetrics.Read(ctx, st.URL)
	if err != nil {
		return err
	}
	start := time.Now()
	var progress io.Writer = io.Discard
	if o.progress {
		progress = &stampedWriter{out: os.Stderr, start: start}
	}
	res, err := export.Run(ctx, export.Options{Client: c, Env: workspace.Environment{Name: "dev", Org: "local:dev"}, Progress: progress,
		Into: filepath.Join(tmp, "exported"), Tofu: export.Tofu{Binary: tofu, ProviderDir: providerDir, OrgEnv: orgEnv}, Generate: o.generate})
	if err != nil {
		return fmt.Errorf("cx export: %w", err)
	}
	exportWall := time.Since(start)
	mid, err := orgmetrics.Read(ctx, st.URL)
	if err != nil {
		return err
	}
	ours := mid.Sub(before)

	b, err := newClient()
	if err != nil {
		return err
	}
	start = time.Now()
	gets, err := perObjectExport(ctx, b, listed, o.parallel)
	if err != nil {
		return fmt.Errorf("one-GET-per-object export: %w", err)
	}
	baseWall := time.Since(start)
	after, err := orgmetrics.Read(ctx, st.URL)
	if err != nil {
		return err
	}
	base := after.Sub(mid)

	fmt.Printf("export benchmark: seeded org of %d objects (%d lines of business: %d flows, %d queues, %d users), org latency %s, loopback\n",
		mix.Total(), mix.Lines, fewest.flows, mix.Queues, mix.Users, o.latency)
	fmt.Printf("set-up: seeded through the API in %s (no latency)\n\n", seeded.Round(time.Millisecond))
	fmt.Printf("%-34s %10s %10s %8s %8s\n", "", "wall", "requests", "429s", "errors")
	fmt.Printf("%-34s %10s %10d %8d %8d\n", "cx export (generated by "+o.generate+")", exportWall.Round(10*time.Millisecond), ours.Requests, ours.TooMany, ours.Failed)
	fmt.Printf("%-34s %10s %10d %8d %8d\n", "one GET per object", baseWall.Round(10*time.Millisecond), base.Requests, base.TooMany, base.Failed)
	fmt.Printf("\ncx export's requests by route:\n")
	printRoutes(ours.ByRoute)
	fmt.Printf("\ncx export wrote %d objects into %d projects (%d notes)\n", res.Objects, len(res.Projects), len(res.Notes))
	fmt.Printf("fewest requests the API allows: %d = %s; the baseline made %d GETs by id\n\n", fewest.total(), fewest, gets)
	okReq := goal("requests ≤ 1.1× the fewest", float64(ours.Requests) <= 1.1*float64(fewest.total()),
		fmt.Sprintf("%.2f× (%d / %d)", float64(ours.Requests)/float64(fewest.total()), ours.Requests, fewest.total()))
	okSpeed := goal("≥ 5× faster than one GET per object", baseWall >= 5*exportWall,
		fmt.Sprintf("%.2f× (%s / %s)", baseWall.Seconds()/exportWall.Seconds(), baseWall.Round(10*time.Millisecond), exportWall.Round(10*time.Millisecond)))
	if ours.Failed > 0 || base.Failed > 0 {
		return fmt.Errorf("the runs were answered with errors (%d and %d, 429s %d and %d): they measured failures, not the export", ours.Failed, base.Failed, ours.TooMany, base.TooMany)
	}
	if res.Objects < mix.Total()*9/10 {
		return fmt.Errorf("cx export wrote %d objects of the %d seeded: it measured a partial export", res.Objects, mix.Total())
	}
	if !okReq || !okSpeed {
		fmt.Println("\nnot every goal is met (figures above)")
	}
	return nil
}

func goal(what string, met bool, got string) bool { return report.Goal(40, what, met, got) }

// printRoutes prints requests per route, most first: where an export's requests went.
func printRoutes(byRoute map[string]int) {
	routes := slices.Collect(maps.Keys(byRoute))
	sort.Slice(routes, func(i, j int) bool {
		if byRoute[routes[i]] != byRoute[routes[j]] {
			return byRoute[routes[i]] > byRoute[routes[j]]
		}
		return routes[i] < routes[j]
	})
	for _, r := range routes {
		fmt.Printf("  %6d  %s\n", byRoute[r], r)
	}
}

// perObjectExport reads the org the way an exporter without bulk reads does: every object
// GET by id (the ids from the listing), parallel at once, and each flow in an export job of
// its own. It returns the GETs made.
func perObjectExport(ctx context.Context, c *platform.Client, listed []drift.Listed, parallel int) (int, error) {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		gets  int
		slots = make(chan struct{}, parallel)
	)
	for _, l := range listed {
		k := kinds.Genesys().ByResource(l.Type)
		if k == nil || l.ID == "" {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			var err error
			if l.Type == "genesyscloud_flow" {
				_, err = backport.ExportFlow(ctx, c, nil, l.ID)
			} else {
				var obj map[string]any
				err = c.Do(ctx, http.MethodGet, k.API.Item(l.ID), nil, nil, &obj)
			}
			mu.Lock()
			defer mu.Unlock()
			gets++
			if err != nil && first == nil {
				first = fmt.Errorf("%s %q: %w", l.Type, l.Name, err)
			}
		}()
	}
	wg.Wait()
	return gets, first
}
