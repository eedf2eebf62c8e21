package provider

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
)

// describeAttribute renders an attribute as "type mode" (mode as the official schema lists it:
// required, optional, read-only) plus its default, e.g. "bool optional default=false".
func describeAttribute(ctx context.Context, a schema.Attribute) string {
	mode := "read-only"
	switch {
	case a.IsRequired():
		mode = "required"
	case a.IsOptional():
		mode = "optional"
	}
	out := fmt.Sprintf("%s %s", a.GetType().String(), mode)
	if d := attributeDefault(ctx, a); d != "" {
		out += " default=" + d
	}
	return out
}

// attributeDefault renders a static default ("" none).
func attributeDefault(ctx context.Context, a schema.Attribute) string {
	switch a := a.(type) {
	case schema.BoolAttribute:
		if a.Default != nil {
			var resp defaults.BoolResponse
			a.Default.DefaultBool(ctx, defaults.BoolRequest{}, &resp)
			return resp.PlanValue.String()
		}
	case schema.StringAttribute:
		if a.Default != nil {
			var resp defaults.StringResponse
			a.Default.DefaultString(ctx, defaults.StringRequest{}, &resp)
			return resp.PlanValue.String()
		}
	}
	return ""
}

// describeSchema flattens a schema to path → description; block attributes are "block.attr".
func describeSchema(ctx context.Context, attrs map[string]schema.Attribute, blocks map[string]schema.Block, prefix string, out map[string]string) {
	for name, a := range attrs {
		out[prefix+name] = describeAttribute(ctx, a)
	}
	for name, b := range blocks {
		switch b := b.(type) {
		case schema.ListNestedBlock:
			out[prefix+name] = "block list"
			describeSchema(ctx, b.NestedObject.Attributes, b.NestedObject.Blocks, prefix+name+".", out)
		case schema.SetNestedBlock:
			out[prefix+name] = "block set"
			describeSchema(ctx, b.NestedObject.Attributes, b.NestedObject.Blocks, prefix+name+".", out)
		default:
			out[prefix+name] = fmt.Sprintf("unexpected block %T", b)
		}
	}
}

