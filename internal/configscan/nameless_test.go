package configscan

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A resource of a nameless kind is recorded by the literal value it goes by — a pool's first
// number, a presence definition's label in its first language, a grammar language's code —
// apart from the objects
// declared by name; one whose value is a variable is left to the state.
func TestScanNamelessResources(t *testing.T) {
	t.Parallel()
	src := `resource "genesyscloud_telephony_providers_edges_did_pool" "main" {
  start_phone_number = "+13175550000"
  end_phone_number   = "+13175550099"
}

resource "genesyscloud_telephony_providers_edges_extension_pool" "floor" {
  start_number = var.first_extension
  end_number   = "4099"
}

resource "genesyscloud_organization_presence_definition" "lunch" {
  system_presence = "Meal"
  language_labels = {
    en_US = "Lunch"
    fr    = "Déjeuner"
  }
}

resource "genesyscloud_architect_grammar_language" "spanish" {
  grammar_id = genesyscloud_architect_grammar.accounts.id
  language   = "es-us"
}

resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}
`
	s := &Scan{Name: "p"}
	s.ScanFile("p/main.tf", []byte(src), nil)
	var got []string
	for _, o := range s.Nameless {
		got = append(got, o.Address+" "+o.Name)
	}
	want := []string{"genesyscloud_telephony_providers_edges_did_pool.main +13175550000",
		"genesyscloud_organization_presence_definition.lunch Lunch", "genesyscloud_architect_grammar_language.spanish es-us"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("nameless objects (-want +got):\n%s", diff)
	}
	if len(s.Declares) != 1 || s.Declares[0].Name != "Billing" || len(s.Unknown) != 0 {
		t.Errorf("declares %+v, unknown %+v", s.Declares, s.Unknown)
	}
}
