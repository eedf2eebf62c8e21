package orgserver

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
)

// The fuzz targets send inputs through the real handlers (ServeHTTP with a real token, so
// auth, faults and metrics run too) and check what every client relies on: no panic, no
// 5xx, and every 4xx carries the Platform API error body.

// fuzzOrg is one server per fuzz worker with the objects the targets update.
type fuzzOrg struct {
	ts      *TestServer
	token   string
	orgID   string
	queueID string
	userID  string
	skillID string
	calls   int
}

func newFuzzOrg(f *testing.F) *fuzzOrg {
	ts := NewTestServer(f)
	fo := &fuzzOrg{ts: ts, token: newRawClient(f, ts, "dev", "deploy").token, orgID: ts.Credential(f, "dev", "deploy").OrgID}
	fo.seed(f)
	return fo
}

// seed creates the skill, queue and user the update targets work on. Until an API group
// exists its ids stay made up, which still exercises decoding and the 404 path.
func (fo *fuzzOrg) seed(t testing.TB) {
	fo.skillID, fo.queueID, fo.userID = "00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003"
	if id := fo.createID(t, "/api/v2/routing/skills", `{"name":"Fuzz skill"}`); id != "" {
		fo.skillID = id
	}
	if id := fo.createID(t, "/api/v2/routing/queues", `{"name":"Fuzz queue"}`); id != "" {
		fo.queueID = id
	}
	var home string
	for _, o := range fo.ts.Store().List(fo.orgID, entity.KindDivision, "") {
		home = o.ID
	}
	if id := fo.createID(t, "/api/v2/users", `{"name":"Fuzz User","email":"fuzz@example.com","divisionId":"`+home+`"}`); id != "" {
		fo.userID = id
	}
}

func (fo *fuzzOrg) createID(t testing.TB, path, body string) string {
	rec := fo.serve(t, "POST", path, "", body)
	var out struct {
		ID string `json:"id"`
	}
	if rec.Code == http.StatusOK && json.Unmarshal(rec.Body.Bytes(), &out) == nil {
		return out.ID
	}
	return ""
}

// serve sends one request through the server's handler. Every few hundred calls the org is
// reset, so name lookups do not slow down as fuzzed creates pile up.
func (fo *fuzzOrg) serve(t testing.TB, method, path, rawQuery, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "/", strings.NewReader(body))
	req.URL.Path, req.URL.RawQuery = path, rawQuery
	req.Header.Set("Authorization", "Bearer "+fo.token)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	fo.ts.ServeHTTP(rec, req)
	return rec
}

func (fo *fuzzOrg) maybeReset(t testing.TB) {
	fo.calls++
	if fo.calls%500 != 0 {
		return
	}
	if err := fo.ts.ResetOrg(t.Context(), fo.orgID); err != nil {
		t.Fatalf("reset org: %v", err)
	}
	fo.seed(t)
}

// checkResponse asserts the contract every response keeps, whatever the input.
func checkResponse(t *testing.T, what string, rec *httptest.ResponseRecorder) {
	t.Helper()
	body := rec.Body.Bytes()
	switch {
	case rec.Code >= 500:
		t.Fatalf("%s: status %d (a client input must never cause a server error); body %s", what, rec.Code, body)
	case rec.Code >= 400:
		var e struct {
			Message   *string   `json:"message"`
			Code      *string   `json:"code"`
			Status    int       `json:"status"`
			ContextID string    `json:"contextId"`
			Details   *[]string `json:"details"`
			Errors    *[]string `json:"errors"`
		}
		if err := json.Unmarshal(body, &e); err != nil {
			t.Fatalf("%s: status %d with a body that is not the JSON error shape: %q", what, rec.Code, body)
		}
		if e.Message == nil || e.Code == nil || *e.Code == "" || e.Status != rec.Code || e.Details == nil || e.Errors == nil {
			t.Fatalf("%s: status %d with an incomplete error body: %s", what, rec.Code, body)
		}
		if e.ContextID == "" || e.ContextID != rec.Header().Get(apihttp.CorrelationHeader) {
			t.Fatalf("%s: error contextId %q does not match the correlation header %q", what, e.ContextID, rec.Header().Get(apihttp.CorrelationHeader))
		}
	case rec.Code >= 200 && rec.Code < 300:
		if len(body) > 0 && !json.Valid(body) {
			t.Fatalf("%s: status %d with a body that is not JSON: %q", what, rec.Code, body)
		}
	default:
		t.Fatalf("%s: unexpected status %d", what, rec.Code)
	}
}

