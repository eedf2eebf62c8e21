package provider

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// upgradeQueueState runs the provider's UpgradeResourceState over the protocol, as OpenTofu
// does when it loads a queue's state of an older schema version.
func upgradeQueueState(t *testing.T, version int64, raw string) map[string]tftypes.Value {
	t.Helper()
	server := providerserver.NewProtocol6(New("dev")())()
	schemas, err := server.GetProviderSchema(t.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	queue := schemas.ResourceSchemas["genesyscloud_routing_queue"]
	if queue.Version != queueSchemaVersion {
		t.Fatalf("queue schema version = %d, want the official provider's %d", queue.Version, queueSchemaVersion)
	}
	resp, err := server.UpgradeResourceState(t.Context(), &tfprotov6.UpgradeResourceStateRequest{
		TypeName: "genesyscloud_routing_queue", Version: version, RawState: &tfprotov6.RawState{JSON: []byte(raw)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Fatalf("upgrade from version %d: %s: %s", version, d.Summary, d.Detail)
	}
	v, err := resp.UpgradedState.Unmarshal(queue.ValueType())
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]tftypes.Value
	if err := v.As(&fields); err != nil {
		t.Fatal(err)
	}
	return fields
}

// stringField reads a string attribute of an upgraded state.
func stringField(t *testing.T, fields map[string]tftypes.Value, name string) string {
	t.Helper()
	var s string
	if err := fields[name].As(&s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// State written by the official provider at schema version 1 (callback fields in every media
// block, attributes this provider does not have) loads: the callback-only fields leave the
// other media blocks, unknown attributes are dropped, and what both schemas have is kept.
func TestRoutingQueueUpgradesOfficialVersion1State(t *testing.T) {
	t.Parallel()
	official := map[string]any{
		"id": "q-1", "name": "Support", "description": "First line", "skill_evaluation_method": "BEST",
		"media_settings_call": []any{map[string]any{"alerting_timeout_sec": 8, "service_level_percentage": 0.8,
			"service_level_duration_ms": 20000, "mode": "AgentFirst", "enable_auto_dial_and_end": false,
			"auto_dial_delay_seconds": 0, "auto_end_delay_seconds": 0}},
		"members":                         []any{map[string]any{"user_id": "u-1", "ring_num": 2}},
		"wrapup_codes":                    []any{"w-1"},
		"an_attribute_we_do_not_have_yet": "x",
	}
	raw, _ := json.Marshal(official)
	fields := upgradeQueueState(t, 1, string(raw))
	if got := stringField(t, fields, "name"); got != "Support" {
		t.Errorf("name = %q, want Support", got)
	}
	var call []tftypes.Value
	if err := fields["media_settings_call"].As(&call); err != nil || len(call) != 1 {
		t.Fatalf("media_settings_call = %v (%v), want one block", fields["media_settings_call"], err)
	}
	var callFields map[string]tftypes.Value
	if err := call[0].As(&callFields); err != nil {
		t.Fatal(err)
	}
	if _, has := callFields["mode"]; has {
		t.Errorf("media_settings_call kept the callback-only mode: %v", callFields)
	}
	var members []tftypes.Value
	if err := fields["members"].As(&members); err != nil || len(members) != 1 {
		t.Errorf("members = %v (%v), want the one member", fields["members"], err)
	}
}

// This provider's own state from before the version was raised (version 0) loads unchanged.
func TestRoutingQueueUpgradesOwnVersion0State(t *testing.T) {
	t.Parallel()
	fields := upgradeQueueState(t, 0, `{"id":"q-2","name":"Billing","acw_wrapup_prompt":"OPTIONAL"}`)
	if got := stringField(t, fields, "acw_wrapup_prompt"); got != "OPTIONAL" {
		t.Errorf("acw_wrapup_prompt = %q, want OPTIONAL", got)
	}
	if got := stringField(t, fields, "id"); got != "q-2" {
		t.Errorf("id = %q, want q-2", got)
	}
}
