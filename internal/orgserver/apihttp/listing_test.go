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

// The listing's URIs are written by hand on the fast path: the bytes must be json.Marshal's
// (escapes included), and EncodedLen must cover the plain case so one buffer suffices.
func TestListingAppendJSONBytesAndEncodedLen(t *testing.T) {
	for _, uri := range []string{"/api/v2/routing/queues?pageSize=100&pageNumber=1", "/x?name=a%20b&q=<&>", "/x?n=\"é\"\\\t\u2028"} {
		l := Listing{Entities: []json.RawMessage{[]byte(`{"id":"a"}`), []byte(`{"id":"b","name":"x \"q\""}`)}, PageSize: 100, PageNumber: 1, Total: 2,
			FirstURI: uri, SelfURI: uri, NextURI: uri, PreviousURI: uri, LastURI: uri, PageCount: 1}
		want, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		got := l.AppendJSON(nil)
		if string(got) != string(want) {
			t.Errorf("URI %q:\n got %s\nwant %s", uri, got, want)
		}
		if uri == "/api/v2/routing/queues?pageSize=100&pageNumber=1" && len(got) > l.EncodedLen() {
			t.Errorf("EncodedLen %d < encoded length %d", l.EncodedLen(), len(got))
		}
	}
}
