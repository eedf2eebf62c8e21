package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/runner"
)

// TestAccExamplePlanOnFreshOrg is issue #14's "plans across dependent changes": on a fresh
// org, `cx plan --env dev` of the example shows every project's plan — the flow projects,
// whose lookups name objects only the shared projects' plans create, planned speculatively
// against a copy of the org — without any lookup waiting for them. After the apply, plans
// are empty and none is speculative.
func TestAccExamplePlanOnFreshOrg(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "contact-center")
	if _, err := os.Stat(filepath.Join(src, "cx.hcl")); err != nil {
		t.Skip("examples/contact-center is not there")
	}
	root := t.TempDir()
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	copyTree(t, src, root)

	start := time.Now()
	out, _, code := cx.run("plan", "--env", "dev", "--json")
	t.Logf("cx plan --env dev on a fresh org took %s", time.Since(start).Round(10*time.Millisecond))
	res := decodeRun(t, out)
	if code != 2 || len(res.Projects) != 6 {
		t.Fatalf("plan on a fresh org: exit %d, %d projects, want exit 2 and all 6", code, len(res.Projects))
	}
	for _, p := range res.Projects {
		flow := strings.HasPrefix(p.Project, "flow-")
		if p.Status != runner.StatusChanges || p.Add == 0 || p.Speculative != flow {
			t.Errorf("%s: %s +%d speculative=%v (%s); want changes to add, speculative=%v", p.Project, p.Status, p.Add, p.Speculative, p.Error, flow)
		}
		// A lookup that waited for a missing object would take its whole wait (15 s).
		if p.Seconds >= 15 {
			t.Errorf("%s took %.1fs: a lookup waited for an object that was only planned", p.Project, p.Seconds)
		}
	}
	var orgs struct {
		Orgs []struct {
			Name string `json:"name"`
		} `json:"orgs"`
	}
	if err := json.Unmarshal([]byte(adminGet(t, ts, "/admin/orgs")), &orgs); err != nil || len(orgs.Orgs) != 3 {
		t.Errorf("the speculative org should be discarded after the plan; the local org holds %+v (%v)", orgs, err)
	}
	if _, err := os.Stat(filepath.Join(root, ".cx", "speculative", "dev")); !os.IsNotExist(err) {
		t.Errorf("the copies of state should be gone after the plan: %v", err)
	}

	if _, _, code := cx.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply dev: exit %d", code)
	}
	out, _, code = cx.run("plan", "--env", "dev", "--json")
	res = decodeRun(t, out)
	if code != 0 || len(res.Projects) != 6 {
		t.Fatalf("plan after apply: exit %d, %d projects", code, len(res.Projects))
	}
	for _, p := range res.Projects {
		if p.Status != runner.StatusNoChanges || p.Speculative {
			t.Errorf("%s after apply: %s speculative=%v (%s)", p.Project, p.Status, p.Speculative, p.Error)
		}
	}
}

func decodeRun(t *testing.T, out string) runner.Result {
	t.Helper()
	var res runner.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("plan --json: %v\n%s", err, out)
	}
	return res
}

// adminGet reads a path of the test server's admin surface.
func adminGet(t *testing.T, ts *orgserver.TestServer, path string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Cx-Admin-Key", ts.AdminKey())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
