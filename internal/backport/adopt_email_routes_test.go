package backport

import (
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/google/go-cmp/cmp"
)

// A hand-made email route is adopted with its domain, queue and skills as references, its
// blind copies as blocks, and a reply from itself as self_reference_route.
func TestEmailRouteAdoption(t *testing.T) {
	t.Parallel()
	m, ok := mapperFor("genesyscloud_routing_email_route")
	if !ok {
		t.Fatal("genesyscloud_routing_email_route has no mapper")
	}
	cat := kinds.Genesys()
	got := m.attrs(decodeObject(t, `{"id":"support.example.com/r1","pattern":"help","fromName":"Support",
		"queue":{"id":"q1","name":"Email"},"priority":3,"skills":[{"id":"s1"}],"historyInclusion":"Include",
		"autoBcc":[{"email":"audit@example.com"}],
		"replyEmailAddress":{"domain":{"id":"support.example.com"},"route":{"id":"r1"}}}`))
	want := []attribute{
		{name: "domain_id", value: "support.example.com", ref: cat.Named(kinds.EmailDomain)},
		{name: "pattern", value: "help"},
		{name: "from_name", value: "Support"},
		{name: "queue_id", value: "q1", ref: cat.Named(kinds.Queue)},
		{name: "history_inclusion", value: "Include"},
		{name: "priority", value: float64(3)},
		{name: "skill_ids", value: []any{"s1"}, ref: cat.Named(kinds.Skill)},
		{name: "auto_bcc", block: []attribute{{name: "email", value: "audit@example.com"}}},
		{name: "reply_email_address", block: []attribute{
			{name: "domain_id", value: "support.example.com", ref: cat.Named(kinds.EmailDomain)},
			{name: "self_reference_route", value: true},
		}},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(attribute{}), cmp.Comparer(func(a, b *kinds.Kind) bool { return a == b })); diff != "" {
		t.Errorf("route attributes (-want +got):\n%s", diff)
	}
	if got := m.attrs(decodeObject(t, `{"pattern":"help"}`)); got != nil {
		t.Errorf("a route read without its id: %v, want nothing", got)
	}
}
