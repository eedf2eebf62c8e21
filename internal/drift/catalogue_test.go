package drift

import (
	"slices"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/google/go-cmp/cmp"
)

// Drift keeps no table of its own: the types it lists are the catalogue's kinds marked
// Unmanaged that the provider serves.
func TestCoveredTypesComeFromTheCatalogue(t *testing.T) {
	t.Parallel()
	var want []string
	for _, k := range kinds.Genesys().All() {
		if k.Unmanaged && k.Served() {
			want = append(want, k.Resource)
		}
	}
	slices.Sort(want)
	if diff := cmp.Diff(want, CoveredTypes()); diff != "" {
		t.Errorf("covered types (-catalogue +drift):\n%s", diff)
	}
	covered := CoveredTypes()
	for _, typ := range []string{"genesyscloud_routing_skill_group", "genesyscloud_auth_division", "genesyscloud_flow",
		// Nameless kinds, found by the value that tells their objects apart.
		"genesyscloud_telephony_providers_edges_did_pool", "genesyscloud_telephony_providers_edges_extension_pool",
		"genesyscloud_organization_presence_definition"} {
		if !slices.Contains(covered, typ) {
			t.Errorf("%s is not covered", typ)
		}
	}
	// Assignments (user roles), not served (any kind only known; user prompts were one until
	// they were served).
	notCovered := []string{"genesyscloud_user_roles"}
	for _, k := range kinds.Genesys().Where(func(k *kinds.Kind) bool { return !k.Served() }) {
		notCovered = append(notCovered, k.Resource)
	}
	for _, typ := range notCovered {
		if slices.Contains(covered, typ) {
			t.Errorf("%s is covered", typ)
		}
	}
}

func TestAuditServiceFromTheCatalogue(t *testing.T) {
	t.Parallel()
	for typ, want := range map[string]string{
		"genesyscloud_routing_queue": "Routing", "genesyscloud_routing_skill_group": "Routing", "genesyscloud_user": "Directory",
		"genesyscloud_user_roles": "PeoplePermissions", "genesyscloud_auth_role": "PeoplePermissions",
		"genesyscloud_architect_ivr": "Architect", "genesyscloud_flow": "Architect",
		"genesyscloud_telephony_providers_edges_did_pool": "Telephony", "genesyscloud_integration_action": "Integrations",
		"genesyscloud_responsemanagement_library": "ResponseManagement", "genesyscloud_unknown": "",
	} {
		if got := auditService(typ); got != want {
			t.Errorf("auditService(%s) = %q, want %q", typ, got, want)
		}
	}
}
