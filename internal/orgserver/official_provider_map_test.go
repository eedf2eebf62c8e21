package orgserver

import (
	"encoding/json"
	"maps"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// resourceAPICalls is one official resource's entry in reference/resource-api-map.json: the
// calls its source makes (paths, custom_client_paths) and the ones its docs name.
type resourceAPICalls struct {
	Paths             []string `json:"paths"`
	CustomClientPaths []string `json:"custom_client_paths"`
	DocPaths          []string `json:"doc_paths"`
}

// officialProviderCalls reads the resource map and returns every call ("GET /api/v2/…") the
// official provider makes for the resource types the catalogue serves, with the types that
// make it, sorted.
func officialProviderCalls(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile("../../reference/resource-api-map.json")
	if err != nil {
		t.Fatalf("read the resource map: %v", err)
	}
	var byType map[string]resourceAPICalls
	if err := json.Unmarshal(b, &byType); err != nil {
		t.Fatalf("decode the resource map: %v", err)
	}
	calls := map[string][]string{}
	for _, k := range kinds.Genesys().Where((*kinds.Kind).Served) {
		if k.Resource == "" {
			continue // a part of another kind's resource (kinds.Field.Part): its calls are that resource's
		}
		entry, ok := byType[k.Resource]
		if !ok {
			t.Errorf("%s is served but missing from the resource map", k.Resource)
			continue
		}
		for _, list := range [][]string{entry.Paths, entry.CustomClientPaths, entry.DocPaths} {
			for _, call := range list {
				if !slices.Contains(calls[call], k.Resource) {
					calls[call] = append(calls[call], k.Resource)
				}
			}
		}
	}
	return calls
}

// pathParamRE finds a path parameter of the map's paths ("{queueId}").
var pathParamRE = regexp.MustCompile(`\{[A-Za-z]+\}`)

// TestEveryOfficialProviderCallIsServed walks the resource map for every resource type the
// catalogue serves and sends each call over real HTTP: none may end at the catch-all (the
// "No API" 404, or a 405 because only other methods are served). Unknown ids stand in for
// the path parameters, so a served route answers with its own 404 or 400.
func TestEveryOfficialProviderCallIsServed(t *testing.T) {
	ts, c := parallelDevOrg(t)
	calls := officialProviderCalls(t)
	if len(calls) < 100 {
		t.Fatalf("the resource map names only %d calls for the served kinds", len(calls))
	}
	for _, call := range slices.Sorted(maps.Keys(calls)) {
		types := calls[call]
		method, path, ok := strings.Cut(call, " ")
		if !ok || !strings.HasPrefix(path, "/api/v2/") {
			t.Errorf("%q (%v) is not METHOD /api/v2/…", call, types)
			continue
		}
		path = pathParamRE.ReplaceAllString(path, "00000000-0000-0000-0000-00000000abcd")
		req, _ := http.NewRequest(method, ts.URL+path, nil)
		if pattern := ts.servedPattern(req); pattern == apiCatchAllPattern {
			t.Errorf("%s (%s) has no route", call, strings.Join(types, ", "))
			continue
		}
		var body any
		if method != http.MethodGet && method != http.MethodDelete {
			body = map[string]any{}
		}
		r := c.do(method, path, body)
		if strings.Contains(string(r.Body), "No API") || r.Status == http.StatusMethodNotAllowed || r.Status >= 500 {
			t.Errorf("%s (%s) answered %d %s", call, strings.Join(types, ", "), r.Status, r.Body)
		}
	}
}
