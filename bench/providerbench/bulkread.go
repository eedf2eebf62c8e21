package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/cxascode/cxascode/bench/report"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// bulkRead creates the objects through the API (fast, parallel, no latency), imports them
// into state once, turns latency on and runs the same no-op plan with bulk reads on and off.
func bulkRead(ctx context.Context, o options) error {
	b, stop, err := setup(ctx, o, orgserver.Config{})
	if err != nil {
		return err
	}
	defer stop()

	t0 := time.Now()
	users := make([]string, o.users)
	if err := parallel(ctx, len(users), 16, func(ctx context.Context, i int) error {
		var u platform.User
		body := map[string]any{"name": userName(i), "email": userEmail(i)}
		err := b.api.Do(ctx, http.MethodPost, "/api/v2/users", nil, body, &u)
		users[i] = deref(u.ID)
		return err
	}); err != nil {
		return fmt.Errorf("create users: %w", err)
	}
	codes := make([]string, o.wrapups)
	if err := parallel(ctx, len(codes), 16, func(ctx context.Context, i int) error {
		var w platform.WrapupCode
		err := b.api.Do(ctx, http.MethodPost, "/api/v2/routing/wrapupcodes", nil, map[string]any{"name": codeName(i)}, &w)
		codes[i] = deref(w.ID)
		return err
	}); err != nil {
		return fmt.Errorf("create wrap-up codes: %w", err)
	}
	skills := make([]string, o.skills)
	if err := parallel(ctx, o.skills, 16, func(ctx context.Context, i int) error {
		var s platform.RoutingSkill
		err := b.api.Do(ctx, http.MethodPost, "/api/v2/routing/skills", nil, map[string]any{"name": skillName(i)}, &s)
		skills[i] = deref(s.ID)
		return err
	}); err != nil {
		return fmt.Errorf("create skills: %w", err)
	}
	type queue struct {
		id             string
		members, codes []string
	}
	queues := make([]queue, o.queues)
	if err := parallel(ctx, o.queues, 16, func(ctx context.Context, i int) error {
		q := queue{}
		for j := range o.members {
			q.members = append(q.members, users[(i+j)%len(users)])
		}
		for j := range o.codes {
			q.codes = append(q.codes, codes[(i+j)%len(codes)])
		}
		body := map[string]any{"name": queueName(i), "skillEvaluationMethod": "ALL", "autoAnswerOnly": true,
			"acwSettings": map[string]any{"wrapupPrompt": "MANDATORY_TIMEOUT"}}
		var out platform.Queue
		if err := b.api.Do(ctx, http.MethodPost, "/api/v2/routing/queues", nil, body, &out); err != nil {
			return err
		}
		q.id = deref(out.ID)
		base := "/api/v2/routing/queues/" + url.PathEscape(q.id)
		if err := b.api.Do(ctx, http.MethodPost, base+"/members", nil, refs(q.members), nil); err != nil {
			return err
		}
		if err := b.api.Do(ctx, http.MethodPost, base+"/wrapupcodes", nil, refs(q.codes), nil); err != nil {
			return err
		}
		queues[i] = q
		return nil
	}); err != nil {
		return fmt.Errorf("create queues: %w", err)
	}
	created := time.Since(t0)

	var cfg strings.Builder
	for i, id := range users {
		fmt.Fprintf(&cfg, "import {\n  to = genesyscloud_user.u%d\n  id = %q\n}\nresource \"genesyscloud_user\" \"u%d\" {\n  name  = %q\n  email = %q\n}\n", i, id, i, userName(i), userEmail(i))
	}
	for i, id := range codes {
		fmt.Fprintf(&cfg, "import {\n  to = genesyscloud_routing_wrapupcode.w%d\n  id = %q\n}\nresource \"genesyscloud_routing_wrapupcode\" \"w%d\" {\n  name = %q\n}\n", i, id, i, codeName(i))
	}
	for i, id := range skills {
		fmt.Fprintf(&cfg, "import {\n  to = genesyscloud_routing_skill.s%d\n  id = %q\n}\nresource \"genesyscloud_routing_skill\" \"s%d\" {\n  name = %q\n}\n", i, id, i, skillName(i))
	}
	for i, q := range queues {
		fmt.Fprintf(&cfg, "import {\n  to = genesyscloud_routing_queue.q%d\n  id = %q\n}\nresource \"genesyscloud_routing_queue\" \"q%d\" {\n  name = %q\n  wrapup_codes = [%s]\n", i, q.id, i, queueName(i), quoted(q.codes))
		for _, m := range q.members {
			fmt.Fprintf(&cfg, "  members {\n    user_id = %q\n  }\n", m)
		}
		cfg.WriteString("}\n")
	}
	if err := b.writeConfig(cfg.String()); err != nil {
		return err
	}
	t1 := time.Now()
	if _, _, err := b.run(ctx, nil, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	imported := time.Since(t1)

	b.st.SetFaults(orgserver.Faults{LatencyMs: int(o.latency / time.Millisecond)})
	defer b.st.SetFaults(orgserver.Faults{})
	type result struct {
		requests, exit           int
		wall, cpu, provider, org time.Duration
		rss                      float64 // the provider's peak resident memory, MiB
	}
	plan := func(key string, extra ...string) (result, error) {
		before, err := b.counts(ctx)
		if err != nil {
			return result{}, err
		}
		rusage := filepath.Join(b.work, "rusage-"+key)
		env := append([]string{"CX_PROVIDER_RUSAGE=" + rusage}, extra...)
		if o.profile != "" {
			env = append(env, "CX_PROVIDER_CPUPROFILE="+filepath.Join(o.profile, "provider-"+key))
		}
		org0 := selfCPU()
		start := time.Now()
		_, exit, cpu, err := b.runCPU(ctx, env, "plan", "-detailed-exitcode", "-input=false", "-no-color", "-lock=false")
		wall, org := time.Since(start), selfCPU()-org0
		if err != nil && exit != 2 {
			return result{}, err
		}
		after, err := b.counts(ctx)
		if err != nil {
			return result{}, err
		}
		provider, rss, err := providerCPU(rusage)
		if err != nil {
			return result{}, err
		}
		return result{requests: after.Requests - before.Requests, exit: exit, wall: wall, cpu: cpu, provider: provider, org: org, rss: rss}, nil
	}
	// The import's apply updated every queue (the configuration leaves out media settings the
	// org holds), and an apply keeps no read memo of what it changed: this plan reads those
	// queues through the framework. Any later apply or refresh keeps the memo of every object.
	first, err := plan("first")
	if err != nil {
		return fmt.Errorf("plan after the import: %w", err)
	}
	b.st.SetFaults(orgserver.Faults{})
	t2 := time.Now()
	if _, _, err := b.run(ctx, nil, "apply", "-refresh-only", "-auto-approve", "-input=false", "-no-color"); err != nil {
		return fmt.Errorf("refresh: %w", err)
	}
	refreshed := time.Since(t2)
	b.st.SetFaults(orgserver.Faults{LatencyMs: int(o.latency / time.Millisecond)})
	// The machine's speed drifts within minutes, and the bulk-read plan is CPU-bound where the
	// other waits on the org: rounds plan both back to back (the order alternating), and the
	// goals are judged on the median round.
	type round struct{ on, off result }
	var rounds []round
	for i := range max(1, o.rounds) {
		var r round
		planOn := func() (err error) {
			r.on, err = plan(fmt.Sprintf("bulk1-%d", i+1), "CX_PROVIDER_BULK_READ=1")
			return err
		}
		planOff := func() (err error) {
			r.off, err = plan(fmt.Sprintf("bulk0-%d", i+1), "CX_PROVIDER_BULK_READ=0")
			return err
		}
		first, second := planOn, planOff
		if i%2 == 1 {
			first, second = planOff, planOn
		}
		if err := first(); err != nil {
			return fmt.Errorf("plan, round %d: %w", i+1, err)
		}
		if err := second(); err != nil {
			return fmt.Errorf("plan, round %d: %w", i+1, err)
		}
		rounds = append(rounds, r)
	}
	cold, err := plan("memo0", "CX_PROVIDER_BULK_READ=1", "CX_PROVIDER_CACHE_DIR=off")
	if err != nil {
		return fmt.Errorf("plan, validation memo off: %w", err)
	}
	plain, err := plan("plain", "CX_PROVIDER_SHORTCUTS=0")
	if err != nil {
		return fmt.Errorf("plan, shortcuts off: %w", err)
	}
	speeds := make([]float64, len(rounds))
	cpuRatios := make([]float64, len(rounds))
	for i, r := range rounds {
		speeds[i] = r.off.wall.Seconds() / r.on.wall.Seconds()
		cpuRatios[i] = r.on.provider.Seconds() / (r.on.cpu - r.on.provider).Seconds()
	}
	on := rounds[0].on

	listPages := ceilDiv(o.skills, listPageSize) + ceilDiv(o.users, listPageSize) + ceilDiv(o.wrapups, listPageSize) + ceilDiv(o.queues, listPageSize)
	fixed := 1 // the token request: Configure makes no other call
	fewest := listPages + 2*o.queues + fixed
	fmt.Printf("provider bulk-read benchmark: %d skills, %d users, %d wrap-up codes, %d queues (%d members, %d wrap-up codes each), org latency %s, loopback\n",
		o.skills, o.users, o.wrapups, o.queues, o.members, o.codes, o.latency)
	fmt.Printf("set-up: objects created through the API in %s, imported into state in %s, state refreshed in %s (no latency)\n\n",
		created.Round(time.Millisecond), imported.Round(time.Millisecond), refreshed.Round(time.Millisecond))
	line := func(name string, r result) {
		fmt.Printf("%-47s %5d requests %8s  exit %d  CPU: OpenTofu %s, provider %s (%.2f), org %s; provider peak %.0f MiB\n", name, r.requests, r.wall.Round(time.Millisecond), r.exit,
			(r.cpu - r.provider).Round(time.Millisecond), r.provider.Round(time.Millisecond), r.provider.Seconds()/(r.cpu-r.provider).Seconds(), r.org.Round(time.Millisecond), r.rss)
	}
	fmt.Println("after the import's apply (queues it updated have no read memo yet):")
	line("bulk reads on", first)
	fmt.Println("after a refresh (as after any apply that leaves the objects unchanged):")
	for i, r := range rounds {
		order := "bulk reads on first"
		if i%2 == 1 {
			order = "bulk reads off first"
		}
		fmt.Printf("round %d (%s):\n", i+1, order)
		line("  bulk reads on  (default)", r.on)
		line("  bulk reads off (CX_PROVIDER_BULK_READ=0)", r.off)
		fmt.Printf("  wall time off / on %.2fx; provider CPU / OpenTofu CPU %.2f\n", speeds[i], cpuRatios[i])
	}
	line("no validation memo (CX_PROVIDER_CACHE_DIR=off)", cold)
	line("shortcuts off  (CX_PROVIDER_SHORTCUTS=0)", plain)
	fmt.Printf("\nfewest requests the API allows: %d = list pages (ceil(n/500) of %d skills, %d users, %d codes, %d queues) + %d members calls + %d wrap-up code calls + %d token\n",
		fewest, o.skills, o.users, o.wrapups, o.queues, o.queues, o.queues, fixed)
	reqRatio := float64(on.requests) / float64(fewest)
	speed, cpuRatio := report.Median(speeds), report.Median(cpuRatios)
	fmt.Printf("ratios:\n  requests on / fewest   %.3f\n  requests off / on      %.2f\n  wall time off / on     %.2f (median of %s)\n",
		reqRatio, float64(rounds[0].off.requests)/float64(on.requests), speed, report.Figures(speeds, "x"))
	fmt.Printf("\ngoals:\n")
	ok := goal(fmt.Sprintf("requests on / fewest <= %.1f", goalRequestRatio), reqRatio <= goalRequestRatio, fmt.Sprintf("%.3f", reqRatio))
	ok = goal(fmt.Sprintf("wall time off / on >= %.0fx (median round)", goalSpeedup), speed >= goalSpeedup, fmt.Sprintf("%.2fx", speed)) && ok
	all := []result{first, cold, plain}
	for _, r := range rounds {
		all = append(all, r.on, r.off)
	}
	exits, empty, sameRequests := "", true, true
	for i, r := range all {
		if i > 0 {
			exits += ", "
		}
		exits += fmt.Sprint(r.exit)
		empty = empty && r.exit == 0
	}
	for _, r := range rounds {
		sameRequests = sameRequests && r.on.requests == on.requests && r.off.requests == rounds[0].off.requests
	}
	sameRequests = sameRequests && first.requests == on.requests && cold.requests == on.requests && plain.requests == on.requests
	ok = goal("every plan empty (exit 0)", empty, exits) && ok
	ok = goal("every plan the same requests", sameRequests,
		fmt.Sprintf("%d bulk reads on (every plan but bulk reads off), %d off", on.requests, rounds[0].off.requests)) && ok
	// OpenTofu's own work is the floor: the provider should cost at most half of it.
	fmt.Printf("  (provider CPU / OpenTofu CPU of the bulk-read plans after a refresh: %s; right after the import's apply %.2f; without the validation memo %.2f; with the shortcuts off %.2f)\n",
		report.Figures(cpuRatios, ""), first.provider.Seconds()/(first.cpu-first.provider).Seconds(), cold.provider.Seconds()/(cold.cpu-cold.provider).Seconds(),
		plain.provider.Seconds()/(plain.cpu-plain.provider).Seconds())
	ok = goal(fmt.Sprintf("provider CPU / OpenTofu CPU <= %.1f (median round)", goalCPURatio), on.provider > 0 && cpuRatio <= goalCPURatio, fmt.Sprintf("%.2f", cpuRatio)) && ok
	if !ok {
		return fmt.Errorf("goals missed")
	}
	return nil
}

// selfCPU is the CPU time (user + system) this process has used so far: during a plan, the
// local org's share of the machine.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// providerCPU sums the CPU time the provider processes of one plan wrote to prefix.<pid>
// (CX_PROVIDER_RUSAGE), and returns the largest peak resident memory among them (MiB); none
// written means the measurement failed.
func providerCPU(prefix string) (time.Duration, float64, error) {
	files, err := filepath.Glob(prefix + ".*")
	if err != nil || len(files) == 0 {
		return 0, 0, fmt.Errorf("no provider CPU figures at %s.* (CX_PROVIDER_RUSAGE not honoured?)", prefix)
	}
	var total time.Duration
	var peak int64
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return 0, 0, err
		}
		var user, sys, rss int64
		if _, err := fmt.Sscan(string(b), &user, &sys, &rss); err != nil {
			return 0, 0, fmt.Errorf("%s: %w", f, err)
		}
		total += time.Duration(user + sys)
		peak = max(peak, rss)
	}
	return total, float64(peak) / 1024, nil
}

func userName(i int) string  { return fmt.Sprintf("Bench agent %03d", i) }
func userEmail(i int) string { return fmt.Sprintf("agent%03d@example.com", i) }
func codeName(i int) string  { return fmt.Sprintf("Bench code %03d", i) }
func skillName(i int) string { return fmt.Sprintf("Bench skill %04d", i) }
func queueName(i int) string { return fmt.Sprintf("Bench queue %03d", i) }

func refs(ids []string) []map[string]string {
	out := make([]map[string]string, len(ids))
	for i, id := range ids {
		out[i] = map[string]string{"id": id}
	}
	return out
}

func quoted(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return strings.Join(q, ", ")
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
