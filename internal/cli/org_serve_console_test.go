package cli

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOrgServeServesTheConsole: `cx org serve` says where the console is, and serves its
// sign-in page there.
func TestOrgServeServesTheConsole(t *testing.T) {
	t.Parallel()
	f := &orgServeFlags{addr: "127.0.0.1:0", dataDir: filepath.Join(t.TempDir(), "org"), rateLimit: "off", tokenTTL: time.Hour, logLevel: "warn", json: true}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan error, 1)
	go func() { done <- runOrgServe(ctx, &out, &errOut, f) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	var info serveInfo
	for deadline := time.Now().Add(10 * time.Second); json.Unmarshal([]byte(out.String()), &info) != nil; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("serve not ready after 10s; stdout: %s stderr: %s", out.String(), errOut.String())
		}
	}
	if info.Console != info.URL+"/console/" {
		t.Fatalf("console = %q, want %s/console/", info.Console, info.URL)
	}
	resp, err := http.Get(info.Console)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `id="signin"`) {
		t.Errorf("GET %s: %d\n%s", info.Console, resp.StatusCode, body)
	}
}
