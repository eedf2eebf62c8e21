package orgserver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// A caller's audit labels cannot pass for who made the change.
func TestAuditContextCannotOverrideClientName(t *testing.T) {
	ts, c := parallelDevOrg(t)
	req, _ := http.NewRequest("POST", ts.URL+"/api/v2/routing/skills", strings.NewReader(`{"name":"Labelled"}`))
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(apihttp.AuditContextHeader, "clientName=mallory; ClientName = eve ;reason=INC-42")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("create skill: status %d", resp.StatusCode)
	}
	ms := routingAudits(t, ts, "dev", "Skill")
	if len(ms) != 1 {
		t.Fatalf("%d skill audit records, want 1", len(ms))
	}
	want := map[string]string{"clientName": "deploy", "reason": "INC-42"}
	if got := ms[0].Context; len(got) != len(want) || got["clientName"] != want["clientName"] || got["reason"] != want["reason"] {
		t.Errorf("audit context = %v, want %v", got, want)
	}
}

// lockedBuffer is a log destination that handlers write to concurrently.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// A failure of the server itself answers 500 with the correlation id only; its text
// (SQLite's words, the data dir's path) goes to the log under that id.
func TestInternalErrorsKeepDetailsInTheLog(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	dir := t.TempDir()
	ts := NewTestServer(t, WithConfig(Config{DataDir: dir, Logger: slog.New(slog.NewTextHandler(&logs, nil))}))
	c := newRawClient(t, ts, "dev", "deploy")
	ts.Store().Close() // every write now fails inside SQLite
	r := c.do("POST", "/api/v2/routing/skills", map[string]any{"name": "Doomed"})
	if r.Status != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500; body %s", r.Status, r.Body)
	}
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("body is not JSON: %s", r.Body)
	}
	cid := r.Header.Get(apihttp.CorrelationHeader)
	msg, _ := m["message"].(string)
	if m["code"] != "internal.server.error" || m["contextId"] != cid || msg != fmt.Sprintf("The server encountered an internal error (correlation id %s).", cid) {
		t.Errorf("500 body = %s", r.Body)
	}
	if strings.Contains(string(r.Body), dir) || strings.Contains(strings.ToLower(string(r.Body)), "sql") {
		t.Errorf("500 body leaks internals: %s", r.Body)
	}
	if l := logs.String(); !strings.Contains(l, cid) || !strings.Contains(l, "database is closed") {
		t.Errorf("the log does not hold the failure under correlation id %s:\n%s", cid, l)
	}
}

// An org is created whole: name check, org, clients and seed objects in one transaction.
func TestCreateOrgsIsAtomic(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t, WithOrgs())
	ctx := context.Background()
	creds, err := ts.CreateOrgs(ctx, []OrgSpec{
		{Name: "good", Clients: []ClientSpec{{Name: "deploy", Role: store.RoleAdmin}}},
		{Name: "bad", Clients: []ClientSpec{{Name: "deploy", Role: store.RoleAdmin}, {Name: "odd", Role: "superuser"}}},
		{Name: "never", Clients: []ClientSpec{{Name: "deploy", Role: store.RoleAdmin}}},
	})
	if err == nil || !strings.Contains(err.Error(), `"bad"`) {
		t.Fatalf("err = %v, want the bad spec's error", err)
	}
	if len(creds) != 1 || creds[0].Org != "good" {
		t.Fatalf("credentials = %+v, want the one of the org created before the failure", creds)
	}
	var names []string
	for _, o := range ts.Store().Orgs() {
		names = append(names, o.Name)
	}
	if len(names) != 1 || names[0] != "good" {
		t.Errorf("orgs = %v, want [good]", names)
	}
	for _, c := range ts.Store().Clients() {
		if c.OrgID != creds[0].OrgID {
			t.Errorf("client %s of org %s outlived its failed org", c.Name, c.OrgID)
		}
	}
	if divs := ts.Store().List(creds[0].OrgID, entity.KindDivision, ""); len(divs) != 1 || divs[0].Name != "Home" {
		t.Errorf("the new org's divisions = %d, want the home division", len(divs))
	}

	// Concurrent creators of one name: exactly one wins.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, err := ts.CreateOrgs(ctx, []OrgSpec{{Name: "race", Clients: []ClientSpec{{Name: "deploy", Role: store.RoleAdmin}}}})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	ok := 0
	for err := range errs {
		if err == nil {
			ok++
		}
	}
	races := 0
	for _, o := range ts.Store().Orgs() {
		if o.Name == "race" {
			races++
		}
	}
	if ok != 1 || races != 1 {
		t.Errorf("8 concurrent creators of one org: %d succeeded, %d orgs exist; want 1 and 1", ok, races)
	}
}
