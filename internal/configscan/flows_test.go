package configscan

import (
	"testing"

	"github.com/cxascode/cxascode/internal/archy"
)

// Every kind of object an Archy flow names maps, through the catalogue, to the official
// resource type that declares it; references into other files name no object.
func TestResourceTypeOfArchyReferences(t *testing.T) {
	t.Parallel()
	for ref, want := range map[archy.RefKind]string{
		archy.RefQueue: "genesyscloud_routing_queue", archy.RefSkill: "genesyscloud_routing_skill",
		archy.RefLanguage: "genesyscloud_routing_language", archy.RefScheduleGroup: "genesyscloud_architect_schedulegroups",
		archy.RefSchedule: "genesyscloud_architect_schedules", archy.RefEmergencyGroup: "genesyscloud_architect_emergencygroup",
		archy.RefDataAction: "genesyscloud_integration_action", archy.RefIntegration: "genesyscloud_integration",
		archy.RefCommonModule: "genesyscloud_flow", archy.RefFlow: "genesyscloud_flow",
		archy.RefWrapupCode: "genesyscloud_routing_wrapupcode", archy.RefUser: "genesyscloud_user", archy.RefGroup: "genesyscloud_group",
		archy.RefPrompt: "genesyscloud_architect_user_prompt", archy.RefDataTable: "genesyscloud_architect_datatable",
		archy.RefContactList: "genesyscloud_outbound_contact_list", archy.RefDivision: "genesyscloud_auth_division",
		archy.RefScript: "genesyscloud_script", archy.RefFile: "",
	} {
		got, ok := resourceTypeOf(ref)
		if got != want || ok != (want != "") {
			t.Errorf("resourceTypeOf(%s) = %q, %v; want %q", ref, got, ok, want)
		}
	}
}
