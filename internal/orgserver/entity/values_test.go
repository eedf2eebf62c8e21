package entity

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// The value rules a regular kind declares on its fields run on a bare store: formats are
// answered canonically, sets lose repeats, a value belongs to one object, a Within kind's
// hook decides containment, and a rename shows in the references other objects hold.
func TestEntityValueRules(t *testing.T) {
	t.Parallel()
	set := NewSet(nil, Hooks{Contains: map[string]func(*store.Tx, string) bool{
		kinds.DIDPool: func(_ *store.Tx, n string) bool { return strings.HasPrefix(n, "+1317555") },
	}})
	schedule, group, ivr := kinds.Genesys().Named(kinds.Schedule), kinds.Genesys().Named(kinds.ScheduleGroup), kinds.Genesys().Named(kinds.IVR)
	wantCode := func(err error, code, text string) {
		t.Helper()
		var ae *apihttp.Error
		if !errors.As(err, &ae) || ae.Code != code || !strings.Contains(ae.Message, text) {
			t.Errorf("error = %v, want %s naming %s", err, code, text)
		}
	}
	inTestOrg(t, func(tx *store.Tx, p apihttp.Principal) error {
		out, _, err := set.Create(tx, p, schedule, map[string]any{"name": "Open", "start": "2024-01-01T08:00:00.000000",
			"end": " 2024-01-01T17:00:00", "rrule": "  "})
		if err != nil {
			return err
		}
		var sc map[string]any
		json.Unmarshal(out, &sc) //nolint:errcheck // the store's own JSON
		if sc["start"] != "2024-01-01T08:00:00.000" || sc["end"] != "2024-01-01T17:00:00.000" || sc["rrule"] != nil {
			t.Errorf("stored schedule = %v", sc)
		}
		_, _, err = set.Create(tx, p, schedule, map[string]any{"name": "Backwards", "start": "2024-01-02T08:00:00", "end": "2024-01-01T08:00:00"})
		wantCode(err, "bad.request", "[end]")

		id := sc["id"].(string)
		out, _, err = set.Create(tx, p, group, map[string]any{"name": "Hours", "timeZone": " Europe/Berlin ",
			"openSchedules": []any{map[string]any{"id": id}, map[string]any{"id": id}}})
		if err != nil {
			return err
		}
		var g map[string]any
		json.Unmarshal(out, &g) //nolint:errcheck // the store's own JSON
		if g["timeZone"] != "Europe/Berlin" || len(g["openSchedules"].([]any)) != 1 {
			t.Errorf("stored group = %v", g)
		}
		if _, _, err := set.Update(tx, p, schedule, id, http.MethodPut, map[string]any{"name": "Open 2", "version": float64(1),
			"start": "2024-01-01T08:00:00", "end": "2024-01-01T17:00:00"}); err != nil {
			return err
		}
		json.Unmarshal(tx.Get(set.StoreKind(group.Name), g["id"].(string)).Data, &g) //nolint:errcheck // the store's own JSON
		if ref := g["openSchedules"].([]any)[0].(map[string]any); ref["name"] != "Open 2" || g["version"] != float64(1) {
			t.Errorf("group after the schedule's rename = %v", g)
		}

		if _, _, err := set.Create(tx, p, ivr, map[string]any{"name": "Main", "dnis": []any{"+13175550001", "+13175550001"}}); err != nil {
			return err
		}
		_, _, err = set.Create(tx, p, ivr, map[string]any{"name": "Other", "dnis": []any{"+13175550001"}})
		wantCode(err, "general.conflict", "[+13175550001]")
		_, _, err = set.Create(tx, p, ivr, map[string]any{"name": "Other", "dnis": []any{"+14155550001"}})
		wantCode(err, "bad.request", "[+14155550001]")
		_, _, err = set.Create(tx, p, ivr, map[string]any{"name": "Other", "dnis": []any{"13175550002"}})
		wantCode(err, "bad.request", "[dnis]")
		return nil
	})
}

// A listing keeps and orders objects as the kind's catalogue Listing says.
func TestSelectListing(t *testing.T) {
	t.Parallel()
	k := kinds.Genesys().Named(kinds.IVR)
	obj := func(id, name string, dnis ...string) *store.Object {
		b, _ := json.Marshal(map[string]any{"id": id, "name": name, "dnis": dnis, "division": map[string]any{"id": "home"}})
		return &store.Object{ID: id, Name: name, Data: b}
	}
	objs := []*store.Object{obj("c", "Alpha", "+1"), obj("a", "Beta", "+2"), obj("b", "Gamma", "+1", "+3")}
	for _, tc := range []struct{ query, want string }{
		{"", "Alpha,Beta,Gamma"},
		{"sortOrder=DESC", "Gamma,Beta,Alpha"},
		{"sortBy=id", "Beta,Gamma,Alpha"},
		{"dnis=%2B1", "Alpha,Gamma"},
		{"dnis=%2B3&divisionId=home", "Gamma"},
		{"divisionId=other", ""},
		{"name=*a&id=a,b", "Beta,Gamma"},
	} {
		q, _ := url.ParseQuery(tc.query)
		items, err := Select(k, objs, q)
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		var got []string
		for _, it := range items {
			var o struct{ Name string }
			json.Unmarshal(it, &o) //nolint:errcheck // made above
			got = append(got, o.Name)
		}
		if strings.Join(got, ",") != tc.want {
			t.Errorf("Select(%s) = %v, want %s", tc.query, got, tc.want)
		}
	}
	for _, bad := range []string{"sortOrder=up", "sortBy=start"} {
		q, _ := url.ParseQuery(bad)
		if _, err := Select(k, objs, q); err == nil {
			t.Errorf("Select(%s) took it", bad)
		}
	}
}
