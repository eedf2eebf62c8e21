// Command orgbench measures the local org's read throughput and latency over real loopback
// sockets against a bare net/http handler serving the same bytes, in one run, and prints the
// ratios. Run it with bench/org.sh or `make bench`.
//
// The goal (issue 17, goal 3): GET /api/v2/routing/queues?pageSize=100 (a list of 100
// queues) serves at least half the requests per second of a bare net/http handler writing
// the same bytes, with p99 under 20 ms, at 32 connections. Ratios measured in one run are
// what count: absolute numbers move with the machine and its load. Any answer that is not
// 2xx stops the run with an error, since a run that hit the rate limit or a server error
// measures those answers, not the org.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/bench/report"
	"github.com/cxascode/cxascode/internal/orgserver"
)

// The goal's figures: the list's throughput as a share of the bare handler's, and its p99.
const (
	goalListRatio = 0.5
	goalP99       = 20 * time.Millisecond
)

type options struct {
	clients     int
	duration    time.Duration
	rounds      int
	objects     int
	maxRequests int
	cpuProfile  string
}

func main() {
	var o options
	flag.IntVar(&o.clients, "clients", 32, "concurrent keep-alive HTTP connections")
	flag.DurationVar(&o.duration, "duration", 5*time.Second, "how long each scenario runs in all")
	flag.IntVar(&o.rounds, "rounds", 5, "the scenarios take turns this many times, each running duration/rounds per turn, so a change in the machine's load touches all of them alike")
	flag.IntVar(&o.objects, "objects", 100, "queues to create before measuring")
	flag.IntVar(&o.maxRequests, "max-requests", 2_000_000, "upper bound on requests per scenario")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the list scenario's first turn (org and client share the process) to this file")
	flag.Parse()
	if o.clients < 1 || o.duration <= 0 || o.rounds < 1 || o.objects < 1 || o.maxRequests < 1 {
		fmt.Fprintln(os.Stderr, "orgbench: -clients, -duration, -rounds, -objects and -max-requests must be positive")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*o.duration+2*time.Minute)
	defer cancel()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "orgbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	dir, err := os.MkdirTemp("", "orgbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	// No rate limit: this measures the server, not the per-token budget.
	st, err := orgserver.Serve(ctx, orgserver.ServeOptions{Addr: "127.0.0.1:0", Config: orgserver.Config{DataDir: dir}})
	if err != nil {
		return err
	}
	defer st.Shutdown(context.Background())

	hc := newHTTPClient(o.clients)
	cred, _ := st.Credential("dev", "deploy")
	token, err := login(ctx, hc, st.URL, cred)
	if err != nil {
		return err
	}

	const collection = "/api/v2/routing/queues"
	if err := createQueues(ctx, hc, st.URL+collection, token, o.objects); err != nil {
		return err
	}
	ids, err := listIDs(ctx, hc, st.URL+collection+"?pageSize=100", token)
	if err != nil {
		return err
	}
	byID := st.URL + collection + "/" + ids[len(ids)/2]
	list := st.URL + collection + "?pageSize=100"
	oneBytes, err := fetch(ctx, hc, byID, token)
	if err != nil {
		return err
	}
	listBytes, err := fetch(ctx, hc, list, token)
	if err != nil {
		return err
	}

	base, stopBase, err := serveBaseline(oneBytes, listBytes)
	if err != nil {
		return err
	}
	defer stopBase()

	fmt.Printf("local org benchmark: %d queues, %d connections, %s per scenario in %d turns, loopback sockets, %d CPUs\n", o.objects, o.clients, o.duration, o.rounds, runtime.NumCPU())
	fmt.Printf("response sizes: by id %d bytes, list of %d %d bytes\n\n", len(oneBytes), min(o.objects, 100), len(listBytes))
	scenarios := []struct{ key, name, url, token string }{
		{"a", "a  GET by id (org)", byID, token},
		{"b", "b  GET list pageSize=100 (org)", list, token},
		{"c", "c  GET by id bytes (bare net/http)", base + "/one", ""},
		{"c'", "c' GET list bytes (bare net/http)", base + "/list", ""},
	}
	runs := map[string]*scenarioRun{}
	turn := o
	turn.duration = o.duration / time.Duration(o.rounds)
	turn.maxRequests = max(1, o.maxRequests/o.rounds)
	for range o.rounds {
		for _, sc := range scenarios {
			stopProfile := func() {}
			if sc.key == "b" && o.cpuProfile != "" {
				if stopProfile, err = startCPUProfile(o.cpuProfile, runs[sc.key] != nil); err != nil {
					return err
				}
			}
			if runs[sc.key] == nil {
				runs[sc.key] = &scenarioRun{}
			}
			err := load(ctx, hc, sc.url, sc.token, turn, runs[sc.key])
			stopProfile()
			if err != nil {
				return fmt.Errorf("%s: %w", strings.TrimSpace(sc.name), err)
			}
		}
	}
	results := map[string]result{}
	for _, sc := range scenarios {
		r := runs[sc.key].result()
		results[sc.key] = r
		fmt.Printf("%-36s %9.0f req/s  p50 %-9s p99 %s\n", sc.name, r.perSec, round(r.p50), round(r.p99))
	}
	a, b, c, c2 := results["a"], results["b"], results["c"], results["c'"]
	listRatio := b.perSec / c2.perSec
	fmt.Printf("\nratios (throughput vs. the bare handler serving the same bytes):\n")
	fmt.Printf("  a/c   GET by id   %.2f\n", a.perSec/c.perSec)
	fmt.Printf("  b/c'  GET list    %.2f\n", listRatio)
	fmt.Printf("\ngoals (issue 17, goal 3; every answer was 2xx):\n")
	ok := goal(fmt.Sprintf("list-100 >= %.1fx bare handler", goalListRatio), listRatio >= goalListRatio, fmt.Sprintf("%.2fx", listRatio))
	// The bare handler's p99 in the same run is the floor the machine's load sets: on a
	// shared machine it can exceed the goal by itself, which the note must say.
	ok = goal(fmt.Sprintf("list-100 p99 < %s", goalP99), b.p99 < goalP99,
		fmt.Sprintf("%s (bare handler in this run: %s)", round(b.p99), round(c2.p99))) && ok
	if !ok {
		return errors.New("goals missed (ratios within one run count; say the machine's load when reporting)")
	}
	return nil
}

