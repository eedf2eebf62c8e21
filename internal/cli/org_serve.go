package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cxascode/cxascode/internal/console"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/spf13/cobra"
)

type orgServeFlags struct {
	addr        string
	dataDir     string
	rateLimit   string
	tokenTTL    time.Duration
	logLevel    string
	showSecrets bool
	json        bool
}

func newOrgServeCommand() *cobra.Command {
	f := &orgServeFlags{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the local org (dev, test, prod) on a loopback port",
		Long: `Serve the local org: /oauth/token and /api/v2/... on one listener, like a Genesys Cloud region.

On first start with an empty data directory it creates the orgs dev, test and prod, each
with an admin client "deploy" and a read-only client "readonly", and writes their
credentials to <data>/credentials.json (mode 0600; the only plaintext copy of the secrets).
Restarting on the same data directory keeps the orgs, their objects, the audit log and
issued tokens.

Point the Genesys provider or SDKs at the printed URL (the provider's gateway block, or
an SDK base path): the token and API calls both go to it. A browser console is at
/console: sign in with a client's id and secret to browse, edit (as that client), read the
audit log, simulate calls and set faults. The admin surface (/admin/faults,
/admin/orgs) needs the admin key from the credentials file in the X-Cx-Admin-Key header.
Prometheus metrics are at /metrics.`,
		Example: `  # Start with defaults: 127.0.0.1:8787, data in .cx/org, 300 requests/minute per token
  cx org serve

  # Another port and data dir, no rate limit, short-lived tokens, verbose logs
  cx org serve --addr 127.0.0.1:9000 --data ./scratch-org --rate-limit off --token-ttl 10m --log-level debug

  # Machine-readable startup info (secrets included only with --show-secrets)
  cx org serve --json --show-secrets

  # Inject faults: every API request answers 503 with probability 0.2
  curl -X PUT -H "X-Cx-Admin-Key: $(jq -r .adminKey .cx/org/credentials.json)" \
       -d '{"errorRate":0.2}' http://127.0.0.1:8787/admin/faults`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runOrgServe(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", orgserver.DefaultAddr, "listen address (host:port; port 0 picks a free one); keep it on loopback unless you mean to share the org")
	fl.StringVar(&f.dataDir, "data", ".cx/org", "data directory holding the SQLite store and credentials.json")
	fl.StringVar(&f.rateLimit, "rate-limit", "300/min", `per-token request budget as N/min or N/s; "off" disables it (real orgs allow 300/min)`)
	fl.DurationVar(&f.tokenTTL, "token-ttl", 24*time.Hour, "lifetime of issued access tokens")
	fl.StringVar(&f.logLevel, "log-level", "info", "log level: debug (one line per request), info, warn or error")
	fl.BoolVar(&f.showSecrets, "show-secrets", false, "print client secrets and the admin key (default: only where the file is)")
	fl.BoolVar(&f.json, "json", false, "print the startup info as JSON on stdout")
	return cmd
}

func runOrgServe(ctx context.Context, stdout, stderr io.Writer, f *orgServeFlags) error {
	perMinute, err := parseRateLimit(f.rateLimit)
	if err != nil {
		return err
	}
	if f.tokenTTL <= 0 {
		return fmt.Errorf("--token-ttl must be positive, e.g. 1h or 30m; got %s", f.tokenTTL)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(f.logLevel)); err != nil {
		return fmt.Errorf("--log-level %q: use debug, info, warn or error", f.logLevel)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	if host, _, err := net.SplitHostPort(f.addr); err == nil {
		if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			log.Warn("listening beyond loopback: anyone who can reach this address can try the org's API", "addr", f.addr)
		}
	}
	st, err := orgserver.Serve(ctx, orgserver.ServeOptions{
		Addr:   f.addr,
		Config: orgserver.Config{DataDir: f.dataDir, RateLimitPerMinute: perMinute, TokenTTL: f.tokenTTL, Logger: log},
	})
	if err != nil {
		return err
	}
	if f.json {
		err = printServeJSON(stdout, st, f)
	} else {
		err = printServeTable(stdout, st, f)
	}
	if err != nil {
		st.Shutdown(context.Background())
		return err
	}
	select {
	case <-ctx.Done():
		log.Info("shutting down")
	case err := <-st.Done():
		st.Close()
		return fmt.Errorf("local org stopped: %w", err)
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return st.Shutdown(sctx)
}

// parseRateLimit reads "N/min" or "N/s" (also "N/m", "N/minute", "N/sec", "N/second") and
// returns requests per minute; "off" or "0" disable the limit.
func parseRateLimit(s string) (int, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "off" || s == "0" || s == "none" {
		return 0, nil
	}
	bad := fmt.Errorf("--rate-limit %q: use N/min or N/s (e.g. 300/min, 5/s) or off", s)
	n, unit, ok := strings.Cut(s, "/")
	if !ok {
		return 0, bad
	}
	count, err := strconv.Atoi(strings.TrimSpace(n))
	if err != nil || count < 0 {
		return 0, bad
	}
	switch strings.TrimSpace(unit) {
	case "min", "m", "minute":
		return count, nil
	case "s", "sec", "second":
		if count > (1<<31)/60 {
			return 0, bad
		}
		return count * 60, nil
	}
	return 0, bad
}

type serveInfo struct {
	URL             string         `json:"url"`
	Console         string         `json:"console"`
	DataDir         string         `json:"dataDir"`
	CredentialsFile string         `json:"credentialsFile"`
	Created         bool           `json:"created"`
	RateLimit       int            `json:"rateLimitPerMinute"`
	TokenTTLSeconds int            `json:"tokenTtlSeconds"`
	AdminKey        string         `json:"adminKey,omitempty"`
	Clients         []clientOutput `json:"clients"`
}

type clientOutput struct {
	Org          string `json:"org"`
	OrgID        string `json:"orgId"`
	Name         string `json:"name"`
	Role         string `json:"role"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret,omitempty"`
}

func newServeInfo(st *orgserver.Standalone, f *orgServeFlags) serveInfo {
	perMinute, _ := parseRateLimit(f.rateLimit)
	info := serveInfo{URL: st.URL, Console: st.URL + console.Prefix + "/", DataDir: f.dataDir, CredentialsFile: st.CredentialsPath, Created: st.Created,
		RateLimit: perMinute, TokenTTLSeconds: int(f.tokenTTL / time.Second), Clients: []clientOutput{}}
	if f.showSecrets {
		info.AdminKey = st.Credentials.AdminKey
	}
	for _, c := range st.Credentials.Clients {
		co := clientOutput{Org: c.Org, OrgID: c.OrgID, Name: c.Name, Role: c.Role, ClientID: c.ClientID}
		if f.showSecrets {
			co.ClientSecret = c.ClientSecret
		}
		info.Clients = append(info.Clients, co)
	}
	return info
}

func printServeJSON(w io.Writer, st *orgserver.Standalone, f *orgServeFlags) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(newServeInfo(st, f))
}

func printServeTable(w io.Writer, st *orgserver.Standalone, f *orgServeFlags) error {
	info := newServeInfo(st, f)
	state := "reusing the orgs in"
	if info.Created {
		state = "created new orgs in"
	}
	fmt.Fprintf(w, "Local Genesys Cloud org at %s (%s %s)\n\n", info.URL, state, info.DataDir)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	header := "ORG\tCLIENT\tROLE\tCLIENT ID"
	if f.showSecrets {
		header += "\tCLIENT SECRET"
	}
	fmt.Fprintln(tw, header)
	for _, c := range info.Clients {
		line := c.Org + "\t" + c.Name + "\t" + c.Role + "\t" + c.ClientID
		if f.showSecrets {
			line += "\t" + c.ClientSecret
		}
		fmt.Fprintln(tw, line)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	switch {
	case f.showSecrets:
		fmt.Fprintf(w, "Admin key (X-Cx-Admin-Key): %s\n", info.AdminKey)
	case info.CredentialsFile != "":
		fmt.Fprintf(w, "Secrets and the admin key are in %s (or run with --show-secrets).\n", info.CredentialsFile)
	}
	limit := "off"
	if info.RateLimit > 0 {
		limit = fmt.Sprintf("%d requests/minute per token", info.RateLimit)
	}
	fmt.Fprintf(w, "Rate limit: %s. Token lifetime: %s. Metrics: %s/metrics\n", limit, f.tokenTTL, info.URL)
	fmt.Fprintf(w, "Console: %s (sign in with a client's id and secret)\n", info.Console)
	fmt.Fprintln(w, "Press Ctrl+C to stop.")
	return nil
}