// fuzzBodies fuzzes the bodies of one write route (pattern names it in failures; path is
// where the bodies go) and checks every answer with checkResponse.
func (fo *fuzzOrg) fuzzBodies(f *testing.F, method, pattern, path string) {
	f.Fuzz(func(t *testing.T, body string) {
		fo.maybeReset(t)
		checkResponse(t, method+" "+pattern, fo.serve(t, method, path, "", body))
	})
}

var queueSeeds = []string{
	`{"name":"Support"}`,
	`{"name":"Billing","description":"Billing questions","skillEvaluationMethod":"BEST","scoringMethod":"TimestampAndPriority","lastAgentRoutingMode":"QueueMembersOnly","autoAnswerOnly":true,"enableTranscription":false,"suppressInQueueCallRecording":true,"callingPartyName":"Acme","callingPartyNumber":"+13175550100"}`,
	`{"name":"Sales","mediaSettings":{"call":{"alertingTimeoutSeconds":8,"serviceLevel":{"percentage":0.8,"durationMs":20000},"enableAutoAnswer":false},"chat":{"alertingTimeoutSeconds":30,"serviceLevel":{"percentage":0.8,"durationMs":20000}},"callback":{"mode":"AgentFirst","alertingTimeoutSeconds":30,"serviceLevel":{"percentage":0.8,"durationMs":20000}}}}`,
	`{"name":"Tiered","bullseye":{"rings":[{"expansionCriteria":[{"type":"TIMEOUT_SECONDS","threshold":15}],"actions":{"skillsToRemove":[{"id":"SKILL"}]}},{"expansionCriteria":[{"type":"TIMEOUT_SECONDS","threshold":30}]},{}]}}`,
	`{"name":"Rules","routingRules":[{"operator":"MEETS_THRESHOLD","threshold":9,"waitSeconds":5},{"operator":"ANY","waitSeconds":10}],"acwSettings":{"wrapupPrompt":"MANDATORY_TIMEOUT","timeoutMs":30000}}`,
	`{"name":"Conditional","conditionalGroupRouting":{"rules":[{"metric":"EstimatedWaitTime","operator":"GreaterThan","conditionValue":10,"waitSeconds":2,"groups":[{"id":"SKILL","type":"SKILLGROUP"}]}]}}`,
	`{"name":"Members","memberGroups":[{"id":"SKILL","type":"GROUP"}],"queueFlow":{"id":"00000000-0000-0000-0000-0000000000ff"}}`,
	`{"name":""}`, `{"name":123}`, `{}`, `null`, `[]`, `{`, ``,
	`{"name":"X","mediaSettings":{"call":{"serviceLevel":{"percentage":7}}}}`,
	`{"name":"X","division":{"id":"nope"}}`,
}

// withSkill puts a real skill id into seeds that reference one.
func withSkill(seed, skillID string) string { return strings.ReplaceAll(seed, "SKILL", skillID) }

func FuzzQueueCreate(f *testing.F) {
	fo := newFuzzOrg(f)
	for _, s := range queueSeeds {
		f.Add(withSkill(s, fo.skillID))
	}
	fo.fuzzBodies(f, "POST", "/api/v2/routing/queues", "/api/v2/routing/queues")
}

func FuzzQueueUpdate(f *testing.F) {
	fo := newFuzzOrg(f)
	for _, s := range queueSeeds {
		f.Add(withSkill(s, fo.skillID))
	}
	f.Add(`{"name":"Fuzz queue","description":"renamed nothing","skillEvaluationMethod":"NONE"}`)
	fo.fuzzBodies(f, "PUT", "/api/v2/routing/queues/{id}", "/api/v2/routing/queues/"+fo.queueID)
}

