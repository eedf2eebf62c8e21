package orgserver

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

func TestQueuesLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)
	home := routingHomeDivision(t, ts, "dev")
	client := ts.Credential(t, "dev", "deploy").ClientID

	created := c.do("POST", "/api/v2/routing/queues", map[string]any{"name": "Sales", "description": "first"})
	if created.Status != 200 {
		t.Fatalf("POST queue: %d %s", created.Status, created.Body)
	}
	var q map[string]any
	json.Unmarshal(created.Body, &q)
	id := q["id"].(string)
	// Defaults the real API fills in, and the server-owned fields.
	for path, want := range map[string]any{
		"skillEvaluationMethod":                          "ALL",
		"scoringMethod":                                  "TimestampAndPriority",
		"lastAgentRoutingMode":                           "Disabled",
		"acwSettings.wrapupPrompt":                       "MANDATORY_TIMEOUT",
		"acwSettings.timeoutMs":                          30000.0,
		"mediaSettings.call.alertingTimeoutSeconds":      8.0,
		"mediaSettings.email.alertingTimeoutSeconds":     300.0,
		"mediaSettings.callback.serviceLevel.percentage": 0.8,
		"mediaSettings.message.serviceLevel.durationMs":  20000.0,
		"mediaSettings.chat.enableAutoAnswer":            false,
		"autoAnswerOnly":                                 false,
		"enableTranscription":                            false,
		"suppressInQueueCallRecording":                   false,
		"memberCount":                                    0.0,
		"userMemberCount":                                0.0,
		"joinedMemberCount":                              0.0,
		"division.id":                                    home,
		"division.name":                                  "Home",
		"division.selfUri":                               "/api/v2/authorization/divisions/" + home,
		"createdBy":                                      client,
		"modifiedBy":                                     client,
		"selfUri":                                        "/api/v2/routing/queues/" + id,
		"description":                                    "first",
	} {
		if got := jsonPath(q, path); got != want {
			t.Errorf("created queue %s = %v, want %v", path, got, want)
		}
	}
	if got := c.do("GET", "/api/v2/routing/queues/"+id, nil); got.Status != 200 || !bytes.Equal(got.Body, created.Body) {
		t.Errorf("GET differs from the POST response:\n%s\n%s", got.Body, created.Body)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/routing/queues", map[string]any{"name": "SALES"})
	other := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Support"})["id"].(string)
	c.wantError(409, "general.conflict", "PUT", "/api/v2/routing/queues/"+other, map[string]any{"name": "sales"})

	// PUT replaces the whole queue: description goes, settings go back to defaults.
	put := c.must(200, "PUT", "/api/v2/routing/queues/"+id, map[string]any{"name": "Sales 2", "skillEvaluationMethod": "BEST"})
	if put["description"] != nil || put["skillEvaluationMethod"] != "BEST" || put["dateCreated"] != q["dateCreated"] || put["createdBy"] != client || put["name"] != "Sales 2" {
		t.Errorf("after PUT = %v", put)
	}
	c.wantError(404, "not.found", "PUT", "/api/v2/routing/queues/"+uuid.NewString(), map[string]any{"name": "x"})

	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", "/api/v2/routing/queues/"+id, nil)
	m := ro.wantError(403, "missing.permissions", "POST", "/api/v2/routing/queues", map[string]any{"name": "x"})
	if !strings.Contains(m["message"].(string), "routing:queue:add") {
		t.Errorf("403 message = %v", m["message"])
	}
	ro.wantError(403, "missing.permissions", "PUT", "/api/v2/routing/queues/"+id, map[string]any{"name": "x"})
	ro.wantError(403, "missing.permissions", "DELETE", "/api/v2/routing/queues/"+id, nil)

	c.must(204, "DELETE", "/api/v2/routing/queues/"+id+"?forceDelete=true", nil)
	c.wantError(404, "not.found", "GET", "/api/v2/routing/queues/"+id, nil)
	c.wantError(404, "not.found", "DELETE", "/api/v2/routing/queues/"+id, nil)
	// The name is free again after a hard delete.
	c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Sales 2"})
	if got := strings.Join(auditActions(routingAudits(t, ts, "dev", "Queue")), ","); got != "Create,Create,Update,Delete,Create" {
		t.Errorf("queue audit actions = %s", got)
	}
}

