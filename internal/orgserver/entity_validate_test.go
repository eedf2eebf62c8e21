package orgserver

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

const emergencyGroups = "/api/v2/architect/emergencygroups"

// Emergency groups refer to flows and IVRs by id: both must exist in the org, and the
// answer names them as the API does.
func TestEmergencyGroupReferences(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	c := newRawClient(t, ts, "dev", "deploy")
	flow := c.must(200, "POST", "/api/v2/flows", map[string]any{"name": "Evacuation", "type": "INBOUNDCALL"})["id"].(string)
	ivr := c.must(200, "POST", "/api/v2/architect/ivrs", map[string]any{"name": "Main line"})["id"].(string)
	callFlows := func(flowID, ivrID string) []any {
		return []any{map[string]any{"emergencyFlow": map[string]any{"id": flowID}, "ivrs": []any{map[string]any{"id": ivrID}}}}
	}
	for _, tc := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"name": "E", "emergencyCallFlows": callFlows("no-such-flow", ivr)}, "emergencyFlow.id"},
		{map[string]any{"name": "E", "emergencyCallFlows": callFlows(flow, "no-such-ivr")}, "ivrs[].id"},
		{map[string]any{"name": "E", "division": map[string]any{"id": "no-such-division"}}, "[division.id]"},
		// An IVR id is not a flow id, even though both exist.
		{map[string]any{"name": "E", "emergencyCallFlows": callFlows(ivr, ivr)}, "emergencyFlow.id"},
	} {
		m := c.wantError(400, "bad.request", "POST", emergencyGroups, tc.body)
		if msg := m["message"].(string); !strings.Contains(msg, tc.field) {
			t.Errorf("POST %v: message %q does not name %s", tc.body, msg, tc.field)
		}
	}

	g := c.must(200, "POST", emergencyGroups, map[string]any{"name": "Fire", "enabled": true, "emergencyCallFlows": callFlows(flow, ivr)})
	cf := g["emergencyCallFlows"].([]any)[0].(map[string]any)
	ef, ivrs := cf["emergencyFlow"].(map[string]any), cf["ivrs"].([]any)
	if ef["id"] != flow || ef["name"] != "Evacuation" || ef["selfUri"] != "/api/v2/flows/"+flow || len(ivrs) != 1 ||
		ivrs[0].(map[string]any)["name"] != "Main line" || ivrs[0].(map[string]any)["selfUri"] != "/api/v2/architect/ivrs/"+ivr ||
		g["enabled"] != true {
		t.Errorf("created emergency group = %v", g)
	}

	// A PUT replaces: without the call flows the group has none; the division stays.
	id := g["id"].(string)
	put := c.must(200, "PUT", emergencyGroups+"/"+id, map[string]any{"name": "Fire", "version": 1})
	if put["emergencyCallFlows"] != nil || put["division"] == nil || put["dateCreated"] != g["dateCreated"] {
		t.Errorf("after PUT = %v", put)
	}
}

