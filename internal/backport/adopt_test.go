package backport

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/envimport"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"
)

func decodeObject(t *testing.T, s string) map[string]any {
	t.Helper()
	var obj map[string]any
	if err := json.Unmarshal([]byte(s), &obj); err != nil {
		t.Fatal(err)
	}
	return obj
}

// A regular kind needs no mapper of its own: the catalogue's fields say what to write.
func TestRegularKindsMapFromTheirFields(t *testing.T) {
	t.Parallel()
	for _, typ := range []string{"genesyscloud_responsemanagement_library", "genesyscloud_routing_utilization_label",
		"genesyscloud_architect_emergencygroup"} {
		if _, ok := mapperFor(typ); !ok {
			t.Errorf("%s has no mapper", typ)
		}
	}
	library, _ := mapperFor("genesyscloud_responsemanagement_library")
	got := library.attrs(decodeObject(t, `{"id":"l1","name":"Billing answers","version":3,"selfUri":"/api/v2/responsemanagement/libraries/l1"}`))
	if diff := cmp.Diff([]attribute{{name: "name", value: "Billing answers"}}, got, cmp.AllowUnexported(attribute{})); diff != "" {
		t.Errorf("library attributes (-want +got):\n%s", diff)
	}

	// Division is optional-computed and enabled=false is the default: both are left to the
	// import. Ids in fields that name a kind carry it, to be written as references.
	group, _ := mapperFor("genesyscloud_architect_emergencygroup")
	got = group.attrs(decodeObject(t, `{"id":"e1","name":"Storm","enabled":false,"division":{"id":"d1"},
		"emergencyCallFlows":[{"emergencyFlow":{"id":"f1"},"ivrs":[{"id":"i1"},{"id":"i2"}]},{"emergencyFlow":{"id":"f2"}}]}`))
	flow, ivr := kinds.Genesys().Named(kinds.Flow), kinds.Genesys().Named(kinds.IVR)
	want := []attribute{
		{name: "name", value: "Storm"},
		{name: "emergency_call_flows", block: []attribute{
			{name: "emergency_flow_id", value: "f1", ref: flow}, {name: "ivr_ids", value: []any{"i1", "i2"}, ref: ivr}}},
		{name: "emergency_call_flows", block: []attribute{{name: "emergency_flow_id", value: "f2", ref: flow}}},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(attribute{}), cmp.Comparer(func(a, b *kinds.Kind) bool { return a == b })); diff != "" {
		t.Errorf("emergency group attributes (-want +got):\n%s", diff)
	}
	// A data table's columns come from its JSON schema, in display order, defaults as text.
	table, ok := mapperFor("genesyscloud_architect_datatable")
	if !ok {
		t.Fatal("genesyscloud_architect_datatable has no mapper")
	}
	got = table.attrs(decodeObject(t, `{"id":"t1","name":"Regions","schema":{"properties":{
		"open":{"type":"boolean","default":true,"displayOrder":1},"key":{"type":"string","title":"Postcode","displayOrder":0}}}}`))
	want = []attribute{
		{name: "name", value: "Regions"},
		{name: "properties", block: []attribute{{name: "name", value: "key"}, {name: "type", value: "string"}, {name: "title", value: "Postcode"}}},
		{name: "properties", block: []attribute{{name: "name", value: "open"}, {name: "type", value: "boolean"}, {name: "default", value: "true"}}},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(attribute{})); diff != "" {
		t.Errorf("data table attributes (-want +got):\n%s", diff)
	}
	got = group.attrs(decodeObject(t, `{"id":"e1","name":"Storm","description":"Floods","enabled":true}`))
	want = []attribute{{name: "name", value: "Storm"}, {name: "description", value: "Floods"}, {name: "enabled", value: true}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(attribute{})); diff != "" {
		t.Errorf("enabled emergency group attributes (-want +got):\n%s", diff)
	}
}