func TestQueuesValidation(t *testing.T) {
	_, c := parallelDevOrg(t)
	for _, tc := range []struct {
		name  string
		body  string // JSON fields added to {"name":"V"}
		code  string
		field string
	}{
		{"missing name", `"name":""`, "bad.request", "[name]"},
		{"scoringMethod", `"scoringMethod":"Fast"`, "invalid.value", "scoringMethod"},
		{"lastAgentRoutingMode", `"lastAgentRoutingMode":"Sometimes"`, "invalid.value", "lastAgentRoutingMode"},
		{"skillEvaluationMethod", `"skillEvaluationMethod":"SOME"`, "invalid.value", "skillEvaluationMethod"},
		{"wrapupPrompt", `"acwSettings":{"wrapupPrompt":"NEVER"}`, "invalid.value", "acwSettings.wrapupPrompt"},
		{"acw timeout low", `"acwSettings":{"wrapupPrompt":"MANDATORY_TIMEOUT","timeoutMs":999}`, "bad.request", "acwSettings.timeoutMs"},
		{"acw timeout high", `"acwSettings":{"timeoutMs":3600001}`, "bad.request", "acwSettings.timeoutMs"},
		{"routing rule operator", `"routingRules":[{"operator":"ALL"}]`, "invalid.value", "routingRules[0].operator"},
		{"cgr metric", `"conditionalGroupRouting":{"rules":[{"metric":"Speed"}]}`, "invalid.value", "conditionalGroupRouting.rules[0].metric"},
		{"cgr operator", `"conditionalGroupRouting":{"rules":[{"operator":"EqualTo"}]}`, "invalid.value", "conditionalGroupRouting.rules[0].operator"},
		{"cgr queue", `"conditionalGroupRouting":{"rules":[{"queue":{"id":"nope"}}]}`, "bad.request", "conditionalGroupRouting.rules[0].queue.id"},
		{"cga metric", `"conditionalGroupActivation":{"pilotRule":{"conditions":[{"simpleMetric":{"metric":"Mood"}}]}}`, "invalid.value", "conditionalGroupActivation.pilotRule.conditions[0].simpleMetric.metric"},
		{"cga operator", `"conditionalGroupActivation":{"rules":[{"conditions":[{"operator":"Maybe"}]}]}`, "invalid.value", "conditionalGroupActivation.rules[0].conditions[0].operator"},
		{"member group type", `"memberGroups":[{"id":"x","type":"USER"}]`, "invalid.value", "memberGroups[0].type"},
		{"member group no type", `"memberGroups":[{"id":"x"}]`, "bad.request", "memberGroups[0].type"},
		{"member group unknown group", `"memberGroups":[{"id":"nope","type":"GROUP"}]`, "bad.request", "memberGroups[0].id"},
		{"member group unknown skill group", `"memberGroups":[{"id":"nope","type":"SKILLGROUP"}]`, "bad.request", "memberGroups[0].id"},
		{"bullseye expansion", `"bullseye":{"rings":[{"expansionCriteria":[{"type":"COUNT"}]}]}`, "invalid.value", "bullseye.rings[0].expansionCriteria[0].type"},
		{"bullseye skill", `"bullseye":{"rings":[{"actions":{"skillsToRemove":[{"id":"nope"}]}}]}`, "bad.request", "bullseye.rings[0].actions.skillsToRemove[0].id"},
		{"bullseye group", `"bullseye":{"rings":[{},{"memberGroups":[{"id":"nope","type":"GROUP"}]}]}`, "bad.request", "bullseye.rings[1].memberGroups[0].id"},
		{"callback mode empty", `"mediaSettings":{"callback":{"mode":""}}`, "invalid.value", "mediaSettings.callback.mode"},
		{"callback live voice", `"mediaSettings":{"callback":{"liveVoiceReactionType":"Ignore"}}`, "invalid.value", "mediaSettings.callback.liveVoiceReactionType"},
		{"callback machine", `"mediaSettings":{"callback":{"answeringMachineReactionType":"Ignore"}}`, "invalid.value", "mediaSettings.callback.answeringMachineReactionType"},
		{"canned mode", `"cannedResponseLibraries":{"mode":"Some"}`, "invalid.value", "cannedResponseLibraries.mode"},
		{"inactivity action", `"mediaSettings":{"message":{"inactivityTimeoutSettings":{"actionType":"WAIT"}}}`, "invalid.value", "mediaSettings.message.inactivityTimeoutSettings.actionType"},
		{"alerting low", `"mediaSettings":{"call":{"alertingTimeoutSeconds":6}}`, "bad.request", "mediaSettings.call.alertingTimeoutSeconds"},
		{"alerting not integer", `"mediaSettings":{"call":{"alertingTimeoutSeconds":7.5}}`, "bad.request", "alertingTimeoutSeconds"},
		{"service level percentage", `"mediaSettings":{"chat":{"serviceLevel":{"percentage":1.5}}}`, "bad.request", "mediaSettings.chat.serviceLevel.percentage"},
		{"service level duration", `"mediaSettings":{"email":{"serviceLevel":{"durationMs":999}}}`, "bad.request", "mediaSettings.email.serviceLevel.durationMs"},
		{"division", `"division":{"id":"nope"}`, "bad.request", "division.id"},
		{"source queue", `"sourceQueueId":"nope"`, "bad.request", "sourceQueueId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := c.wantError(400, tc.code, "POST", "/api/v2/routing/queues", `{"name":"V",`+tc.body+`}`)
			if !strings.Contains(m["message"].(string), tc.field) {
				t.Errorf("message %q does not name %s", m["message"], tc.field)
			}
		})
	}
	if l := c.must(200, "GET", "/api/v2/routing/queues", nil); l["total"].(float64) != 0 {
		t.Errorf("a rejected queue was stored: %v", l)
	}
}

