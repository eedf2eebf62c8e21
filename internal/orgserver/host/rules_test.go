package host

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// newBareOrg is a store holding one org with its home division, and the org's deploy client.
func newBareOrg(t *testing.T) (*store.Store, apihttp.Principal) {
	t.Helper()
	st, err := store.Open("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := apihttp.Principal{OrgID: "org-dev", ClientID: "client-deploy", ClientName: "deploy", Role: store.RoleAdmin}
	err = st.Update(context.Background(), "", func(tx *store.Tx) error {
		tx.CreateOrg(store.OrgInfo{ID: p.OrgID, Name: "dev"})
		_, err := entity.Put(tx, entity.KindDivision, "home", "", "Home", map[string]any{"id": "home", "name": "Home", "homeDivision": true})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, p
}

// apiStatus is the HTTP status an API error answers with (0 for nil, -1 for other errors).
func apiStatus(err error) int {
	if err == nil {
		return 0
	}
	var ae *apihttp.Error
	if !errors.As(err, &ae) {
		return -1
	}
	return ae.Status
}

// The write skeleton's steps run on a transaction and a principal, with no request: store
// and audit, unique names, version-checked loads, division references.
func TestWriteStepsWithoutRequest(t *testing.T) {
	t.Parallel()
	st, p := newBareOrg(t)
	err := st.Update(context.Background(), p.OrgID, func(tx *store.Tx) error {
		g := platform.Group{ID: Ptr("g1"), Name: Ptr("Sales"), Version: Ptr(3)}
		if _, err := PutAudited(tx, p, KindGroup, g, audit.Event{Service: "Directory", EntityType: "Group", Action: "Create", ID: "g1", Name: "Sales"}); err != nil {
			return err
		}
		if got := apiStatus(CheckUniqueName(tx, KindGroup, "group", "SALES", "")); got != http.StatusConflict {
			t.Errorf("a second group named SALES: status %d, want 409", got)
		}
		if err := CheckUniqueName(tx, KindGroup, "group", "Sales", "g1"); err != nil {
			t.Errorf("renaming g1 to its own name: %v", err)
		}
		version := func(g platform.Group) *int { return g.Version }
		for _, tc := range []struct {
			sent *int
			want int
		}{{nil, http.StatusBadRequest}, {Ptr(2), http.StatusConflict}, {Ptr(3), 0}} {
			_, got, err := LoadVersioned(tx, KindGroup, "g1", tc.sent, version)
			if apiStatus(err) != tc.want {
				t.Errorf("LoadVersioned with version %v: %v, want status %d", tc.sent, err, tc.want)
			}
			if err == nil && Deref(got.Name) != "Sales" {
				t.Errorf("LoadVersioned read %+v", got)
			}
		}
		if _, _, err := LoadVersioned(tx, KindGroup, "nope", Ptr(1), version); apiStatus(err) != http.StatusNotFound {
			t.Errorf("LoadVersioned of a missing group: %v, want 404", err)
		}
		if div, err := DivisionRef(tx, ""); err != nil || Deref(div.ID) != "home" || Deref(div.Name) != "Home" {
			t.Errorf("DivisionRef of no division = %+v, %v; want the home division", div, err)
		}
		if _, err := DivisionRef(tx, "elsewhere"); apiStatus(err) != http.StatusBadRequest {
			t.Errorf("DivisionRef of an unknown division: %v, want 400", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if o := st.Get(p.OrgID, KindGroup, "g1"); o == nil || o.Name != "Sales" {
		t.Fatalf("stored group = %+v", o)
	}
	if DataOf(nil) != nil {
		t.Error("DataOf(nil) is not nil")
	}
}

// Sorting takes only the fields an endpoint sorts by, and sortOrder as the API documents it.
func TestSorting(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		query      string
		sortBy     string
		desc       bool
		wantStatus int
	}{
		{"", "", false, 0},
		{"sortBy=name&sortOrder=DESC", "name", true, 0},
		{"sortBy=id&sortOrder=ascending", "id", false, 0},
		{"sortBy=size", "", false, http.StatusBadRequest},
		{"sortOrder=sideways", "", false, http.StatusBadRequest},
	} {
		r := httptest.NewRequest(http.MethodGet, "/api/v2/things?"+tc.query, nil)
		sortBy, desc, err := Sorting(r, "name", "id")
		if apiStatus(err) != tc.wantStatus || err == nil && (sortBy != tc.sortBy || desc != tc.desc) {
			t.Errorf("Sorting(%q) = %q, %v, %v", tc.query, sortBy, desc, err)
		}
	}
}

// FirstError reports the first failed check in the order listed.
func TestFirstError(t *testing.T) {
	t.Parallel()
	first, second := apihttp.Required("a"), apihttp.Required("b")
	if got := FirstError(nil, first, second); got != first {
		t.Errorf("FirstError = %v, want %v", got, first)
	}
	if got := FirstError(nil, nil); got != nil {
		t.Errorf("FirstError of passing checks = %v", got)
	}
}
