package test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// Object checks that read more than the object: a schedule group's state at a time (its
// schedules read through the API, evaluated as the simulator evaluates them), and a flow's
// published version compared with the workspace's file.

// checkStates evaluates the schedule group obj at each time the checks name.
func checkStates(ctx context.Context, c *platform.Client, obj map[string]any, checks []StateCheck, r *Result) {
	group, _ := scheduleGroupOf(obj)
	k := kinds.Genesys().Named(kinds.Schedule)
	var readErr error
	lookup := func(id string) (archy.Schedule, bool) {
		var sc map[string]any
		err := c.Do(ctx, http.MethodGet, k.API.Item(id), nil, nil, &sc)
		if err != nil && !platform.IsNotFound(err) && readErr == nil {
			readErr = fmt.Errorf("read schedule %s of schedule group %q: %w", id, group.Name, err)
		}
		if err != nil {
			return archy.Schedule{}, false
		}
		return scheduleOf(sc)
	}
	for _, sc := range checks {
		ev, err := archy.EvaluateScheduleGroup(group, sc.At, lookup)
		if readErr != nil {
			r.Err = readErr.Error()
			return
		}
		if err != nil {
			r.Failures = append(r.Failures, fmt.Sprintf("state at %s: %s (%s)", sc.At.Format("2006-01-02T15:04:05 MST"), err, sc.Pos))
			continue
		}
		if string(ev.State) != sc.State {
			why := "no schedule covers it"
			if ev.Schedule != "" {
				why = fmt.Sprintf("schedule %q", ev.Schedule)
			}
			r.Failures = append(r.Failures, fmt.Sprintf("state at %s: expected %s, got %s (%s) (%s)", ev.Local, sc.State, ev.State, why, sc.Pos))
		}
	}
}

// checkMatchesWorkspace compares the flow's published version, exported from the org, with
// the workspace's file of that flow, both in canonical form: what is live is what was deployed.
func checkMatchesWorkspace(ctx context.Context, c *platform.Client, suite *Suite, obj map[string]any, at Pos, r *Result) {
	name := str(obj, "name")
	file, src := suite.FlowFiles[name], suite.FlowSources[name]
	if src == nil {
		r.Failures = append(r.Failures, fmt.Sprintf("flow %q: no flow file of the workspace declares it (%s)", name, at))
		return
	}
	if bytes.Contains(src, []byte("{{")) {
		if _, unresolved := archy.Substitute(src, nil); len(unresolved) > 0 {
			r.Err = fmt.Sprintf("flow %q: %s uses substitutions ({{%s}}), which only the deploy fills in; cx test cannot render it", name, file, unresolved[0].Key)
			return
		}
	}
	published := str(obj, "publishedVersion.id")
	if published == "" {
		r.Failures = append(r.Failures, fmt.Sprintf("flow %q has no published version; the workspace holds %s (%s)", name, file, at))
		return
	}
	live, err := backport.ExportFlow(ctx, c, nil, str(obj, "id"))
	if err != nil {
		r.Err = fmt.Sprintf("export flow %q: %s", name, err)
		return
	}
	want, err := canonicalFlow(file, src)
	if err != nil {
		r.Err = err.Error()
		return
	}
	got, err := canonicalFlow(name+ExportedSuffix, live)
	if err != nil {
		r.Err = err.Error()
		return
	}
	if line, w, g, differ := firstDifference(want, got); differ {
		r.Failures = append(r.Failures, fmt.Sprintf("flow %q: published version %s is not %s: first difference at line %d of the canonical form: expected %q, got %q (%s)",
			name, published, file, line, w, g, at))
	}
}

func canonicalFlow(file string, src []byte) ([]byte, error) {
	f, err := archy.Parse(file, src)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	c, err := archy.Canonical(f)
	if err != nil {
		return nil, fmt.Errorf("canonical form of %s: %w", file, err)
	}
	return c, nil
}

// firstDifference finds the first line where two texts differ (1-based; "" past the end).
func firstDifference(a, b []byte) (line int, la, lb string, differ bool) {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		x, y := lineAt(al, i), lineAt(bl, i)
		if x != y {
			return i + 1, strings.TrimSpace(x), strings.TrimSpace(y), true
		}
	}
	return 0, "", "", false
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}