// The model and the catalogue decide what a body may hold, for every generic kind.
func TestGenericEntityValidation(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	c := newRawClient(t, ts, "dev", "deploy")
	for _, k := range genericKinds() {
		coll := k.API.Collection
		for _, tc := range []struct {
			body  any
			field string
		}{
			{map[string]any{}, "[name]"},
			{map[string]any{"name": "   "}, "[name]"},
			{map[string]any{"name": 7}, "[name]"},
			{map[string]any{"name": "tab\tname"}, "[name]"},
			{[]any{"name"}, "JSON object"},
			{"null", "JSON object"},
		} {
			m := c.wantError(400, "bad.request", "POST", coll, tc.body)
			if msg := m["message"].(string); !strings.Contains(msg, tc.field) {
				t.Errorf("POST %s %v: message %q does not name %s", coll, tc.body, msg, tc.field)
			}
		}
		if f := k.Field("name"); f != nil && f.MaxLength > 0 {
			m := c.wantError(400, "bad.request", "POST", coll, map[string]any{"name": strings.Repeat("n", 300)})
			if msg := m["message"].(string); !strings.Contains(msg, "[name]") || !strings.Contains(msg, "300") {
				t.Errorf("POST %s with a 300-character name: message %q", coll, msg)
			}
			c.must(200, "POST", coll, map[string]any{"name": strings.Repeat("n", f.MaxLength)})
		}
	}

	// JSON types per model field, nested models and arrays included.
	for _, tc := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"name": "E", "enabled": "yes"}, "[enabled]"},
		{map[string]any{"name": "E", "description": false}, "[description]"},
		{map[string]any{"name": "E", "division": "home"}, "[division]"},
		{map[string]any{"name": "E", "emergencyCallFlows": map[string]any{}}, "[emergencyCallFlows]"},
		{map[string]any{"name": "E", "emergencyCallFlows": []any{"x"}}, "[emergencyCallFlows[0]]"},
		{map[string]any{"name": "E", "emergencyCallFlows": []any{map[string]any{"ivrs": "x"}}}, "[emergencyCallFlows[0].ivrs]"},
		{map[string]any{"name": "E", "emergencyCallFlows": []any{map[string]any{"emergencyFlow": map[string]any{"id": 5}}}}, "[emergencyCallFlows[0].emergencyFlow.id]"},
	} {
		m := c.wantError(400, "bad.request", "POST", emergencyGroups, tc.body)
		if msg := m["message"].(string); !strings.Contains(msg, tc.field) {
			t.Errorf("POST %v: message %q does not name %s", tc.body, msg, tc.field)
		}
	}
	// Fields outside the model are dropped, not refused; the version is the server's.
	lib := c.must(200, "POST", "/api/v2/responsemanagement/libraries", map[string]any{"name": "Replies", "color": "red", "version": 42})
	if _, ok := lib["color"]; ok || lib["version"] != float64(1) {
		t.Errorf("created library = %v", lib)
	}
	c.wantError(400, "bad.request", "PUT", "/api/v2/responsemanagement/libraries/"+lib["id"].(string), map[string]any{"name": "Replies", "version": 1.5})
}

// Enum values from the reference list refuse what the API refuses.
func TestValidateModelEnum(t *testing.T) {
	t.Parallel()
	err := validateModel("Queue", map[string]any{"name": "Q", "scoringMethod": "Loudest"}, "")
	var ae *apihttp.Error
	if !errors.As(err, &ae) || ae.Code != "invalid.value" || !strings.Contains(ae.Message, "[scoringMethod]") {
		t.Fatalf("validateModel with a bad enum = %v", err)
	}
	if err := validateModel("Queue", map[string]any{"name": "Q", "scoringMethod": "PriorityOnly"}, ""); err != nil {
		t.Fatalf("validateModel with a good enum = %v", err)
	}
}