func TestQueuesListing(t *testing.T) {
	ts, c := parallelDevOrg(t)
	home := routingHomeDivision(t, ts, "dev")
	ids := c.createNamed("/api/v2/routing/queues", "Sales", "Sales EMEA", "Support", "Billing sales", "Tech")
	c.wantListedNames("/api/v2/routing/queues", []listingCase{
		{"", "Billing sales,Sales,Sales EMEA,Support,Tech"},
		{q("sortOrder", "desc"), "Tech,Support,Sales EMEA,Sales,Billing sales"},
		{q("name", "sales"), "Sales"},
		{q("name", "Sales*"), "Sales,Sales EMEA"},
		{q("name", "*sales"), "Billing sales,Sales"},
		{q("name", "*ale*"), "Billing sales,Sales,Sales EMEA"},
		{q("name", "Sal"), ""},
		{q("id", ids["Tech"]+","+ids["Sales"]), "Sales,Tech"},
		{q("id", ids["Tech"], "id", ids["Support"]), "Support,Tech"},
		{q("divisionId", home, "name", "T*"), "Tech"},
		{q("divisionId", uuid.NewString()), ""},
	})
	c.wantError(400, "invalid.value", "GET", "/api/v2/routing/queues?sortOrder=descending", nil)
	c.wantError(400, "bad.request", "GET", "/api/v2/routing/queues?pageSize=0", nil)
	l := c.must(200, "GET", "/api/v2/routing/queues?pageSize=2&pageNumber=2&name=*", nil)
	if l["total"].(float64) != 5 || l["pageCount"].(float64) != 3 || strings.Join(names(l), ",") != "Sales EMEA,Support" {
		t.Errorf("page 2 = %v", l)
	}
	for k, want := range map[string]string{
		"firstUri":    "/api/v2/routing/queues?pageSize=2&pageNumber=1&name=%2A",
		"selfUri":     "/api/v2/routing/queues?pageSize=2&pageNumber=2&name=%2A",
		"nextUri":     "/api/v2/routing/queues?pageSize=2&pageNumber=3&name=%2A",
		"previousUri": "/api/v2/routing/queues?pageSize=2&pageNumber=1&name=%2A",
		"lastUri":     "/api/v2/routing/queues?pageSize=2&pageNumber=3&name=%2A",
	} {
		if l[k] != want {
			t.Errorf("%s = %v, want %s", k, l[k], want)
		}
	}
}

