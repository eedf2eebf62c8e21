package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// settingsAccCases are the acceptance rows of the org's settings, the singleton kinds
// (kinds/catalogue_settings.go); see kindAccCase.
var settingsAccCases = map[string]kindAccCase{
	"genesyscloud_outbound_wrapupcodemappings": {
		// One code mapped first, then a second one and a wider default set.
		create: wrapupCodePair + `resource "genesyscloud_outbound_wrapupcodemappings" "it" {
  default_set = ["Right_Party_Contact"]
  mappings {
    wrapup_code_id = genesyscloud_routing_wrapupcode.sale.id
    flags          = ["Business_Success", "Right_Party_Contact"]
  }
}`,
		update: wrapupCodePair + `resource "genesyscloud_outbound_wrapupcodemappings" "it" {
  default_set = ["Right_Party_Contact", "Contact_UnCallable"]
  mappings {
    wrapup_code_id = genesyscloud_routing_wrapupcode.sale.id
    flags          = ["Business_Success", "Right_Party_Contact"]
  }
  mappings {
    wrapup_code_id = genesyscloud_routing_wrapupcode.wrong_number.id
    flags          = ["Number_UnCallable"]
  }
}`,
		createChecks: map[string]string{"id": "outbound_wrapupcodemappings", "default_set.#": "1", "mappings.#": "1", "placeholder": "***"},
		updateChecks: map[string]string{"default_set.#": "2", "mappings.#": "2"},
		driftPath:    "defaultSet", driftValue: []any{"Contact_UnCallable"},
	},
	"genesyscloud_routing_utilization": {
		// Voice and email first (the other media types go back to the system's values), then
		// chat interruptible by calls and two labels, one interrupting the other.
		create: `resource "genesyscloud_routing_utilization" "it" {
  call {
    maximum_capacity = 1
    include_non_acd  = true
  }
  email {
    maximum_capacity = 3
  }
}`,
		update: `resource "genesyscloud_routing_utilization_label" "vip" {
  name = "VIP"
}
resource "genesyscloud_routing_utilization_label" "billing" {
  name = "Billing"
}
resource "genesyscloud_routing_utilization" "it" {
  call {
    maximum_capacity = 1
    include_non_acd  = true
  }
  email {
    maximum_capacity = 2
  }
  chat {
    maximum_capacity          = 4
    interruptible_media_types = ["call", "email"]
  }
  label_utilizations {
    label_id         = genesyscloud_routing_utilization_label.vip.id
    maximum_capacity = 1
  }
  label_utilizations {
    label_id               = genesyscloud_routing_utilization_label.billing.id
    maximum_capacity       = 3
    interrupting_label_ids = [genesyscloud_routing_utilization_label.vip.id]
  }
}`,
		createChecks: map[string]string{"id": "routing_utilization", "call.0.maximum_capacity": "1", "call.0.include_non_acd": "true",
			"email.0.maximum_capacity": "3", "email.0.include_non_acd": "false", "chat.#": "0", "label_utilizations.#": "0"},
		updateChecks: map[string]string{"email.0.maximum_capacity": "2", "chat.0.interruptible_media_types.#": "2",
			"label_utilizations.#": "2", "label_utilizations.0.maximum_capacity": "1",
			"label_utilizations.1.maximum_capacity": "3", "label_utilizations.1.interrupting_label_ids.#": "1"},
		driftPath: "utilization.email.maximumCapacity", driftValue: 5,
	},
	"genesyscloud_outbound_settings": {
		// Two settings first (the rest keep the org's values), then more and the automatic
		// time zone mapping.
		create: `resource "genesyscloud_outbound_settings" "it" {
  max_calls_per_agent  = 6
  max_line_utilization = 0.7
}`,
		update: `resource "genesyscloud_outbound_settings" "it" {
  max_calls_per_agent                   = 8
  max_line_utilization                  = 0.85
  abandon_seconds                       = 3
  compliance_abandon_rate_denominator   = "CALLS_THAT_REACHED_QUEUE"
  reschedule_time_zone_skipped_contacts = true
  automatic_time_zone_mapping {
    supported_countries = ["US", "CA"]
    callable_windows {
      mapped {
        earliest_callable_time = "09:00"
        latest_callable_time   = "20:00"
      }
      unmapped {
        earliest_callable_time = "10:00"
        latest_callable_time   = "18:00"
        time_zone_id           = "America/New_York"
      }
    }
  }
}`,
		createChecks: map[string]string{"id": "outbound_settings", "max_calls_per_agent": "6", "max_line_utilization": "0.7",
			"abandon_seconds": "2", "compliance_abandon_rate_denominator": "ALL_CALLS"},
		updateChecks: map[string]string{"max_calls_per_agent": "8", "max_line_utilization": "0.85", "abandon_seconds": "3",
			"compliance_abandon_rate_denominator": "CALLS_THAT_REACHED_QUEUE", "reschedule_time_zone_skipped_contacts": "true",
			"automatic_time_zone_mapping.0.supported_countries.#": "2", "automatic_time_zone_mapping.0.callable_windows.#": "1"},
		driftPath: "abandonSeconds", driftValue: 9,
	},
	"genesyscloud_routing_settings": {
		// The settings and transcription first (the contact center block left to the org),
		// then the contact center block too and transcription changed. (An optional false
		// cannot survive an import, which reads it as unset, so the rows set true values.)
		create: `resource "genesyscloud_routing_settings" "it" {
  reset_agent_on_presence_change = true
  transcription {
    transcription                      = "EnabledGlobally"
    transcription_confidence_threshold = 60
  }
}`,
		update: `resource "genesyscloud_routing_settings" "it" {
  reset_agent_on_presence_change = true
  contactcenter {
    remove_skills_from_blind_transfer = true
  }
  transcription {
    transcription                      = "EnabledQueueFlow"
    transcription_confidence_threshold = 45.5
    low_latency_transcription_enabled  = true
    pii_redaction_enabled              = true
  }
}`,
		createChecks: map[string]string{"id": "routing_settings", "reset_agent_on_presence_change": "true",
			"contactcenter.#": "0", "transcription.0.transcription": "EnabledGlobally",
			"transcription.0.transcription_confidence_threshold": "60"},
		updateChecks: map[string]string{"contactcenter.0.remove_skills_from_blind_transfer": "true",
			"transcription.0.transcription": "EnabledQueueFlow", "transcription.0.transcription_confidence_threshold": "45.5",
			"transcription.0.low_latency_transcription_enabled": "true", "transcription.0.pii_redaction_enabled": "true"},
		driftPath: "resetAgentScoreOnPresenceChange", driftValue: false,
	},
}

