package provider

import (
	"fmt"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

func TestShownKeptElements(t *testing.T) {
	f := &kinds.Field{Attr: "number_plans", KeptAt: &kinds.Subresource{Path: "numberplans", Key: "name"},
		Nested: []kinds.Field{{Attr: "name", JSON: "name"}}}
	elems := []any{apiObject{"name": "Emergency"}, apiObject{"name": "Short codes"}, apiObject{"id": "x"}}
	for _, c := range []struct {
		keys []string
		all  bool
		want string
	}{
		{[]string{"Short codes"}, false, "[map[name:Short codes]]"},
		{nil, false, "[]"},
		{nil, true, "[map[name:Emergency] map[name:Short codes] map[id:x]]"},
		{[]string{"Gone"}, false, "[]"},
	} {
		if got := fmt.Sprint(shown(f, elems, c.keys, c.all)); got != c.want {
			t.Errorf("shown(%v, all=%v) = %s, want %s", c.keys, c.all, got, c.want)
		}
	}
}
