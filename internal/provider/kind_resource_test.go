package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// kindAccCase is one regular kind's acceptance test. Its configurations declare the object
// under test as `<type>.it`; "{{dir}}" in them stands for a folder holding files.
type kindAccCase struct {
	// create and update are the first two configurations: update must change the object in
	// place, or replace it when replaces is set (a kind every change of which makes a new
	// object: no update API, or only ForceNew attributes).
	create, update string
	replaces       bool
	// createChecks and updateChecks are attribute → value checks of `<type>.it` after each.
	createChecks, updateChecks map[string]string
	// driftPath is a JSON path of the object that the drift step changes in the org behind
	// the provider's back, and driftValue what it is changed to; the apply must restore it.
	// No driftPath: the org cannot change the object in place, so there is no such step.
	driftPath  string
	driftValue any
	// files are written into {{dir}} before the first step (e.g. flow YAML).
	files map[string]string
	// lookupArgs are the by-name data source's further arguments (HCL lines, for a kind
	// with kinds.Kind.LookupBy attributes); "" for none.
	lookupArgs string
}

// evacuationFlow is a minimal inbound call flow to serve as an emergency call flow.
var evacuationFlow = inboundCallFlow("Evacuation notice", "Notice_1", "Our office is closed because of an emergency.", `  tasks:
    - task:
        name: Notice
        refId: Notice_1
        actions:
          - disconnect:
              name: Goodbye
`)

const emergencyGroupDeps = `
resource "genesyscloud_flow" "evacuation" {
  filepath = "{{dir}}/evacuation.yaml"
}
resource "genesyscloud_architect_ivr" "main" {
  name = "Main line"
}
resource "genesyscloud_architect_ivr" "sales" {
  name = "Sales line"
}
data "genesyscloud_auth_division_home" "home" {}
`

