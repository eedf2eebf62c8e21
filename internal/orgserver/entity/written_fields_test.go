package entity

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// A field written at another path than the object answers it (a workbin's divisionId, answered
// as division.id) lands where the object holds it, resolved and named; an update model that
// does not take the field leaves the stored value alone.
func TestWrittenFieldsMoveToTheirObjectPath(t *testing.T) {
	t.Parallel()
	set := NewSet(nil, Hooks{})
	workbin := kinds.Genesys().Named(kinds.Workbin)
	division := kinds.Genesys().Named(kinds.Division)
	decode := func(t *testing.T, out []byte) map[string]any {
		t.Helper()
		var got map[string]any
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	inTestOrg(t, func(tx *store.Tx, p apihttp.Principal) error {
		_, d, err := set.Create(tx, p, division, map[string]any{"name": "Claims", "description": "Insurance claims"})
		if err != nil {
			return err
		}
		out, w, err := set.Create(tx, p, workbin, map[string]any{"name": "Claims intake", "divisionId": d.ID})
		if err != nil {
			return err
		}
		got := decode(t, out)
		if kinds.Get(got, "division.id") != d.ID || kinds.Get(got, "division.name") != "Claims" || got["divisionId"] != nil {
			t.Errorf("created workbin = %v", got)
		}
		if _, _, err := set.Create(tx, p, workbin, map[string]any{"name": "Lost", "divisionId": "no-such-division"}); err == nil {
			t.Error("a workbin in a missing division was created")
		}
		out, _, err = set.Update(tx, p, workbin, w.ID, http.MethodPatch, map[string]any{"description": "New claims", "divisionId": "ignored"})
		if err != nil {
			return err
		}
		if got := decode(t, out); kinds.Get(got, "division.id") != d.ID || got["description"] != "New claims" {
			t.Errorf("patched workbin = %v", got)
		}
		return nil
	})
}
