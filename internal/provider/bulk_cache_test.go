package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// requestLog records the requests an org receives, in phases a test names, so that a test
// can count exactly what one plan cost.
type requestLog struct {
	mu     sync.Mutex
	phase  string
	phases map[string][]string // phase → "METHOD /path"
}

func (l *requestLog) record(r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.phases[l.phase] = append(l.phases[l.phase], r.Method+" "+r.URL.Path)
}

// start makes later requests count towards phase.
func (l *requestLog) start(phase string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.phase = phase
}

// count returns how many requests of phase match method and (when not "") path.
func (l *requestLog) count(phase, method, path string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, req := range l.phases[phase] {
		m, p, _ := strings.Cut(req, " ")
		if (method == "" || m == method) && (path == "" || p == path) {
			n++
		}
	}
	return n
}

func (l *requestLog) total(phase string) int { return l.count(phase, "", "") }

// newCountingOrg is newAccOrg with every request recorded in a requestLog. It does not
// skip without TF_ACC: the seam-level tests below need no OpenTofu.
func newCountingOrg(t *testing.T) (*accOrg, *requestLog) {
	t.Helper()
	srv, err := orgserver.New(orgserver.Config{})
	if err != nil {
		t.Fatal(err)
	}
	creds, err := srv.CreateOrgs(context.Background(), orgserver.DefaultOrgs())
	if err != nil {
		srv.Close()
		t.Fatal(err)
	}
	log := &requestLog{phases: map[string][]string{}}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.record(r)
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
	})
	ts := &orgserver.TestServer{Server: srv, URL: hs.URL, Credentials: creds}
	cred := ts.Credential(t, "dev", "deploy")
	api, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	return &accOrg{t: t, ts: ts, cred: cred, api: api}, log
}

