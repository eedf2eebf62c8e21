package main

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// progressLine is a line the runner prints per project event ("[  1.2s] objects-1  started").
var progressLine = regexp.MustCompile(`^\[\s*[0-9.]+s\] `)

// applyJSON is the part of `cx apply --json` the scenario reads.
type applyJSON struct {
	Projects []struct {
		Project string `json:"project"`
		Status  string `json:"status"`
		Add     int    `json:"add"`
	} `json:"projects"`
}

func (a applyJSON) added() int {
	n := 0
	for _, p := range a.Projects {
		n += p.Add
	}
	return n
}

// concurrentApplies starts two `cx apply --env test` at the same moment and checks that they
// did not interleave: one waited for (or failed on) the other's lock and named it, its
// projects started only after the other's had ended, it found nothing left to create, and
// the org holds each declared object once.
func (w *applyWorkspace) concurrentApplies(ctx context.Context, g *goals) error {
	if w.declared == nil {
		if err := w.generate(); err != nil {
			return err
		}
	}
	// Starts the local org if the previous scenario did not get that far.
	c, code, err := w.run(ctx, "plan", "--env", "test")
	if err != nil {
		return err
	}
	if code != 2 {
		return fmt.Errorf("cx plan --env test: exit %d, want 2 (changes):\n%s", code, tailLines(c.output(), 20))
	}
	org, err := w.org(ctx)
	if err != nil {
		return err
	}
	if err := org.setLatency(ctx, w.s.latency); err != nil {
		return err
	}
	a, err := w.start("apply", "--env", "test", "--json")
	if err != nil {
		return err
	}
	b, err := w.start("apply", "--env", "test", "--json")
	if err != nil {
		a.killGroup() //nolint:errcheck // the scenario cannot run
		return err
	}
	codeA, errA := a.wait(ctx)
	codeB, errB := b.wait(ctx)
	if err := org.setLatency(ctx, 0); err != nil {
		return err
	}
	if errA != nil || errB != nil {
		return fmt.Errorf("the applies did not end: %v %v", errA, errB)
	}

	// The second is whichever waited for the lock or gave up on it.
	waitedOn := func(c *child) []timedLine {
		return append(c.linesContaining("waiting for the lock held by"), c.linesContaining("is held by")...)
	}
	first, second, firstCode, secondCode := a, b, codeA, codeB
	if len(waitedOn(a)) > 0 {
		first, second, firstCode, secondCode = b, a, codeB, codeA
	}
	oneWaited := len(waitedOn(first)) == 0 && len(waitedOn(second)) > 0
	namedHolder := false
	if w := waitedOn(second); len(w) > 0 {
		namedHolder = strings.Contains(w[0].text, fmt.Sprintf("pid %d (cx apply --env test", first.pid()))
		fmt.Printf("  the second (pid %d) said: %s\n", second.pid(), strings.TrimSpace(w[0].text))
	}
	firstEvents, secondEvents := progressEvents(first), progressEvents(second)
	interleaved := len(firstEvents) == 0
	if len(firstEvents) > 0 && len(secondEvents) > 0 {
		gap := secondEvents[0].at.Sub(firstEvents[len(firstEvents)-1].at)
		interleaved = gap < 0
		fmt.Printf("  the second's first project started %s after the first's last project ended\n", gap.Round(1e6))
	}
	var firstRes, secondRes applyJSON
	firstParsed := json.Unmarshal([]byte(first.stdout()), &firstRes) == nil
	secondAdded := 0
	if secondCode == 0 {
		if json.Unmarshal([]byte(second.stdout()), &secondRes) != nil {
			return fmt.Errorf("the second apply's --json does not parse:\n%s", tailLines(second.output(), 20))
		}
		secondAdded = secondRes.added()
	}
	fmt.Printf("  first (pid %d): exit %d, created %d; second (pid %d): exit %d, created %d\n",
		first.pid(), firstCode, firstRes.added(), second.pid(), secondCode, secondAdded)
	if firstCode != 0 || !firstParsed {
		fmt.Printf("%s\n", indent(tailLines(first.output(), 20)))
	}
	probe, err := org.client(ctx, "test")
	if err != nil {
		return err
	}
	content, err := w.checkContent(ctx, probe)
	if err != nil {
		return err
	}
	fmt.Printf("  the test org holds %d of %d declared objects, %d names twice or more, %d missing\n",
		content.held, w.s.objects, content.duplicates, content.missing)

	g.check("two applies: exactly one waited for or failed on the other's lock", oneWaited, fmt.Sprint(oneWaited))
	g.check("two applies: the waiting one named the holder (pid, command)", namedHolder, fmt.Sprint(namedHolder))
	g.check("two applies: the first succeeded (exit 0)", firstCode == 0, fmt.Sprintf("exit %d", firstCode))
	g.check("two applies: the second's projects began after the first's ended", !interleaved, fmt.Sprint(!interleaved))
	g.check("two applies: the second found nothing left to create", secondAdded == 0, fmt.Sprint(secondAdded))
	g.check("two applies: declared objects held twice = 0, missing = 0", content.duplicates == 0 && content.missing == 0,
		fmt.Sprintf("%d twice, %d missing", content.duplicates, content.missing))
	return nil
}

// progressEvents returns the runner's per-project event lines of a cx run, in order.
func progressEvents(c *child) []timedLine {
	var out []timedLine
	for _, l := range c.linesContaining("s] ") {
		if l.stderr && progressLine.MatchString(l.text) {
			out = append(out, l)
		}
	}
	return out
}
