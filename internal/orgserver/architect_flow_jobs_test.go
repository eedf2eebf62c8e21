package orgserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/architect"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// readFlowFixture reads a flow of this package's fixtures.
func readFlowFixture(t *testing.T, name string) []byte {
	t.Helper()
	return readTestFile(t, "testdata/flows/"+name)
}

// fixtureLine returns the 1-based line and column where text first appears in data.
func fixtureLine(t *testing.T, data []byte, text string) (int, int) {
	t.Helper()
	for i, l := range strings.Split(string(data), "\n") {
		if c := strings.Index(l, text); c >= 0 {
			return i + 1, c + 1
		}
	}
	t.Fatalf("%q is not in the fixture", text)
	return 0, 0
}

// wantUnresolvedName imports flow and checks that the job fails with one error only: the flow
// names a noun called name, where name first stands in its YAML, that the org does not hold.
func wantUnresolvedName(t *testing.T, ts *TestServer, c *rawClient, flow []byte, noun, name string) {
	t.Helper()
	st := uploadFlowJob(t, ts, c, flow)
	line, col := fixtureLine(t, flow, name)
	want := fmt.Sprintf("Unable to find a %s named '%s' (flow.yaml line %d, column %d)", noun, name, line, col)
	if errs := jobTexts(st, "Error"); st["status"] != "Failure" || len(errs) != 1 || errs[0] != want {
		t.Fatalf("job = %v, want the one error %q", st, want)
	}
}

func flowOrgID(t *testing.T, ts *TestServer, name string) string {
	t.Helper()
	for _, o := range ts.Store().Orgs() {
		if o.Name == name {
			return o.ID
		}
	}
	t.Fatalf("no org %q", name)
	return ""
}

