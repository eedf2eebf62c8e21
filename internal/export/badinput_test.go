package export

import (
	"context"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/workspace"
)

// An org cx cannot reach, and credentials the org refuses, each fail the export at once with
// one error that says so — not one per kind — and leave nothing beside --into.
func TestExportOfAnOrgItCannotUse(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	for _, c := range []struct {
		name, base, secret, want string
	}{
		{"unreachable", closed, cred.ClientSecret, "cannot reach the org at " + closed},
		{"bad credentials", ts.URL, "not-the-secret", "the org refused the credentials"},
	} {
		t.Run(c.name, func(t *testing.T) {
			client, err := platform.New(platform.Config{BaseURL: c.base, ClientID: cred.ClientID, ClientSecret: c.secret, RateLimitPerMinute: -1})
			if err != nil {
				t.Fatal(err)
			}
			parent := t.TempDir()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			start := time.Now()
			u, _ := url.Parse(c.base)
			orgEnv := map[string]string{"GENESYSCLOUD_OAUTHCLIENT_ID": cred.ClientID, "GENESYSCLOUD_OAUTHCLIENT_SECRET": c.secret,
				"GENESYSCLOUD_GATEWAY_HOST": u.Hostname(), "GENESYSCLOUD_GATEWAY_PORT": u.Port(), "GENESYSCLOUD_GATEWAY_PROTOCOL": "http"}
			_, err = Run(ctx, Options{Client: client, Env: workspace.Environment{Name: "dev", Org: "local:dev"}, Into: filepath.Join(parent, "out"),
				Tofu: Tofu{OrgEnv: orgEnv}})
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Count(err.Error(), "\n") > 2 {
				t.Errorf("export: %v; want one error saying %q", err, c.want)
			}
			t.Logf("%s: %v", c.name, err)
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("the export took %s to give up", d)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("left beside --into: %v", entries)
			}
		})
	}
}
