package orgserver

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serveForTest starts a standalone org on a free loopback port in dir and stops it at the end
// of the test (stopping twice is harmless, so tests may stop it earlier to restart).
func serveForTest(t *testing.T, dir string) *Standalone {
	t.Helper()
	st, err := Serve(context.Background(), ServeOptions{Addr: "127.0.0.1:0", Config: Config{DataDir: dir}})
	if err != nil {
		t.Fatalf("serve: %v", err)
	}
	t.Cleanup(func() { stopForTest(t, st) })
	return st
}

func stopForTest(t *testing.T, st *Standalone) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st.Shutdown(ctx) //nolint:errcheck // the second stop reports the closed store; nothing to check
}

// standaloneClient logs in as org/name on a standalone server.
func standaloneClient(t *testing.T, st *Standalone, org, name string) *rawClient {
	t.Helper()
	return newRawClient(t, &TestServer{Server: st.Server, URL: st.URL, Credentials: st.Credentials.Clients}, org, name)
}

func TestPersistenceAcrossRestart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()

	first := serveForTest(t, dir)
	if !first.Created {
		t.Fatal("first start on an empty data dir did not create the orgs")
	}
	credPath := filepath.Join(dir, CredentialsFileName)
	fi, err := os.Stat(credPath)
	if err != nil {
		t.Fatalf("credentials file: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("credentials file mode %v, want 0600", fi.Mode().Perm())
	}
	onDisk, err := ReadCredentials(credPath)
	if err != nil {
		t.Fatal(err)
	}
	if onDisk.URL != first.URL || onDisk.AdminKey != first.AdminKey() || len(onDisk.Clients) != 6 {
		t.Fatalf("credentials file = url %q, %d clients; want url %q and 6 clients (dev, test, prod × deploy, readonly)", onDisk.URL, len(onDisk.Clients), first.URL)
	}
	for _, c := range onDisk.Clients {
		if c.ClientID == "" || c.ClientSecret == "" || c.OrgID == "" {
			t.Errorf("incomplete credential %+v", c)
		}
	}

	c := standaloneClient(t, first, "dev", "deploy")
	ids := map[string]string{}
	for _, name := range []string{"Billing", "Sales", "Support"} {
		sk := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": name})
		ids[name] = sk["id"].(string)
	}
	c.must(204, "DELETE", "/api/v2/routing/skills/"+ids["Support"], nil)
	devID := onDisk.Clients[0].OrgID
	auditBefore := len(first.Store().AuditLog(devID))
	if auditBefore < 4 {
		t.Fatalf("audit log has %d records after 3 creates and 1 delete, want at least 4", auditBefore)
	}
	stopForTest(t, first)

	second := serveForTest(t, dir)
	if second.Created {
		t.Fatal("restart on the same data dir created the orgs again")
	}
	if second.URL == first.URL {
		t.Log("the restart got the same port; the URL-update check is vacuous this time")
	}
	reread, err := ReadCredentials(credPath)
	if err != nil {
		t.Fatal(err)
	}
	if reread.URL != second.URL {
		t.Errorf("credentials file URL %q after restart, want the new %q", reread.URL, second.URL)
	}
	if second.AdminKey() != first.AdminKey() {
		t.Error("admin key changed across a restart")
	}
	for i, cr := range reread.Clients {
		if cr != onDisk.Clients[i] {
			t.Errorf("client %d changed across restart: %+v, was %+v", i, cr, onDisk.Clients[i])
		}
	}

	// The token issued before the restart still works: tokens are signed with a key kept in the data dir.
	c.base = second.URL
	l := c.must(200, "GET", "/api/v2/routing/skills?pageSize=100", nil)
	var names []string
	for _, e := range l["entities"].([]any) {
		names = append(names, e.(map[string]any)["name"].(string))
	}
	if strings.Join(names, ",") != "Billing,Sales" {
		t.Errorf("skills after restart = %v, want [Billing Sales] (Support was deleted)", names)
	}
	if got := c.must(200, "GET", "/api/v2/routing/skills/"+ids["Support"], nil); got["state"] != "deleted" {
		t.Errorf("deleted skill after restart: state %v", got["state"])
	}
	// The stored secret hash still admits the secret from the file.
	standaloneClient(t, second, "prod", "readonly")

	audit := second.Store().AuditLog(devID)
	if len(audit) != auditBefore {
		t.Fatalf("audit log has %d records after restart, want %d", len(audit), auditBefore)
	}
	seen := map[string]bool{}
	for _, raw := range audit {
		var m struct {
			Action string `json:"action"`
			Entity struct {
				ID string `json:"id"`
			} `json:"entity"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("audit record is not JSON: %s", raw)
		}
		seen[m.Action+" "+m.Entity.ID] = true
	}
	for _, want := range []string{"Create " + ids["Billing"], "Create " + ids["Sales"], "Delete " + ids["Support"]} {
		if !seen[want] {
			t.Errorf("audit log after restart lacks %q", want)
		}
	}
}

func TestRestartWithoutCredentialsFileFails(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	stopForTest(t, serveForTest(t, dir))
	if err := os.Remove(filepath.Join(dir, CredentialsFileName)); err != nil {
		t.Fatal(err)
	}
	st, err := Serve(context.Background(), ServeOptions{Addr: "127.0.0.1:0", Config: Config{DataDir: dir}})
	if err == nil {
		stopForTest(t, st)
		t.Fatal("restart without credentials.json succeeded; the clients' secrets are unrecoverable, so it must say so")
	}
	if !strings.Contains(err.Error(), "credentials") || !strings.Contains(err.Error(), "delete the data dir") {
		t.Errorf("error does not say what to do: %v", err)
	}
}

func TestServeInMemoryWritesNoFile(t *testing.T) {
	t.Parallel()
	st := serveForTest(t, "")
	if st.CredentialsPath != "" || !st.Created || len(st.Credentials.Clients) != 6 {
		t.Fatalf("in-memory serve: path %q created %v clients %d", st.CredentialsPath, st.Created, len(st.Credentials.Clients))
	}
	standaloneClient(t, st, "test", "deploy").must(200, "GET", "/api/v2/routing/skills", nil)
}

// A second server on the same data directory refuses to start and names the holder; once
// the first is closed, the directory can be opened again.
func TestDataDirIsLockedForOneServer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	first, err := New(Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if second, err := New(Config{DataDir: dir}); err == nil {
		second.Close()
		t.Fatal("a second server started on a data directory in use")
	} else if !strings.Contains(err.Error(), "in use by") || !strings.Contains(err.Error(), "pid") {
		t.Errorf("error %q does not say which process holds the directory", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := New(Config{DataDir: dir})
	if err != nil {
		t.Fatalf("reopen after close: %v", err)
	}
	again.Close()
}

// The database holds the token-signing key: the data directory is 0700 and the database
// 0600 even when the directory existed with looser modes before.
func TestDataDirIsPrivate(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "org")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for path, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, "org.db"): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", filepath.Base(path), got, want)
		}
	}
}