// uploadFlow does what genesyscloud_flow does: register a job, PUT the file to the
// presigned URL with the returned headers and no Authorization (requiring exactly 200),
// then poll the job until it ends. It returns the final job state.
func uploadFlowJob(t *testing.T, ts *TestServer, c *rawClient, data []byte) map[string]any {
	t.Helper()
	job := c.must(200, "POST", "/api/v2/flows/jobs", nil)
	id, _ := job["id"].(string)
	url, _ := job["presignedUrl"].(string)
	if id == "" || !strings.HasPrefix(url, ts.URL+"/uploads/flows/"+id+"?sig=") || job["selfUri"] != "/api/v2/flows/jobs/"+id {
		t.Fatalf("registered job = %v", job)
	}
	if st := putUpload(t, url, job["headers"], data); st != http.StatusOK {
		t.Fatalf("upload: status %d, want exactly 200", st)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		st := c.must(200, "GET", "/api/v2/flows/jobs/"+id+"?expand=messages", nil)
		switch st["status"] {
		case "Success", "Failure":
			if st["command"] != "Publish" {
				t.Errorf("job command = %v, want Publish", st["command"])
			}
			return st
		case "Registered", "Started":
		default:
			t.Fatalf("job status = %v", st["status"])
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s still %v after 10s", id, st["status"])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func putUpload(t *testing.T, url string, headers any, data []byte) int {
	t.Helper()
	req, err := http.NewRequest("PUT", url, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if h, ok := headers.(map[string]any); ok {
		for k, v := range h {
			req.Header.Set(k, fmt.Sprint(v))
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// jobTexts returns the texts of a job's messages of one type.
func jobTexts(st map[string]any, typ string) []string {
	var out []string
	msgs, _ := st["messages"].([]any)
	for _, m := range msgs {
		mm := m.(map[string]any)
		if mm["type"] == typ {
			out = append(out, mm["text"].(string))
		}
	}
	return out
}

// seedFlowTargets creates the objects main_ivr.yaml names, except those in skip.
func seedFlowTargets(t *testing.T, c *rawClient, skip ...string) {
	t.Helper()
	has := func(n string) bool {
		for _, s := range skip {
			if s == n {
				return false
			}
		}
		return true
	}
	if has("queue") {
		c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "401K"})
	}
	if has("language") {
		c.must(200, "POST", "/api/v2/routing/languages", map[string]any{"name": "English"})
	}
	if has("skill") {
		c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Retirement Plans"})
	}
	if has("scheduleGroup") {
		sc := c.must(200, "POST", "/api/v2/architect/schedules", map[string]any{"name": "Weekdays", "start": "2024-01-01T08:00:00.000", "end": "2024-01-01T17:00:00.000", "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"})
		c.must(200, "POST", "/api/v2/architect/schedulegroups", map[string]any{"name": "Main Office Hours", "openSchedules": []any{map[string]any{"id": sc["id"]}}})
	}
	if has("dataAction") {
		ig := c.must(200, "POST", "/api/v2/integrations", map[string]any{"name": "CRM", "integrationType": map[string]any{"id": "custom-rest-actions"}})["id"].(string)
		c.must(200, "POST", "/api/v2/integrations/actions", newAction(ig, "Lookup"))
	}
}

func TestFlowJobProtocol(t *testing.T) {
	ts, c := parallelDevOrg(t)
	seedFlowTargets(t, c)

	module := uploadFlowJob(t, ts, c, readFlowFixture(t, "verify_caller.yaml"))
	if module["status"] != "Success" {
		t.Fatalf("common module job = %v", module)
	}
	moduleID := module["flow"].(map[string]any)["id"].(string)

	ivr := readFlowFixture(t, "main_ivr.yaml")
	st := uploadFlowJob(t, ts, c, ivr)
	if st["status"] != "Success" {
		t.Fatalf("job = %v", st)
	}
	ref := st["flow"].(map[string]any)
	id := ref["id"].(string)
	if ref["selfUri"] != "/api/v2/flows/"+id {
		t.Errorf("job flow = %v", ref)
	}
	if w := jobTexts(st, "Warning"); len(w) != 1 || !strings.Contains(w[0], "MainMenuGreeting") {
		t.Errorf("warnings = %q, want one about the prompt", w)
	}
	// Without expand=messages the state has no messages.
	if plain := c.must(200, "GET", "/api/v2/flows/jobs/"+st["id"].(string), nil); plain["messages"] != nil {
		t.Errorf("messages without expand: %v", plain["messages"])
	}

	f := c.must(200, "GET", "/api/v2/flows/"+id, nil)
	pv, _ := f["publishedVersion"].(map[string]any)
	if f["name"] != "Main IVR" || f["type"] != "INBOUNDCALL" || f["description"] != "Main line" || f["active"] != true || f["deleted"] != false || pv["id"] != "1.0" {
		t.Errorf("flow = %v", f)
	}
	if cv, _ := f["checkedInVersion"].(map[string]any); cv["id"] != "1.0" {
		t.Errorf("checkedInVersion = %v", f["checkedInVersion"])
	}
	if div := f["division"].(map[string]any); div["name"] != "Home" {
		t.Errorf("division = %v", div)
	}
	if _, ok := pv["dateCreated"].(float64); !ok {
		t.Errorf("publishedVersion.dateCreated must be epoch ms: %v", pv["dateCreated"])
	}
	if got := exportFlow(t, c, id); !bytes.Equal(got, ivr) {
		t.Errorf("export differs from the upload:\n%s", got)
	}

	// Re-importing the same (name, type) adds version 2.0 to the same flow.
	ivr2 := bytes.Replace(ivr, []byte("description: Main line"), []byte("description: Main line v2"), 1)
	st = uploadFlowJob(t, ts, c, ivr2)
	if st["status"] != "Success" || st["flow"].(map[string]any)["id"] != id {
		t.Fatalf("second job = %v", st)
	}
	f = c.must(200, "GET", "/api/v2/flows/"+id, nil)
	if f["publishedVersion"].(map[string]any)["id"] != "2.0" || f["description"] != "Main line v2" {
		t.Errorf("after re-import flow = %v", f)
	}
	if got := exportFlow(t, c, id); !bytes.Equal(got, ivr2) {
		t.Errorf("export after re-import is not the new YAML")
	}
	vs := c.must(200, "GET", "/api/v2/flows/"+id+"/versions", nil)
	if vs["total"].(float64) != 2 || vs["entities"].([]any)[0].(map[string]any)["id"] != "1.0" {
		t.Errorf("versions = %v", vs)
	}
	c.must(200, "GET", "/api/v2/flows/"+id+"/versions/1.0", nil)
	c.wantError(404, "not.found", "GET", "/api/v2/flows/"+id+"/versions/9.0", nil)
	cfg := c.must(200, "GET", "/api/v2/flows/"+id+"/versions/1.0/configuration", nil)
	if body, _ := cfg["inboundCall"].(map[string]any); body["description"] != "Main line" {
		t.Errorf("configuration of 1.0 = %v", cfg)
	}
	latest := c.must(200, "GET", "/api/v2/flows/"+id+"/latestconfiguration", nil)
	if body, _ := latest["inboundCall"].(map[string]any); body["description"] != "Main line v2" {
		t.Errorf("latest configuration = %v", latest)
	}

	// Consumed resources of the published version (served through dependency tracking).
	items, ok := architect.ConsumedResources(ts.Store(), flowOrgID(t, ts, "dev"), id, "2.0", nil)
	types := map[string]string{}
	for _, it := range items {
		var d map[string]any
		json.Unmarshal(it, &d) //nolint:errcheck // checked below
		types[d["type"].(string)] = d["name"].(string)
	}
	want := map[string]string{"QUEUE": "401K", "ACDLANGUAGE": "English", "ACDSKILL": "Retirement Plans", "DATAACTION": "Lookup", "COMMONMODULEFLOW": "Verify Caller", "SCHEDULEGROUP": "Main Office Hours"}
	if !ok || fmt.Sprint(types) != fmt.Sprint(want) {
		t.Errorf("consumed resources = %v, want %v", types, want)
	}
	if items, _ := architect.ConsumedResources(ts.Store(), flowOrgID(t, ts, "dev"), id, "2", []string{"QUEUE"}); len(items) != 1 {
		t.Errorf("resourceType=QUEUE gave %d items", len(items))
	}
	if _, ok := architect.ConsumedResources(ts.Store(), flowOrgID(t, ts, "dev"), "not-a-flow", "1.0", nil); ok {
		t.Error("a non-flow id must be left to the caller")
	}
	// The same over HTTP, as the exporter asks for it.
	cr := c.must(200, "GET", "/api/v2/architect/dependencytracking/consumedresources"+q("id", id, "version", "2.0", "objectType", "INBOUNDCALLFLOW", "resourceType", "QUEUE"), nil)
	if cr["total"].(float64) != 1 || cr["entities"].([]any)[0].(map[string]any)["name"] != "401K" {
		t.Errorf("consumedresources over HTTP = %v", cr)
	}
	// The module is now in use by the IVR flow.
	c.wantError(409, "general.conflict", "DELETE", "/api/v2/flows/"+moduleID, nil)

	// Audit: Create for the first publish, Publish for the second, with the version.
	var actions []string
	for _, a := range ts.Store().AuditLog(flowOrgID(t, ts, "dev")) {
		var m map[string]any
		json.Unmarshal(a, &m) //nolint:errcheck // test data
		if m["entityType"] != "Flow" || m["entity"].(map[string]any)["id"] != id {
			continue
		}
		actions = append(actions, m["action"].(string))
		for _, pc := range m["propertyChanges"].([]any) {
			pc := pc.(map[string]any)
			if pc["property"] == "publishedVersion" {
				actions = append(actions, fmt.Sprint(pc["newValues"]))
			}
		}
		if m["serviceName"] != "Architect" {
			t.Errorf("audit service = %v", m["serviceName"])
		}
	}
	if fmt.Sprint(actions) != "[Create [1.0] Publish [2.0]]" {
		t.Errorf("audit = %v", actions)
	}
}

// exportFlow runs an export job for one flow and downloads it without a token.
func exportFlow(t *testing.T, c *rawClient, id string) []byte {
	t.Helper()
	reg := c.must(200, "POST", "/api/v2/flows/export/jobs", map[string]any{"flows": []any{map[string]any{"flow": map[string]any{"id": id}}}})
	st := c.must(200, "GET", "/api/v2/flows/export/jobs/"+reg["id"].(string), nil)
	url, _ := st["downloadUrl"].(string)
	if st["status"] != "Success" || !strings.HasPrefix(url, c.base+"/downloads/flows/") {
		t.Fatalf("export job = %v", st)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("download: %d %s", resp.StatusCode, b)
	}
	return b
}

func TestFlowImportMissingReferences(t *testing.T) {
	ts, c := parallelDevOrg(t)
	seedFlowTargets(t, c, "queue", "skill")
	uploadFlowJob(t, ts, c, readFlowFixture(t, "verify_caller.yaml"))
	ivr := readFlowFixture(t, "main_ivr.yaml")

	st := uploadFlowJob(t, ts, c, ivr)
	if st["status"] != "Failure" || st["flow"] != nil {
		t.Fatalf("job = %v", st)
	}
	line, col := fixtureLine(t, ivr, "name: 401K")
	col += len("name: ")
	errs := jobTexts(st, "Error")
	want := fmt.Sprintf("Unable to find a queue named '401K' (flow.yaml line %d, column %d)", line, col)
	if len(errs) != 2 || errs[0] != want || !strings.Contains(errs[1], "skill named 'Retirement Plans'") {
		t.Errorf("errors = %q, want %q and one for the skill", errs, want)
	}
	for _, m := range st["messages"].([]any) {
		if _, err := time.Parse("2006-01-02T15:04:05.000Z", m.(map[string]any)["dateTime"].(string)); err != nil {
			t.Errorf("message dateTime: %v", err)
		}
	}
	// Nothing was published.
	if l := c.must(200, "GET", "/api/v2/flows"+q("name", "Main IVR"), nil); l["total"].(float64) != 0 {
		t.Errorf("a failed import created a flow: %v", l)
	}
	// A data action in another integration does not count.
	seedFlowTargets(t, c, "language", "scheduleGroup", "dataAction")
	moved := bytes.Replace(ivr, []byte("CRM:"), []byte("Billing:"), 1)
	st = uploadFlowJob(t, ts, c, moved)
	if errs := jobTexts(st, "Error"); st["status"] != "Failure" || len(errs) != 2 ||
		!strings.Contains(errs[0], "integration named 'Billing'") || !strings.Contains(errs[1], "data action named 'Lookup' in the integration 'Billing'") {
		t.Errorf("errors = %q", errs)
	}
	// Once everything exists the same file publishes.
	if st := uploadFlowJob(t, ts, c, ivr); st["status"] != "Success" {
		t.Errorf("job = %v", st)
	}
}

func TestFlowImportMalformed(t *testing.T) {
	ts, c := parallelDevOrg(t)
	bad := readFlowFixture(t, "malformed.yaml")
	st := uploadFlowJob(t, ts, c, bad)
	line, col := fixtureLine(t, bad, "audio: oops")
	errs := jobTexts(st, "Error")
	if st["status"] != "Failure" || len(errs) != 1 || !strings.Contains(errs[0], fmt.Sprintf("(flow.yaml line %d, column %d)", line, col)) {
		t.Errorf("job = %v, want one error at line %d column %d", st, line, col)
	}
	// Structure errors (Validate) are reported the same way.
	st = uploadFlowJob(t, ts, c, []byte("inboundCall:\n  name: X\n  startUpRef: ./menus/menu[Nope_1]\n"))
	if errs := jobTexts(st, "Error"); st["status"] != "Failure" || len(errs) != 1 || !strings.Contains(errs[0], "line 3, column 15") {
		t.Errorf("errors = %q", errs)
	}
	st = uploadFlowJob(t, ts, c, []byte("inboundcall:\n  name: X\n"))
	if errs := jobTexts(st, "Error"); st["status"] != "Failure" || len(errs) != 1 || !strings.Contains(errs[0], `did you mean "inboundCall"`) {
		t.Errorf("errors = %q", errs)
	}
}

func TestFlowUploadSignature(t *testing.T) {
	ts, c := parallelDevOrg(t)
	data := readFlowFixture(t, "verify_caller.yaml")
	job := c.must(200, "POST", "/api/v2/flows/jobs", nil)
	url := job["presignedUrl"].(string)
	base, _, _ := strings.Cut(url, "?")
	for _, u := range []string{base, base + "?sig=forged", strings.Replace(url, job["id"].(string), "00000000-0000-0000-0000-000000000000", 1)} {
		if st := putUpload(t, u, nil, data); st != http.StatusForbidden {
			t.Errorf("PUT %s: status %d, want 403", u, st)
		}
	}
	if st := c.must(200, "GET", "/api/v2/flows/jobs/"+job["id"].(string), nil); st["status"] != "Registered" {
		t.Errorf("after forged uploads the job is %v", st["status"])
	}
	// Another org's token cannot read the job.
	newRawClient(t, ts, "test", "deploy").wantError(404, "not.found", "GET", "/api/v2/flows/jobs/"+job["id"].(string), nil)

	if st := putUpload(t, url, nil, data); st != 200 {
		t.Fatalf("upload: %d", st)
	}
	// A retried upload of the same bytes succeeds again; other bytes are refused.
	if st := putUpload(t, url, nil, data); st != 200 {
		t.Errorf("retried upload: %d, want 200", st)
	}
	if st := putUpload(t, url, nil, []byte("commonModule:\n  name: Other\n")); st != http.StatusConflict {
		t.Errorf("second different upload: %d, want 409", st)
	}
	// The import is attributed to the client that registered the job.
	for _, a := range ts.Store().AuditLog(flowOrgID(t, ts, "dev")) {
		var m map[string]any
		json.Unmarshal(a, &m) //nolint:errcheck // test data
		if m["entityType"] == "Flow" && m["context"].(map[string]any)["clientName"] != "deploy" {
			t.Errorf("audit context = %v", m["context"])
		}
	}
}

func TestFlowReadonlyClient(t *testing.T) {
	ts, c := parallelDevOrg(t)
	ro := newRawClient(t, ts, "dev", "readonly")
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/flows/jobs", nil)
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/flows", map[string]any{"name": "X", "type": "inboundcall"})
	st := uploadFlowJob(t, ts, c, readFlowFixture(t, "verify_caller.yaml"))
	id := st["flow"].(map[string]any)["id"].(string)
	ro.must(200, "GET", "/api/v2/flows/"+id, nil)
	ro.wantError(403, "missing.permissions", "DELETE", "/api/v2/flows/"+id, nil)
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/flows/actions/checkout?flow="+id, nil)
	// Drift detection reads flow content with a read-only client.
	if got := exportFlow(t, ro, id); !bytes.Equal(got, readFlowFixture(t, "verify_caller.yaml")) {
		t.Errorf("read-only export = %s", got)
	}
}

func TestFlowExportErrors(t *testing.T) {
	ts, c := parallelDevOrg(t)
	c.wantError(400, "bad.request", "POST", "/api/v2/flows/export/jobs", map[string]any{"flows": []any{}})
	c.wantError(400, "bad.request", "POST", "/api/v2/flows/export/jobs", map[string]any{"flows": []any{map[string]any{"flow": map[string]any{"id": "nope"}}}})
	empty := c.must(200, "POST", "/api/v2/flows", map[string]any{"name": "Empty", "type": "inboundcall"})["id"].(string)
	c.wantError(400, "bad.request", "POST", "/api/v2/flows/export/jobs", map[string]any{"flows": []any{map[string]any{"flow": map[string]any{"id": empty}}}})
	c.wantError(404, "not.found", "GET", "/api/v2/flows/export/jobs/nope", nil)

	// Two flows come back as a zip.
	a := uploadFlowJob(t, ts, c, readFlowFixture(t, "verify_caller.yaml"))["flow"].(map[string]any)["id"]
	b := uploadFlowJob(t, ts, c, []byte("commonModule:\n  name: Second\n  startUpRef: ./tasks/task[T_1]\n  tasks:\n    - task:\n        name: T\n        refId: T_1\n"))["flow"].(map[string]any)["id"]
	reg := c.must(200, "POST", "/api/v2/flows/export/jobs", map[string]any{"flows": []any{
		map[string]any{"flow": map[string]any{"id": a}}, map[string]any{"flow": map[string]any{"id": b}},
	}})
	if reg["totalFlows"].(float64) != 2 {
		t.Errorf("export registration = %v", reg)
	}
	st := c.must(200, "GET", "/api/v2/flows/export/jobs/"+reg["id"].(string), nil)
	resp, err := http.Get(st["downloadUrl"].(string))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/zip" {
		t.Errorf("download of two flows: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	bad := strings.Replace(st["downloadUrl"].(string), "sig=", "sig=x", 1)
	if resp, err := http.Get(bad); err != nil || resp.StatusCode != 403 {
		t.Errorf("download with a bad signature: %v %v", resp.StatusCode, err)
	}
}

// Concurrent uploads to one URL (a client retrying while its first PUT is still running)
// publish once: the job is claimed in the transaction that reads its status.
func TestFlowUploadConcurrentPublishesOnce(t *testing.T) {
	ts, c := parallelDevOrg(t)
	data := readFlowFixture(t, "verify_caller.yaml")
	job := c.must(200, "POST", "/api/v2/flows/jobs", nil)
	url := job["presignedUrl"].(string)
	var wg sync.WaitGroup
	codes := make(chan int, 16)
	for range 16 {
		wg.Go(func() { codes <- putUpload(t, url, job["headers"], data) })
	}
	wg.Wait()
	close(codes)
	for st := range codes {
		if st != http.StatusOK {
			t.Errorf("upload: status %d, want 200 for every copy of the same bytes", st)
		}
	}
	org := flowOrgID(t, ts, "dev")
	if v := ts.Store().List(org, host.KindFlowVersion, "*"); len(v) != 1 {
		t.Errorf("16 uploads of one job made %d flow versions, want 1", len(v))
	}
	n := 0
	for _, a := range ts.Store().AuditLog(org) {
		var m map[string]any
		json.Unmarshal(a, &m) //nolint:errcheck // test data
		if m["entityType"] == "Flow" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d flow audit records, want 1", n)
	}
}

// sleepUntilExpired waits out a presigned URL's exp (whole seconds, so the wait is short
// and known in advance; nothing else can end it sooner).
func sleepUntilExpired(t *testing.T, u string) {
	t.Helper()
	pu, err := neturl.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	exp, err := strconv.ParseInt(pu.Query().Get("exp"), 10, 64)
	if err != nil {
		t.Fatalf("presigned URL %s has no exp", u)
	}
	time.Sleep(time.Until(time.Unix(exp, 0)))
}

// Presigned URLs stop working after the server's presign TTL.
func TestFlowPresignedURLsExpire(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t, withPresignTTL(time.Second))
	c := newRawClient(t, ts, "dev", "deploy")
	data := readFlowFixture(t, "verify_caller.yaml")

	// A fresh download URL works; once expired it is refused with a 403 saying so.
	flow := uploadFlowJob(t, ts, c, data)["flow"].(map[string]any)["id"]
	reg := c.must(200, "POST", "/api/v2/flows/export/jobs", map[string]any{"flows": []any{map[string]any{"flow": map[string]any{"id": flow}}}})
	dl := c.must(200, "GET", "/api/v2/flows/export/jobs/"+reg["id"].(string), nil)["downloadUrl"].(string)
	job := c.must(200, "POST", "/api/v2/flows/jobs", nil)
	up := job["presignedUrl"].(string)
	sleepUntilExpired(t, dl)
	sleepUntilExpired(t, up)
	for _, tc := range []struct{ method, url string }{{"GET", dl}, {"PUT", up}} {
		req, _ := http.NewRequest(tc.method, tc.url, bytes.NewReader(data))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "expired") {
			t.Errorf("%s of an expired URL: %d %s, want 403 saying it expired", tc.method, resp.StatusCode, body)
		}
	}
	if st := c.must(200, "GET", "/api/v2/flows/jobs/"+job["id"].(string), nil); st["status"] != "Registered" {
		t.Errorf("after an expired upload the job is %v", st["status"])
	}
	// The exp is signed: moving it forward breaks the signature.
	pu, _ := neturl.Parse(up)
	qv := pu.Query()
	qv.Set("exp", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
	pu.RawQuery = qv.Encode()
	if st := putUpload(t, pu.String(), nil, data); st != http.StatusForbidden {
		t.Errorf("upload with a forged exp: %d, want 403", st)
	}
	// The download URL is signed anew on each read of the export job.
	fresh := c.must(200, "GET", "/api/v2/flows/export/jobs/"+reg["id"].(string), nil)["downloadUrl"].(string)
	if resp, err := http.Get(fresh); err != nil || resp.StatusCode != 200 {
		t.Errorf("fresh download URL: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}
