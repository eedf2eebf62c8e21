package export

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
)

func str(name string, optional, computed, sensitive bool) *tfprotov6.SchemaAttribute {
	return &tfprotov6.SchemaAttribute{Name: name, Type: tftypes.String, Optional: optional, Required: !optional && !computed, Computed: computed, Sensitive: sensitive}
}

var nestedID = []*tfprotov6.SchemaAttribute{str("nested_id", true, false, false)}

func nestedAttr(name string, nesting tfprotov6.SchemaObjectNestingMode) *tfprotov6.SchemaAttribute {
	return &tfprotov6.SchemaAttribute{Name: name, Required: true, NestedType: &tfprotov6.SchemaObject{Nesting: nesting, Attributes: nestedID}}
}

func nestedBlock(name string, nesting tfprotov6.SchemaNestedBlockNestingMode) *tfprotov6.SchemaNestedBlock {
	return &tfprotov6.SchemaNestedBlock{TypeName: name, Nesting: nesting, Block: &tfprotov6.SchemaBlock{Attributes: nestedID}}
}

var nestedIDType = cty.Object(map[string]cty.Type{"nested_id": cty.String})

func nestedIDVal(s string) cty.Value {
	return cty.ObjectVal(map[string]cty.Value{"nested_id": cty.StringVal(s)})
}

