package orgserver

import (
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// A generic kind with a search endpoint finds its objects by the directory search request:
// by name, by a nested field, and refuses a field its model does not have.
func TestGenericEntitySearch(t *testing.T) {
	_, c := parallelDevOrg(t)
	k := kinds.Genesys().Named(kinds.Location)
	c.must(200, "POST", k.API.Collection, map[string]any{"name": "Indianapolis HQ",
		"address": map[string]any{"city": "Indianapolis", "country": "US", "street1": "1 Main St", "zipcode": "46204"}})
	c.must(200, "POST", k.API.Collection, map[string]any{"name": "Raleigh office"})

	for _, tc := range []struct {
		name  string
		query map[string]any
		want  int
	}{
		{"exact name, any case", map[string]any{"type": "EXACT", "fields": []string{"name"}, "value": "indianapolis hq"}, 1},
		{"nested field", map[string]any{"type": "EXACT", "fields": []string{"address.city"}, "value": "Indianapolis"}, 1},
		{"prefix", map[string]any{"type": "STARTS_WITH", "fields": []string{"name"}, "value": "r"}, 1},
		{"everything", map[string]any{"type": "MATCH_ALL"}, 2},
	} {
		got := c.must(200, "POST", k.API.Search, map[string]any{"query": []any{tc.query}})
		if got["total"].(float64) != float64(tc.want) || len(got["results"].([]any)) != tc.want {
			t.Errorf("%s: %v, want %d results", tc.name, got, tc.want)
		}
	}
	c.wantError(400, "bad.request", "POST", k.API.Search,
		map[string]any{"query": []any{map[string]any{"type": "EXACT", "fields": []string{"shoeSize"}, "value": "9"}}})
}
