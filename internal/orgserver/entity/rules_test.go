package entity

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
	st, cred := newTestOrg(t)
	set := NewSet(nil, Hooks{})
	p := apihttp.Principal{OrgID: cred.OrgID, ClientID: cred.ClientID, ClientName: cred.Name, Role: cred.Role}
	k := kinds.Genesys().Named(kinds.UtilizationLabel)
	var id string
	err := st.Update(context.Background(), cred.OrgID, func(tx *store.Tx) error {
		out, ev, err := set.Create(tx, p, k, map[string]any{"name": "Voice"})
		if err != nil {
			return err
		}
		if ev.Action != "Create" || ev.EntityType != k.Audit.Entity || len(out) == 0 {
			t.Errorf("create event = %+v", ev)
		}
		id = ev.ID
		if _, _, err := set.Create(tx, p, k, map[string]any{"name": "VOICE"}); err == nil {
			t.Error("a second label named VOICE was created")
		}
		_, ev, err = set.Update(tx, p, k, id, http.MethodPut, map[string]any{"name": "Voice 2"})
		if err != nil || ev.Action != "Update" {
			t.Errorf("update = %+v, %v", ev, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if o := st.Get(cred.OrgID, set.StoreKind(k.Name), id); o == nil || o.Name != "Voice 2" {
		t.Fatalf("stored label = %+v", o)
	}
}

// The generic entity also serves kinds the three first ones do not exercise: PATCH merges
// the sent fields over the stored ones, string versions count up without being sent, and
// a soft delete keeps the object readable but frees its name.
func TestEntityPatchStringVersionSoftDelete(t *testing.T) {
	t.Parallel()
	set := NewSet(nil, Hooks{})
	k := &kinds.Kind{Name: "test.patchable", Noun: "patchable", Model: "EmergencyGroup",
		API:   kinds.API{Collection: "/api/v2/test/patchables", Update: "PATCH", Version: kinds.StringVersion, SoftDelete: true},
		Audit: kinds.Audit{Service: "Test", Entity: "Patchable"}}
	inTestOrg(t, func(tx *store.Tx, p apihttp.Principal) error {
		_, ev, err := set.Create(tx, p, k, map[string]any{"name": "P", "description": "first", "enabled": true})
		if err != nil {
			return err
		}
		out, _, err := set.Update(tx, p, k, ev.ID, http.MethodPatch, map[string]any{"description": "second"})
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
		if _, err := set.Delete(tx, k, ev.ID); err != nil {
			return err
		}
		if o := tx.Get(set.StoreKind(k.Name), ev.ID); o == nil || !IsDeleted(o.Data) {
			t.Errorf("soft-deleted object = %+v", o)
		}
		if _, err := set.Delete(tx, k, ev.ID); err == nil {
			t.Error("a second delete succeeded")
		}
		_, _, err = set.Create(tx, p, k, map[string]any{"name": "p"})
		return err
	})
}

// An object a catalogue field of another generic kind refers to cannot be deleted while
// that reference stands.
func TestEntityInUse(t *testing.T) {
	t.Parallel()
	set := NewSet(nil, Hooks{})
	label := kinds.Genesys().Named(kinds.UtilizationLabel)
	user := &kinds.Kind{Name: "test.labeluser", Noun: "label user", Model: "EmergencyGroup",
		API:    kinds.API{Collection: "/api/v2/test/labelusers"},
		Fields: []kinds.Field{{Attr: "label_ids", JSON: "emergencyCallFlows[].ivrs[].id", Type: kinds.StringSet, Ref: kinds.UtilizationLabel}}}
	inTestOrg(t, func(tx *store.Tx, p apihttp.Principal) error {
		_, l, err := set.Create(tx, p, label, map[string]any{"name": "Voice"})
		if err != nil {
			return err
		}
		o := tx.Get(set.StoreKind(label.Name), l.ID)
		_, u, err := set.Create(tx, p, user, map[string]any{"name": "U",
			"emergencyCallFlows": []any{map[string]any{"ivrs": []any{map[string]any{"id": l.ID}}}}})
		if err != nil {
			return err
		}
		err = set.inUse(tx, []*kinds.Kind{user}, label, o)
		var ae *apihttp.Error
		if !errors.As(err, &ae) || ae.Status != 409 || !strings.Contains(ae.Message, u.ID) {
			t.Errorf("delete of a used label = %v", err)
		}
		tx.Delete(set.StoreKind(user.Name), u.ID)
		if err := set.inUse(tx, []*kinds.Kind{user}, label, o); err != nil {
			t.Errorf("delete of a label no longer used = %v", err)
		}
		return nil
	})
}

// testCaller is the part of a client's credentials the rules take.
type testCaller struct{ OrgID, ClientID, Name, Role string }

// principal is the caller as the rules see it: its org and client.
func (c testCaller) principal() apihttp.Principal {
	return apihttp.Principal{OrgID: c.OrgID, ClientID: c.ClientID}
}

// newTestOrg is a store holding one org with its home division, which is all the generic
// entity needs besides the catalogue.
func newTestOrg(t *testing.T) (*store.Store, testCaller) {
	t.Helper()
	st, err := store.Open("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cred := testCaller{OrgID: "org-dev", ClientID: "client-deploy", Name: "deploy", Role: store.RoleAdmin}
	err = st.Update(context.Background(), "", func(tx *store.Tx) error {
		tx.CreateOrg(store.OrgInfo{ID: cred.OrgID, Name: "dev"})
		_, err := Put(tx, KindDivision, "home", "", "Home", map[string]any{"id": "home", "name": "Home", "homeDivision": true})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, cred
}

// inTestOrg runs fn in one transaction of a new test org (newTestOrg) as the org's caller,
// failing the test when fn returns an error.
func inTestOrg(t *testing.T, fn func(tx *store.Tx, p apihttp.Principal) error) {
	t.Helper()
	st, cred := newTestOrg(t)
	if err := st.Update(context.Background(), cred.OrgID, func(tx *store.Tx) error { return fn(tx, cred.principal()) }); err != nil {
		t.Fatal(err)
	}
}

// The rules walk into an Object field's one object as they walk into a block's elements,
// naming its fields by a plain dotted path.
func TestWalkFieldsIntoObject(t *testing.T) {
	t.Parallel()
	fields := []kinds.Field{
		{Attr: "name", JSON: "name", Type: kinds.String},
		{Attr: "address", JSON: "address", Type: kinds.Object, Nested: []kinds.Field{
			{Attr: "city", JSON: "city", Type: kinds.String},
		}},
		{Attr: "rule", JSON: "rules", Type: kinds.Block, Nested: []kinds.Field{
			{Attr: "value", JSON: "value", Type: kinds.String},
		}},
	}
	doc := map[string]any{"name": "HQ", "address": map[string]any{"city": "Indianapolis"},
		"rules": []any{map[string]any{"value": "a"}}}
	var got []string
	err := walkFields(doc, fields, "", func(f *kinds.Field, path string, v any) error {
		got = append(got, path+"="+v.(string))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "name=HQ address.city=Indianapolis rules[].value=a"; strings.Join(got, " ") != want {
		t.Errorf("walked %q, want %q", strings.Join(got, " "), want)
	}
}

// A map or a list of strings holds its field's rule for each value (a map's length bound, a
// list's or set's enum), and the answer names the value's key or position.
func TestValidateCollectionValues(t *testing.T) {
	t.Parallel()
	st, cred := newTestOrg(t)
	for _, tc := range []struct {
		what   string
		kind   *kinds.Kind
		within map[string]any // a body whose values keep the rule
		beyond map[string]any // a body with one value that breaks it
		named  string         // what the refusal names
	}{
		{"labels", &kinds.Kind{Name: "test.labelled", Model: "OrganizationPresenceDefinition", Names: kinds.NoName,
			Fields: []kinds.Field{{Attr: "language_labels", JSON: "languageLabels", Type: kinds.StringMap, Mode: kinds.Required, MaxLength: 5}}},
			map[string]any{"languageLabels": map[string]any{"en_US": "Lunch"}},
			map[string]any{"languageLabels": map[string]any{"en_US": "Lunch", "de": "Mittagspause"}}, "[languageLabels.de]"},
		{"values", &kinds.Kind{Name: "test.listed", Model: "MediaUtilization", Names: kinds.NoName,
			Fields: []kinds.Field{{Attr: "types", JSON: "interruptableMediaTypes", Type: kinds.StringSet, Mode: kinds.Optional,
				Enum: []string{"call", "chat"}}}},
			map[string]any{"interruptableMediaTypes": []any{"call", "chat"}},
			map[string]any{"interruptableMediaTypes": []any{"call", "fax"}}, "interruptableMediaTypes[1]"},
	} {
		err := st.Update(context.Background(), cred.OrgID, func(tx *store.Tx) error {
			if err := validateRequest(tx, tc.kind, http.MethodPost, tc.within); err != nil {
				t.Errorf("%s within the rule: %v", tc.what, err)
			}
			err := validateRequest(tx, tc.kind, http.MethodPost, tc.beyond)
			var ae *apihttp.Error
			if !errors.As(err, &ae) || !strings.Contains(ae.Message, tc.named) {
				t.Errorf("%s beyond the rule = %v, want a 400 naming %s", tc.what, err, tc.named)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// A field the model list marks required is not required where the kind says the API takes
// the request without it, at that path only.
func TestModelCheckTakesWithout(t *testing.T) {
	t.Parallel()
	body := func() map[string]any {
		rule := func() map[string]any {
			return map[string]any{"name": "R", "conditions": []any{}}
		}
		return map[string]any{"name": "S", "rules": []any{rule(), rule()}}
	}
	var ae *apihttp.Error
	err := validateModel("RuleSet", body(), "")
	if !errors.As(err, &ae) || !strings.Contains(ae.Message, "rules[0].category") {
		t.Fatalf("without the exception = %v, want rules[0].category required", err)
	}
	check := modelCheck{optional: []string{"rules[].category"}}
	if err := check.model("RuleSet", body(), ""); err != nil {
		t.Fatalf("with the exception = %v", err)
	}
	b := body()
	delete(b, "name")
	if err := check.model("RuleSet", b, ""); !errors.As(err, &ae) || !strings.Contains(ae.Message, "name") {
		t.Fatalf("a field outside the exception = %v, want name required", err)
	}
}
