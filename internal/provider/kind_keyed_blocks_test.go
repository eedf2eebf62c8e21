package provider

import (
	"encoding/json"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A keyed block list is sent as the API's object keyed by each block's key attribute, and
// read back in the order the user wrote the blocks, whatever order the API's object has.
func TestKeyedBlockValues(t *testing.T) {
	fields := []kinds.Field{{Attr: "labels", JSON: "labelUtilizations", Type: kinds.Block, Mode: kinds.Optional, Nested: []kinds.Field{
		{Attr: "label_id", JSON: kinds.EntryKey, Type: kinds.String, Mode: kinds.Required},
		{Attr: "maximum_capacity", JSON: "maximumCapacity", Type: kinds.Int, Mode: kinds.Required},
	}}}
	elem := types.ObjectType{AttrTypes: map[string]attr.Type{"label_id": types.StringType, "maximum_capacity": types.Int64Type}}
	block := func(id string, capacity int64) attr.Value {
		return types.ObjectValueMust(elem.AttrTypes, map[string]attr.Value{
			"label_id": types.StringValue(id), "maximum_capacity": types.Int64Value(capacity)})
	}
	// Written zebra first: the API's object orders nothing, so state must keep this order.
	planned := types.ListValueMust(elem, []attr.Value{block("zebra", 2), block("alpha", 1)})
	body, err := requestBody(fields, map[string]attr.Value{"labels": planned})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(body)
	if want := `{"labelUtilizations":{"alpha":{"maximumCapacity":1},"zebra":{"maximumCapacity":2}}}`; string(got) != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
	var answered apiObject
	if err := json.Unmarshal([]byte(`{"labelUtilizations":{"alpha":{"maximumCapacity":1,"labelName":"A"},"zebra":{"maximumCapacity":2},"new":{"maximumCapacity":3}}}`), &answered); err != nil {
		t.Fatal(err)
	}
	values, diags := stateValues(fields, map[string]attr.Type{"labels": types.ListType{ElemType: elem}}, answered,
		map[string]attr.Value{"labels": planned})
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := types.ListValueMust(elem, []attr.Value{block("zebra", 2), block("alpha", 1), block("new", 3)})
	if !values["labels"].Equal(want) {
		t.Errorf("state = %v, want %v (the user's order, then the org's new entries)", values["labels"], want)
	}
}