// providerClient is a client as Configure builds it: its own token and, unless getenv turns
// them off, bulk reads attached.
func providerClient(t *testing.T, o *accOrg, getenv func(string) (string, bool)) (*platform.Client, *bulkReads) {
	t.Helper()
	c, err := platform.New(platform.Config{BaseURL: o.ts.URL, ClientID: o.cred.ClientID, ClientSecret: o.cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c, attachBulkReads(c, getenv)
}

func noEnv(string) (string, bool) { return "", false }

// createWrapupCodes creates n codes named prefix 0..n-1 through the API and returns their ids.
func createWrapupCodes(t *testing.T, o *accOrg, prefix string, n int) []string {
	t.Helper()
	ids := make([]string, n)
	for i := range ids {
		var w platform.WrapupCode
		o.do(http.MethodPost, "/api/v2/routing/wrapupcodes", platform.WrapupCodeRequest{Name: ptr(fmt.Sprintf("%s %d", prefix, i)), Description: ptr("seed")}, &w)
		ids[i] = deref(w.ID)
	}
	return ids
}

// TestAccBulkReadOwnWriteIsFresh: after the snapshot, a code changed in the org and then
// updated by the provider reads as the provider's update (by GET), an untouched code comes
// from the snapshot, and after the TTL the snapshot is listed again and shows drift.
func TestAccBulkReadOwnWriteIsFresh(t *testing.T) {
	o, log := newCountingOrg(t)
	ids := createWrapupCodes(t, o, "Code", 4)
	client, reads := providerClient(t, o, noEnv)
	now := time.Now()
	reads.now = func() time.Time { return now }
	api := wrapupcodeAPI(client)
	ctx := context.Background()
	path := api.path

	log.start("first reads")
	for _, id := range ids {
		if w, err := api.get(ctx, id); err != nil || w == nil || deref(w.Description) != "seed" {
			t.Fatalf("get %s: %+v, %v", id, w, err)
		}
	}
	// The first read is a GET; the second lists (one page); the rest cost nothing.
	if got, want := log.count("first reads", http.MethodGet, path+"/"+ids[0]), 1; got != want {
		t.Errorf("GETs of the first code = %d, want %d", got, want)
	}
	if got, want := log.count("first reads", http.MethodGet, path), 1; got != want {
		t.Errorf("listings = %d, want %d", got, want)
	}
	if got, want := log.count("first reads", http.MethodGet, ""), 2; got != want {
		t.Errorf("GET requests = %d, want %d (%v)", got, want, log.phases["first reads"])
	}

	// Drift on ids[1] and ids[2]; then the provider updates ids[1] itself.
	for _, id := range ids[1:3] {
		o.do(http.MethodPut, path+"/"+id, platform.WrapupCodeRequest{Name: ptr("Drifted " + id), Description: ptr("drift")}, nil)
	}
	if _, err := api.update(ctx, http.MethodPut, ids[1], platform.WrapupCodeRequest{Name: ptr("Mine"), Description: ptr("mine")}); err != nil {
		t.Fatal(err)
	}
	log.start("after update")
	w, err := api.get(ctx, ids[1])
	if err != nil || w == nil || deref(w.Description) != "mine" || deref(w.Name) != "Mine" {
		t.Fatalf("own update read back as %+v, %v; want the provider's update", w, err)
	}
	if got := log.count("after update", http.MethodGet, path+"/"+ids[1]); got != 1 {
		t.Errorf("the updated code was read with %d GETs, want 1 (not from the snapshot)", got)
	}
	// Within the TTL an untouched object is served from the snapshot (no request).
	if _, err := api.get(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	if got := log.total("after update"); got != 1 {
		t.Errorf("requests after the update = %d, want 1: %v", got, log.phases["after update"])
	}

	// Past the TTL the next read lists again and sees the drift.
	now = now.Add(bulkReadTTL)
	log.start("after ttl")
	w, err = api.get(ctx, ids[2])
	if err != nil || w == nil || deref(w.Description) != "drift" {
		t.Fatalf("after the TTL: %+v, %v; want the drifted code", w, err)
	}
	if got := log.count("after ttl", http.MethodGet, path); got != 1 {
		t.Errorf("listings after the TTL = %d, want 1", got)
	}
}

// TestAccBulkReadGoneConfirmedByGET: an object missing from the snapshot is reported gone
// only after a GET says so, and one created after the snapshot is found by GET.
func TestAccBulkReadGoneConfirmedByGET(t *testing.T) {
	o, log := newCountingOrg(t)
	ids := createWrapupCodes(t, o, "Code", 3)
	o.do(http.MethodDelete, wrapupcodesAPIPath+"/"+ids[2], nil, nil)
	client, _ := providerClient(t, o, noEnv)
	api := wrapupcodeAPI(client)
	ctx := context.Background()
	for _, id := range ids[:2] {
		if w, err := api.get(ctx, id); err != nil || w == nil {
			t.Fatalf("get %s: %+v, %v", id, w, err)
		}
	}
	log.start("deleted")
	if w, err := api.get(ctx, ids[2]); err != nil || w != nil {
		t.Fatalf("deleted code: %+v, %v; want nil", w, err)
	}
	if got := log.count("deleted", http.MethodGet, wrapupcodesAPIPath+"/"+ids[2]); got != 1 {
		t.Errorf("the deleted code was confirmed with %d GETs, want 1", got)
	}
	fresh := createWrapupCodes(t, o, "Late code", 1)[0]
	if w, err := api.get(ctx, fresh); err != nil || w == nil {
		t.Fatalf("code created after the snapshot: %+v, %v", w, err)
	}
}

// TestAccBulkReadOff: CX_PROVIDER_BULK_READ=0 makes every read a GET.
func TestAccBulkReadOff(t *testing.T) {
	o, log := newCountingOrg(t)
	ids := createWrapupCodes(t, o, "Code", 3)
	client, reads := providerClient(t, o, func(name string) (string, bool) {
		return "0", name == envBulkRead
	})
	if reads != nil {
		t.Fatal("bulk reads are on with " + envBulkRead + "=0")
	}
	api := wrapupcodeAPI(client)
	log.start("reads")
	for _, id := range ids {
		if _, err := api.get(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	if got := log.count("reads", http.MethodGet, wrapupcodesAPIPath); got != 0 {
		t.Errorf("listings with bulk reads off = %d, want 0", got)
	}
	if got := log.count("reads", http.MethodGet, ""); got != len(ids) {
		t.Errorf("GETs = %d, want %d", got, len(ids))
	}
}

const wrapupcodesAPIPath = "/api/v2/routing/wrapupcodes"

// wrapupcodeAPI is an entityAPI over wrap-up codes with the typed platform model: the bulk
// read tests drive the seam directly, as a resource does, and read typed fields back.
func wrapupcodeAPI(c *platform.Client) entityAPI[platform.WrapupCode] {
	return seamFor(c, wrapupcodesAPIPath, kindDeleteTimeout, func(w *platform.WrapupCode) *string { return w.Name })
}

// TestAccBulkReadPlan runs OpenTofu: a refresh plan over n skills costs ceil(n/500) listings
// plus the first GET (and the login), and a skill deleted out of band is confirmed by GET
// and planned for creation again.
func TestAccBulkReadPlan(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (and TF_ACC_TERRAFORM_PATH to an OpenTofu binary)")
	}
	const n = 520
	o, log := newCountingOrg(t)
	var hcl strings.Builder
	for i := range n {
		fmt.Fprintf(&hcl, "resource \"genesyscloud_routing_skill\" \"s%d\" {\n  name = \"Bulk skill %04d\"\n}\n", i, i)
	}
	config := o.config(hcl.String())
	var st lastState
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: o.factories(),
		Steps: []resource.TestStep{
			{Config: config, Check: st.capture},
			{
				PreConfig: func() { log.start("plan") },
				Config:    config,
				PlanOnly:  true,
			},
			{
				PreConfig: func() {
					log.start("setup")
					o.do(http.MethodDelete, skillsPath+"/"+st.id("genesyscloud_routing_skill.s7"), nil, nil)
					log.start("plan after delete")
				},
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{PreConfig: func() { log.start("destroy") }, Config: config},
		},
	})
	if t.Failed() {
		return
	}
	pages := (n + bulkReadPageSize - 1) / bulkReadPageSize
	lists := log.count("plan", http.MethodGet, skillsPath)
	skillReqs := 0
	for _, r := range log.phases["plan"] {
		if strings.Contains(r, skillsPath) {
			skillReqs++
		}
	}
	t.Logf("plan over %d skills: %d requests (%d listings, %d skill requests)", n, log.total("plan"), lists, skillReqs)
	// k = 1: the first Read of the type is a GET by design.
	if limit := pages + 1; skillReqs > limit {
		t.Errorf("the refresh plan made %d skill requests, want at most ceil(%d/500)+1 = %d", skillReqs, n, limit)
	}
	if lists != pages {
		t.Errorf("listings = %d, want %d", lists, pages)
	}
	deleted := skillsPath + "/" + st.id("genesyscloud_routing_skill.s7")
	if got := log.count("plan after delete", http.MethodGet, deleted); got != 1 {
		t.Errorf("the skill deleted out of band was read with %d GETs, want 1 (gone is confirmed by GET)", got)
	}
}

// Which collections are bulk-read is the catalogue's word, not a list kept here.
func TestBulkReadableFromTheCatalogue(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]bool{
		"/api/v2/routing/skills": true, "/api/v2/routing/queues": true, "/api/v2/authorization/divisions": true,
		"/api/v2/responsemanagement/libraries": true,
		// Listed with the query GET by id takes; every write that bypasses entityAPI marks.
		"/api/v2/users": true, "/api/v2/groups": true, "/api/v2/authorization/roles": true,
		// Listed by cursor; or no collection at all.
		"/api/v2/routing/skillgroups": false, "/api/v2/not/a/collection": false,
	} {
		if got := bulkReadable(path); got != want {
			t.Errorf("bulkReadable(%s) = %v, want %v", path, got, want)
		}
	}
}
