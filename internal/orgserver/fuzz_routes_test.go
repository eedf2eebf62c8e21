package orgserver

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every JSON body the local org accepts reaches a fuzz target: FuzzWriteRoutes sends fuzzed
// bodies to every POST, PUT and PATCH route of /api/v2, with seeds per route, and
// TestFuzzSeedsCoverEveryWriteRoute fails when a route is added without seeds.

// handWrittenWriteSeeds are bodies per write route of the hand-written API groups: a valid
// one first (creates use it to make the object later routes work on), then edge cases.
// Generic kinds get theirs from the catalogue (genericWriteSeeds).
func handWrittenWriteSeeds() map[string][]string {
	queueish := []string{`{"name":"Fuzz route","description":"x"}`, `{"name":""}`, `{"name":1}`, `[]`}
	return map[string][]string{
		"POST /api/v2/architect/grammars/{grammarId}/languages/{languageCode}/files/voice": {`{"fileType":"Grxml"}`, `{"fileType":""}`, `{"fileType":7}`},
		"POST /api/v2/architect/grammars/{grammarId}/languages/{languageCode}/files/dtmf":  {`{"fileType":"Grxml"}`, `{"fileType":"a/b"}`, `[]`},
		"POST /api/v2/routing/skills":                                                           {`{"name":"Fuzz route skill"}`, `{"name":"a\u0000b"}`},
		"PATCH /api/v2/routing/skills/{id}":                                                     {`{"divisionId":"HOME"}`, `{"divisionId":7}`},
		"POST /api/v2/routing/languages":                                                        {`{"name":"Fuzz route language"}`, `{"name":null}`},
		"POST /api/v2/routing/wrapupcodes":                                                      {`{"name":"Fuzz route code"}`, `{"name":"x","division":{"id":"HOME"}}`},
		"PUT /api/v2/routing/wrapupcodes/{id}":                                                  {`{"name":"Fuzz route code 2"}`, `{}`},
		"POST /api/v2/routing/queues":                                                           append([]string{`{"name":"Fuzz route queue"}`}, queueish...),
		"PUT /api/v2/routing/queues/{id}":                                                       queueish,
		"POST /api/v2/routing/queues/{id}/members":                                              {`[{"id":"USER"}]`, `[{"id":"nope"}]`, `{"id":"USER"}`},
		"PATCH /api/v2/routing/queues/{id}/members":                                             {`[{"id":"USER","joined":true}]`, `[{"id":"USER","joined":"yes"}]`},
		"PATCH /api/v2/routing/queues/{id}/members/{memberId}":                                  {`{"joined":false,"ringNumber":2}`, `{"ringNumber":-1}`},
		"POST /api/v2/routing/queues/{id}/wrapupcodes":                                          {`[{"id":"CODE"}]`, `[{}]`, `[{"id":1}]`},
		"POST /api/v2/routing/skillgroups":                                                      {`{"name":"Fuzz route group","skillConditions":[]}`, `{"name":"x","skillConditions":[{"routingSkillConditions":[{"routingSkill":"Fuzz route skill","comparator":"GreaterThan","proficiency":2}]}]}`},
		"PATCH /api/v2/routing/skillgroups/{id}":                                                {`{"description":"x"}`, `{"skillConditions":"x"}`},
		"POST /api/v2/routing/skillgroups/{id}/members/divisions":                               {`{"addDivisionIds":["HOME","*"]}`, `{"removeDivisionIds":[1]}`},
		"POST /api/v2/groups":                                                                   {`{"name":"Fuzz route group","type":"official","visibility":"public","rulesVisible":true}`, `{"name":"x","type":"other"}`},
		"PUT /api/v2/groups/{id}":                                                               {`{"name":"Fuzz route group","type":"official","visibility":"public","rulesVisible":true,"version":1}`, `{"version":"1"}`},
		"POST /api/v2/oauth/clients":                                                            {`{"name":"Fuzz client","authorizedGrantType":"CLIENT-CREDENTIALS"}`, `{"name":"x","authorizedGrantType":"CODE","roleDivisions":[{}]}`, `{"state":7}`},
		"PUT /api/v2/oauth/clients/{id}":                                                        {`{"name":"Fuzz client","authorizedGrantType":"CLIENT-CREDENTIALS","state":"inactive"}`, `{"roleDivisions":"x"}`},
		"POST /api/v2/teams/{id}/members":                                                       {`{"memberIds":["USER"]}`, `{"memberIds":["nope"]}`, `{"memberIds":"USER"}`},
		"POST /api/v2/groups/{id}/members":                                                      {`{"memberIds":["USER"],"version":1}`, `{"memberIds":"USER"}`},
		"POST /api/v2/presence/definitions":                                                     {`{"languageLabels":{"en_US":"Fuzz lunch"},"systemPresence":"Meal"}`, `{"languageLabels":"x"}`},
		"PUT /api/v2/presence/definitions/{id}":                                                 {`{"languageLabels":{"en_US":"Fuzz lunch"},"systemPresence":"Meal"}`, `{}`},
		"POST /api/v2/presencedefinitions":                                                      {`{"languageLabels":{"en_US":"Fuzz break"},"systemPresence":"Break"}`, `{"languageLabels":[]}`},
		"PUT /api/v2/presencedefinitions/{id}":                                                  {`{"languageLabels":{"en_US":"Fuzz break"},"systemPresence":"Break"}`, `{"deactivated":"no"}`},
		"POST /api/v2/flows/datatables":                                                         {`{"name":"Fuzz table","schema":{"properties":{"key":{"type":"string"},"open":{"type":"boolean","default":true}}}}`, `{"name":"x","schema":{"properties":{"key":{"type":7}}}}`, `{"name":"x","schema":[]}`},
		"PUT /api/v2/flows/datatables/{id}":                                                     {`{"name":"Fuzz table","schema":{"properties":{"key":{"type":"string"},"open":{"type":"boolean","default":true}}}}`, `{"name":"x","schema":{"properties":{"key":{"type":"string","default":1}}}}`},
		"POST /api/v2/flows/datatables/{parentId}/rows":                                         {`{"key":"fuzz-1","open":false}`, `{"key":7}`, `{"open":"no"}`, `[]`},
		"PUT /api/v2/flows/datatables/{parentId}/rows/{id}":                                     {`{"open":true}`, `{"key":"other"}`, `{"nope":1}`},
		"POST /api/v2/routing/email/domains/{parentId}/routes":                                  {`{"pattern":"fuzz","fromName":"Fuzz","queue":{"id":"QUEUEOBJ"},"skills":[{"id":"SKILL"}],"historyInclusion":"Include"}`, `{"pattern":"x","fromName":"y","priority":"high"}`, `{"autoBcc":[{"email":7}]}`, `[]`},
		"PUT /api/v2/routing/email/domains/{parentId}/routes/{id}":                              {`{"pattern":"fuzz","fromName":"Fuzz 2","replyEmailAddress":{"route":{"id":"nope"}}}`, `{"historyInclusion":"Never"}`},
		"POST /api/v2/architect/dependencytracking/build":                                       {``, `{}`},
		"POST /api/v2/architect/prompts":                                                        {`{"name":"Fuzz_prompt","description":"x"}`, `{"name":"1 bad name"}`, `{"name":7}`, `[]`},
		"PUT /api/v2/architect/prompts/{id}":                                                    {`{"name":"Fuzz_prompt","description":"y"}`, `{}`},
		"POST /api/v2/architect/prompts/{id}/resources":                                         {`{"language":"en-us","text":"Hello","ttsString":"Hello"}`, `{"text":"x"}`, `{"language":1}`},
		"PUT /api/v2/architect/prompts/{id}/resources/{languageCode}":                           {`{"text":"Hi","ttsString":"Hi"}`, `{"language":"de-de"}`},
		"POST /api/v2/groups/search":                                                            {`{"query":[{"type":"STARTS_WITH","fields":["name"],"value":"fuzz"}]}`, `{"query":[{"type":"NOPE"}]}`},
		"POST /api/v2/users":                                                                    {`{"name":"Fuzz Route","email":"route@example.com"}`, `{"name":"x","email":"not an address"}`},
		"PATCH /api/v2/users/{id}":                                                              {`{"version":1,"title":"Agent"}`, `{"version":"1"}`},
		"POST /api/v2/users/search":                                                             {`{"query":[{"type":"EXACT","fields":["email"],"value":"fuzz@example.com"}]}`, `{"pageSize":-1}`},
		"POST /api/v2/users/{id}/password":                                                      {`{"newPassword":"s3cret-Passw0rd"}`, `{}`},
		"POST /api/v2/users/{id}/routingskills":                                                 {`{"id":"SKILL","proficiency":4}`, `{"id":"SKILL","proficiency":"high"}`},
		"PUT /api/v2/users/{id}/routingskills/{targetId}":                                       {`{"proficiency":3}`, `{"proficiency":99}`},
		"PATCH /api/v2/users/{id}/routingskills/bulk":                                           {`[{"id":"SKILL","proficiency":2}]`, `[{}]`},
		"PUT /api/v2/users/{id}/routingskills/bulk":                                             {`[{"id":"SKILL","proficiency":2}]`, `{}`},
		"POST /api/v2/users/{id}/routinglanguages":                                              {`{"id":"LANGUAGE","proficiency":4}`, `{"id":1}`},
		"PATCH /api/v2/users/{id}/routinglanguages/{targetId}":                                  {`{"proficiency":1}`, `{"proficiency":null}`},
		"PATCH /api/v2/users/{id}/routinglanguages/bulk":                                        {`[{"id":"LANGUAGE","proficiency":2}]`, `[null]`},
		"PUT /api/v2/users/{subjectId}/roles":                                                   {`["ROLE"]`, `[1]`, `{}`},
		"POST /api/v2/authorization/divisions":                                                  {`{"name":"Fuzz route division"}`, `{"name":"x","homeDivision":true}`},
		"PUT /api/v2/authorization/divisions/{id}":                                              {`{"name":"Fuzz route division 2"}`, `{"name":""}`},
		"POST /api/v2/authorization/divisions/{id}/objects/{objectType}":                        {`["QUEUEOBJ"]`, `[""]`, `{}`},
		"POST /api/v2/authorization/roles":                                                      {`{"name":"Fuzz route role","permissionPolicies":[{"domain":"routing","entityName":"queue","actionSet":["view"]}]}`, `{"name":"x","permissions":[1]}`},
		"PUT /api/v2/authorization/roles/{id}":                                                  {`{"name":"Fuzz route role","permissions":["routing:queue:view"]}`, `{"name":null}`},
		"PATCH /api/v2/authorization/roles/{id}":                                                {`{"description":"x"}`, `{"permissionPolicies":"x"}`},
		"POST /api/v2/authorization/subjects/{subjectId}/bulkadd":                               {`{"grants":[{"roleId":"ROLE","divisionId":"HOME"}]}`, `{"grants":[{"roleId":"nope","divisionId":"*"}]}`},
		"PUT /api/v2/authorization/roles/default":                                               {`{}`, `[]`},
		"POST /api/v2/authorization/roles/default":                                              {`{}`, `{"force":true}`},
		"PATCH /api/v2/voicemail/groups/{id}/policy":                                            {`{"enabled":true,"sendEmailNotifications":false}`, `{"rotateCallsSecs":"x"}`},
		"PATCH /api/v2/voicemail/userpolicies/{id}":                                             {`{"enabled":false,"alertTimeoutSeconds":20}`, `{"alertTimeoutSeconds":-1}`},
		"PUT /api/v2/voicemail/userpolicies/{id}":                                               {`{"enabled":true,"alertTimeoutSeconds":30,"sendEmailNotifications":true}`, `{"pin":7}`},
		"PUT /api/v2/routing/users/{id}/utilization":                                            {`{"utilization":{"call":{"maximumCapacity":1,"includeNonAcd":false}}}`, `{"utilization":{"call":{"maximumCapacity":99}}}`, `{"labelUtilizations":{"nope":{"maximumCapacity":1}}}`},
		"POST /api/v2/authorization/subjects/{subjectId}/bulkremove":                            {`{"grants":[{"roleId":"ROLE","divisionId":"HOME"}]}`, `{"grants":null}`},
		"POST /api/v2/authorization/subjects/{subjectId}/bulkreplace":                           {`{"grants":[{"roleId":"ROLE","divisionId":"*"}]}`, `{"grants":[{}]}`},
		"POST /api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}": {`{}`, ``},
		"POST /api/v2/audits/query/realtime":                                                    {`{"interval":"2020-01-01T00:00:00Z/2100-01-01T00:00:00Z","serviceName":"Routing"}`, `{"interval":"nope"}`},
		"POST /api/v2/architect/schedules":                                                      {`{"name":"Fuzz route schedule","start":"2026-01-01T08:00:00.000","end":"2026-01-01T17:00:00.000","rrule":"FREQ=WEEKLY;BYDAY=MO"}`, `{"name":"x","start":"tomorrow"}`},
		"PUT /api/v2/architect/schedules/{id}":                                                  {`{"name":"Fuzz route schedule","start":"2026-01-01T08:00:00.000","end":"2026-01-01T17:00:00.000","version":1}`, `{"version":1e300}`},
		"POST /api/v2/architect/schedulegroups":                                                 {`{"name":"Fuzz route hours","timeZone":"America/New_York","openSchedules":[{"id":"SCHEDULE"}]}`, `{"name":"x","timeZone":"Mars/Olympus"}`},
		"PUT /api/v2/architect/schedulegroups/{id}":                                             {`{"name":"Fuzz route hours","version":1}`, `{"openSchedules":[{"id":7}]}`},
		"POST /api/v2/architect/ivrs":                                                           {`{"name":"Fuzz route ivr","dnis":["+13175550101"]}`, `{"name":"x","dnis":"+1"}`},
		"PUT /api/v2/architect/ivrs/{id}":                                                       {`{"name":"Fuzz route ivr","version":1}`, `{"scheduleGroup":{"id":"nope"}}`},
		"POST /api/v2/flows":                                                                    {`{"name":"Fuzz route flow","type":"inboundcall"}`, `{"name":"x","type":"nope"}`},
		"PUT /api/v2/flows/{id}":                                                                {`{"name":"Fuzz route flow","type":"inboundcall"}`, `{"type":7}`},
		"POST /api/v2/flows/actions/{action}":                                                   {``, `{}`},
		"POST /api/v2/flows/jobs":                                                               {``, `{}`},
		"POST /api/v2/flows/export/jobs":                                                        {`{"flows":[{"flow":{"id":"FLOW"}}]}`, `{"flows":[]}`},
		"POST /api/v2/flows/{id}/instances/settings/loglevels":                                  {`{"logLevelCharacteristics":{"level":"Base"}}`, `{"logLevelCharacteristics":{"level":"Loud"}}`, `{}`},
		"PUT /api/v2/flows/{id}/instances/settings/loglevels":                                   {`{"logLevelCharacteristics":{"level":"All","characteristics":{"variables":false}}}`, `{"logLevelCharacteristics":{"characteristics":{"names":"yes"}}}`},
		"PUT /api/v2/integrations/actions/{id}/draft/function":                                  {`{"description":"Fuzz route","handler":"index.handler","runtime":"nodejs22.x","timeoutSeconds":10}`, `{"description":"x","handler":"h","runtime":"r","zipId":"nope"}`, `{"timeoutSeconds":-1}`},
		"POST /uploads/v2/scripter":                                                             {`{"scriptName":"Fuzz"}`, `scriptName=x`, `[]`},
		"POST /api/v2/scripts/published":                                                        {`{"scriptId":"SCRIPT"}`, `{"scriptId":""}`, `{"scriptId":7}`},
		"POST /api/v2/scripts/{id}/export":                                                      {`{"fileName":"x.json"}`, `{"versionId":7}`, `[]`},
		"POST /api/v2/authorization/divisions/{id}":                                             {`{"name":"Fuzz recreated"}`, `{"name":""}`, `[]`},
		"POST /api/v2/responsemanagement/responseassets/uploads":                                {`{"name":"fuzz.png"}`, `{"name":"a b.png"}`, `{"name":"x.png","divisionId":7}`, `[]`},
		"PUT /api/v2/responsemanagement/responseassets/{id}":                                    {`{"name":"fuzz2.png"}`, `{"name":".x"}`, `{"divisionId":"nope","name":"y.png"}`},
		"POST /api/v2/responsemanagement/responseassets/search":                                 {`{"query":[{"fields":["name"],"value":"fuzz.png","type":"TERM"}]}`, `{"query":[{"type":"NOPE"}]}`, `{"pageSize":-1}`},
		"POST /api/v2/integrations/actions/{id}/draft/function/upload":                          {`{"fileName":"fuzz.zip","signedUrlTimeoutSeconds":60}`, `{"fileName":"fuzz.tar"}`, `{}`},
		"PUT /api/v2/users/{id}/profileskills":                                                  {`["Spanish","Billing"]`, `[""]`, `{}`, `[1]`},
		"POST /api/v2/telephony/providers/edges/didpools":                                       {`{"startPhoneNumber":"+13175550100","endPhoneNumber":"+13175550199"}`, `{"startPhoneNumber":"12"}`},
		"PUT /api/v2/telephony/providers/edges/didpools/{id}":                                   {`{"startPhoneNumber":"+13175550100","endPhoneNumber":"+13175550150","version":1}`, `{"endPhoneNumber":null}`},
		"POST /api/v2/telephony/providers/edges/extensionpools":                                 {`{"startNumber":"7000","endNumber":"7099"}`, `{"startNumber":"+12"}`},
		"PUT /api/v2/telephony/providers/edges/extensionpools/{id}":                             {`{"startNumber":"7000","endNumber":"7050","version":1}`, `{"endNumber":null}`},
		"PUT /api/v2/telephony/providers/edges/sites/{id}/numberplans":                          {`[{"name":"Extension","classification":"Extension","matchType":"numberList","numbers":[{"start":"1000","end":"1999"}]}]`, `[{"name":""}]`, `{}`},
		"POST /api/v2/telephony/providers/edges/sites/{id}/outboundroutes":                      {`{"name":"Fuzz route","classificationTypes":["National"],"distribution":"RANDOM"}`, `{"name":"x","classificationTypes":[]}`, `{"externalTrunkBases":[{"id":"nope"}]}`},
		"PUT /api/v2/telephony/providers/edges/sites/{id}/outboundroutes/{routeId}":             {`{"name":"Fuzz route","classificationTypes":["National"],"version":1}`, `{"version":"x"}`},
		"PUT /api/v2/organizations/me":                                                          {`{"name":"fuzz","version":1}`, `{"defaultSiteId":"nope","version":1}`, `{"version":null}`},
		"POST /api/v2/integrations":                                                             {`{"name":"Fuzz route CRM","integrationType":{"id":"custom-rest-actions"}}`, `{"integrationType":{"id":"nope"}}`},
		"PATCH /api/v2/integrations/{id}":                                                       {`{"intendedState":"ENABLED"}`, `{"intendedState":"ON"}`},
		"PUT /api/v2/integrations/{id}/config/current":                                          {`{"name":"Fuzz route CRM","version":1,"properties":{}}`, `{"version":"x"}`},
		"POST /api/v2/integrations/actions":                                                     {`{"name":"Fuzz route lookup","integrationId":"INTEGRATION","contract":{"input":{"inputSchema":{"type":"object"}},"output":{"successSchema":{"type":"object"}}},"config":{"request":{"requestUrlTemplate":"https://crm.example/x","requestType":"GET"},"response":{}}}`, `{"name":"x","integrationId":"nope"}`},
		"PATCH /api/v2/integrations/actions/{id}":                                               {`{"name":"Fuzz route lookup 2","version":1}`, `{"version":null}`},
		"POST /api/v2/integrations/actions/drafts":                                              {`{"name":"Fuzz route draft","integrationId":"INTEGRATION"}`, `{"integrationId":1}`},
		"POST /api/v2/integrations/actions/{id}/draft":                                          {``, `{}`},
		"PATCH /api/v2/integrations/actions/{id}/draft":                                         {`{"name":"Fuzz route draft 2","version":1}`, `{"config":"x"}`},
		"POST /api/v2/integrations/actions/{id}/draft/publish":                                  {`{"version":1}`, `{"version":"1"}`},
		"POST /api/v2/integrations/actions/{id}/test":                                           {`{"phone":"+13175550100"}`, `{"phone":1}`, `[]`},
		"POST /api/v2/integrations/actions/{id}/draft/test":                                     {`{"phone":"+13175550100"}`, `{}`, `"x"`},
	}
}