// kindAccCases holds a row for every regular kind with a resource; a new regular kind adds
// its row here or, like the catalogue's per-area files, in its area's
// kind_acc_cases_<area>_test.go (TestAccKindResources fails for a kind without one).
var kindAccCases = map[string]kindAccCase{
	"genesyscloud_architect_schedules": {
		create: `resource "genesyscloud_architect_schedules" "it" {
  name  = "Weekday hours"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
}`,
		update: `resource "genesyscloud_architect_schedules" "it" {
  name        = "Weekday hours (summer)"
  description = "Mon-Fri"
  start       = "2021-08-04T08:00:00.000000"
  end         = "2021-08-04T18:30:00.000000"
  rrule       = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}`,
		createChecks: map[string]string{"name": "Weekday hours", "start": "2021-08-04T08:00:00.000000",
			"end": "2021-08-04T17:00:00.000000", "description": absent},
		updateChecks: map[string]string{"name": "Weekday hours (summer)", "description": "Mon-Fri", "end": "2021-08-04T18:30:00.000000",
			"rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"},
		driftPath: "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_architect_schedulegroups": {
		create: scheduleTrio + `resource "genesyscloud_architect_schedulegroups" "it" {
  name              = "Store hours"
  open_schedules_id = [genesyscloud_architect_schedules.open.id]
}`,
		update: scheduleTrio + `resource "genesyscloud_architect_schedulegroups" "it" {
  name                 = "Store hours"
  description          = "Flagship store"
  time_zone            = "Europe/Berlin"
  open_schedules_id    = [genesyscloud_architect_schedules.open.id]
  closed_schedules_id  = [genesyscloud_architect_schedules.closed.id]
  holiday_schedules_id = [genesyscloud_architect_schedules.holiday.id]
}`,
		createChecks: map[string]string{"name": "Store hours", "open_schedules_id.#": "1"},
		updateChecks: map[string]string{"description": "Flagship store", "time_zone": "Europe/Berlin",
			"closed_schedules_id.#": "1", "holiday_schedules_id.#": "1"},
		driftPath: "timeZone", driftValue: "America/Indianapolis",
	},
	"genesyscloud_architect_ivr": {
		create: ivrPool + `resource "genesyscloud_architect_ivr" "it" {
  name       = "Front desk"
  dnis       = ["+13175550100"]
  depends_on = [genesyscloud_telephony_providers_edges_did_pool.p]
}`,
		update: ivrPool + `resource "genesyscloud_architect_ivr" "it" {
  name        = "Front desk (US)"
  description = "Reception numbers"
  dnis        = ["+13175550100", "+13175550101"]
  depends_on  = [genesyscloud_telephony_providers_edges_did_pool.p]
}`,
		// The official provider replaces an IVR on a rename (ForceNew name); its numbers pass
		// to the new one. TestAccArchitectIvr updates one in place.
		replaces:     true,
		createChecks: map[string]string{"name": "Front desk", "dnis.#": "1"},
		updateChecks: map[string]string{"name": "Front desk (US)", "description": "Reception numbers", "dnis.#": "2"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_routing_skill": {
		create:       `resource "genesyscloud_routing_skill" "it" { name = "Billing" }`,
		update:       `resource "genesyscloud_routing_skill" "it" { name = "Billing EMEA" }`,
		replaces:     true,
		createChecks: map[string]string{"name": "Billing"},
		updateChecks: map[string]string{"name": "Billing EMEA"},
	},
	"genesyscloud_routing_language": {
		create:       `resource "genesyscloud_routing_language" "it" { name = "German" }`,
		update:       `resource "genesyscloud_routing_language" "it" { name = "Swiss German" }`,
		replaces:     true,
		createChecks: map[string]string{"name": "German"},
		updateChecks: map[string]string{"name": "Swiss German"},
	},
	"genesyscloud_routing_wrapupcode": {
		create: `resource "genesyscloud_routing_wrapupcode" "it" { name = "Resolved" }`,
		update: `resource "genesyscloud_routing_wrapupcode" "it" {
  name        = "Resolved - first contact"
  description = "Closed without a transfer"
}`,
		createChecks: map[string]string{"name": "Resolved", "description": absent},
		updateChecks: map[string]string{"name": "Resolved - first contact", "description": "Closed without a transfer"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_auth_division": {
		// A new division (home left out: false), then given a description.
		create: `resource "genesyscloud_auth_division" "it" { name = "Collections" }`,
		update: `resource "genesyscloud_auth_division" "it" {
  name        = "Collections and recovery"
  description = "Late payments"
}`,
		createChecks: map[string]string{"name": "Collections", "description": absent, "home": "false"},
		updateChecks: map[string]string{"name": "Collections and recovery", "description": "Late payments"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_auth_role": {
		// A role whose one policy holds for a user's own conversations or a scalar condition
		// (TestAccAuthRole covers a queue operand), then two policies and general permissions,
		// without conditions.
		create: `resource "genesyscloud_user" "lead" {
  name  = "Lena Lead"
  email = "lena.lead@example.com"
}
resource "genesyscloud_auth_role" "it" {
  name = "Team lead"
  permission_policies {
    domain      = "conversation"
    entity_name = "communication"
    action_set  = ["view"]
    conditions {
      conjunction = "OR"
      terms {
        variable_name = "Conversation.participants.userId"
        operator      = "EQ"
        operands {
          type    = "USER"
          user_id = genesyscloud_user.lead.id
        }
      }
      terms {
        variable_name = "Conversation.mediaType"
        operator      = "IN"
        operands {
          type  = "SCALAR"
          value = "voice"
        }
      }
    }
  }
}`,
		update: `resource "genesyscloud_user" "lead" {
  name  = "Lena Lead"
  email = "lena.lead@example.com"
}
resource "genesyscloud_auth_role" "it" {
  name        = "Team lead"
  description = "Watches the team's conversations"
  permissions = ["group_creation"]
  permission_policies {
    domain      = "conversation"
    entity_name = "communication"
    action_set  = ["view", "monitor"]
  }
  permission_policies {
    domain      = "directory"
    entity_name = "user"
    action_set  = ["view"]
  }
}`,
		createChecks: map[string]string{"name": "Team lead", "permission_policies.#": "1",
			"permission_policies.0.conditions.0.conjunction": "OR", "permission_policies.0.conditions.0.terms.#": "2"},
		updateChecks: map[string]string{"description": "Watches the team's conversations", "permissions.#": "1",
			"permission_policies.#": "2"},
		driftPath: "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_routing_utilization_label": {
		create:       `resource "genesyscloud_routing_utilization_label" "it" { name = "VIP" }`,
		update:       `resource "genesyscloud_routing_utilization_label" "it" { name = "VIP callers" }`,
		createChecks: map[string]string{"name": "VIP"},
		updateChecks: map[string]string{"name": "VIP callers"},
		driftPath:    "name", driftValue: "Renamed in the UI",
	},
	"genesyscloud_responsemanagement_library": {
		create:       `resource "genesyscloud_responsemanagement_library" "it" { name = "Support answers" }`,
		update:       `resource "genesyscloud_responsemanagement_library" "it" { name = "Support and billing answers" }`,
		createChecks: map[string]string{"name": "Support answers"},
		updateChecks: map[string]string{"name": "Support and billing answers"},
		driftPath:    "name", driftValue: "Renamed in the UI",
	},
	"genesyscloud_architect_grammar": {
		create: `resource "genesyscloud_architect_grammar" "it" { name = "Account numbers" }`,
		update: `resource "genesyscloud_architect_grammar" "it" {
  name        = "Account and card numbers"
  description = "Digits callers say to identify themselves"
}`,
		createChecks: map[string]string{"name": "Account numbers"},
		updateChecks: map[string]string{"name": "Account and card numbers", "description": "Digits callers say to identify themselves"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_flow_milestone": {
		create: `resource "genesyscloud_flow_milestone" "it" { name = "Caller verified" }`,
		update: `resource "genesyscloud_flow_milestone" "it" {
  name        = "Caller identified"
  description = "The caller's account is known"
}`,
		createChecks: map[string]string{"name": "Caller verified"},
		updateChecks: map[string]string{"name": "Caller identified", "description": "The caller's account is known"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_flow_outcome": {
		create: `resource "genesyscloud_flow_outcome" "it" { name = "Self-service success" }`,
		update: `data "genesyscloud_auth_division_home" "home" {}
resource "genesyscloud_flow_outcome" "it" {
  name        = "Self-service completed"
  description = "The caller finished without an agent"
  division_id = data.genesyscloud_auth_division_home.home.id
}`,
		createChecks: map[string]string{"name": "Self-service success"},
		updateChecks: map[string]string{"name": "Self-service completed", "description": "The caller finished without an agent"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_routing_sms_address": {
		create: `resource "genesyscloud_routing_sms_address" "it" {
  name         = "Head office"
  street       = "1 Main Street"
  city         = "Springfield"
  region       = "IL"
  postal_code  = "62701"
  country_code = "US"
}`,
		// No update API: a moved office is a new address.
		update: `resource "genesyscloud_routing_sms_address" "it" {
  name                 = "Head office"
  street               = "200 Market Street"
  city                 = "Springfield"
  region               = "IL"
  postal_code          = "62704"
  country_code         = "US"
  auto_correct_address = true
}`,
		replaces:     true,
		createChecks: map[string]string{"name": "Head office", "street": "1 Main Street", "country_code": "US"},
		updateChecks: map[string]string{"street": "200 Market Street", "postal_code": "62704", "auto_correct_address": "true"},
	},
	"genesyscloud_intents_categories": {
		create: `resource "genesyscloud_intents_categories" "it" {
  name        = "Billing"
  description = "Questions about invoices"
}`,
		update: `resource "genesyscloud_intents_categories" "it" {
  name        = "Billing and payments"
  description = "Questions about invoices and card payments"
}`,
		createChecks: map[string]string{"name": "Billing", "description": "Questions about invoices"},
		updateChecks: map[string]string{"name": "Billing and payments", "description": "Questions about invoices and card payments"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_employeeperformance_externalmetrics_definitions": {
		create: `resource "genesyscloud_employeeperformance_externalmetrics_definitions" "it" {
  name                   = "First contact resolution"
  unit                   = "Percent"
  precision              = 1
  default_objective_type = "HigherIsBetter"
  enabled                = false
}`,
		update: `resource "genesyscloud_employeeperformance_externalmetrics_definitions" "it" {
  name                   = "First contact resolution rate"
  unit                   = "Percent"
  precision              = 2
  default_objective_type = "HigherIsBetter"
  enabled                = true
}`,
		createChecks: map[string]string{"name": "First contact resolution", "precision": "1", "enabled": "false"},
		updateChecks: map[string]string{"name": "First contact resolution rate", "precision": "2", "enabled": "true"},
		driftPath:    "name", driftValue: "Renamed in the UI",
	},
	"genesyscloud_architect_emergencygroup": {
		files: map[string]string{"evacuation.yaml": evacuationFlow},
		// Created without flows (no blocks), then given one with two IVRs.
		create: emergencyGroupDeps + `
resource "genesyscloud_architect_emergencygroup" "it" {
  name = "Evacuation"
}`,
		update: emergencyGroupDeps + `
resource "genesyscloud_architect_emergencygroup" "it" {
  name        = "Building evacuation"
  description = "Turned on by the facilities team"
  enabled     = true
  emergency_call_flows {
    emergency_flow_id = genesyscloud_flow.evacuation.id
    ivr_ids           = [genesyscloud_architect_ivr.main.id, genesyscloud_architect_ivr.sales.id]
  }
}`,
		createChecks: map[string]string{"name": "Evacuation", "enabled": "false", "emergency_call_flows.#": "0"},
		updateChecks: map[string]string{"name": "Building evacuation", "description": "Turned on by the facilities team",
			"enabled": "true", "emergency_call_flows.#": "1", "emergency_call_flows.0.ivr_ids.#": "2"},
		driftPath: "description", driftValue: "Edited in the UI",
	},
}

// TestAccKindResources runs every regular kind through the same life: create, update in
// place (or replace, for a kind that cannot change in place), look up by name, import, drift corrected, deleted in the org and created again,
// destroyed (confirmed through the API).
func TestAccKindResources(t *testing.T) {
	for _, k := range kinds.Genesys().Where(func(k *kinds.Kind) bool { return k.Regular() && k.Resource != "" }) {
		tc, ok := accCaseFor(k.Resource)
		if !ok {
			t.Errorf("%s: no row in kindAccCases or an area's acceptance cases", k.Resource)
			continue
		}
		t.Run(k.Resource, func(t *testing.T) { testKindResource(t, k, tc) })
	}
}

func testKindResource(t *testing.T, k *kinds.Kind, tc kindAccCase) {
	o := newAccOrg(t)
	dir := t.TempDir()
	for name, data := range tc.files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	config := func(hcl string) string { return o.config(strings.ReplaceAll(hcl, "{{dir}}", dir)) }
	addr := k.Resource + ".it"
	lookup := ""
	// A nameless kind's data source (if any) is hand-written and tested with its resource.
	if k.DataSource != "" && k.Names != kinds.NoName {
		lookup = "\n" + byNameDataWith(k.DataSource, addr, k.IdentifyingField().Attr, tc.lookupArgs)
	}
	updateChecks := attrChecks(addr, tc.updateChecks)
	if lookup != "" {
		updateChecks = append(updateChecks, foundByName(k.DataSource, addr))
	}
	var st lastState
	var before any // the drifted field's value before the drift
	updateAction := plancheck.ResourceActionUpdate
	if !tc.replaces {
		updateChecks = append(updateChecks, st.updatedInPlace(k.Noun, addr))
	} else {
		updateAction = plancheck.ResourceActionReplace
		// The replaced object must be gone from the org, not left behind.
		updateChecks = append(updateChecks, func(*terraform.State) error {
			return o.expectGone(k.API.Item(st.id(addr)))
		})
	}
	steps := []resource.TestStep{
		{
			Config: config(tc.create),
			Check: resource.ComposeAggregateTestCheckFunc(append(attrChecks(addr, tc.createChecks),
				resource.TestCheckResourceAttrSet(addr, "id"), o.checkKindExists(k, addr), st.capture)...),
		},
		{
			Config:           config(tc.update + lookup),
			ConfigPlanChecks: expectAction(addr, updateAction),
			Check:            resource.ComposeAggregateTestCheckFunc(append(updateChecks, st.capture)...),
		},
		// Write-only values cannot come back from an import (the API never answers them), nor
		// the configured order of keyed blocks.
		{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: importUnverifiable(k.Fields)},
	}
	if tc.driftPath != "" {
		steps = append(steps, resource.TestStep{
			// Drift: someone edits the object in the org; the plan must show it, apply must undo it.
			PreConfig: func() {
				id := st.id(addr)
				var obj apiObject
				o.readKindObject(k, k.API.ReadPath(id), &obj)
				before = kinds.Get(obj, tc.driftPath)
				body := writableCopy(k, obj)
				kinds.Set(body, tc.driftPath, tc.driftValue)
				o.editInOrg(k, id, body) // kind_acc_cases_webdeployments_test.go
			},
			Config:           config(tc.update),
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: func(s *terraform.State) error {
				var obj apiObject
				o.readKindObject(k, k.API.ReadPath(idOf(s, addr)), &obj)
				if got := kinds.Get(obj, tc.driftPath); !reflect.DeepEqual(got, before) {
					return fmt.Errorf("%s in the org after apply = %v, want %v", tc.driftPath, got, before)
				}
				return nil
			},
		})
	}
	checkDestroy := o.checkDestroyed(k.Resource, k.API.Collection)
	if k.API.Drafts {
		checkDestroy = o.checkDraftsDestroyed(k)
	}
	recreated := plancheck.ResourceActionCreate
	if k.API.Singleton {
		// The org's one object never goes away: destroy resets it (or leaves it), and a
		// reset in the org is drift that apply writes over.
		checkDestroy = o.checkSingletonReleased(k)
		recreated = plancheck.ResourceActionUpdate
	}
	if k.API.NoDelete {
		// Nothing can delete the object in the org, so there is no step where it vanishes;
		// destroy forgets it and the org keeps it.
		if !k.API.Singleton {
			checkDestroy = o.checkForgotten(k.Resource, k.API.Collection)
		}
	} else {
		steps = append(steps, resource.TestStep{
			// Drift: the object is deleted in the org; apply creates it again.
			PreConfig:        func() { o.do(http.MethodDelete, k.API.Item(st.id(addr)), nil, nil) },
			Config:           config(tc.update),
			ConfigPlanChecks: expectDrift(addr, recreated),
			Check:            o.checkKindExists(k, addr),
		})
	}
	o.test(checkDestroy, steps...)
}

// checkKindDestroyed is checkDestroyed for a kind whose objects live elsewhere than under
// its collection by their state id (a child kind's id holds its parent's): every resource of
// the kind left in state must be gone from the org at API.Item(id).
func (o *accOrg) checkKindDestroyed(k *kinds.Kind) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type == k.Resource {
				if err := o.expectGone(k.API.Item(rs.Primary.ID)); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// checkForgotten is the CheckDestroy of a kind the API cannot delete: every resource of
// tfType left in state must still be in the org, since destroy only forgets it.
func (o *accOrg) checkForgotten(tfType, apiPath string) func(*terraform.State) error {
	return o.checkEachInOrg(tfType, apiPath, false, "is gone from the org, but the API has no delete for it")
}

// writableCopy is the request body a client sends to change obj: the model fields the kind
// maps, and the version for a versioned kind (as the hand-written tests build request models
// from what they read).
func writableCopy(k *kinds.Kind, obj apiObject) apiObject {
	body := apiObject{}
	view := k.FieldView(obj)
	for _, f := range k.Fields {
		if top := kinds.TopLevel(f.JSON); view[top] != nil {
			body[top] = view[top]
		}
	}
	body = k.APIRequest(body)
	if k.API.Version == kinds.IntVersion {
		body["version"] = obj["version"]
	}
	return body
}

// readKindObject reads an object of k with the kind's read query, which asks for the parts
// the API leaves out otherwise (a data table's columns).
func (o *accOrg) readKindObject(k *kinds.Kind, path string, out *apiObject) {
	o.t.Helper()
	query, err := url.ParseQuery(k.API.ReadQuery)
	if err == nil {
		err = o.api.Do(context.Background(), http.MethodGet, path, query, nil, out)
	}
	if err != nil {
		o.t.Fatalf("GET %s: %v", path, err)
	}
}

// writeOnlyAttrs are the top-level attributes of write-only fields.
func writeOnlyAttrs(fields []kinds.Field) []string {
	var out []string
	for _, f := range fields {
		if f.WriteOnly {
			out = append(out, f.Attr)
		}
	}
	return out
}

// importUnverifiable are the attributes an import cannot reproduce as configured: write-only
// ones, and keyed blocks, whose order an import takes from their keys while state keeps the
// order the configuration wrote.
func importUnverifiable(fields []kinds.Field) []string {
	out := writeOnlyAttrs(fields)
	for i := range fields {
		if fields[i].Keyed() {
			out = append(out, fields[i].Attr)
		}
	}
	return out
}

// accCaseFor finds a kind's acceptance row, in kindAccCases or an area's cases.
func accCaseFor(resource string) (kindAccCase, bool) {
	for _, cases := range []map[string]kindAccCase{kindAccCases, directoryAccCases, outboundAccCases, presenceAccCases,
		telephonyAccCases, architectAccCases, settingsAccCases, integrationsAccCases, authorizationAccCases,
		contactListAccCases, taskManagementAccCases, campaignAccCases,
		routingAccCases, digitalAccCases, webDeploymentsAccCases} {
		if tc, ok := cases[resource]; ok {
			return tc, true
		}
	}
	return kindAccCase{}, false
}
