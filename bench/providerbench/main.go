// Command providerbench measures the provider end to end, in one run, with the built OpenTofu
// and the provider binary built for the run, against a local org on loopback:
//
//	-scenario bulkread   a no-op refresh plan over many skills and queues, bulk reads on vs off:
//	                     requests against the fewest the API allows, and the speed ratio.
//	-scenario ratelimit  an apply that creates 800 skills and wrap-up codes against an org that
//	                     counts 300 requests per token per fixed minute, the provider not told:
//	                     429s (must be 0) and wall time against the time 800 requests need.
//
// Run it with bench/provider-bulkread.sh or bench/provider-ratelimit.sh from the repo root.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/bench/orgmetrics"
	"github.com/cxascode/cxascode/bench/report"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/target"
)

// Goals (see the provider issue "Bulk reads" and "Rate limits").
const (
	goalRequestRatio = 1.1 // actual / fewest requests of a bulk-read plan
	goalSpeedup      = 3.0 // plan wall time, bulk reads off / on
	goalRateRatio    = 1.2 // wall time / time the rate limit imposes
	goalCPURatio     = 0.5 // provider CPU / OpenTofu CPU of the bulk-read plan
	listPageSize     = 500 // largest page of the list endpoints
)

type options struct {
	scenario string
	tofu     string
	timeout  time.Duration
	skills   int
	queues   int
	users    int
	wrapups  int
	members  int
	codes    int
	latency  time.Duration
	create   int
	rate     int
	profile  string
	rounds   int
}

func main() {
	var o options
	flag.StringVar(&o.scenario, "scenario", "bulkread", "bulkread or ratelimit")
	flag.StringVar(&o.tofu, "tofu", "bin/tofu", "OpenTofu binary")
	flag.DurationVar(&o.timeout, "timeout", 15*time.Minute, "give up after this long")
	flag.IntVar(&o.skills, "skills", 1000, "bulkread: skills managed")
	flag.IntVar(&o.queues, "queues", 200, "bulkread: queues managed")
	flag.IntVar(&o.users, "users", 50, "bulkread: users managed (queue members are drawn from them)")
	flag.IntVar(&o.wrapups, "wrapups", 20, "bulkread: wrap-up codes managed (each queue's are drawn from them)")
	flag.IntVar(&o.members, "members", 5, "bulkread: members per queue")
	flag.IntVar(&o.codes, "codes", 3, "bulkread: wrap-up codes per queue")
	flag.DurationVar(&o.latency, "latency", 150*time.Millisecond, "bulkread: latency the org adds to every request during the plans (real orgs: 100-200 ms)")
	flag.IntVar(&o.create, "create", 800, "ratelimit: skills and wrap-up codes created by the measured apply")
	flag.IntVar(&o.rate, "rate", 300, "ratelimit: the org's requests per token per fixed minute")
	flag.IntVar(&o.rounds, "rounds", 3, "bulkread: rounds of the bulk-read plan and the one-GET-per-object plan, back to back")
	flag.StringVar(&o.profile, "profile", "", "bulkread: write the provider's CPU profiles of the measured plans into this existing directory (CX_PROVIDER_CPUPROFILE)")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	var err error
	switch o.scenario {
	case "bulkread":
		err = bulkRead(ctx, o)
	case "ratelimit":
		err = rateLimit(ctx, o)
	default:
		err = fmt.Errorf("unknown -scenario %q (bulkread or ratelimit)", o.scenario)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "providerbench:", err)
		os.Exit(1)
	}
}

// bench is one run's world: the org, a tofu working dir and the provider built for it.
type bench struct {
	st   *orgserver.Standalone
	api  *platform.Client
	tofu string
	work string
	env  []string
}

