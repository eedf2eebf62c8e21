package backport

import (
	"context"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/google/go-cmp/cmp"
)

// A change inside a map attribute (drift's path "language_labels.en_US") rewrites that entry
// of the map and keeps the others; an entry gone from the org leaves the code too. A map held
// by a variable is left to a person.
func TestBuildManagedMapEntry(t *testing.T) {
	t.Parallel()
	const presence = `resource "genesyscloud_organization_presence_definition" "lunch" {
  system_presence = "Meal"
  language_labels = {
    en_US = "Lunch"
    de    = "Mittagspause"
    fr    = "Déjeuner"
  }
}

resource "genesyscloud_organization_presence_definition" "coaching" {
  system_presence = "Busy"
  language_labels = var.coaching_labels
}
`
	ws := testWorkspace(t, map[string]string{"cx.hcl": prodCXHCL, "shared-presence/main.tf": presence})
	const typ = "genesyscloud_organization_presence_definition"
	rep := &drift.Report{Env: "prod", Findings: []drift.Finding{
		{Kind: drift.KindManaged, Project: "shared-presence", Address: typ + ".lunch", Type: typ, Attributes: []drift.AttrChange{
			{Path: "language_labels.en_US", Old: "Lunch", New: "Lunch break"},
			{Path: "language_labels.fr", Old: "Déjeuner", New: nil}}},
		{Kind: drift.KindManaged, Project: "shared-presence", Address: typ + ".coaching", Type: typ, Attributes: []drift.AttrChange{
			{Path: "language_labels.en_US", Old: "Coaching", New: "Coaching session"}}},
	}}
	out, err := Build(context.Background(), Options{Workspace: ws, Env: "prod", Report: rep})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Changes) != 1 {
		t.Fatalf("changes %+v", out.Changes)
	}
	want := `resource "genesyscloud_organization_presence_definition" "lunch" {
  system_presence = "Meal"
  language_labels = {
    de    = "Mittagspause"
    en_US = "Lunch break"
  }
}

resource "genesyscloud_organization_presence_definition" "coaching" {
  system_presence = "Busy"
  language_labels = var.coaching_labels
}
`
	if diff := cmp.Diff(want, string(out.Changes[0].New)); diff != "" {
		t.Errorf("main.tf (-want +got):\n%s", diff)
	}
	if len(out.Done) != 2 || len(out.Skipped) != 1 {
		t.Errorf("done %+v\nskipped %+v", out.Done, out.Skipped)
	}
}