// genericWriteSeeds are the create and update seeds of every generic kind, from its model.
func genericWriteSeeds() map[string][]string {
	seeds := map[string][]string{}
	for _, k := range singletonKinds() {
		// One object at the collection path: only its update method writes.
		update, _ := json.Marshal(minimalBody(k.RequestModel(k.API.Update), "Fuzz route "+k.Noun))
		seeds[k.API.Update+" "+k.API.Collection] = []string{string(update), `{"name":"\n"}`, `[]`}
	}
	for _, k := range draftKinds() {
		// Created at the collection; the draft is written and published at its own paths.
		b, _ := json.Marshal(minimalBody(k.RequestModel(http.MethodPost), "Fuzz route "+k.Noun))
		seeds["POST "+k.API.Collection] = []string{string(b), `{"name":"\n"}`}
		seeds[k.API.Update+" "+k.API.DraftPath("{id}")] = []string{string(b), `{"languages":"x"}`, `[]`}
		seeds["POST "+k.API.PublishPath("{id}")] = []string{``, `{}`}
	}
	for _, k := range genericKinds() {
		b, _ := json.Marshal(minimalBody(k.RequestModel(http.MethodPost), "Fuzz route "+k.Noun))
		seeds["POST "+k.API.Collection] = []string{string(b), `{"name":"\n"}`}
		if k.API.Update != "" {
			update := minimalBody(k.RequestModel(k.API.Update), "Fuzz route "+k.Noun)
			update["version"] = 1
			u, _ := json.Marshal(update)
			seeds[k.API.Update+" "+k.API.Collection+"/{id}"] = []string{string(u), `{"version":-1}`}
		}
		if k.API.Query != "" {
			seeds["POST "+k.API.Query] = []string{`{"filters":[{"name":"name","type":"String","operator":"EQ","values":["Fuzz route"]}],"pageSize":2}`,
				`{"filters":[]}`, `{"filters":[{"name":"nope","type":"String","operator":"EQ","values":[]}]}`, `{"after":"x","filters":[]}`, `{}`}
		}
		if k.API.Search != "" {
			seeds["POST "+k.API.Search] = []string{`{"query":[{"type":"EXACT","fields":["name"],"value":"Fuzz route"}]}`,
				`{"query":[{"type":"EXACT","fields":["nope"],"value":"x"}]}`, `{"pageSize":0.5}`}
		}
	}
	return seeds
}