func setup(ctx context.Context, o options, cfg orgserver.Config) (*bench, func(), error) {
	tofu, err := filepath.Abs(o.tofu)
	if err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(tofu); err != nil {
		return nil, nil, fmt.Errorf("OpenTofu not found at %s (build it with tools/tofu, or pass -tofu): %w", o.tofu, err)
	}
	tmp, err := os.MkdirTemp("", "providerbench-")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { os.RemoveAll(tmp) }
	pluginDir, work := filepath.Join(tmp, "plugins"), filepath.Join(tmp, "work")
	for _, d := range []string{pluginDir, work} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			cleanup()
			return nil, nil, err
		}
	}
	if err := target.BuildProvider(ctx, ".", pluginDir); err != nil {
		cleanup()
		return nil, nil, err
	}
	cliConfig := filepath.Join(tmp, "tofu.rc")
	rc := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"mypurecloud/genesyscloud\" = %q\n  }\n  direct {}\n}\n", pluginDir)
	if err := os.WriteFile(cliConfig, []byte(rc), 0o600); err != nil {
		cleanup()
		return nil, nil, err
	}
	st, err := orgserver.Serve(ctx, orgserver.ServeOptions{Addr: "127.0.0.1:0", Config: cfg})
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	stop := func() {
		st.Shutdown(context.Background())
		cleanup()
	}
	cred, ok := st.Credential("dev", "deploy")
	if !ok {
		stop()
		return nil, nil, errors.New("the local org has no dev/deploy client")
	}
	// The set-up client has its own token, so its requests never spend the provider's budget.
	// Its budget matches the org's: none when the org has no limit (0 would mean the
	// real-org default of 300/min and turn a seconds-long set-up into minutes).
	budget := cfg.RateLimitPerMinute
	if budget == 0 {
		budget = -1
	}
	api, err := platform.New(platform.Config{BaseURL: st.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: budget})
	if err != nil {
		stop()
		return nil, nil, err
	}
	u, _ := url.Parse(st.URL)
	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"GENESYSCLOUD_OAUTHCLIENT_ID="+cred.ClientID,
		"GENESYSCLOUD_OAUTHCLIENT_SECRET="+cred.ClientSecret,
		"GENESYSCLOUD_GATEWAY_HOST="+u.Hostname(),
		"GENESYSCLOUD_GATEWAY_PORT="+u.Port(),
		"GENESYSCLOUD_GATEWAY_PROTOCOL=http",
		// The provider's validation memo starts empty in every run, and is filled by the
		// set-up's commands as by any earlier run of the same configuration.
		"CX_PROVIDER_CACHE_DIR="+filepath.Join(work, "provider-cache"),
	)
	return &bench{st: st, api: api, tofu: tofu, work: work, env: env}, stop, nil
}

// run runs tofu in the working dir; extraEnv is appended to the bench's environment.
// exit code 2 of `plan -detailed-exitcode` (changes) is returned as exitCode, not an error.
func (b *bench) run(ctx context.Context, extraEnv []string, args ...string) (out string, exitCode int, err error) {
	out, exitCode, _, err = b.runCPU(ctx, extraEnv, args...)
	return out, exitCode, err
}

// runCPU is run that also returns the CPU time (user + system) of tofu and the provider
// processes it started and waited for: the part of a plan's wall time that is not the API.
func (b *bench) runCPU(ctx context.Context, extraEnv []string, args ...string) (out string, exitCode int, cpu time.Duration, err error) {
	cmd := exec.CommandContext(ctx, b.tofu, args...)
	cmd.Dir, cmd.Env = b.work, append(append([]string(nil), b.env...), extraEnv...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err = cmd.Run()
	if cmd.ProcessState != nil {
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	out, exitCode, err = b.exitStatus(buf.String(), args, err)
	return out, exitCode, cpu, err
}

func (b *bench) exitStatus(out string, args []string, err error) (string, int, error) {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return out, ee.ExitCode(), fmt.Errorf("tofu %s: exit %d\n%s", strings.Join(args, " "), ee.ExitCode(), tail(out, 40))
	}
	if err != nil {
		return out, -1, fmt.Errorf("tofu %s: %w", strings.Join(args, " "), err)
	}
	return out, 0, nil
}

func tail(s string, lines int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(ls[max(0, len(ls)-lines):], "\n")
}

func (b *bench) writeConfig(body string) error {
	head := "terraform {\n  required_providers {\n    genesyscloud = {\n      source = \"mypurecloud/genesyscloud\"\n    }\n  }\n}\n\nprovider \"genesyscloud\" {}\n\n"
	return os.WriteFile(filepath.Join(b.work, "main.tf"), []byte(head+body), 0o600)
}

// counts reads the org's request counters.
func (b *bench) counts(ctx context.Context) (orgmetrics.Counts, error) {
	return orgmetrics.Read(ctx, b.st.URL)
}

// parallel runs f(i) for i in [0,n) on workers goroutines and returns the first error.
func parallel(ctx context.Context, n, workers int, f func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				if err := f(ctx, i); err != nil {
					cancel(err)
				}
			}
		})
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

func goal(what string, met bool, got string) bool { return report.Goal(44, what, met, got) }
