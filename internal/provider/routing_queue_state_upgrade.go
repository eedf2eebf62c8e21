package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The official provider's queue schema is at version 2; its state upgrader from version 1
// drops the callback-only fields (mode, enable_auto_dial_and_end, auto_dial_delay_seconds,
// auto_end_delay_seconds) that version 1 kept in every media_settings block. A team moving
// from the official provider brings state of version 1 or 2, and OpenTofu refuses state
// newer than the provider's schema, so the queue's schema is version 2 too and upgrades:
//   - version 0: this provider's own state from before the version was raised (same shape);
//   - version 1: the official provider's, without the callback-only fields outside callbacks.
// Either way, attributes this schema does not have are left out; the next refresh reads the rest.

// queueSchemaVersion is the official provider's current queue schema version.
const queueSchemaVersion = 2

// queueMediaBlocksWithoutCallbackFields are the media blocks version 1 wrongly gave callback fields.
var queueMediaBlocksWithoutCallbackFields = []string{"media_settings_call", "media_settings_email", "media_settings_chat", "media_settings_message"}

func (r *routingQueueResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{
		0: {StateUpgrader: r.upgradeRawState(func(map[string]any) {})},
		1: {StateUpgrader: r.upgradeRawState(dropCallbackOnlyFields)},
	}
}

// dropCallbackOnlyFields removes from the non-callback media blocks what only callbacks have.
func dropCallbackOnlyFields(state map[string]any) {
	for _, block := range queueMediaBlocksWithoutCallbackFields {
		items, _ := state[block].([]any)
		for _, item := range items {
			if fields, ok := item.(map[string]any); ok {
				for _, f := range []string{"mode", "enable_auto_dial_and_end", "auto_dial_delay_seconds", "auto_end_delay_seconds"} {
					delete(fields, f)
				}
			}
		}
	}
}

// upgradeRawState reads the prior state's JSON, lets change rewrite it, and keeps what the
// current schema has.
func (r *routingQueueResource) upgradeRawState(change func(map[string]any)) func(context.Context, resource.UpgradeStateRequest, *resource.UpgradeStateResponse) {
	return func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
		if req.RawState == nil || req.RawState.JSON == nil {
			resp.Diagnostics.AddError("Cannot upgrade queue state", "The prior state has no JSON form to upgrade from.")
			return
		}
		var state map[string]any
		if err := json.Unmarshal(req.RawState.JSON, &state); err != nil {
			resp.Diagnostics.AddError("Cannot upgrade queue state", fmt.Sprintf("The prior state is not a JSON object: %v", err))
			return
		}
		change(state)
		var sch resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sch)
		fitted, err := json.Marshal(fitToType(state, sch.Schema.Type().TerraformType(ctx)))
		if err != nil {
			resp.Diagnostics.AddError("Cannot upgrade queue state", err.Error())
			return
		}
		resp.DynamicValue = &tfprotov6.DynamicValue{JSON: fitted}
	}
}

// fitToType drops, at every level, the object keys t does not have.
func fitToType(v any, t tftypes.Type) any {
	switch tt := t.(type) {
	case tftypes.Object:
		return fitFields(v, func(k string) (tftypes.Type, bool) {
			at, known := tt.AttributeTypes[k]
			return at, known
		})
	case tftypes.List:
		return fitElements(v, tt.ElementType)
	case tftypes.Set:
		return fitElements(v, tt.ElementType)
	case tftypes.Map:
		return fitFields(v, func(string) (tftypes.Type, bool) { return tt.ElementType, true })
	}
	return v
}

// fitFields fits the values of an object or a map to the types typeOf gives their keys,
// dropping the keys it does not know.
func fitFields(v any, typeOf func(key string) (tftypes.Type, bool)) any {
	fields, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := map[string]any{}
	for k, val := range fields {
		if t, known := typeOf(k); known {
			out[k] = fitToType(val, t)
		}
	}
	return out
}

func fitElements(v any, elem tftypes.Type) any {
	items, ok := v.([]any)
	if !ok {
		return v
	}
	out := make([]any, 0, len(items))
	for _, item := range items {
		out = append(out, fitToType(item, elem))
	}
	return out
}