// writeRoute is one write route of the fuzz table.
type writeRoute struct {
	pattern string // "POST /api/v2/routing/queues/{id}/members"
	seeds   []string
}

// writeRoutes lists every write route with its seeds, in a stable order.
func writeRoutes() []writeRoute {
	all := handWrittenWriteSeeds()
	for _, more := range []map[string][]string{genericWriteSeeds(), outboundListDataWriteSeeds()} {
		for p, s := range more {
			all[p] = s
		}
	}
	var out []writeRoute
	for p, s := range all {
		out = append(out, writeRoute{p, s})
	}
	// A stable order keeps the fuzz corpus's route numbers meaning the same routes.
	slices.SortFunc(out, func(a, b writeRoute) int { return strings.Compare(a.pattern, b.pattern) })
	return out
}

// A route added without seeds would escape the fuzzing: every POST, PUT and PATCH the
// server registers must be in the table, and every table entry must be a real route.
func TestFuzzSeedsCoverEveryWriteRoute(t *testing.T) {
	ts := NewTestServer(t)
	seeded := map[string]bool{}
	for _, r := range writeRoutes() {
		seeded[r.pattern] = true
	}
	registered := map[string]bool{}
	for _, p := range ts.apiPatterns {
		if strings.HasPrefix(p, "POST ") || strings.HasPrefix(p, "PUT ") || strings.HasPrefix(p, "PATCH ") {
			registered[p] = true
			if !seeded[p] {
				t.Errorf("%s takes a body but has no fuzz seeds: add it to handWrittenWriteSeeds", p)
			}
		}
	}
	for p := range seeded {
		if !registered[p] {
			t.Errorf("fuzz seeds for %s, which is not a route", p)
		}
	}
}

