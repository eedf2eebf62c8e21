package provider

import (
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

func TestNames(t *testing.T) {
	n := &kinds.Namer{Path: "/api/v2/organizations/me", JSON: "defaultSiteId"}
	for _, c := range []struct {
		doc  apiObject
		id   string
		want bool
	}{
		{apiObject{"defaultSiteId": "s-1"}, "s-1", true},
		{apiObject{"defaultSiteId": "s-1"}, "s-2", false},
		{apiObject{}, "s-1", false},
		{apiObject{"defaultSiteId": ""}, "", false}, // an object without id is never named
		{apiObject{"defaultSiteId": 7}, "7", false}, // only a string names
	} {
		if got := names(c.doc, n, c.id); got != c.want {
			t.Errorf("names(%v, %q) = %v, want %v", c.doc, c.id, got, c.want)
		}
	}
}
