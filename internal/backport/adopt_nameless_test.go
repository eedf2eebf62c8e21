package backport

import (
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/google/go-cmp/cmp"
)

// A hand-made object of a nameless kind is adopted from its catalogue fields, under a label
// made of its noun and the value it goes by (its first number, its label): a bare number is
// no label a reader recognises.
func TestNamelessKindAdoption(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typ, designation, obj, label string
		want                         []attribute
	}{
		{"genesyscloud_telephony_providers_edges_did_pool", "+13175550100",
			`{"id":"p1","name":"+13175550100","startPhoneNumber":"+13175550100","endPhoneNumber":"+13175550199","provider":"PURE_CLOUD","version":1}`,
			"did_pool_13175550100",
			[]attribute{{name: "start_phone_number", value: "+13175550100"}, {name: "end_phone_number", value: "+13175550199"}}},
		{"genesyscloud_telephony_providers_edges_extension_pool", "4100",
			`{"id":"e1","name":"4100","startNumber":"4100","endNumber":"4199","description":"Help desk","division":{"id":"d"}}`,
			"extension_pool_4100",
			[]attribute{{name: "start_number", value: "4100"}, {name: "end_number", value: "4199"}, {name: "description", value: "Help desk"}}},
		{"genesyscloud_organization_presence_definition", "Lunch",
			`{"id":"pd1","type":"User","languageLabels":{"en_US":"Lunch"},"systemPresence":"Meal","deactivated":false,"divisionId":"d"}`,
			"presence_definition_lunch",
			[]attribute{{name: "language_labels", value: map[string]any{"en_US": "Lunch"}}, {name: "system_presence", value: "Meal"}}},
	} {
		m, ok := mapperFor(tc.typ)
		if !ok {
			t.Fatalf("%s has no mapper", tc.typ)
		}
		obj := decodeObject(t, tc.obj)
		if got := m.kind.Designation(obj); got != tc.designation {
			t.Errorf("%s goes by %q, want %q", tc.typ, got, tc.designation)
		}
		if got := adoptedLabel(m.kind, tc.designation); got != tc.label {
			t.Errorf("%s is labelled %q, want %q", tc.typ, got, tc.label)
		}
		got := m.attrs(obj)
		if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(attribute{}), cmp.Comparer(func(a, b *kinds.Kind) bool { return a == b })); diff != "" {
			t.Errorf("%s: attributes (-want +got):\n%s", tc.typ, diff)
		}
	}
}