// wrapupCodePair are the wrap-up codes the mappings map.
const wrapupCodePair = `resource "genesyscloud_routing_wrapupcode" "sale" {
  name = "Sale"
}
resource "genesyscloud_routing_wrapupcode" "wrong_number" {
  name = "Wrong number"
}
`

// checkKindExists checks that the object of the resource at addr is in the org; a
// singleton's always is, so its path must answer.
func (o *accOrg) checkKindExists(k *kinds.Kind, addr string) func(*terraform.State) error {
	if k.API.Drafts {
		return o.checkDraftExists(k, addr) // kind_acc_cases_webdeployments_test.go
	}
	if !k.API.Singleton {
		return o.checkExists(addr, k.API.Collection)
	}
	return func(*terraform.State) error {
		return o.api.Do(context.Background(), http.MethodGet, k.API.Collection, nil, nil, nil)
	}
}

// checkSingletonReleased is the CheckDestroy of a singleton kind: destroy put the org's
// defaults back where the API can, and otherwise left the object as it was.
func (o *accOrg) checkSingletonReleased(k *kinds.Kind) func(*terraform.State) error {
	return func(*terraform.State) error {
		var got map[string]any
		if err := o.api.Do(context.Background(), http.MethodGet, k.API.Collection, nil, nil, &got); err != nil {
			return err
		}
		if k.API.NoDelete || k.API.Defaults == "" {
			return nil
		}
		var want map[string]any
		if err := json.Unmarshal([]byte(k.API.Defaults), &want); err != nil {
			return err
		}
		if _, hasID := got["id"]; hasID {
			want["id"] = k.SingletonID()
		}
		if !reflect.DeepEqual(got, want) {
			return fmt.Errorf("%s after destroy = %v, want the org's defaults %v", k.API.Collection, got, want)
		}
		return nil
	}
}
