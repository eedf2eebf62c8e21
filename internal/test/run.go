package test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/orgadmin"
	"github.com/cxascode/cxascode/internal/platform"
)

// Statuses of a test result.
const (
	StatusPass = "pass"
	// StatusFail: the org answered and the expectation does not hold.
	StatusFail = "fail"
	// StatusError: the test could not be run (no simulator, an API error): it does not pass.
	StatusError = "error"
)

// Simulator places a simulated call in an org.
type Simulator interface {
	Simulate(ctx context.Context, call *Call) (*archy.Result, error)
}

// LocalSimulator is the local org's simulator: its admin endpoint routes the call through the
// org's deployed IVRs, schedule groups and published flows.
type LocalSimulator struct {
	// URL is the local org's base URL, AdminKey its admin key, Org the org's name ("dev").
	URL, AdminKey, Org string
	// HTTP sends the requests (nil: a client with a 30 s timeout).
	HTTP *http.Client
}

// Simulate posts the call to POST /admin/orgs/{org}/simulate.
func (l *LocalSimulator) Simulate(ctx context.Context, c *Call) (*archy.Result, error) {
	body := map[string]any{"dnis": c.DNIS, "ani": c.ANI, "time": c.Time.Format(time.RFC3339),
		"dtmf": c.DTMF, "decisions": c.Decisions}
	path := "/admin/orgs/" + url.PathEscape(l.Org) + "/simulate"
	var res archy.Result
	err := orgadmin.Client{URL: l.URL, Key: l.AdminKey, HTTP: l.HTTP}.Do(ctx, http.MethodPost, path, body, &res)
	var answered *orgadmin.Error
	switch {
	case errors.As(err, &answered):
		return nil, fmt.Errorf("the local org's simulator answered %d: %s", answered.Status, cmpOr(answered.Message, string(answered.Body)))
	case err != nil:
		return nil, fmt.Errorf("simulate a call in the local org %s: %w", l.Org, err)
	}
	return &res, nil
}

// ErrNoSimulator is why call tests cannot run when Options has no Simulator.
var ErrNoSimulator = errors.New("no call simulator: call tests need the local org's (LocalSimulator) " +
	"or the org's exported flows (ExportedSimulator)")

// Options configure Run.
type Options struct {
	Suite *Suite
	// Env names the environment in reports.
	Env string
	// Client reaches the org's Platform API (object tests).
	Client *platform.Client
	// Simulator places calls (nil: call tests end in ErrNoSimulator, never pass).
	Simulator Simulator
	// Kind keeps only tests of that kind ("": all).
	Kind string
	// Parallel bounds the tests run at once (0: 4).
	Parallel int
}

// Run runs the suite level by level in the graph's order, tests of one level in parallel
// (bounded by Options.Parallel), and reports every result in that order. A test never stops
// the run: each result says whether it passed.
func Run(ctx context.Context, o Options) *Report {
	start := time.Now()
	rep := &Report{Env: o.Env}
	par := o.Parallel
	if par <= 0 {
		par = 4
	}
	for _, level := range o.Suite.Levels {
		var tests []*Test
		for _, p := range level {
			for _, t := range o.Suite.Tests[p] {
				if o.Kind == "" || o.Kind == t.Kind {
					tests = append(tests, t)
				}
			}
		}
		results := make([]Result, len(tests))
		sem := make(chan struct{}, par)
		var wg sync.WaitGroup
		for i, t := range tests {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				results[i] = runOne(ctx, o, t)
			}()
		}
		wg.Wait()
		rep.Results = append(rep.Results, results...)
	}
	rep.Duration = time.Since(start)
	return rep
}

func runOne(ctx context.Context, o Options, t *Test) Result {
	start := time.Now()
	r := Result{Test: t}
	switch t.Kind {
	case KindCall:
		checkCall(ctx, o, t, &r)
	case KindObject:
		checkObject(ctx, o.Client, o.Suite, t, &r)
	case KindDataAction:
		checkDataAction(ctx, o.Client, t, &r)
	}
	r.Status = StatusPass
	switch {
	case r.Err != "":
		r.Status = StatusError
	case len(r.Failures) > 0:
		r.Status = StatusFail
	}
	r.Duration = time.Since(start)
	return r
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