// routeFuzz is a fuzz org with one live object per collection, so that updates and child
// routes reach their handlers' decoding instead of stopping at a 404.
type routeFuzz struct {
	*fuzzOrg
	routes []writeRoute
	ids    map[string]string // collection path or placeholder → id
}

func newRouteFuzz(f *testing.F) *routeFuzz {
	rf := &routeFuzz{fuzzOrg: newFuzzOrg(f), routes: writeRoutes()}
	rf.seedObjects(f)
	return rf
}

// placeholderRE finds the words seeds and paths stand in for ids with.
var placeholderRE = regexp.MustCompile(`\{[a-zA-Z]+\}|\b(HOME|USER|SKILL|LANGUAGE|CODE|ROLE|SCHEDULE|FLOW|INTEGRATION|QUEUEOBJ|DRAFT)\b`)

// seedObjects creates one object with the first seed of every create route, in an order
// where what an object refers to exists first.
func (rf *routeFuzz) seedObjects(t testing.TB) {
	rf.ids = map[string]string{"USER": rf.userID, "SKILL": rf.skillID}
	for _, o := range rf.ts.Store().List(rf.orgID, "authorization.division", "") {
		rf.ids["HOME"] = o.ID
	}
	for _, col := range []string{"/api/v2/routing/languages", "/api/v2/routing/wrapupcodes", "/api/v2/authorization/roles",
		"/api/v2/architect/schedules", "/api/v2/flows", "/api/v2/integrations", "/api/v2/telephony/providers/edges/didpools"} {
		rf.create(t, col)
	}
	for _, name := range []struct{ placeholder, col string }{{"LANGUAGE", "/api/v2/routing/languages"}, {"CODE", "/api/v2/routing/wrapupcodes"},
		{"ROLE", "/api/v2/authorization/roles"}, {"SCHEDULE", "/api/v2/architect/schedules"}, {"FLOW", "/api/v2/flows"}, {"INTEGRATION", "/api/v2/integrations"}} {
		rf.ids[name.placeholder] = rf.ids[name.col]
	}
	for _, r := range rf.routes {
		method, path, _ := strings.Cut(r.pattern, " ")
		if method == "POST" && !strings.Contains(path, "{") {
			if _, done := rf.ids[path]; !done {
				rf.create(t, path)
			}
		}
	}
	rf.ids["/api/v2/routing/queues"], rf.ids["/api/v2/users"], rf.ids["/api/v2/routing/skills"] = rf.queueID, rf.userID, rf.skillID
	rf.ids["QUEUEOBJ"], rf.ids["DRAFT"] = rf.queueID, rf.ids["/api/v2/integrations/actions/drafts"]
	// The user is a member of the queue, so that the member routes find one.
	rf.serve(t, "POST", "/api/v2/routing/queues/"+rf.queueID+"/members", "", `[{"id":"`+rf.userID+`"}]`)
}