// The three kinds the generic resource brought in must have the official provider's
// attribute names, types, modes and defaults (official-provider-schemas.json): a
// configuration written for the official provider works unchanged.
func TestKindSchemasMatchOfficial(t *testing.T) {
	checkKindSchemas(t, map[string]map[string]string{
		"genesyscloud_auth_division": {
			"id":          "basetypes.StringType read-only",
			"name":        "basetypes.StringType required",
			"description": "basetypes.StringType optional",
			"home":        "basetypes.BoolType optional",
		},
		"genesyscloud_auth_role": {
			"id":                              "basetypes.StringType read-only",
			"name":                            "basetypes.StringType required",
			"description":                     "basetypes.StringType optional",
			"default_role_id":                 "basetypes.StringType optional",
			"permissions":                     "types.SetType[basetypes.StringType] optional",
			"permission_policies":             "block set",
			"permission_policies.domain":      "basetypes.StringType required",
			"permission_policies.entity_name": "basetypes.StringType required",
			"permission_policies.action_set":  "types.SetType[basetypes.StringType] required",
			"permission_policies.conditions":  "block list",
			"permission_policies.conditions.conjunction":             "basetypes.StringType required",
			"permission_policies.conditions.terms":                   "block set",
			"permission_policies.conditions.terms.variable_name":     "basetypes.StringType required",
			"permission_policies.conditions.terms.operator":          "basetypes.StringType required",
			"permission_policies.conditions.terms.operands":          "block set",
			"permission_policies.conditions.terms.operands.type":     "basetypes.StringType required",
			"permission_policies.conditions.terms.operands.queue_id": "basetypes.StringType optional",
			"permission_policies.conditions.terms.operands.user_id":  "basetypes.StringType optional",
			"permission_policies.conditions.terms.operands.value":    "basetypes.StringType optional",
		},
		"genesyscloud_routing_utilization_label": {
			"id":   "basetypes.StringType read-only",
			"name": "basetypes.StringType required",
		},
		"genesyscloud_responsemanagement_library": {
			"id":   "basetypes.StringType read-only",
			"name": "basetypes.StringType required",
		},
		"genesyscloud_architect_schedules": {
			"id":          "basetypes.StringType read-only",
			"name":        "basetypes.StringType required",
			"description": "basetypes.StringType optional",
			"division_id": "basetypes.StringType optional",
			"start":       "basetypes.StringType required",
			"end":         "basetypes.StringType required",
			"rrule":       "basetypes.StringType optional",
		},
		"genesyscloud_architect_schedulegroups": {
			"id":                   "basetypes.StringType read-only",
			"name":                 "basetypes.StringType required",
			"description":          "basetypes.StringType optional",
			"division_id":          "basetypes.StringType optional",
			"time_zone":            "basetypes.StringType optional",
			"open_schedules_id":    "types.SetType[basetypes.StringType] required",
			"closed_schedules_id":  "types.SetType[basetypes.StringType] optional",
			"holiday_schedules_id": "types.SetType[basetypes.StringType] optional",
		},
		"genesyscloud_architect_ivr": {
			"id":                    "basetypes.StringType read-only",
			"name":                  "basetypes.StringType required",
			"description":           "basetypes.StringType optional",
			"division_id":           "basetypes.StringType optional",
			"dnis":                  "types.SetType[basetypes.StringType] optional",
			"open_hours_flow_id":    "basetypes.StringType optional",
			"closed_hours_flow_id":  "basetypes.StringType optional",
			"holiday_hours_flow_id": "basetypes.StringType optional",
			"schedule_group_id":     "basetypes.StringType optional",
		},
		"genesyscloud_architect_datatable": {
			"id":                 "basetypes.StringType read-only",
			"name":               "basetypes.StringType required",
			"description":        "basetypes.StringType optional",
			"division_id":        "basetypes.StringType optional",
			"properties":         "block list",
			"properties.name":    "basetypes.StringType required",
			"properties.type":    "basetypes.StringType required",
			"properties.default": "basetypes.StringType optional",
			"properties.title":   "basetypes.StringType optional",
		},
		"genesyscloud_flow_milestone": {
			"id":          "basetypes.StringType read-only",
			"name":        "basetypes.StringType required",
			"description": "basetypes.StringType optional",
			"division_id": "basetypes.StringType optional",
		},
		"genesyscloud_flow_outcome": {
			"id":          "basetypes.StringType read-only",
			"name":        "basetypes.StringType required",
			"description": "basetypes.StringType optional",
			"division_id": "basetypes.StringType optional",
		},
		"genesyscloud_routing_skill": {
			"id":   "basetypes.StringType read-only",
			"name": "basetypes.StringType required",
		},
		"genesyscloud_routing_language": {
			"id":   "basetypes.StringType read-only",
			"name": "basetypes.StringType required",
		},
		"genesyscloud_routing_wrapupcode": {
			"id":          "basetypes.StringType read-only",
			"name":        "basetypes.StringType required",
			"description": "basetypes.StringType optional",
			"division_id": "basetypes.StringType optional",
		},
		"genesyscloud_architect_emergencygroup": {
			"id":                                     "basetypes.StringType read-only",
			"name":                                   "basetypes.StringType required",
			"description":                            "basetypes.StringType optional",
			"division_id":                            "basetypes.StringType optional",
			"enabled":                                "basetypes.BoolType optional default=false",
			"emergency_call_flows":                   "block list",
			"emergency_call_flows.emergency_flow_id": "basetypes.StringType required",
			"emergency_call_flows.ivr_ids":           "types.SetType[basetypes.StringType] required",
		},
		"genesyscloud_routing_email_domain": {
			"id":                    "basetypes.StringType read-only",
			"domain_id":             "basetypes.StringType required",
			"subdomain":             "basetypes.BoolType optional default=false",
			"mail_from_domain":      "basetypes.StringType optional",
			"custom_smtp_server_id": "basetypes.StringType optional",
		},
		"genesyscloud_routing_sms_address": {
			"id":                   "basetypes.StringType read-only",
			"name":                 "basetypes.StringType optional",
			"street":               "basetypes.StringType required",
			"city":                 "basetypes.StringType required",
			"region":               "basetypes.StringType required",
			"postal_code":          "basetypes.StringType required",
			"country_code":         "basetypes.StringType required",
			"auto_correct_address": "basetypes.BoolType optional",
		},
		"genesyscloud_intents_categories": {
			"id":          "basetypes.StringType read-only",
			"name":        "basetypes.StringType required",
			"description": "basetypes.StringType required",
		},
		"genesyscloud_location": {
			"id":                      "basetypes.StringType read-only",
			"name":                    "basetypes.StringType required",
			"notes":                   "basetypes.StringType optional",
			"path":                    "types.ListType[basetypes.StringType] optional",
			"address":                 "block list",
			"address.city":            "basetypes.StringType required",
			"address.country":         "basetypes.StringType required",
			"address.street1":         "basetypes.StringType required",
			"address.zip_code":        "basetypes.StringType required",
			"address.state":           "basetypes.StringType optional",
			"address.street2":         "basetypes.StringType optional",
			"emergency_number":        "block list",
			"emergency_number.number": "basetypes.StringType required",
			"emergency_number.type":   `basetypes.StringType optional default="default"`,
		},
		"genesyscloud_routing_utilization": {
			"id":                                        "basetypes.StringType read-only",
			"call":                                      "block list",
			"call.maximum_capacity":                     "basetypes.Int64Type required",
			"call.include_non_acd":                      "basetypes.BoolType optional default=false",
			"call.interruptible_media_types":            "types.SetType[basetypes.StringType] optional",
			"callback":                                  "block list",
			"callback.maximum_capacity":                 "basetypes.Int64Type required",
			"callback.include_non_acd":                  "basetypes.BoolType optional default=false",
			"callback.interruptible_media_types":        "types.SetType[basetypes.StringType] optional",
			"chat":                                      "block list",
			"chat.maximum_capacity":                     "basetypes.Int64Type required",
			"chat.include_non_acd":                      "basetypes.BoolType optional default=false",
			"chat.interruptible_media_types":            "types.SetType[basetypes.StringType] optional",
			"email":                                     "block list",
			"email.maximum_capacity":                    "basetypes.Int64Type required",
			"email.include_non_acd":                     "basetypes.BoolType optional default=false",
			"email.interruptible_media_types":           "types.SetType[basetypes.StringType] optional",
			"message":                                   "block list",
			"message.maximum_capacity":                  "basetypes.Int64Type required",
			"message.include_non_acd":                   "basetypes.BoolType optional default=false",
			"message.interruptible_media_types":         "types.SetType[basetypes.StringType] optional",
			"label_utilizations":                        "block list",
			"label_utilizations.label_id":               "basetypes.StringType required",
			"label_utilizations.maximum_capacity":       "basetypes.Int64Type required",
			"label_utilizations.interrupting_label_ids": "types.SetType[basetypes.StringType] optional",
		},
		"genesyscloud_integration_credential": {
			"id":                   "basetypes.StringType read-only",
			"name":                 "basetypes.StringType optional",
			"credential_type_name": "basetypes.StringType required",
			"fields":               "types.MapType[basetypes.StringType] optional",
		},
		"genesyscloud_oauth_client": {
			"id":                            "basetypes.StringType read-only",
			"name":                          "basetypes.StringType required",
			"description":                   "basetypes.StringType optional",
			"authorized_grant_type":         "basetypes.StringType required",
			"access_token_validity_seconds": "basetypes.Int64Type optional",
			"registered_redirect_uris":      "types.SetType[basetypes.StringType] optional",
			"scopes":                        "types.SetType[basetypes.StringType] optional",
			"state":                         `basetypes.StringType optional default="active"`,
			"roles":                         "block set",
			"roles.role_id":                 "basetypes.StringType required",
			"roles.division_id":             "basetypes.StringType optional",
			"client_id":                     "basetypes.StringType read-only",
			"client_secret":                 "basetypes.StringType read-only",
		},
		"genesyscloud_team": {
			"id":          "basetypes.StringType read-only",
			"name":        "basetypes.StringType required",
			"division_id": "basetypes.StringType required",
			"description": "basetypes.StringType optional",
			"member_ids":  "types.SetType[basetypes.StringType] optional",
		},
		"genesyscloud_outbound_wrapupcodemappings": {
			"id":                      "basetypes.StringType read-only",
			"default_set":             "types.SetType[basetypes.StringType] required",
			"placeholder":             `basetypes.StringType optional default="***"`,
			"mappings":                "block set",
			"mappings.wrapup_code_id": "basetypes.StringType required",
			"mappings.flags":          "types.SetType[basetypes.StringType] required",
		},
		"genesyscloud_outbound_settings": {
			"id":                                                  "basetypes.StringType read-only",
			"abandon_seconds":                                     "basetypes.Int64Type optional",
			"compliance_abandon_rate_denominator":                 "basetypes.StringType optional",
			"max_calls_per_agent":                                 "basetypes.Int64Type optional",
			"max_line_utilization":                                "basetypes.Float64Type optional",
			"reschedule_time_zone_skipped_contacts":               "basetypes.BoolType optional",
			"automatic_time_zone_mapping":                         "block list",
			"automatic_time_zone_mapping.supported_countries":     "types.ListType[basetypes.StringType] optional",
			"automatic_time_zone_mapping.callable_windows":        "block set",
			"automatic_time_zone_mapping.callable_windows.mapped": "block set",
			"automatic_time_zone_mapping.callable_windows.mapped.earliest_callable_time":   "basetypes.StringType optional",
			"automatic_time_zone_mapping.callable_windows.mapped.latest_callable_time":     "basetypes.StringType optional",
			"automatic_time_zone_mapping.callable_windows.unmapped":                        "block set",
			"automatic_time_zone_mapping.callable_windows.unmapped.earliest_callable_time": "basetypes.StringType optional",
			"automatic_time_zone_mapping.callable_windows.unmapped.latest_callable_time":   "basetypes.StringType optional",
			"automatic_time_zone_mapping.callable_windows.unmapped.time_zone_id":           "basetypes.StringType optional",
		},
		"genesyscloud_outbound_callabletimeset": {
			"id":                                   "basetypes.StringType read-only",
			"name":                                 "basetypes.StringType required",
			"callable_times":                       "block set",
			"callable_times.time_slots":            "block set",
			"callable_times.time_slots.day":        "basetypes.Int64Type required",
			"callable_times.time_slots.start_time": "basetypes.StringType required",
			"callable_times.time_slots.stop_time":  "basetypes.StringType required",
			"callable_times.time_zone_id":          "basetypes.StringType required",
			"callable_times.name":                  "basetypes.StringType optional",
		},
		"genesyscloud_outbound_attempt_limit": {
			"id":                               "basetypes.StringType read-only",
			"name":                             "basetypes.StringType optional",
			"max_attempts_per_contact":         "basetypes.Int64Type optional",
			"max_attempts_per_number":          "basetypes.Int64Type optional",
			"time_zone_id":                     "basetypes.StringType optional",
			"reset_period":                     `basetypes.StringType optional default="NEVER"`,
			"recall_entries":                   "block list",
			"recall_entries.answering_machine": "block set",
			"recall_entries.answering_machine.minutes_between_attempts": "basetypes.Int64Type required",
			"recall_entries.answering_machine.nbr_attempts":             "basetypes.Int64Type optional",
			"recall_entries.busy":                               "block set",
			"recall_entries.busy.minutes_between_attempts":      "basetypes.Int64Type required",
			"recall_entries.busy.nbr_attempts":                  "basetypes.Int64Type optional",
			"recall_entries.fax":                                "block set",
			"recall_entries.fax.minutes_between_attempts":       "basetypes.Int64Type required",
			"recall_entries.fax.nbr_attempts":                   "basetypes.Int64Type optional",
			"recall_entries.no_answer":                          "block set",
			"recall_entries.no_answer.minutes_between_attempts": "basetypes.Int64Type required",
			"recall_entries.no_answer.nbr_attempts":             "basetypes.Int64Type optional",
		},
		"genesyscloud_outbound_callanalysisresponseset": {
			"id":                                             "basetypes.StringType read-only",
			"name":                                           "basetypes.StringType required",
			"beep_detection_enabled":                         "basetypes.BoolType optional default=false",
			"amd_speech_distinguish_enabled":                 "basetypes.BoolType optional default=true",
			"live_speaker_detection_mode":                    "basetypes.StringType optional",
			"responses":                                      "block list",
			"responses.callable_busy":                        "block set",
			"responses.callable_busy.reaction_type":          "basetypes.StringType required",
			"responses.callable_busy.data":                   "basetypes.StringType optional",
			"responses.callable_busy.name":                   "basetypes.StringType optional",
			"responses.callable_disconnect":                  "block set",
			"responses.callable_disconnect.reaction_type":    "basetypes.StringType required",
			"responses.callable_disconnect.data":             "basetypes.StringType optional",
			"responses.callable_disconnect.name":             "basetypes.StringType optional",
			"responses.callable_fax":                         "block set",
			"responses.callable_fax.reaction_type":           "basetypes.StringType required",
			"responses.callable_fax.data":                    "basetypes.StringType optional",
			"responses.callable_fax.name":                    "basetypes.StringType optional",
			"responses.callable_lineconnected":               "block set",
			"responses.callable_lineconnected.reaction_type": "basetypes.StringType required",
			"responses.callable_lineconnected.data":          "basetypes.StringType optional",
			"responses.callable_lineconnected.name":          "basetypes.StringType optional",
			"responses.callable_machine":                     "block set",
			"responses.callable_machine.reaction_type":       "basetypes.StringType required",
			"responses.callable_machine.data":                "basetypes.StringType optional",
			"responses.callable_machine.name":                "basetypes.StringType optional",
			"responses.callable_noanswer":                    "block set",
			"responses.callable_noanswer.reaction_type":      "basetypes.StringType required",
			"responses.callable_noanswer.data":               "basetypes.StringType optional",
			"responses.callable_noanswer.name":               "basetypes.StringType optional",
			"responses.callable_person":                      "block set",
			"responses.callable_person.reaction_type":        "basetypes.StringType required",
			"responses.callable_person.data":                 "basetypes.StringType optional",
			"responses.callable_person.name":                 "basetypes.StringType optional",
			"responses.callable_sit":                         "block set",
			"responses.callable_sit.reaction_type":           "basetypes.StringType required",
			"responses.callable_sit.data":                    "basetypes.StringType optional",
			"responses.callable_sit.name":                    "basetypes.StringType optional",
			"responses.uncallable_notfound":                  "block set",
			"responses.uncallable_notfound.reaction_type":    "basetypes.StringType required",
			"responses.uncallable_notfound.data":             "basetypes.StringType optional",
			"responses.uncallable_notfound.name":             "basetypes.StringType optional",
			"responses.uncallable_sit":                       "block set",
			"responses.uncallable_sit.reaction_type":         "basetypes.StringType required",
			"responses.uncallable_sit.data":                  "basetypes.StringType optional",
			"responses.uncallable_sit.name":                  "basetypes.StringType optional",
		},
		"genesyscloud_organization_presence_definition": {
			"id":              "basetypes.StringType read-only",
			"language_labels": "types.MapType[basetypes.StringType] required",
			"system_presence": "basetypes.StringType required",
			"deactivated":     "basetypes.BoolType optional default=false",
			"division_id":     "basetypes.StringType optional",
		},
		"genesyscloud_telephony_providers_edges_did_pool": {
			"id":                 "basetypes.StringType read-only",
			"start_phone_number": "basetypes.StringType required",
			"end_phone_number":   "basetypes.StringType required",
			"description":        "basetypes.StringType optional",
			"comments":           "basetypes.StringType optional",
			"pool_provider":      "basetypes.StringType optional",
		},
		"genesyscloud_employeeperformance_externalmetrics_definitions": {
			"id":                     "basetypes.StringType read-only",
			"name":                   "basetypes.StringType required",
			"default_objective_type": "basetypes.StringType required",
			"enabled":                "basetypes.BoolType required",
			"precision":              "basetypes.Int64Type required",
			"unit":                   "basetypes.StringType required",
			"unit_definition":        "basetypes.StringType optional",
		},
	})
}