func TestQueueSourceQueue(t *testing.T) {
	_, c := parallelDevOrg(t)
	src := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Template", "description": "tmpl",
		"skillEvaluationMethod": "BEST", "callingPartyName": "ACME", "routingRules": []any{map[string]any{"operator": "ANY", "waitSeconds": 3}}})
	cp := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Copy", "sourceQueueId": src["id"], "callingPartyName": "Copy Inc"})
	if cp["skillEvaluationMethod"] != "BEST" || cp["callingPartyName"] != "Copy Inc" || cp["description"] != nil || cp["sourceQueueId"] != nil ||
		!reflect.DeepEqual(cp["routingRules"], src["routingRules"]) || cp["id"] == src["id"] || cp["name"] != "Copy" {
		t.Errorf("copied queue = %v", cp)
	}
}

// TestQueueFullRoundTrip sets every field of the Queue model and checks that GET returns
// each one with the same name, JSON type and value (integers stay integers).
func TestQueueFullRoundTrip(t *testing.T) {
	ts, c := parallelDevOrg(t)
	home := routingHomeDivision(t, ts, "dev")
	skill := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Billing"})["id"].(string)
	c.must(200, "POST", "/api/v2/routing/languages", map[string]any{"name": "English"})
	other := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Other"})["id"].(string)
	group := seedRoutingGroup(t, ts, "dev", "Agents")
	sg := c.must(200, "POST", "/api/v2/routing/skillgroups", map[string]any{"name": "SG", "skillConditions": []any{}})["id"].(string)

	body := strings.NewReplacer("@HOME@", home, "@SKILL@", skill, "@OTHER@", other, "@GROUP@", group, "@SKGRP@", sg).Replace(fullQueueJSON)
	sent := decodeNumbers(t, []byte(body))
	created := c.do("POST", "/api/v2/routing/queues", body)
	if created.Status != 200 {
		t.Fatalf("POST full queue: %d %s", created.Status, created.Body)
	}
	got := c.do("GET", "/api/v2/routing/queues/"+decodeNumbers(t, created.Body)["id"].(string), nil)
	compareQueue(t, "POST", sent, decodeNumbers(t, got.Body))

	// PUT with the same document (a QueueRequest) round-trips the same way.
	id := decodeNumbers(t, got.Body)["id"].(string)
	put := c.do("PUT", "/api/v2/routing/queues/"+id, body)
	if put.Status != 200 {
		t.Fatalf("PUT full queue: %d %s", put.Status, put.Body)
	}
	compareQueue(t, "PUT", sent, decodeNumbers(t, c.do("GET", "/api/v2/routing/queues/"+id, nil).Body))
}

