package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// probeEvery is how often the org is asked how far an apply got: one cheap request per
// probe, within a read-only client's budget even with latency injected.
const probeEvery = 100 * time.Millisecond

// killedApply applies the workspace to dev, kill -9s the apply's process group once the org
// holds some but not all of the declared skills, applies again and checks that the org holds
// each declared object exactly once and that a plan is then clean.
func (w *applyWorkspace) killedApply(ctx context.Context, g *goals) error {
	if err := w.generate(); err != nil {
		return err
	}
	// The first plan starts the background local org (and shows the work to do).
	c, code, err := w.run(ctx, "plan", "--env", "dev")
	if err != nil {
		return err
	}
	if code != 2 {
		return fmt.Errorf("first cx plan --env dev: exit %d, want 2 (changes):\n%s", code, tailLines(c.output(), 20))
	}
	org, err := w.org(ctx)
	if err != nil {
		return err
	}
	probe, err := org.client(ctx, "dev")
	if err != nil {
		return err
	}
	// At a real org's latency an apply of a few hundred objects takes long enough to be
	// interrupted part-way; without it the local org finishes before the probe sees it start.
	if err := org.setLatency(ctx, w.s.latency); err != nil {
		return err
	}
	skills := len(w.declared[skillsPath])
	killAt := max(1, skills/4)
	apply, err := w.start("apply", "--env", "dev")
	if err != nil {
		return err
	}
	started := time.Now()
	held := 0
	for held < killAt {
		select {
		case <-apply.exited:
			code, _ := apply.wait(ctx)
			return fmt.Errorf("cx apply ended (exit %d) before the org held %d skills (it held %d): nothing to interrupt:\n%s",
				code, killAt, held, tailLines(apply.output(), 20))
		case <-ctx.Done():
			apply.killGroup() //nolint:errcheck // bounding the scenario
			return ctx.Err()
		case <-time.After(probeEvery):
		}
		if n, err := probe.total(ctx, skillsPath); err == nil {
			held = n
		} else if !isStatus(err, 429) {
			return fmt.Errorf("probe the org: %w", err)
		}
	}
	killed, err := apply.killTree()
	if err != nil {
		return fmt.Errorf("kill -9 cx apply and its processes: %w", err)
	}
	apply.wait(ctx) //nolint:errcheck // killed: its exit code says so
	treeGone := waitGone(ctx, killed, 10*time.Second)
	fmt.Printf("  %d objects in %d projects; kill -9 of cx apply and its %d processes (OpenTofu, providers) %.1fs in, when the org held %d of %d skills; all gone: %v\n",
		w.s.objects, w.s.projects, len(killed)-1, time.Since(started).Seconds(), held, skills, treeGone)
	if err := org.setLatency(ctx, 0); err != nil {
		return err
	}
	before, err := w.checkContent(ctx, probe)
	if err != nil {
		return err
	}
	inState, err := w.stateCounts("dev")
	if err != nil {
		return err
	}
	fmt.Printf("  after the kill: the org holds %d of %d declared objects, the state files %d (created but not in state: %d)\n",
		before.held, w.s.objects, inState, before.held-inState)
	if before.held >= w.s.objects {
		return errors.New("the org held every object by the time the apply died: the kill came too late to measure a re-run")
	}

	rerun, code, err := w.run(ctx, "apply", "--env", "dev")
	if err != nil {
		return err
	}
	lockFree := len(rerun.linesContaining("held by")) == 0
	fmt.Printf("  re-run of cx apply --env dev: exit %d\n", code)
	if code != 0 {
		fmt.Printf("%s\n", indent(tailLines(rerun.output(), 25)))
	}
	after, err := w.checkContent(ctx, probe)
	if err != nil {
		return err
	}
	plan, planCode, err := w.run(ctx, "plan", "--env", "dev")
	if err != nil {
		return err
	}
	fmt.Printf("  after the re-run: %d of %d declared objects held, %d names twice or more, %d missing, %d undeclared; cx plan exit %d\n",
		after.held, w.s.objects, after.duplicates, after.missing, after.undeclared, planCode)
	if planCode != 0 && code == 0 {
		fmt.Printf("%s\n", indent(tailLines(plan.output(), 15)))
	}
	g.check("apply kill: cx apply, OpenTofu and the providers are gone", treeGone && len(killed) > 1, fmt.Sprintf("%v (%d processes)", treeGone, len(killed)))
	g.check("apply kill: the re-run is not blocked by the killed run's lock", lockFree, fmt.Sprint(lockFree))
	g.check("apply kill: the re-run succeeds (exit 0)", code == 0, fmt.Sprintf("exit %d", code))
	g.check("apply kill: declared objects held twice = 0", after.duplicates == 0, fmt.Sprint(after.duplicates))
	g.check("apply kill: declared objects missing = 0", after.missing == 0, fmt.Sprintf("%d of %d", after.missing, w.s.objects))
	g.check("apply kill: undeclared objects left behind = 0", after.undeclared == 0, fmt.Sprint(after.undeclared))
	g.check("apply kill: cx plan after the re-run has no changes (exit 0)", planCode == 0, fmt.Sprintf("exit %d", planCode))
	return nil
}

// waitGone polls until none of pids runs, up to limit.
func waitGone(ctx context.Context, pids []int, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for _, pid := range pids {
		for running(pid) {
			if time.Now().After(deadline) || ctx.Err() != nil {
				return false
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	return true
}

// indent indents every line of s, to set a child's output apart from the suite's.
func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
