package entity

import (
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// A listing with a required scope refuses a request without it and answers the objects that
// hold the scope's id; a cursor listing applies the kind's own filters, which a page-number
// listing leaves to Select.
func TestNarrow(t *testing.T) {
	t.Parallel()
	objs := []*store.Object{
		{ID: "a", Data: []byte(`{"id":"a","libraries":[{"id":"lib1"}],"coreLanguage":"en-US"}`)},
		{ID: "b", Data: []byte(`{"id":"b","libraries":[{"id":"lib1"},{"id":"lib2"}],"coreLanguage":"de-DE"}`)},
		{ID: "c", Data: []byte(`{"id":"c","libraries":[{"id":"lib2"}],"coreLanguage":"en-US"}`)},
	}
	scoped := &kinds.Kind{Name: "test.scoped", API: kinds.API{Scope: &kinds.ListScope{Param: "libraryId", Kind: "test.library", JSON: "libraries[].id"}}}
	filtered := &kinds.Kind{Name: "test.cursor", API: kinds.API{Paging: kinds.Cursor,
		List: kinds.Listing{Filters: []kinds.ListFilter{{Param: "coreLanguage", JSON: []string{"coreLanguage"}}}}}}
	for _, tc := range []struct {
		name  string
		kind  *kinds.Kind
		query string
		want  []string
	}{
		{"scope one", scoped, "libraryId=lib1", []string{"a", "b"}},
		{"scope other", scoped, "libraryId=lib2", []string{"b", "c"}},
		{"scope none held", scoped, "libraryId=lib3", nil},
		{"cursor filter", filtered, "coreLanguage=en-US", []string{"a", "c"}},
		{"cursor unfiltered", filtered, "", []string{"a", "b", "c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, _ := url.ParseQuery(tc.query)
			got, err := Narrow(tc.kind, objs, q)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, o := range got {
				ids = append(ids, o.ID)
			}
			if len(ids) != len(tc.want) {
				t.Fatalf("ids %v, want %v", ids, tc.want)
			}
			for i := range ids {
				if ids[i] != tc.want[i] {
					t.Fatalf("ids %v, want %v", ids, tc.want)
				}
			}
		})
	}
	_, err := Narrow(scoped, objs, url.Values{})
	var apiErr *apihttp.Error
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest {
		t.Fatalf("listing without its scope: %v, want a 400", err)
	}
}