func compareQueue(t *testing.T, op string, sent, got map[string]any) {
	t.Helper()
	// Every field of the model is present, and nothing else.
	fields := map[string]bool{}
	qt := reflect.TypeFor[platform.Queue]()
	for i := range qt.NumField() {
		name, _, _ := strings.Cut(qt.Field(i).Tag.Get("json"), ",")
		fields[name] = true
		if _, ok := got[name]; !ok {
			t.Errorf("%s: GET lacks field %s", op, name)
		}
	}
	for k := range got {
		if !fields[k] {
			t.Errorf("%s: GET has field %s, which the Queue model does not", op, k)
		}
	}
	serverOwned := map[string]bool{"id": true, "dateCreated": true, "dateModified": true, "createdBy": true, "modifiedBy": true,
		"memberCount": true, "userMemberCount": true, "joinedMemberCount": true, "selfUri": true}
	for k, v := range sent {
		if serverOwned[k] {
			continue
		}
		if !reflect.DeepEqual(got[k], v) {
			a, _ := json.Marshal(v)
			b, _ := json.Marshal(got[k])
			t.Errorf("%s: field %s\n sent %s\n got  %s", op, k, a, b)
		}
	}
	for _, k := range []string{"memberCount", "userMemberCount", "joinedMemberCount"} {
		if got[k] != json.Number("0") {
			t.Errorf("%s: %s = %v, want the integer 0 (the request's value is ignored)", op, k, got[k])
		}
	}
	if got["id"] == sent["id"] || got["selfUri"] != "/api/v2/routing/queues/"+got["id"].(string) {
		t.Errorf("%s: id %v / selfUri %v are not the server's", op, got["id"], got["selfUri"])
	}
}

