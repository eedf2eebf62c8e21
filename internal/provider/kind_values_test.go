package provider

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// kindStateType is k's state type, from its generated schema.
func kindStateType(t *testing.T, k *kinds.Kind) types.ObjectType {
	t.Helper()
	s, err := kindResourceSchema(k)
	if err != nil {
		t.Fatal(err)
	}
	top, ok := s.Type().(types.ObjectType)
	if !ok {
		t.Fatalf("schema type is %T", s.Type())
	}
	return top
}

// emergencyGroupTypes is the emergency group's state type, from its generated schema.
func emergencyGroupTypes(t *testing.T) (*kinds.Kind, map[string]attr.Type, types.ObjectType) {
	t.Helper()
	k := kinds.Genesys().Named(kinds.EmergencyGroup)
	top := kindStateType(t, k)
	flow := top.AttrTypes["emergency_call_flows"].(types.ListType).ElemType.(types.ObjectType)
	return k, top.AttrTypes, flow
}

func TestKindRequestBody(t *testing.T) {
	k, _, flow := emergencyGroupTypes(t)
	ivrs := types.SetValueMust(types.StringType, []attr.Value{types.StringValue("ivr-1"), types.StringValue("ivr-2")})
	plan := map[string]attr.Value{
		"id":          types.StringUnknown(),
		"name":        types.StringValue("Fire drill"),
		"description": types.StringNull(),
		"division_id": types.StringUnknown(), // left to the org
		"enabled":     types.BoolValue(true),
		"emergency_call_flows": types.ListValueMust(flow, []attr.Value{types.ObjectValueMust(flow.AttrTypes, map[string]attr.Value{
			"emergency_flow_id": types.StringValue("flow-1"),
			"ivr_ids":           ivrs,
		})}),
	}
	body, err := requestBody(k.Fields, plan)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(body)
	want := `{"emergencyCallFlows":[{"emergencyFlow":{"id":"flow-1"},"ivrs":[{"id":"ivr-1"},{"id":"ivr-2"}]}],"enabled":true,"name":"Fire drill"}`
	if string(got) != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
}

func TestKindStateValues(t *testing.T) {
	k, attrTypes, flow := emergencyGroupTypes(t)
	var obj apiObject
	if err := json.Unmarshal([]byte(`{"id":"eg-1","name":"Fire drill","description":"","version":3,
		"division":{"id":"home","name":"Home"},"state":"active",
		"emergencyCallFlows":[{"emergencyFlow":{"id":"flow-1","name":"Evacuate"},"ivrs":[{"id":"ivr-2"},{"id":"ivr-1"}]}]}`), &obj); err != nil {
		t.Fatal(err)
	}
	// Imported: every prior value is null. "enabled" is absent (false) and has a default;
	// the empty description stays null.
	got, diags := stateValues(k.Fields, attrTypes, obj, nil)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := map[string]attr.Value{
		"name":        types.StringValue("Fire drill"),
		"description": types.StringNull(),
		"division_id": types.StringValue("home"),
		"enabled":     types.BoolValue(false),
		"emergency_call_flows": types.ListValueMust(flow, []attr.Value{types.ObjectValueMust(flow.AttrTypes, map[string]attr.Value{
			"emergency_flow_id": types.StringValue("flow-1"),
			"ivr_ids":           types.SetValueMust(types.StringType, []attr.Value{types.StringValue("ivr-1"), types.StringValue("ivr-2")}),
		})}),
	}
	for name, w := range want {
		if !got[name].Equal(w) {
			t.Errorf("%s = %s, want %s", name, got[name], w)
		}
	}

	// A group without flows has an empty block list, as OpenTofu represents no blocks.
	delete(obj, "emergencyCallFlows")
	got, _ = stateValues(k.Fields, attrTypes, obj, nil)
	if l := got["emergency_call_flows"].(types.List); l.IsNull() || len(l.Elements()) != 0 {
		t.Errorf("no flows = %s, want an empty list", l)
	}
}

