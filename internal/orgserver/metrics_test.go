package orgserver

import (
	"io"
	"net/http"
	"regexp"
	"strconv"
	"testing"
)

func TestMetricsCountRequestsByRouteAndStatus(t *testing.T) {
	ts, c := parallelDevOrg(t)
	for range 3 {
		c.must(200, "GET", "/api/v2/routing/skills", nil)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/routing/skills/00000000-0000-0000-0000-000000000000", nil)
	c.wantError(400, "bad.request", "GET", "/api/v2/routing/skills?pageSize=0", nil)

	resp, err := http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("/metrics: status %d", resp.StatusCode)
	}
	for _, tc := range []struct {
		route, status string
		atLeast       int
	}{
		{"GET /api/v2/routing/skills", "200", 3},
		{"GET /api/v2/routing/skills", "400", 1},
		{"GET /api/v2/routing/skills/{id}", "404", 1},
		{"POST /oauth/token", "200", 1},
	} {
		re := regexp.MustCompile(`(?m)^cx_org_requests_total\{method="[A-Z]+",route="` + regexp.QuoteMeta(tc.route) + `",status="` + tc.status + `"\} (\d+)$`)
		m := re.FindSubmatch(body)
		if m == nil {
			t.Errorf("no cx_org_requests_total for route %q status %s in:\n%s", tc.route, tc.status, body)
			continue
		}
		if n, _ := strconv.Atoi(string(m[1])); n < tc.atLeast {
			t.Errorf("route %q status %s counted %d, want at least %d", tc.route, tc.status, n, tc.atLeast)
		}
	}
	if !regexp.MustCompile(`(?m)^cx_org_request_duration_seconds_count\{route="GET /api/v2/routing/skills"\} \d+$`).Match(body) {
		t.Error("no latency histogram for the skills list route")
	}
}