// fullQueueJSON sets every Queue field; @HOME@, @SKILL@, @OTHER@, @GROUP@ and @SKGRP@ are replaced
// by ids. Referenced names and selfUris are the ones the server fills in.
const fullQueueJSON = `{
 "id": "client-chosen-id", "name": "Full queue", "description": "every field",
 "division": {"id": "@HOME@", "name": "Home", "selfUri": "/api/v2/authorization/divisions/@HOME@"},
 "dateCreated": "2001-01-01T00:00:00.000Z", "dateModified": "2001-01-01T00:00:00.000Z", "modifiedBy": "someone", "createdBy": "someone",
 "memberCount": 99, "userMemberCount": 98, "joinedMemberCount": 97,
 "mediaSettings": {
  "call": {"enableAutoAnswer": true, "alertingTimeoutSeconds": 10, "serviceLevel": {"percentage": 0.75, "durationMs": 15000}, "autoAnswerAlertToneSeconds": 1.5, "manualAnswerAlertToneSeconds": 2},
  "callback": {"enableAutoAnswer": false, "alertingTimeoutSeconds": 40, "serviceLevel": {"percentage": 1, "durationMs": 30000}, "autoAnswerAlertToneSeconds": 0.5, "manualAnswerAlertToneSeconds": 1,
   "mode": "CustomerFirst", "enableAutoDialAndEnd": true, "autoDialDelaySeconds": 5, "autoEndDelaySeconds": 6, "pacingModifier": 2, "maxRetryCount": 3, "retryDelaySeconds": 60,
   "liveVoiceReactionType": "TransferToFlow", "liveVoiceFlow": {"id": "flow-live", "name": "Live", "selfUri": "/api/v2/flows/flow-live"},
   "answeringMachineReactionType": "HangUp", "answeringMachineFlow": {"id": "flow-am", "name": "AM"}, "edgeGroup": {"id": "eg-1"}, "site": {"id": "site-1", "name": "Site"}},
  "chat": {"enableAutoAnswer": true, "alertingTimeoutSeconds": 20, "serviceLevel": {"percentage": 0, "durationMs": 1000}, "autoAnswerAlertToneSeconds": 0, "manualAnswerAlertToneSeconds": 3.25},
  "email": {"enableAutoAnswer": false, "alertingTimeoutSeconds": 600, "serviceLevel": {"percentage": 0.5, "durationMs": 86400000}, "autoAnswerAlertToneSeconds": 1, "manualAnswerAlertToneSeconds": 1,
   "allOutboundEmailAddresses": [{"domain": {"id": "example.com"}, "route": {"id": "route-1", "pattern": "support"}}]},
  "message": {"enableAutoAnswer": true, "alertingTimeoutSeconds": 30, "serviceLevel": {"percentage": 0.8, "durationMs": 20000}, "autoAnswerAlertToneSeconds": 2, "manualAnswerAlertToneSeconds": 2,
   "subTypeSettings": {"webmessaging": {"enableAutoAnswer": true, "enableInactivityTimeout": false}, "whatsapp": {"enableAutoAnswer": false}},
   "enableInactivityTimeout": true, "inactivityTimeoutSettings": {"timeoutSeconds": 600, "actionType": "SEND_TO_ARCHITECT_FLOW", "flowId": {"id": "flow-inactive"}}}
 },
 "routingRules": [{"operator": "MEETS_THRESHOLD", "threshold": 9, "waitSeconds": 5}, {"operator": "ANY", "waitSeconds": 2.5}],
 "conditionalGroupRouting": {"rules": [{"queue": {"id": "@OTHER@", "name": "Other", "selfUri": "/api/v2/routing/queues/@OTHER@"}, "metric": "EstimatedWaitTime", "operator": "GreaterThan",
  "conditionValue": 30, "groups": [{"id": "@GROUP@", "name": "Agents", "type": "GROUP", "selfUri": "/api/v2/groups/@GROUP@"}], "waitSeconds": 2}]},
 "conditionalGroupActivation": {
  "pilotRule": {"conditions": [{"simpleMetric": {"metric": "IdleAgentCount", "queue": {"id": "@OTHER@", "name": "Other", "selfUri": "/api/v2/routing/queues/@OTHER@"}}, "operator": "LessThan", "value": 2}], "conditionExpression": "C1"},
  "rules": [{"conditions": [{"simpleMetric": {"metric": "ServiceLevel"}, "operator": "EqualTo", "value": 0.5}], "conditionExpression": "C1",
   "groups": [{"id": "@SKGRP@", "name": "SG", "type": "SKILLGROUP", "selfUri": "/api/v2/routing/skillgroups/@SKGRP@"}]}]},
 "bullseye": {"rings": [
  {"expansionCriteria": [{"type": "TIMEOUT_SECONDS", "threshold": 15}], "actions": {"skillsToRemove": [{"name": "Billing", "id": "@SKILL@", "selfUri": "/api/v2/routing/skills/@SKILL@"}]},
   "memberGroups": [{"id": "team-1", "name": "Team", "division": {"id": "@HOME@", "name": "Home", "selfUri": "/api/v2/authorization/divisions/@HOME@"}, "type": "TEAM", "memberCount": 3, "selfUri": "/api/v2/teams/team-1"}]},
  {"expansionCriteria": [{"type": "TIMEOUT_SECONDS", "threshold": 0.5}]}]},
 "scoringMethod": "PriorityOnly", "lastAgentRoutingMode": "QueueMembersOnly",
 "acwSettings": {"wrapupPrompt": "AGENT_REQUESTED", "timeoutMs": 60000},
 "skillEvaluationMethod": "BEST",
 "memberGroups": [{"id": "@GROUP@", "name": "Agents", "type": "GROUP", "selfUri": "/api/v2/groups/@GROUP@"}, {"id": "@SKGRP@", "name": "SG", "type": "SKILLGROUP", "selfUri": "/api/v2/routing/skillgroups/@SKGRP@"}],
 "queueFlow": {"id": "flow-q", "name": "In queue", "selfUri": "/api/v2/flows/flow-q"}, "emailInQueueFlow": {"id": "flow-e"}, "messageInQueueFlow": {"id": "flow-m"},
 "whisperPrompt": {"id": "prompt-w", "name": "Whisper"}, "onHoldPrompt": {"id": "prompt-h"},
 "defaultMediaLanguage": "en-US", "autoAnswerOnly": true,
 "cannedResponseLibraries": {"libraryIds": ["lib-1", "lib-2"], "mode": "SelectedOnly"},
 "enableTranscription": true, "enableAudioMonitoring": false, "enableManualAssignment": true,
 "agentOwnedRouting": {"enableAgentOwnedCallbacks": true, "maxOwnedCallbackHours": 24, "maxOwnedCallbackDelayHours": 48},
 "directRouting": {"callMediaSettings": {"useAgentAddressOutbound": true}, "emailMediaSettings": {"useAgentAddressOutbound": false}, "messageMediaSettings": {"useAgentAddressOutbound": true},
  "backupQueueId": "@OTHER@", "waitForAgent": true, "agentWaitSeconds": 60},
 "callingPartyName": "Support", "callingPartyNumber": "+13175550100",
 "defaultScripts": {"CALL": {"id": "script-1", "name": "Call script", "selfUri": "/api/v2/scripts/script-1"}},
 "outboundMessagingAddresses": {"smsAddress": {"id": "sms-1"}, "openMessagingRecipient": {"id": "om-1"}, "whatsAppRecipient": {"id": "wa-1"}},
 "outboundEmailAddress": {"domain": {"id": "example.com"}, "route": {"id": "route-1", "pattern": "support", "fromName": "Support"}},
 "peerId": "peer-1", "suppressInQueueCallRecording": true,
 "selfUri": "/api/v2/routing/queues/client-chosen-id"
}`

