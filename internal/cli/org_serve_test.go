package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
)

func TestParseRateLimit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want int
		bad  bool
	}{
		{"300/min", 300, false}, {"300/m", 300, false}, {"5/s", 300, false}, {"2/sec", 120, false},
		{" 10/MIN ", 10, false}, {"off", 0, false}, {"0", 0, false},
		{"300", 0, true}, {"x/min", 0, true}, {"-1/min", 0, true}, {"10/h", 0, true}, {"", 0, true}, {"99999999999/s", 0, true},
	} {
		got, err := parseRateLimit(tc.in)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("parseRateLimit(%q) = %d, %v; want %d, bad=%v", tc.in, got, err, tc.want, tc.bad)
		}
	}
}

func TestBadFlagsExitNonZero(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"org", "serve", "--rate-limit", "fast", "--data", t.TempDir()},
		{"org", "serve", "--token-ttl", "-1s", "--data", t.TempDir()},
		{"org", "serve", "--log-level", "loud", "--data", t.TempDir()},
	} {
		var stdout, stderr bytes.Buffer
		if code := Main(args, &stdout, &stderr); code == 0 {
			t.Errorf("cx %v exited 0", args)
		} else if !strings.HasPrefix(stderr.String(), "cx: --") {
			t.Errorf("cx %v: error does not name the flag: %q", args, stderr.String())
		}
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"version"}, &stdout, &stderr); code != 0 || !strings.HasPrefix(stdout.String(), "cx ") {
		t.Errorf("cx version: exit %d, output %q %q", code, stdout.String(), stderr.String())
	}
}

// syncBuffer lets the test read what the serving command has printed so far.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serveUntil runs `cx org serve` with f until its output satisfies ready, then stops it
// (as SIGINT would) and returns the output.
func serveUntil(t *testing.T, f *orgServeFlags, ready func(string) bool) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan error, 1)
	go func() { done <- runOrgServe(ctx, &out, &errOut, f) }()
	deadline := time.Now().Add(10 * time.Second)
	for !ready(out.String()) {
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve stopped early: %v\nstdout: %s\nstderr: %s", err, out.String(), errOut.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve not ready after 10s; stdout: %s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve shutdown: %v", err)
	}
	return out.String()
}

func TestOrgServeCreatesThenReuses(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "org")
	flags := func(asJSON bool) *orgServeFlags {
		return &orgServeFlags{addr: "127.0.0.1:0", dataDir: dir, rateLimit: "300/min", tokenTTL: time.Hour, logLevel: "warn", json: asJSON}
	}

	out := serveUntil(t, flags(false), func(s string) bool { return strings.Contains(s, "Press Ctrl+C") })
	for _, want := range []string{"created new orgs", "ORG", "dev", "prod", "readonly", "credentials.json", "300 requests/minute"} {
		if !strings.Contains(out, want) {
			t.Errorf("table output lacks %q:\n%s", want, out)
		}
	}
	cf, err := orgserver.ReadCredentials(filepath.Join(dir, orgserver.CredentialsFileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cf.Clients {
		if strings.Contains(out, c.ClientSecret) {
			t.Fatal("a client secret was printed without --show-secrets")
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, orgserver.CredentialsFileName)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("credentials file: %v, mode %v", err, fi.Mode().Perm())
	}

	out = serveUntil(t, flags(true), func(s string) bool { return strings.HasSuffix(strings.TrimSpace(s), "}") })
	var info serveInfo
	if err := json.Unmarshal([]byte(out), &info); err != nil {
		t.Fatalf("--json output is not JSON: %v\n%s", err, out)
	}
	if info.Created || len(info.Clients) != 6 || info.Clients[0].ClientID != cf.Clients[0].ClientID || info.Clients[0].ClientSecret != "" || info.AdminKey != "" {
		t.Errorf("restart --json = %+v; want the same clients, reused, no secrets", info)
	}

	f := flags(true)
	f.showSecrets = true
	out = serveUntil(t, f, func(s string) bool { return strings.HasSuffix(strings.TrimSpace(s), "}") })
	if !strings.Contains(out, cf.Clients[0].ClientSecret) || !strings.Contains(out, cf.AdminKey) {
		t.Error("--show-secrets did not print the secrets and the admin key")
	}
}
