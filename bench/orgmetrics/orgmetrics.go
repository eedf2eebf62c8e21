// Package orgmetrics reads the local org's request counters from its /metrics endpoint, so
// that every benchmark counts what the org answered (429s and other failures included) the
// same way, and can fail loudly when a run measured errors instead of work.
package orgmetrics

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Counts are the org's API and token requests so far (/metrics itself and other admin calls
// excluded): all of them, 429s, answers of 400 or more (429s included), and token requests.
// ByRoute splits Requests by the org's route ("GET /api/v2/routing/queues"), so that a
// benchmark missing a request goal can say where the requests went.
type Counts struct {
	Requests, TooMany, Failed, Tokens int
	ByRoute                           map[string]int
}

// Sub is what happened between an earlier reading and c.
func (c Counts) Sub(earlier Counts) Counts {
	byRoute := map[string]int{}
	for route, n := range c.ByRoute {
		if d := n - earlier.ByRoute[route]; d != 0 {
			byRoute[route] = d
		}
	}
	return Counts{c.Requests - earlier.Requests, c.TooMany - earlier.TooMany, c.Failed - earlier.Failed, c.Tokens - earlier.Tokens, byRoute}
}

// Read fetches base/metrics and adds up cx_org_requests_total by status.
func Read(ctx context.Context, base string) (Counts, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/metrics", nil)
	if err != nil {
		return Counts{}, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Counts{}, err
	}
	defer resp.Body.Close()
	c := Counts{ByRoute: map[string]int{}}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		rest, ok := strings.CutPrefix(line, "cx_org_requests_total{")
		if !ok {
			continue
		}
		labels, value, _ := strings.Cut(rest, "} ")
		if !strings.Contains(labels, "/api/v2/") && !strings.Contains(labels, "/oauth/token") && !strings.Contains(labels, `route="fault"`) {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			return c, fmt.Errorf("metrics line %q: %w", line, err)
		}
		n := int(v)
		c.Requests += n
		c.ByRoute[labelValue(labels, "route")] += n
		if strings.Contains(labels, `status="429"`) {
			c.TooMany += n
		}
		if i := strings.Index(labels, `status="`); i >= 0 && len(labels) > i+8 && labels[i+8] >= '4' {
			c.Failed += n
		}
		if strings.Contains(labels, `route="POST /oauth/token"`) {
			c.Tokens += n
		}
	}
	return c, sc.Err()
}

// labelValue is the value of one label in a Prometheus label list (`route="GET /x",status="200"`),
// or "" when it is not there.
func labelValue(labels, name string) string {
	_, rest, ok := strings.Cut(labels, name+`="`)
	if !ok {
		return ""
	}
	value, _, _ := strings.Cut(rest, `"`)
	return value
}
