package authorization

import "testing"

// The permission catalogue lists what the API checks: a kind the API cannot delete (flow
// outcomes) has no delete permission, as in real orgs, while its other actions are there.
func TestPermissionCatalogueFollowsTheKindsMethods(t *testing.T) {
	known := knownPermissions()
	for perm, want := range map[string]bool{
		"architect:flowOutcome:view":     true,
		"architect:flowOutcome:add":      true,
		"architect:flowOutcome:edit":     true,
		"architect:flowOutcome:delete":   false,
		"architect:flowMilestone:delete": true,
	} {
		if _, got := known[perm]; got != want {
			t.Errorf("%s listed = %v, want %v", perm, got, want)
		}
	}
}
