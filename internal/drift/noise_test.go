package drift

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return v
}

const flowA = `inboundCall:
  name: Main
  startUpTaskActions: []
  initialGreeting:
    tts: "Welcome"
`

const flowB = `# a comment the org never keeps
inboundCall:
  initialGreeting: {tts: Welcome}
  name: "Main"
`

func TestNormalizerDiff(t *testing.T) {
	t.Parallel()
	flowJSON := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	tests := []struct {
		name                  string
		typ, before, after    string
		beforeSens, afterSens string
		want                  []AttrChange
	}{
		{name: "equal", before: `{"name":"q","n":1}`, after: `{"name":"q","n":1}`},
		{name: "set order", before: `{"skills":["a","b","c"]}`, after: `{"skills":["c","a","b"]}`},
		{name: "block order in unordered list", before: `{"m":[{"id":"1"},{"id":"2"}]}`, after: `{"m":[{"id":"2"},{"id":"1"}]}`},
		{name: "ordered list moved", before: `{"routing_rules":[{"operator":"a"},{"operator":"b"}]}`,
			after: `{"routing_rules":[{"operator":"b"},{"operator":"a"}]}`,
			want:  []AttrChange{{"routing_rules[0].operator", "a", "b"}, {"routing_rules[1].operator", "b", "a"}}},
		{name: "equivalent JSON string", before: `{"contract":"{\"a\": 1, \"b\": [1,2]}"}`, after: `{"contract":"{\"b\":[1,2],\"a\":1}"}`},
		{name: "different JSON string", before: `{"contract":"{\"a\":1}"}`, after: `{"contract":"{\"a\":2}"}`,
			want: []AttrChange{{"contract", `{"a":1}`, `{"a":2}`}}},
		{name: "null vs empty", before: `{"description":null,"tags":null,"m":{}}`, after: `{"description":"","tags":[],"m":null}`},
		{name: "server default", typ: "genesyscloud_routing_queue", before: `{"acw_wrapup_prompt":null}`, after: `{"acw_wrapup_prompt":"MANDATORY_TIMEOUT"}`},
		{name: "not a default elsewhere", typ: "genesyscloud_group", before: `{"acw_wrapup_prompt":null}`, after: `{"acw_wrapup_prompt":"MANDATORY_TIMEOUT"}`,
			want: []AttrChange{{"acw_wrapup_prompt", nil, "MANDATORY_TIMEOUT"}}},
		{name: "canonical flow YAML", before: `{"content":` + flowJSON(flowA) + `}`, after: `{"content":` + flowJSON(flowB) + `}`},
		{name: "nested block attribute", before: `{"media_settings_call":[{"alerting_timeout_sec":8,"service_level_percentage":0.8}]}`,
			after: `{"media_settings_call":[{"alerting_timeout_sec":30,"service_level_percentage":0.8}]}`,
			want:  []AttrChange{{"media_settings_call[0].alerting_timeout_sec", 8.0, 30.0}}},
		{name: "set changed is shown whole", before: `{"skills":["a","b"]}`, after: `{"skills":["a","c"]}`,
			want: []AttrChange{{"skills", []any{"a", "b"}, []any{"a", "c"}}}},
		{name: "sensitive hidden", before: `{"secret":"old"}`, after: `{"secret":"new"}`, beforeSens: `{"secret":true}`,
			want: []AttrChange{{"secret", hidden, hidden}}},
	}
	n := DefaultNormalizer()
	n.Defaults["genesyscloud_routing_queue"] = map[string]any{"acw_wrapup_prompt": "MANDATORY_TIMEOUT"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var bs, as any
			if tc.beforeSens != "" {
				bs = decode(t, tc.beforeSens)
			}
			if tc.afterSens != "" {
				as = decode(t, tc.afterSens)
			}
			got := n.Diff(tc.typ, decode(t, tc.before), decode(t, tc.after), bs, as)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Diff (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNormalizerFlowContentChange(t *testing.T) {
	t.Parallel()
	changed := `inboundCall:
  name: Main
  initialGreeting:
    tts: "Welcome to support"
`
	got := DefaultNormalizer().Diff("genesyscloud_flow", map[string]any{"content": flowA}, map[string]any{"content": changed}, nil, nil)
	if len(got) != 1 || got[0].Path != "content" {
		t.Fatalf("want one change of content, got %+v", got)
	}
}
