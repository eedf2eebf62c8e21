package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
)

// rateLimit measures one apply that creates o.create objects (half skills, half wrap-up
// codes: one POST each) against an org that counts o.rate requests per token per fixed
// one-minute window, as real orgs do. The provider is not told the limit (it talks to the
// org through a gateway, where it used to turn its own budget off): it must pace by the
// org's inin-ratelimit-* answers alone. Goals: no 429 reaches the org's log, and the apply
// takes at most 1.2× the time o.create requests need at o.rate per minute.
func rateLimit(ctx context.Context, o options) error {
	b, stop, err := setup(ctx, o, orgserver.Config{RateLimitPerMinute: o.rate})
	if err != nil {
		return err
	}
	defer stop()

	var cfg strings.Builder
	for i := range o.create {
		if i%2 == 0 {
			fmt.Fprintf(&cfg, "resource \"genesyscloud_routing_skill\" \"s%d\" {\n  name = \"Bench skill %04d\"\n}\n", i, i)
		} else {
			fmt.Fprintf(&cfg, "resource \"genesyscloud_routing_wrapupcode\" \"w%d\" {\n  name = \"Bench code %04d\"\n}\n", i, i)
		}
	}
	if err := b.writeConfig(cfg.String()); err != nil {
		return err
	}
	before, err := b.counts(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	if _, _, err := b.run(ctx, nil, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		return fmt.Errorf("measured apply: %w", err)
	}
	wall := time.Since(start)
	after, err := b.counts(ctx)
	if err != nil {
		return err
	}
	requests := after.Requests - before.Requests
	tooMany := after.TooMany - before.TooMany
	failed := after.Failed - before.Failed
	// The token call is not rate limited; everything else spends the run's one token.
	limited := requests - 1
	need := time.Duration(float64(o.create) / float64(o.rate) * float64(time.Minute))
	// A fixed window lets a whole budget go at once: the floor is the window turns.
	floor := time.Duration((limited-1)/o.rate) * time.Minute

	fmt.Printf("provider rate-limit benchmark: apply creating %d skills and wrap-up codes, org limit %d requests per token per fixed minute, provider not told the limit (gateway), loopback\n\n",
		o.create, o.rate)
	fmt.Printf("requests at the org         %d (%d rate-limited API calls + 1 token)\n", requests, limited)
	fmt.Printf("429 answers                 %d\n", tooMany)
	fmt.Printf("other non-2xx answers       %d\n", failed-tooMany)
	fmt.Printf("wall time                   %s\n", wall.Round(time.Millisecond))
	fmt.Printf("time %4d requests need      %s (at %d per minute)\n", o.create, need.Round(time.Millisecond), o.rate)
	fmt.Printf("fixed-window floor          %s (window turns the requests need)\n", floor)
	ratio := wall.Seconds() / need.Seconds()
	fmt.Printf("ratio wall / need           %.3f\n", ratio)
	fmt.Printf("\ngoals:\n")
	ok := goal("no 429 at the org", tooMany == 0, strconv.Itoa(tooMany))
	ok = goal("no other failed answer (else it measures errors)", failed == tooMany, strconv.Itoa(failed-tooMany)) && ok
	ok = goal("the run exceeds one window's budget", limited > o.rate, strconv.Itoa(limited)) && ok
	ok = goal(fmt.Sprintf("wall / need <= %.1f", goalRateRatio), ratio <= goalRateRatio, fmt.Sprintf("%.3f", ratio)) && ok
	if !ok {
		return fmt.Errorf("goals missed")
	}
	return nil
}