func FuzzUserPatch(f *testing.F) {
	fo := newFuzzOrg(f)
	for _, s := range []string{
		`{"version":1,"title":"Agent"}`,
		`{"version":1,"department":"Support","preferredName":"Fuzzy","acdAutoAnswer":true}`,
		`{"version":1,"state":"inactive"}`,
		`{"version":1,"addresses":[{"address":"+13175550101","mediaType":"PHONE","type":"WORK"},{"address":"fuzz@example.com","mediaType":"EMAIL","type":"WORK"}]}`,
		`{"version":1,"profileSkills":["Go","Routing"],"certifications":["CCNA"],"employerInfo":{"officialName":"Fuzz","employeeId":"42","employeeType":"Full-time","dateHire":"2024-01-15"}}`,
		`{"version":1,"manager":"USER"}`,
		`{"version":1,"locations":[{"id":"nope"}]}`,
		`{"title":"no version"}`, `{"version":"1"}`, `{"version":-1}`, `{"version":1e300}`, `null`, `{`, ``,
	} {
		f.Add(strings.ReplaceAll(s, "USER", fo.userID))
	}
	fo.fuzzBodies(f, "PATCH", "/api/v2/users/{id}", "/api/v2/users/"+fo.userID)
}

// FuzzListQuery sends fuzzed query strings to the list endpoints (apihttp.ParsePage, MultiParam,
// NameMatches and cursors through real handlers) and checks the parsers' own invariants.
func FuzzListQuery(f *testing.F) {
	fo := newFuzzOrg(f)
	for _, s := range []string{
		"pageSize=100&pageNumber=2", "pageSize=0", "pageSize=501", "pageNumber=-1", "pageSize=9999999999999999999999",
		"name=Fuzz*", "name=*queue", "name=*u*", "name=**", "name=%zz", "id=a,b,,c&id=d", "id=" + fo.queueID,
		"divisionId=x&sortOrder=desc", "after=" + apihttp.EncodeCursor(apihttp.CursorKey{Name: "fuzz queue", ID: fo.queueID}), "before=Yzo", "after=!!", "state=any&expand=skills",
		"pageSize=1&after=" + apihttp.EncodeCursor(apihttp.CursorKey{Name: "missing", ID: "missing"}), ";;&&==",
		"pageSize=2&pageNumber=4611686018427387905", "pageSize=500&pageNumber=9223372036854775807",
	} {
		f.Add(s)
	}
	paths := []string{"/api/v2/routing/skills", "/api/v2/routing/queues", "/api/v2/users", "/api/v2/routing/skillgroups", "/api/v2/routing/wrapupcodes", "/api/v2/routing/languages", "/api/v2/authorization/divisions"}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		for _, p := range paths {
			checkResponse(t, "GET "+p+"?"+rawQuery, fo.serve(t, "GET", p, rawQuery, ""))
		}

		r := httptest.NewRequest("GET", "/", nil)
		r.URL.RawQuery = rawQuery
		if p, err := apihttp.ParsePage(r, apihttp.MaxPageSize); err == nil {
			if p.Size < 1 || p.Size > apihttp.MaxPageSize || p.Number < 1 {
				t.Fatalf("parsePage(%q) = %+v without an error", rawQuery, p)
			}
		} else if ae := (*apihttp.Error)(nil); !errors.As(err, &ae) || ae.Status != http.StatusBadRequest {
			t.Fatalf("parsePage(%q) error %v is not a 400 API error", rawQuery, err)
		}
		for _, key := range []string{"id", "name", "divisionId"} {
			for _, v := range apihttp.MultiParam(r, key) {
				if v == "" || strings.Contains(v, ",") || strings.TrimSpace(v) != v {
					t.Fatalf("multiParam(%q, %q) returned %q", rawQuery, key, v)
				}
			}
		}
		vals, _ := url.ParseQuery(rawQuery)
		for _, name := range vals["name"] {
			if !apihttp.NameMatches("", name, false) {
				t.Fatalf("an empty filter must match %q", name)
			}
			if !strings.Contains(name, "*") && utf8.ValidString(name) {
				if !apihttp.NameMatches(name, name, false) || !apihttp.NameMatches("*"+name+"*", "x"+name+"y", false) {
					t.Fatalf("nameMatches does not match %q with itself or inside *…*", name)
				}
			}
		}
		for _, k := range []apihttp.CursorKey{{Name: rawQuery, ID: rawQuery}, {Name: rawQuery}, {ID: rawQuery}} {
			if got, ok := apihttp.DecodeCursor(apihttp.EncodeCursor(k)); !ok || got != k {
				t.Fatalf("cursor for %+v does not round-trip: %+v %v", k, got, ok)
			}
		}
		for _, key := range []string{"after", "before"} {
			if id, ok := apihttp.DecodeCursor(vals.Get(key)); ok {
				if got, ok := apihttp.DecodeCursor(apihttp.EncodeCursor(id)); !ok || got != id {
					t.Fatalf("cursor for %q does not round-trip", id)
				}
			}
		}
	})
}
