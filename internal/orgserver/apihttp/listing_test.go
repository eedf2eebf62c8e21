package apihttp

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The hand-written listing encoder must produce what encoding/json would.
func TestListingAppendJSONMatchesEncodingJSON(t *testing.T) {
	for _, l := range []Listing{
		{Entities: []json.RawMessage{}, PageSize: 25, PageNumber: 1},
		{Entities: []json.RawMessage{[]byte(`{"id":"a","name":"x \"q\""}`), []byte(`{"id":"b"}`)}, PageSize: 2, PageNumber: 2, Total: 5,
			FirstURI: "/api/v2/x?pageSize=2&pageNumber=1", SelfURI: "/api/v2/x?pageSize=2&pageNumber=2", NextURI: "/n", PreviousURI: "/p", LastURI: "/l<&>", PageCount: 3},
	} {
		want, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		var a, b any
		if err := json.Unmarshal(l.AppendJSON(nil), &a); err != nil {
			t.Fatalf("AppendJSON is not JSON: %v\n%s", err, l.AppendJSON(nil))
		}
		json.Unmarshal(want, &b) //nolint:errcheck
		if d := cmp.Diff(b, a); d != "" {
			t.Errorf("listing differs from encoding/json (-want +got):\n%s", d)
		}
	}
}
