package configscan

import (
	"os"
	"path/filepath"
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

// A substitutions map whose values come from variables (what cx export writes) still fills
// the placeholders that have literal values; the others only matter in names.
func TestSubstitutionsFromVariables(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	dir := filepath.Join(root, "flow-a")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tf := `resource "genesyscloud_flow" "a" {
  filepath = "${path.module}/a.yaml"
  substitutions = {
    hours = "Billing Hours"
    phone = var.a_phone
  }
}
`
	yaml := `inboundCall:
  name: A
  initialGreeting:
    tts: "Call {{phone}}"
  tasks:
    - task:
        name: T
        refId: T_1
        actions:
          - evaluateScheduleGroup:
              name: Hours
              scheduleGroup:
                lit:
                  name: "{{hours}}"
`
	for name, data := range map[string]string{"main.tf": tf, "a.yaml": yaml} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := ScanDir(root, "flow-a")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Unknown) != 0 || len(s.Refers) != 1 || s.Refers[0].Name != "Billing Hours" {
		t.Errorf("unknown %v, refers %v", s.Unknown, s.Refers)
	}
}
