package configscan

import "testing"

// A resource whose name is held by another attribute (a script's script_name) is declared
// by it; its data source still looks it up by name.
func TestScanDeclaresByTheKindsNameAttribute(t *testing.T) {
	t.Parallel()
	src := `resource "genesyscloud_script" "intake" {
  filepath    = "intake.json"
  script_name = "Claims Intake"
}

data "genesyscloud_script" "review" {
  name = "Claims Review"
}
`
	s := &Scan{Name: "p"}
	s.ScanFile("p/main.tf", []byte(src), nil)
	if len(s.Declares) != 1 || s.Declares[0].Type != "genesyscloud_script" || s.Declares[0].Name != "Claims Intake" {
		t.Errorf("declares %+v, want the script by its script_name", s.Declares)
	}
	if len(s.Refers) != 1 || s.Refers[0].Name != "Claims Review" {
		t.Errorf("refers %+v, want the data source by its name", s.Refers)
	}
}