// decodeNumbers decodes a JSON object keeping numbers as written, so 30 and 30.0 differ.
func decodeNumbers(t *testing.T, b []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return m
}

// jsonPath reads a dotted path out of a decoded JSON object.
func jsonPath(m map[string]any, path string) any {
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = mm[k]
	}
	return cur
}

func routingOrgID(t *testing.T, ts *TestServer, org string) string {
	t.Helper()
	return ts.Credential(t, org, "deploy").OrgID
}

// routingHomeDivision returns the id of an org's home division.
func routingHomeDivision(t *testing.T, ts *TestServer, org string) string {
	t.Helper()
	for _, o := range ts.Store().List(routingOrgID(t, ts, org), entity.KindDivision, "") {
		var d platform.AuthzDivision
		if json.Unmarshal(o.Data, &d) == nil && host.Deref(d.HomeDivision) {
			return o.ID
		}
	}
	t.Fatal("no home division")
	return ""
}

// seedRoutingGroup stores a group directly, so these tests do not depend on the groups API.
func seedRoutingGroup(t *testing.T, ts *TestServer, org, name string) string {
	t.Helper()
	id := uuid.NewString()
	err := ts.Store().Update(context.Background(), routingOrgID(t, ts, org), func(tx *store.Tx) error {
		_, err := entity.Put(tx, host.KindGroup, id, "", name, platform.Group{ID: host.Ptr(id), Name: host.Ptr(name), State: host.Ptr("active"), Version: host.Ptr(1)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// routingUser is a user to seed with routing skills and languages (by id → proficiency).
type routingUser struct {
	name, division string
	skills, langs  map[string]float64
}

// seedRoutingUser stores a user, its skills and languages directly, in the shapes the
// users API stores them, so these tests do not depend on that API.
func seedRoutingUser(t *testing.T, ts *TestServer, org string, u routingUser) string {
	t.Helper()
	id := uuid.NewString()
	err := ts.Store().Update(context.Background(), routingOrgID(t, ts, org), func(tx *store.Tx) error {
		user := platform.User{ID: host.Ptr(id), Name: host.Ptr(u.name), State: host.Ptr("active"), Version: host.Ptr(1), SelfURI: host.Ptr("/api/v2/users/" + id)}
		if u.division != "" {
			user.Division = &platform.Division{ID: host.Ptr(u.division)}
		}
		if _, err := entity.Put(tx, host.KindUser, id, "", u.name, user); err != nil {
			return err
		}
		for sid, p := range u.skills {
			sk := tx.Get(host.KindSkill, sid)
			if _, err := entity.Put(tx, host.KindUserSkill, id+"/"+sid, id, sk.Name,
				platform.UserRoutingSkill{ID: host.Ptr(sid), Name: host.Ptr(sk.Name), Proficiency: host.Ptr(p), State: host.Ptr("active")}); err != nil {
				return err
			}
		}
		for lid, p := range u.langs {
			l := tx.Get(host.KindLanguage, lid)
			if _, err := entity.Put(tx, host.KindUserLanguage, id+"/"+lid, id, l.Name,
				platform.UserRoutingLanguage{ID: host.Ptr(lid), Name: host.Ptr(l.Name), Proficiency: host.Ptr(p), State: host.Ptr("active")}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}
