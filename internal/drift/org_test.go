package drift

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/workspace"
)

// testOrg is a local org "dev" with two admin clients: "deploy" (what a pipeline uses)
// and "console" (a person changing things by hand).
type testOrg struct {
	ts              *orgserver.TestServer
	deploy, console *platform.Client
}

func newTestOrg(t *testing.T) *testOrg {
	t.Helper()
	ts := orgserver.NewTestServer(t, orgserver.WithOrgs(orgserver.OrgSpec{Name: "dev", Clients: []orgserver.ClientSpec{
		{Name: "deploy", Role: orgserver.RoleAdmin}, {Name: "console", Role: orgserver.RoleAdmin}}}))
	return &testOrg{ts: ts, deploy: orgClient(t, ts, "deploy", nil), console: orgClient(t, ts, "console", nil)}
}

func orgClient(t *testing.T, ts *orgserver.TestServer, name string, headers http.Header) *platform.Client {
	t.Helper()
	cred := ts.Credential(t, "dev", name)
	c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret,
		RateLimitPerMinute: -1, Headers: headers})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (o *testOrg) createQueue(t *testing.T, c *platform.Client, name string) string {
	t.Helper()
	var q platform.Queue
	err := c.Do(context.Background(), http.MethodPost, "/api/v2/routing/queues", nil, platform.CreateQueueRequest{Name: platform.Ptr(name)}, &q)
	if err != nil {
		t.Fatalf("create queue %s: %v", name, err)
	}
	return *q.ID
}

// setAlertingTimeout changes a queue's call alerting timeout the way the console does:
// read the queue, change one field, put it back.
func setAlertingTimeout(t *testing.T, c *platform.Client, id string, seconds int) {
	t.Helper()
	ctx := context.Background()
	var q map[string]any
	if err := c.Do(ctx, http.MethodGet, "/api/v2/routing/queues/"+id, nil, nil, &q); err != nil {
		t.Fatal(err)
	}
	q["mediaSettings"].(map[string]any)["call"].(map[string]any)["alertingTimeoutSeconds"] = seconds
	if err := c.Do(ctx, http.MethodPut, "/api/v2/routing/queues/"+id, nil, q, nil); err != nil {
		t.Fatalf("update queue: %v", err)
	}
}

func TestAttributionFromAuditLog(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	ctx := context.Background()
	before := time.Now().Add(-time.Second)
	id := o.createQueue(t, o.deploy, "Support")
	setAlertingTimeout(t, o.console, id, 30)
	after := time.Now().Add(time.Second)

	glass := orgClient(t, o.ts, "deploy", http.Header{"X-Cx-Audit-Context": {"breakGlass=true; reason=INC-7 outage"}})
	fixed := o.createQueue(t, o.deploy, "Billing")
	setAlertingTimeout(t, glass, fixed, 20)

	findings := []Finding{
		{Kind: KindManaged, Type: "genesyscloud_routing_queue", Name: "Support", ID: id},
		{Kind: KindManaged, Type: "genesyscloud_routing_queue", Name: "Billing", ID: fixed},
		{Kind: KindUnmanaged, Type: "genesyscloud_routing_queue", Name: "Nobody", ID: "00000000-0000-0000-0000-000000000000"},
		{Kind: KindUnmanaged, Type: "genesyscloud_routing_queue", Name: "No id"},
	}
	a := &Attributor{Client: o.deploy, Days: 1}
	if errs := a.Attribute(ctx, findings); len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
	got := findings[0].Attribution
	if got == nil {
		t.Fatal("no attribution")
	}
	if got.Who != "console" || got.Client != o.ts.Credential(t, "dev", "console").ClientID || got.Action != "Update" || got.BreakGlass {
		t.Errorf("attribution %+v", got)
	}
	if got.When.Before(before) || got.When.After(after) {
		t.Errorf("when %s not between %s and %s", got.When, before, after)
	}
	if !contains(got.Properties, "mediaSettings.call.alertingTimeoutSeconds") {
		t.Errorf("properties %v", got.Properties)
	}
	if bg := findings[1].Attribution; bg == nil || !bg.BreakGlass || bg.Reason != "INC-7 outage" || bg.Who != "deploy" {
		t.Errorf("break-glass attribution %+v", bg)
	}
	if findings[2].Attribution != nil || findings[3].Attribution != nil {
		t.Errorf("attribution without audit records: %+v %+v", findings[2].Attribution, findings[3].Attribution)
	}
}

func TestUnmanagedObjects(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	ctx := context.Background()
	o.createQueue(t, o.deploy, "Support")          // declared by name (other case)
	managed := o.createQueue(t, o.deploy, "Sales") // managed under a name the scan cannot read
	hand := o.createQueue(t, o.console, "Hand Made")
	o.createQueue(t, o.console, "Test queue 1") // ignored by .cxignore
	if err := o.console.Do(ctx, http.MethodPost, "/api/v2/routing/skills", nil, platform.CreateRoutingSkill{Name: platform.Ptr("Spanish")}, nil); err != nil {
		t.Fatal(err)
	}
	ignore, err := ParseIgnore(".cxignore", []byte("# sandbox objects\ngenesyscloud_routing_queue Test*\n"))
	if err != nil {
		t.Fatal(err)
	}
	found, errs := FindUnmanaged(ctx, UnmanagedOptions{
		Client:     o.deploy,
		Declared:   []workspace.Object{{Type: "genesyscloud_routing_queue", Name: "SUPPORT"}},
		ManagedIDs: map[string]bool{managed: true},
		Ignore:     ignore,
	})
	if len(errs) > 0 {
		t.Fatalf("errors listing the org: %+v", errs)
	}
	got := map[string]string{}
	for _, f := range found {
		got[f.Type+" "+f.Name] = f.ID
	}
	// Every covered type was listed; the home division and built-in roles are not unmanaged.
	want := []string{"genesyscloud_routing_queue Hand Made", "genesyscloud_routing_skill Spanish"}
	if len(got) != len(want) {
		t.Errorf("unmanaged %v, want %v", got, want)
	}
	for _, w := range want {
		if _, ok := got[w]; !ok {
			t.Errorf("%s not reported (got %v)", w, got)
		}
	}
	if got["genesyscloud_routing_queue Hand Made"] != hand {
		t.Errorf("hand-made queue id %q, want %q", got["genesyscloud_routing_queue Hand Made"], hand)
	}
}

// TestDetectWithoutPlanner runs the unmanaged search and attribution through Detect, as
// `cx drift` does when no project was ever applied.
func TestDetectWithoutPlanner(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	o.createQueue(t, o.console, "Hand Made")
	root := t.TempDir()
	ws := &workspace.Workspace{Root: root, Config: &workspace.Config{Name: "w"}}
	rep, err := Detect(context.Background(), Options{Workspace: ws, Env: "dev", Client: o.deploy,
		UnmanagedTypes: []string{"genesyscloud_routing_queue"}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.ExitCode() != ExitDrift || len(rep.Findings) != 1 {
		t.Fatalf("report %+v", rep)
	}
	if a := rep.Findings[0].Attribution; a == nil || a.Who != "console" || a.Action != "Create" {
		t.Errorf("attribution %+v", a)
	}
}