// TestAdoptRegularKind adopts a hand-made response library and emergency group: each gets a
// resource block under the official attribute names and an import block, and the group's
// flow and IVR ids become references (to the project's flow, and to a data source looking
// the IVR up by the name another project's state gives it).
func TestAdoptRegularKind(t *testing.T) {
	t.Parallel()
	ws := testWorkspace(t, map[string]string{
		"cx.hcl":                      prodCXHCL,
		"shared-emergency/main.tf":    "resource \"genesyscloud_flow\" \"storm\" {\n  filepath = \"storm.yaml\"\n}\n",
		"shared-emergency/storm.yaml": "inboundCall:\n  name: Storm Flow\n",
		"shared-ivrs/main.tf":         "resource \"genesyscloud_architect_ivr\" \"main\" {\n  name = \"Main Line\"\n}\n",
	})
	const (
		libraryID = "11111111-1111-1111-1111-111111111111"
		groupID   = "22222222-2222-2222-2222-222222222222"
		flowID    = "33333333-3333-3333-3333-333333333333"
		ivrID     = "44444444-4444-4444-4444-444444444444"
	)
	state := func(addr, typ string, values map[string]any) *tfjson.Plan {
		return &tfjson.Plan{PriorState: &tfjson.State{Values: &tfjson.StateValues{RootModule: &tfjson.StateModule{
			Resources: []*tfjson.StateResource{{Address: addr, Type: typ, Mode: tfjson.ManagedResourceMode, AttributeValues: values}}}}}}
	}
	plans := map[string]*tfjson.Plan{
		"shared-emergency": state("genesyscloud_flow.storm", "genesyscloud_flow", map[string]any{"id": flowID, "name": "Storm Flow"}),
		"shared-ivrs":      state("genesyscloud_architect_ivr.main", "genesyscloud_architect_ivr", map[string]any{"id": ivrID, "name": "Main Line"}),
	}
	b, err := newBuilder(context.Background(), Options{Workspace: ws, Env: "prod", Plans: plans, Into: "shared-emergency",
		Report: &drift.Report{Env: "prod"}})
	if err != nil {
		t.Fatal(err)
	}
	found := []drift.Finding{
		{Kind: drift.KindUnmanaged, Type: "genesyscloud_responsemanagement_library", Name: "Billing Answers", ID: libraryID},
		{Kind: drift.KindUnmanaged, Type: "genesyscloud_architect_emergencygroup", Name: "Storm", ID: groupID},
	}
	objs := map[string]map[string]any{
		libraryID: decodeObject(t, `{"id":"`+libraryID+`","name":"Billing Answers","version":1}`),
		groupID: decodeObject(t, `{"id":"`+groupID+`","name":"Storm","enabled":true,"division":{"id":"d"},
			"emergencyCallFlows":[{"emergencyFlow":{"id":"`+flowID+`"},"ivrs":[{"id":"`+ivrID+`"}]}]}`),
	}
	if err := b.adoptObjects(context.Background(), found, objs); err != nil {
		t.Fatal(err)
	}
	changes, err := b.ed.changes()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range changes {
		got[c.Path] = string(c.New)
	}
	want := map[string]string{
		"shared-emergency/adopted.tf": `
resource "genesyscloud_responsemanagement_library" "billing_answers" {
  name = "Billing Answers"
}

resource "genesyscloud_architect_emergencygroup" "storm" {
  name    = "Storm"
  enabled = true

  emergency_call_flows {
    emergency_flow_id = genesyscloud_flow.storm.id
    ivr_ids           = [data.genesyscloud_architect_ivr.main_line.id]
  }
}

data "genesyscloud_architect_ivr" "main_line" {
  name = "Main Line"
}
`,
		"shared-emergency/imports.tf": string(envimport.Render(envimport.IDs{"prod": {
			"genesyscloud_responsemanagement_library.billing_answers": libraryID,
			"genesyscloud_architect_emergencygroup.storm":             groupID,
		}})),
		"shared-emergency/cx_environment.tf": string(envimport.VariableDeclaration()),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(b.res.Done) != 2 || len(b.res.Skipped) != 0 {
		t.Errorf("done %+v\nskipped %+v", b.res.Done, b.res.Skipped)
	}
}

// An Object field's one JSON object is written as one block, and no object as no block.
func TestFieldAttributesOfAnObject(t *testing.T) {
	t.Parallel()
	fields := []kinds.Field{
		{Attr: "name", JSON: "name", Type: kinds.String, Mode: kinds.Required},
		{Attr: "address", JSON: "address", Type: kinds.Object, Nested: []kinds.Field{
			{Attr: "city", JSON: "city", Type: kinds.String, Mode: kinds.Required},
		}},
	}
	got := fieldAttributes(fields, decodeObject(t, `{"name":"HQ","address":{"city":"Indianapolis"}}`))
	want := []attribute{{name: "name", value: "HQ"}, {name: "address", block: []attribute{{name: "city", value: "Indianapolis"}}}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(attribute{})); diff != "" {
		t.Errorf("attributes (-want +got):\n%s", diff)
	}
	got = fieldAttributes(fields, decodeObject(t, `{"name":"HQ"}`))
	if diff := cmp.Diff([]attribute{{name: "name", value: "HQ"}}, got, cmp.AllowUnexported(attribute{})); diff != "" {
		t.Errorf("no address (-want +got):\n%s", diff)
	}
}

// A map of strings is written as one attribute holding the map; an empty one is left out.
func TestFieldAttributesOfAStringMap(t *testing.T) {
	t.Parallel()
	fields := []kinds.Field{{Attr: "language_labels", JSON: "languageLabels", Type: kinds.StringMap, Mode: kinds.Required}}
	got := fieldAttributes(fields, decodeObject(t, `{"languageLabels":{"en_US":"Lunch"}}`))
	want := []attribute{{name: "language_labels", value: map[string]any{"en_US": "Lunch"}}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(attribute{})); diff != "" {
		t.Errorf("attributes (-want +got):\n%s", diff)
	}
	if got := fieldAttributes(fields, decodeObject(t, `{"languageLabels":{}}`)); len(got) != 0 {
		t.Errorf("empty map = %+v, want no attribute", got)
	}
}