// The API cannot tell "unset" from "empty": the prior value decides, as optionalString does.
func TestKindScalarZeroValues(t *testing.T) {
	optional := kinds.Field{Attr: "description", JSON: "description", Type: kinds.String}
	required := kinds.Field{Attr: "name", JSON: "name", Type: kinds.String, Mode: kinds.Required}
	secret := kinds.Field{Attr: "secret", JSON: "secret", Type: kinds.String, Sensitive: true}
	number := kinds.Field{Attr: "capacity", JSON: "capacity", Type: kinds.Int}
	writeOnly := kinds.Field{Attr: "auto_correct", JSON: "autoCorrect", Type: kinds.Bool, WriteOnly: true}
	for _, tc := range []struct {
		name  string
		field kinds.Field
		raw   any
		prior attr.Value
		want  attr.Value
	}{
		{"set value wins", optional, "new", types.StringValue("old"), types.StringValue("new")},
		{"empty and never set", optional, "", types.StringNull(), types.StringNull()},
		{"absent and never set", optional, nil, nil, types.StringNull()},
		{"empty and set empty", optional, "", types.StringValue(""), types.StringValue("")},
		{"cleared behind our back", optional, nil, types.StringValue("old"), types.StringNull()},
		{"required empty", required, nil, types.StringNull(), types.StringValue("")},
		{"secret not echoed", secret, nil, types.StringValue("s3cret"), types.StringValue("s3cret")},
		{"write-only not echoed", writeOnly, nil, types.BoolValue(true), types.BoolValue(true)},
		{"write-only never set", writeOnly, nil, types.BoolNull(), types.BoolNull()},
		{"number from JSON", number, float64(7), types.Int64Null(), types.Int64Value(7)},
		{"zero number unset", number, float64(0), types.Int64Null(), types.Int64Null()},
		{"zero number set", number, float64(0), types.Int64Value(0), types.Int64Value(0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := scalarFromAPI(tc.field, tc.raw, tc.prior); !got.Equal(tc.want) {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// A list attribute the user did not set stays null when the org has none; one the user set
// empty stays empty.
func TestKindStringLists(t *testing.T) {
	f := kinds.Field{Attr: "tags", JSON: "tags", Type: kinds.StringList}
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		raw   any
		prior attr.Value
		want  attr.Value
	}{
		{"none, unset", nil, types.ListNull(types.StringType), types.ListNull(types.StringType)},
		{"none, set empty", []any{}, types.ListValueMust(types.StringType, nil), types.ListValueMust(types.StringType, []attr.Value{})},
		{"some", []any{"a", "b"}, nil, types.ListValueMust(types.StringType, []attr.Value{types.StringValue("a"), types.StringValue("b")})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := stringsFromAPI(f, tc.raw, tc.prior)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if !got.Equal(tc.want) {
				gotTF, _ := got.ToTerraformValue(ctx)
				wantTF, _ := tc.want.ToTerraformValue(ctx)
				t.Errorf("%s", cmp.Diff(wantTF.String(), gotTF.String()))
			}
		})
	}
}

// TestKindFormattedValues: a value the API spells differently but means the same keeps the
// configured spelling (no drift); a different value is reported, a date-time in the official
// layout.
func TestKindFormattedValues(t *testing.T) {
	at := kinds.Field{Attr: "start", JSON: "start", Type: kinds.String, Mode: kinds.Required, Format: kinds.LocalDateTime}
	rule := kinds.Field{Attr: "rrule", JSON: "rrule", Type: kinds.String, Format: kinds.RRule}
	for _, tc := range []struct {
		name  string
		f     kinds.Field
		raw   any
		prior attr.Value
		want  attr.Value
	}{
		{"same instant, shorter", at, "2021-08-04T08:00:00.000", types.StringValue("2021-08-04T08:00:00.000000"), types.StringValue("2021-08-04T08:00:00.000000")},
		{"other instant", at, "2021-08-04T09:00:00.000", types.StringValue("2021-08-04T08:00:00.000000"), types.StringValue("2021-08-04T09:00:00.000000")},
		{"imported", at, "2021-08-04T08:00:00", types.StringNull(), types.StringValue("2021-08-04T08:00:00.000000")},
		{"rule trimmed by the org", rule, "FREQ=DAILY", types.StringValue(" FREQ=DAILY "), types.StringValue(" FREQ=DAILY ")},
		{"rule changed", rule, "FREQ=WEEKLY", types.StringValue("FREQ=DAILY"), types.StringValue("FREQ=WEEKLY")},
		{"no rule", rule, nil, types.StringNull(), types.StringNull()},
	} {
		if got := formattedFromAPI(tc.f, tc.raw, tc.prior); !got.Equal(tc.want) {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
	if body, err := requestBody([]kinds.Field{rule}, map[string]attr.Value{"rrule": types.StringValue("  ")}); err != nil || len(body) != 0 {
		t.Errorf("a blank rule is sent: %v, %v", body, err)
	}
}

// An Object field is a block list of at most one block in Terraform and the object itself
// in the API: one block becomes the object, no block no object, and back.
func TestKindObjectValues(t *testing.T) {
	k := &kinds.Kind{Name: "test.place", Resource: "genesyscloud_test_place", Noun: "place",
		API: kinds.API{Collection: "/api/v2/places", Update: "PATCH"},
		Fields: []kinds.Field{
			{Attr: "name", JSON: "name", Type: kinds.String, Mode: kinds.Required},
			{Attr: "address", JSON: "address", Type: kinds.Object, Mode: kinds.Optional, Nested: []kinds.Field{
				{Attr: "city", JSON: "city", Type: kinds.String, Mode: kinds.Required},
				{Attr: "street2", JSON: "street2", Type: kinds.String, Mode: kinds.Optional},
			}},
		}}
	top := kindStateType(t, k)
	address := top.AttrTypes["address"].(types.ListType).ElemType.(types.ObjectType)
	oneAddress := types.ListValueMust(address, []attr.Value{types.ObjectValueMust(address.AttrTypes, map[string]attr.Value{
		"city": types.StringValue("Indianapolis"), "street2": types.StringNull(),
	})})
	noAddress := types.ListValueMust(address, []attr.Value{})

	for _, c := range []struct {
		name    string
		address attr.Value
		body    string
	}{
		{"one block", oneAddress, `{"address":{"city":"Indianapolis"},"name":"HQ"}`},
		{"no block", noAddress, `{"name":"HQ"}`},
	} {
		body, err := requestBody(k.Fields, map[string]attr.Value{"name": types.StringValue("HQ"), "address": c.address})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := json.Marshal(body); string(got) != c.body {
			t.Errorf("%s: body %s, want %s", c.name, got, c.body)
		}
		var obj apiObject
		if err := json.Unmarshal([]byte(c.body), &obj); err != nil {
			t.Fatal(err)
		}
		got, diags := stateValues(k.Fields, top.AttrTypes, obj, nil)
		if diags.HasError() {
			t.Fatal(diags)
		}
		if !got["address"].Equal(c.address) {
			t.Errorf("%s: state %s, want %s", c.name, got["address"], c.address)
		}
	}
}

// An Unordered block is a set of blocks in Terraform over the same JSON: an array for a
// Block (numbers inside map as numbers), the one object for an Object.
func TestKindBlockSetValues(t *testing.T) {
	k := &kinds.Kind{Name: "test.timeset", Resource: "genesyscloud_test_timeset", Noun: "time set",
		API: kinds.API{Collection: "/api/v2/timesets", Update: "PUT"},
		Fields: []kinds.Field{
			{Attr: "slot", JSON: "slots", Type: kinds.Block, Unordered: true, Mode: kinds.Optional, Nested: []kinds.Field{
				{Attr: "day", JSON: "day", Type: kinds.Int, Mode: kinds.Required},
				{Attr: "retry", JSON: "retry", Type: kinds.Object, Unordered: true, Mode: kinds.Optional, Nested: []kinds.Field{
					{Attr: "minutes", JSON: "minutes", Type: kinds.Int, Mode: kinds.Required},
				}},
			}},
		}}
	top := kindStateType(t, k)
	slot := top.AttrTypes["slot"].(types.SetType).ElemType.(types.ObjectType)
	retry := slot.AttrTypes["retry"].(types.SetType).ElemType.(types.ObjectType)
	slotValue := func(day int64, minutes ...int64) attr.Value {
		var retries []attr.Value
		for _, m := range minutes {
			retries = append(retries, types.ObjectValueMust(retry.AttrTypes, map[string]attr.Value{"minutes": types.Int64Value(m)}))
		}
		return types.ObjectValueMust(slot.AttrTypes, map[string]attr.Value{
			"day": types.Int64Value(day), "retry": types.SetValueMust(retry, retries),
		})
	}
	plan := types.SetValueMust(slot, []attr.Value{slotValue(1, 30), slotValue(7)})

	body, err := requestBody(k.Fields, map[string]attr.Value{"slot": plan})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(body)
	want := `{"slots":[{"day":1,"retry":{"minutes":30}},{"day":7}]}`
	if string(got) != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
	// The org may answer the blocks in another order: the set is the same.
	var obj apiObject
	if err := json.Unmarshal([]byte(`{"slots":[{"day":7},{"day":1,"retry":{"minutes":30}}]}`), &obj); err != nil {
		t.Fatal(err)
	}
	state, diags := stateValues(k.Fields, top.AttrTypes, obj, map[string]attr.Value{"slot": plan})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !state["slot"].Equal(plan) {
		t.Errorf("state %s, want %s", state["slot"], plan)
	}
}

// A StringMap is a JSON object of strings: sent as one, read back as a map, and an empty
// answer is null unless the user wrote a map.
func TestKindStringMapValues(t *testing.T) {
	labels := kinds.Field{Attr: "language_labels", JSON: "languageLabels", Type: kinds.StringMap, Mode: kinds.Optional}
	plan := types.MapValueMust(types.StringType, map[string]attr.Value{"en_US": types.StringValue("Lunch"), "de": types.StringValue("Mittag")})
	body, err := requestBody([]kinds.Field{labels}, map[string]attr.Value{"language_labels": plan})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := json.Marshal(body); string(got) != `{"languageLabels":{"de":"Mittag","en_US":"Lunch"}}` {
		t.Errorf("body %s", got)
	}
	attrTypes := map[string]attr.Type{"language_labels": types.MapType{ElemType: types.StringType}}
	got, diags := stateValues([]kinds.Field{labels}, attrTypes, body, nil)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !got["language_labels"].Equal(plan) {
		t.Errorf("state %s, want %s", got["language_labels"], plan)
	}
	got, _ = stateValues([]kinds.Field{labels}, attrTypes, apiObject{}, nil)
	if !got["language_labels"].IsNull() {
		t.Errorf("no labels = %s, want null", got["language_labels"])
	}
	empty := types.MapValueMust(types.StringType, map[string]attr.Value{})
	got, _ = stateValues([]kinds.Field{labels}, attrTypes, apiObject{}, map[string]attr.Value{"language_labels": empty})
	if !got["language_labels"].Equal(empty) {
		t.Errorf("no labels after an empty map = %s, want the empty map", got["language_labels"])
	}
}