func (rf *routeFuzz) create(t testing.TB, collection string) {
	for _, r := range rf.routes {
		if r.pattern == "POST "+collection {
			rf.ids[collection] = rf.createID(t, collection, rf.fill(r.seeds[0], ""))
		}
	}
}

// fill replaces placeholders in a seed or a path; in a path, {id} is the object of the
// collection before it.
func (rf *routeFuzz) fill(s, path string) string {
	return placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
		switch m {
		case "{id}":
			col, _, _ := strings.Cut(path, "/{id}")
			if strings.Contains(path, "/actions/{id}/draft") {
				return rf.idOr("DRAFT")
			}
			return rf.idOr(col)
		case "{subjectId}", "{memberId}":
			return rf.idOr("USER")
		case "{targetId}":
			if strings.Contains(path, "routinglanguages") {
				return rf.idOr("LANGUAGE")
			}
			return rf.idOr("SKILL")
		case "{divisionId}":
			return rf.idOr("HOME")
		case "{roleId}":
			return rf.idOr("ROLE")
		case "{objectType}":
			return "QUEUE"
		case "{action}":
			return "checkout"
		}
		if strings.HasPrefix(m, "{") {
			return "00000000-0000-0000-0000-00000000abcd"
		}
		return rf.idOr(m)
	})
}

