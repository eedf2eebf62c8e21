package main

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// rateLimit measures one apply that replaces o.replace skills (each a DELETE, the GET that
// confirms it, and a POST: about 3 × 200 = 600 requests) with the org limited to o.rate
// requests per minute per token and the provider told the same. The org's budget is per
// token and every tofu run logs in afresh, so the measured run must itself exceed the
// 300-request burst for the limit to cost anything: an apply creating 200 skills (200
// requests) would fit in the burst and measure nothing. Replacing them does not.
func rateLimit(ctx context.Context, o options) error {
	b, stop, err := setup(ctx, o, orgserver.Config{RateLimitPerMinute: o.rate})
	if err != nil {
		return err
	}
	defer stop()
	b.env = append(b.env, "GENESYSCLOUD_RATE_LIMIT="+strconv.Itoa(o.rate))

	// Set-up, not measured: the skills exist and are in state under their old names.
	ids := make([]string, o.replace)
	if err := parallel(ctx, o.replace, 8, func(ctx context.Context, i int) error {
		var s platform.RoutingSkill
		err := b.api.Do(ctx, http.MethodPost, "/api/v2/routing/skills", nil, map[string]any{"name": fmt.Sprintf("Old skill %04d", i)}, &s)
		ids[i] = deref(s.ID)
		return err
	}); err != nil {
		return fmt.Errorf("create skills: %w", err)
	}
	var cfg strings.Builder
	for i, id := range ids {
		fmt.Fprintf(&cfg, "import {\n  to = genesyscloud_routing_skill.s%d\n  id = %q\n}\nresource \"genesyscloud_routing_skill\" \"s%d\" {\n  name = \"Old skill %04d\"\n}\n", i, id, i, i)
	}
	if err := b.writeConfig(cfg.String()); err != nil {
		return err
	}
	if _, _, err := b.run(ctx, nil, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		return fmt.Errorf("import: %w", err)
	}

	// Measured: a new name replaces every skill.
	cfg.Reset()
	for i := range ids {
		fmt.Fprintf(&cfg, "resource \"genesyscloud_routing_skill\" \"s%d\" {\n  name = \"New skill %04d\"\n}\n", i, i)
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
	requests := after.requests - before.requests
	tooMany := after.tooMany - before.tooMany
	// The token call is not rate limited; everything else spends the run's one token.
	limited := requests - 1
	perSec := float64(o.rate) / 60
	imposed := time.Duration(max(0, float64(limited-o.rate)) / perSec * float64(time.Second))

	fmt.Printf("provider rate-limit benchmark: apply replacing %d skills, org limit %d/min per token (burst %d, then %.0f/s), GENESYSCLOUD_RATE_LIMIT=%d, loopback\n\n",
		o.replace, o.rate, o.rate, perSec, o.rate)
	fmt.Printf("requests at the org     %d (%d rate-limited API calls + 1 token)\n", requests, limited)
	fmt.Printf("429 answers             %d\n", tooMany)
	fmt.Printf("wall time               %s\n", wall.Round(time.Millisecond))
	fmt.Printf("time the limit imposes  %s = max(0, %d - %d) / %.0f per s\n", imposed.Round(time.Millisecond), limited, o.rate, perSec)
	ratio := wall.Seconds() / imposed.Seconds()
	fmt.Printf("ratio wall / imposed    %.3f\n", ratio)
	fmt.Printf("\ngoals:\n")
	ok := goal("no 429 at the org", tooMany == 0, strconv.Itoa(tooMany))
	ok = goal("the run exceeds the burst (else it measures nothing)", limited > o.rate, strconv.Itoa(limited)) && ok
	ok = goal(fmt.Sprintf("wall / imposed <= %.1f", goalRateRatio), imposed > 0 && ratio <= goalRateRatio, fmt.Sprintf("%.3f", ratio)) && ok
	if !ok {
		return fmt.Errorf("goals missed")
	}
	return nil
}