// checkKindSchemas checks each regular kind's resource schema against the official one,
// given by resource type as describeSchema flattens it.
func checkKindSchemas(t *testing.T, official map[string]map[string]string) {
	ctx := context.Background()
	for typ, want := range official {
		t.Run(typ, func(t *testing.T) { checkKindSchema(ctx, t, typ, want) })
	}
}

// checkKindSchema compares a regular kind's resource schema, flattened by describeSchema,
// with the official one: the same attributes, each with the same description.
func checkKindSchema(ctx context.Context, t *testing.T, typ string, want map[string]string) {
	t.Helper()
	k := kinds.Genesys().ByResource(typ)
	if k == nil || !k.Regular() {
		t.Fatalf("%s is not a regular kind of the catalogue", typ)
	}
	s, err := kindResourceSchema(k)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	describeSchema(ctx, s.Attributes, s.Blocks, "", got)
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: got %q, want %q", p, got[p], w)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: not in the official schema", p)
		}
	}
}

// Every field shape the catalogue can declare must give a schema the framework accepts.
func TestKindSchemaEveryFieldShape(t *testing.T) {
	k := &kinds.Kind{Name: "test.everything", Resource: "genesyscloud_test", Noun: "thing",
		API: kinds.API{Collection: "/api/v2/things", Update: "PUT"},
		Fields: []kinds.Field{
			{Attr: "name", JSON: "name", Type: kinds.String, Mode: kinds.Required, MaxLength: 10},
			{Attr: "state", JSON: "state", Type: kinds.String, Mode: kinds.Optional, Enum: []string{"a", "b"}, Default: "a"},
			{Attr: "secret", JSON: "secret", Type: kinds.String, Mode: kinds.Optional, Sensitive: true},
			{Attr: "kind", JSON: "kind", Type: kinds.String, Mode: kinds.Required, ForceNew: true},
			{Attr: "created_by", JSON: "createdBy.id", Type: kinds.String, Mode: kinds.Computed},
			{Attr: "division_id", JSON: "division.id", Type: kinds.String, Mode: kinds.OptionalComputed},
			{Attr: "enabled", JSON: "enabled", Type: kinds.Bool, Mode: kinds.Optional, Default: true},
			{Attr: "capacity", JSON: "capacity", Type: kinds.Int, Mode: kinds.Optional, Default: int64(3)},
			{Attr: "ratio", JSON: "ratio", Type: kinds.Float, Mode: kinds.Optional, Default: 0.5},
			{Attr: "tags", JSON: "tags", Type: kinds.StringList, Mode: kinds.Optional, Enum: []string{"x"}},
			{Attr: "member_ids", JSON: "members[].id", Type: kinds.StringSet, Mode: kinds.OptionalComputed},
			{Attr: "labels", JSON: "labels", Type: kinds.StringMap, Mode: kinds.Required, MaxLength: 20},
			{Attr: "rule", JSON: "rules", Type: kinds.Block, Mode: kinds.Optional, Nested: []kinds.Field{
				{Attr: "value", JSON: "value", Type: kinds.Int, Mode: kinds.Required},
			}},
			{Attr: "address", JSON: "address", Type: kinds.Object, Mode: kinds.Optional, Nested: []kinds.Field{
				{Attr: "city", JSON: "city", Type: kinds.String, Mode: kinds.Required},
			}},
			{Attr: "slot", JSON: "slots", Type: kinds.Block, Unordered: true, MinItems: 1, Mode: kinds.Optional, Nested: []kinds.Field{
				{Attr: "day", JSON: "day", Type: kinds.Int, Mode: kinds.Required},
				{Attr: "retry", JSON: "retry", Type: kinds.Object, Unordered: true, Mode: kinds.Optional, Nested: []kinds.Field{
					{Attr: "minutes", JSON: "minutes", Type: kinds.Int, Mode: kinds.Required},
				}},
			}},
		}}
	for _, immutable := range []bool{false, true} {
		if immutable {
			k.API.Update = ""
		}
		s, err := kindResourceSchema(k)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range s.ValidateImplementation(context.Background()) {
			t.Errorf("immutable=%v: %s: %s", immutable, d.Summary(), d.Detail())
		}
	}
}

// The catalogue's delete and read queries are parsed when a kind's API seam is made.
func TestKindQueriesParse(t *testing.T) {
	for _, k := range kinds.Genesys().All() {
		if _, err := url.ParseQuery(k.API.DeleteQuery); err != nil {
			t.Errorf("%s: delete query %q: %v", k.Name, k.API.DeleteQuery, err)
		}
		if _, err := url.ParseQuery(k.API.ReadQuery); err != nil {
			t.Errorf("%s: read query %q: %v", k.Name, k.API.ReadQuery, err)
		}
	}
}