func (rf *routeFuzz) idOr(key string) string {
	if id := rf.ids[key]; id != "" {
		return id
	}
	return "00000000-0000-0000-0000-00000000abcd"
}

// FuzzWriteRoutes sends fuzzed bodies to every write route of /api/v2 (the route is picked
// by the first input) and checks the contract every response keeps: no panic, no 5xx, the
// API error body on 4xx.
func FuzzWriteRoutes(f *testing.F) {
	rf := newRouteFuzz(f)
	for i, r := range rf.routes {
		for _, s := range r.seeds {
			f.Add(uint16(i), rf.fill(s, ""))
		}
	}
	f.Fuzz(func(t *testing.T, route uint16, body string) {
		if rf.calls++; rf.calls%500 == 0 {
			if err := rf.ts.ResetOrg(t.Context(), rf.orgID); err != nil {
				t.Fatalf("reset org: %v", err)
			}
			rf.seed(t)
			rf.seedObjects(t)
		}
		r := rf.routes[int(route)%len(rf.routes)]
		method, path, _ := strings.Cut(r.pattern, " ")
		path = rf.fill(path, path)
		query := ""
		if strings.HasPrefix(path, "/api/v2/flows/actions/") {
			query = "flow=" + rf.idOr("FLOW")
		}
		checkResponse(t, r.pattern, rf.serve(t, method, path, query, body))
	})
}