func goal(what string, met bool, got string) bool { return report.Goal(34, what, met, got) }

func newHTTPClient(clients int) *http.Client {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        2 * clients,
		MaxIdleConnsPerHost: clients, // one kept-alive connection per client
		MaxConnsPerHost:     clients,
		IdleConnTimeout:     time.Minute,
	}
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

func login(ctx context.Context, hc *http.Client, base string, c orgserver.Credential) (string, error) {
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"/oauth/token", strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
	req.SetBasicAuth(c.ClientID, c.ClientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := hc.Do(req)
	if err != nil {
		return "", fmt.Errorf("login: %w", err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		return "", fmt.Errorf("login: status %d", resp.StatusCode)
	}
	return tok.AccessToken, nil
}

// createQueues creates n queues with the settings the official provider sends, so the list
// carries objects of a realistic size.
func createQueues(ctx context.Context, hc *http.Client, collection, token string, n int) error {
	for i := range n {
		body := fmt.Sprintf(`{"name":"bench-%04d","description":"benchmark queue","skillEvaluationMethod":"ALL","acwSettings":{"wrapupPrompt":"OPTIONAL"}}`, i)
		status, resp, err := send(ctx, hc, "POST", collection, token, body)
		if err != nil {
			return err
		}
		if status != http.StatusOK {
			return fmt.Errorf("create queue %d: status %d: %s", i, status, resp)
		}
	}
	return nil
}

func listIDs(ctx context.Context, hc *http.Client, u, token string) ([]string, error) {
	b, err := fetch(ctx, hc, u, token)
	if err != nil {
		return nil, err
	}
	var l struct {
		Entities []struct {
			ID string `json:"id"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(b, &l); err != nil || len(l.Entities) == 0 {
		return nil, fmt.Errorf("list %s: no entities", u)
	}
	var ids []string
	for _, e := range l.Entities {
		ids = append(ids, e.ID)
	}
	return ids, nil
}

func send(ctx context.Context, hc *http.Client, method, u, token, body string) (int, []byte, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return 0, nil, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

func fetch(ctx context.Context, hc *http.Client, u, token string) ([]byte, error) {
	status, b, err := send(ctx, hc, "GET", u, token, "")
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("GET %s: status %d: %s", u, status, b)
	}
	return b, nil
}

// serveBaseline serves fixed bytes with a bare handler: the floor of what any Go HTTP
// server on this machine can do, so the org's numbers read as a ratio, not in a vacuum.
func serveBaseline(one, list []byte) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	mux := http.NewServeMux()
	for path, body := range map[string][]byte{"/one": one, "/list": list} {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write(body) //nolint:errcheck // the benchmark client went away
		})
	}
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln) //nolint:errcheck // ends with ErrServerClosed
	return "http://" + ln.Addr().String(), func() { hs.Close() }, nil
}

type result struct {
	perSec   float64
	p50, p99 time.Duration
}

// scenarioRun gathers one scenario's turns: every answered request's latency and the time spent.
type scenarioRun struct {
	latencies []time.Duration
	elapsed   time.Duration
}

func (r *scenarioRun) result() result {
	slices.Sort(r.latencies)
	res := result{perSec: float64(len(r.latencies)) / r.elapsed.Seconds()}
	if n := len(r.latencies); n > 0 {
		res.p50, res.p99 = r.latencies[n*50/100], r.latencies[min(n-1, n*99/100)]
	}
	return res
}

// load runs o.clients workers against u until o.duration passes or o.maxRequests are sent,
// adding to into. The first answer that is not 2xx (or a transport error) stops every
// worker and is returned: the figures of such a run would describe 429s or 500s, not the org.
func load(ctx context.Context, hc *http.Client, u, token string, o options, into *scenarioRun) error {
	ctx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	perWorker := max(1, o.maxRequests/o.clients)
	lat := make([][]time.Duration, o.clients)
	var (
		failOnce sync.Once
		failure  error
	)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range o.clients {
		wg.Go(func() {
			lat[w] = make([]time.Duration, 0, min(perWorker, 1<<14))
			for range perWorker {
				if ctx.Err() != nil {
					return
				}
				t0 := time.Now()
				err := get(ctx, hc, u, token)
				if ctx.Err() != nil {
					return // cut off by the deadline or by another worker's failure
				}
				if err != nil {
					failOnce.Do(func() { failure = err; cancel() })
					return
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		})
	}
	wg.Wait()
	if failure != nil {
		return failure
	}
	into.elapsed += time.Since(start)
	into.latencies = append(into.latencies, slices.Concat(lat...)...)
	return nil
}

// get fetches u and reads the whole body; an answer outside 2xx is an error carrying the
// status and the start of the body (the API's error code says why).
func get(ctx context.Context, hc *http.Client, u, token string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return fmt.Errorf("GET %s: status %d (not 2xx): %s", u, resp.StatusCode, b)
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return fmt.Errorf("GET %s: read body: %w", u, err)
	}
	return nil
}

// startCPUProfile profiles the process until the returned function is called; the list
// scenario's first turn is profiled (a CPU profile cannot be paused and resumed), so done
// makes it a no-op.
func startCPUProfile(path string, done bool) (func(), error) {
	if done {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func round(d time.Duration) time.Duration {
	if d < time.Millisecond {
		return d.Round(time.Microsecond)
	}
	return d.Round(10 * time.Microsecond)
}