// The domain rules run without an HTTP request: a transaction and a principal suffice.
func TestEntityRulesWithoutRequest(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	p := apihttp.Principal{OrgID: cred.OrgID, ClientID: cred.ClientID, ClientName: cred.Name, Role: cred.Role}
	k := kinds.Genesys().Named(kinds.UtilizationLabel)
	var id string
	err := ts.Store().Update(context.Background(), cred.OrgID, func(tx *store.Tx) error {
		out, ev, err := createEntity(tx, p, k, map[string]any{"name": "Voice"})
		if err != nil {
			return err
		}
		if ev.Action != "Create" || ev.EntityType != k.Audit.Entity || len(out) == 0 {
			t.Errorf("create event = %+v", ev)
		}
		id = ev.ID
		if _, _, err := createEntity(tx, p, k, map[string]any{"name": "VOICE"}); err == nil {
			t.Error("a second label named VOICE was created")
		}
		_, ev, err = updateEntity(tx, p, k, id, http.MethodPut, map[string]any{"name": "Voice 2"})
		if err != nil || ev.Action != "Update" {
			t.Errorf("update = %+v, %v", ev, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if o := ts.Store().Get(cred.OrgID, storeKindOf(k.Name), id); o == nil || o.Name != "Voice 2" {
		t.Fatalf("stored label = %+v", o)
	}
}

// The generic entity also serves kinds the three first ones do not exercise: PATCH merges
// the sent fields over the stored ones, string versions count up without being sent, and
// a soft delete keeps the object readable but frees its name.
func TestEntityPatchStringVersionSoftDelete(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	p := apihttp.Principal{OrgID: cred.OrgID, ClientID: cred.ClientID}
	k := &kinds.Kind{Name: "test.patchable", Noun: "patchable", Model: "EmergencyGroup",
		API:   kinds.API{Collection: "/api/v2/test/patchables", Update: "PATCH", Version: kinds.StringVersion, SoftDelete: true},
		Audit: kinds.Audit{Service: "Test", Entity: "Patchable"}}
	err := ts.Store().Update(context.Background(), cred.OrgID, func(tx *store.Tx) error {
		_, ev, err := createEntity(tx, p, k, map[string]any{"name": "P", "description": "first", "enabled": true})
		if err != nil {
			return err
		}
		out, _, err := updateEntity(tx, p, k, ev.ID, http.MethodPatch, map[string]any{"description": "second"})
		if err != nil {
			return err
		}
		var got map[string]any
		if err := json.Unmarshal(out, &got); err != nil {
			return err
		}
		if got["name"] != "P" || got["enabled"] != true || got["description"] != "second" || got["version"] != "2" {
			t.Errorf("after PATCH = %v", got)
		}
		if _, err := deleteEntity(tx, k, ev.ID); err != nil {
			return err
		}
		if o := tx.Get(storeKindOf(k.Name), ev.ID); o == nil || !isDeleted(o.Data) {
			t.Errorf("soft-deleted object = %+v", o)
		}
		if _, err := deleteEntity(tx, k, ev.ID); err == nil {
			t.Error("a second delete succeeded")
		}
		_, _, err = createEntity(tx, p, k, map[string]any{"name": "p"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// An object a catalogue field of another generic kind refers to cannot be deleted while
// that reference stands.
func TestEntityInUse(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	p := apihttp.Principal{OrgID: cred.OrgID, ClientID: cred.ClientID}
	label := kinds.Genesys().Named(kinds.UtilizationLabel)
	user := &kinds.Kind{Name: "test.labeluser", Noun: "label user", Model: "EmergencyGroup",
		API:    kinds.API{Collection: "/api/v2/test/labelusers"},
		Fields: []kinds.Field{{Attr: "label_ids", JSON: "emergencyCallFlows[].ivrs[].id", Type: kinds.StringSet, Ref: kinds.UtilizationLabel}}}
	err := ts.Store().Update(context.Background(), cred.OrgID, func(tx *store.Tx) error {
		_, l, err := createEntity(tx, p, label, map[string]any{"name": "Voice"})
		if err != nil {
			return err
		}
		o := tx.Get(storeKindOf(label.Name), l.ID)
		_, u, err := createEntity(tx, p, user, map[string]any{"name": "U",
			"emergencyCallFlows": []any{map[string]any{"ivrs": []any{map[string]any{"id": l.ID}}}}})
		if err != nil {
			return err
		}
		err = entityInUse(tx, []*kinds.Kind{user}, label, o)
		var ae *apihttp.Error
		if !errors.As(err, &ae) || ae.Status != 409 || !strings.Contains(ae.Message, u.ID) {
			t.Errorf("delete of a used label = %v", err)
		}
		tx.Delete(storeKindOf(user.Name), u.ID)
		if err := entityInUse(tx, []*kinds.Kind{user}, label, o); err != nil {
			t.Errorf("delete of a label no longer used = %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