// TestConfigText holds the in-process generation to OpenTofu's rules of configuration
// generation. The first cases are those of OpenTofu's own tests (internal/genconfig,
// v1.10), with their schemas in the protocol's terms; the others cover what they leave out.
// The export's equivalence test (cli: TestAccExportGeneratesWhatOpenTofuGenerates) compares
// the two on an org.
func TestConfigText(t *testing.T) {
	tests := []struct {
		name   string
		schema *tfprotov6.SchemaBlock
		value  cty.Value
		want   string
	}{{
		name: "state: computed-only left out, a single block",
		schema: &tfprotov6.SchemaBlock{
			Attributes: []*tfprotov6.SchemaAttribute{str("id", false, true, false), str("value", true, false, false)},
			BlockTypes: []*tfprotov6.SchemaNestedBlock{nestedBlock("list_block", tfprotov6.SchemaNestedBlockNestingModeSingle)},
		},
		value: cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("D2320658"), "value": cty.StringVal("Hello, world!"),
			"list_block": nestedIDVal("Hello, solar system!")}),
		want: `resource "t" "r" {
  value = "Hello, world!"
  list_block {
    nested_id = "Hello, solar system!"
  }
}`,
	}, {
		name: "nulls: null nested attributes written, null and empty blocks not",
		schema: &tfprotov6.SchemaBlock{
			Attributes: []*tfprotov6.SchemaAttribute{str("id", false, true, false),
				{Name: "single", Required: true, NestedType: &tfprotov6.SchemaObject{Nesting: tfprotov6.SchemaObjectNestingModeSingle}},
				nestedAttr("list", tfprotov6.SchemaObjectNestingModeList), nestedAttr("map", tfprotov6.SchemaObjectNestingModeMap)},
			BlockTypes: []*tfprotov6.SchemaNestedBlock{nestedBlock("nested_single", tfprotov6.SchemaNestedBlockNestingModeSingle),
				nestedBlock("nested_list", tfprotov6.SchemaNestedBlockNestingModeList), nestedBlock("nested_set", tfprotov6.SchemaNestedBlockNestingModeSet),
				nestedBlock("nested_map", tfprotov6.SchemaNestedBlockNestingModeMap)},
		},
		value: cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("D2320658"), "single": cty.NullVal(cty.EmptyObject),
			"list": cty.NullVal(cty.List(nestedIDType)), "map": cty.NullVal(cty.Map(nestedIDType)),
			"nested_single": cty.NullVal(nestedIDType), "nested_list": cty.ListValEmpty(nestedIDType),
			"nested_set": cty.SetValEmpty(nestedIDType), "nested_map": cty.MapValEmpty(nestedIDType)}),
		want: `resource "t" "r" {
  list   = null
  map    = null
  single = null
}`,
	}, {
		name: "JSON strings as jsonencode, sensitive values as null",
		schema: &tfprotov6.SchemaBlock{Attributes: []*tfprotov6.SchemaAttribute{str("juststr", true, false, false), str("jsonobj", true, false, false),
			str("jsonarr", true, false, false), str("sensitivejsonobj", true, false, true),
			{Name: "secrets", Optional: true, Sensitive: true, Type: tftypes.Object{AttributeTypes: map[string]tftypes.Type{"main": tftypes.String}}}}},
		value: cty.ObjectVal(map[string]cty.Value{"juststr": cty.StringVal("{a=b}"), "jsonobj": cty.StringVal(`{"SomeDate":"2012-10-17"}`),
			"jsonarr": cty.StringVal(`[{"a": 1}]`), "sensitivejsonobj": cty.StringVal(`{"SomePassword":"dontstealplease"}`),
			"secrets": cty.ObjectVal(map[string]cty.Value{"main": cty.StringVal(`{"v":"mypass"}`)})}),
		want: `resource "t" "r" {
  jsonarr = jsonencode([{
    a = 1
  }])
  jsonobj = jsonencode({
    SomeDate = "2012-10-17"
  })
  juststr          = "{a=b}"
  secrets          = null # sensitive
  sensitivejsonobj = null # sensitive
}`,
	}, {
		name: "an optional empty string is null, a required one is not; deprecated and optional+computed id left out",
		schema: &tfprotov6.SchemaBlock{Attributes: []*tfprotov6.SchemaAttribute{str("opt", true, false, false), str("req", false, false, false),
			str("id", true, true, false), {Name: "old", Type: tftypes.String, Optional: true, Deprecated: true}, str("oc", true, true, false)}},
		value: cty.ObjectVal(map[string]cty.Value{"opt": cty.StringVal(""), "req": cty.StringVal(""), "id": cty.StringVal("1"),
			"old": cty.StringVal("x"), "oc": cty.StringVal("y")}),
		want: `resource "t" "r" {
  oc  = "y"
  opt = null
  req = ""
}`,
	}, {
		name: "nested attributes and blocks with values",
		schema: &tfprotov6.SchemaBlock{
			Attributes: []*tfprotov6.SchemaAttribute{nestedAttr("list", tfprotov6.SchemaObjectNestingModeList),
				nestedAttr("map", tfprotov6.SchemaObjectNestingModeMap), nestedAttr("single", tfprotov6.SchemaObjectNestingModeSingle)},
			BlockTypes: []*tfprotov6.SchemaNestedBlock{nestedBlock("b_map", tfprotov6.SchemaNestedBlockNestingModeMap),
				nestedBlock("a_set", tfprotov6.SchemaNestedBlockNestingModeSet)},
		},
		value: cty.ObjectVal(map[string]cty.Value{"list": cty.ListVal([]cty.Value{nestedIDVal("l1"), nestedIDVal("l2")}),
			"map":    cty.MapVal(map[string]cty.Value{"k2": nestedIDVal("m2"), "k1": nestedIDVal("m1")}),
			"single": nestedIDVal("s"), "b_map": cty.MapVal(map[string]cty.Value{"x": nestedIDVal("bx")}),
			"a_set": cty.SetVal([]cty.Value{nestedIDVal("a2"), nestedIDVal("a1")})}),
		want: `resource "t" "r" {
  list = [
    {
      nested_id = "l1"
    },
    {
      nested_id = "l2"
    },
  ]
  map = {
    k1 = {
      nested_id = "m1"
    }
    k2 = {
      nested_id = "m2"
    }
  }
  single = {
    nested_id = "s"
  }
  a_set {
    nested_id = "a1"
  }
  a_set {
    nested_id = "a2"
  }
  b_map "x" {
    nested_id = "bx"
  }
}`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ty, err := ctyType(tt.schema.ValueType())
			if err != nil {
				t.Fatal(err)
			}
			if !tt.value.Type().Equals(ty) {
				t.Fatalf("the test's value is a %s; the schema's type is %s", tt.value.Type().FriendlyName(), ty.FriendlyName())
			}
			if got := string(configText("t", "r", tt.schema, tt.value)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestConfigTextIsFormatted: the text is hclwrite's formatting, whatever the values.
func TestConfigTextIsFormatted(t *testing.T) {
	schema := &tfprotov6.SchemaBlock{Attributes: []*tfprotov6.SchemaAttribute{str("a_long_name", true, false, false), str("b", true, false, false)}}
	got := string(configText("t", "r", schema, cty.ObjectVal(map[string]cty.Value{"a_long_name": cty.StringVal("x\ny"), "b": cty.NullVal(cty.String)})))
	if !strings.Contains(got, "  a_long_name = \"x\\ny\"\n  b           = null\n") {
		t.Errorf("got\n%s", got)
	}
}

// TestConfigValue: the value a written block evaluates to, which the provider validates —
// what OpenTofu's plan of the generated configuration would validate.
func TestConfigValue(t *testing.T) {
	schema := &tfprotov6.SchemaBlock{
		Attributes: []*tfprotov6.SchemaAttribute{str("id", false, true, false), str("opt", true, false, false), str("req", false, false, false),
			str("secret", true, false, true), str("doc", true, false, false)},
		BlockTypes: []*tfprotov6.SchemaNestedBlock{nestedBlock("rules", tfprotov6.SchemaNestedBlockNestingModeList)},
	}
	ty, err := ctyType(schema.ValueType())
	if err != nil {
		t.Fatal(err)
	}
	state := cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("1"), "opt": cty.StringVal(""), "req": cty.StringVal(""),
		"secret": cty.StringVal("s"), "doc": cty.StringVal(`{ "b": [1, 2.50], "a": "x" }`), "rules": cty.NullVal(cty.List(nestedIDType))})
	want := cty.ObjectVal(map[string]cty.Value{"id": cty.NullVal(cty.String), "opt": cty.NullVal(cty.String), "req": cty.StringVal(""),
		"secret": cty.NullVal(cty.String), "doc": cty.StringVal(`{"a":"x","b":[1,2.5]}`), "rules": cty.ListValEmpty(nestedIDType)})
	if got := configValue(schema, ty, state); !got.RawEquals(want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}
