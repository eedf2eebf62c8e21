package provider

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// A user's routing_utilization, in the official block syntax, is applied, imported, changed
// in place and restored after a console edit; a configuration with only some media blocks and
// fields applies and plans no change after; `[]` returns the user to the org's utilization.
// (An import reads every media type, as the API answers them all: a configuration that leaves
// some out shows them as removed after an import, as with the official provider.)
func TestAccUserRoutingUtilization(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_user.u"
	const label = `
resource "genesyscloud_routing_utilization_label" "vip" {
  name = "VIP"
}
`
	user := func(utilization string) string {
		return o.config(label + fmt.Sprintf(`
resource "genesyscloud_user" "u" {
  email = "util@example.com"
  name  = "Uma Utilization"
  %s
}
`, utilization))
	}
	media := func(name string, capacity int) string {
		return fmt.Sprintf(`
    %s {
      maximum_capacity          = %d
      include_non_acd           = true
      interruptible_media_types = ["email"]
    }`, name, capacity)
	}
	full := func(calls, chats int) string {
		return user(`routing_utilization {` + media("call", calls) + media("callback", 1) + media("chat", chats) + media("email", 1) + media("message", 2) + `
    label_utilizations {
      label_id               = genesyscloud_routing_utilization_label.vip.id
      maximum_capacity       = 2
      interrupting_label_ids = []
    }
  }`)
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_user", usersPath), append(o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: usersPath,
		// An import leaves the utilization unmanaged (null, not read): the configuration
		// writes it once, at the first apply after the import (user_read.go).
		importIgnore: []string{"routing_utilization"},
		create:       full(1, 3),
		createChecks: attrChecks(addr, map[string]string{"routing_utilization.#": "1", "routing_utilization.0.call.0.maximum_capacity": "1",
			"routing_utilization.0.call.0.include_non_acd": "true", "routing_utilization.0.label_utilizations.0.maximum_capacity": "2"}),
		update:       full(2, 4),
		updateChecks: attrChecks(addr, map[string]string{"routing_utilization.0.call.0.maximum_capacity": "2", "routing_utilization.0.chat.0.maximum_capacity": "4"}),
		editInOrg: func(id string) {
			o.do(http.MethodPut, userUtilizationPath(id), map[string]any{"utilization": map[string]any{"call": map[string]any{"maximumCapacity": 5}}}, nil)
		},
		restored: func(s *terraform.State) error {
			var u apiUtilization
			o.do(http.MethodGet, userUtilizationPath(idOf(s, addr)), nil, &u)
			if u.Utilization["call"].MaximumCapacity != 2 || u.Utilization["chat"].MaximumCapacity != 4 || len(u.LabelUtilizations) != 1 {
				return fmt.Errorf("utilization in the org after apply = %+v, want call 2, chat 4 and one label", u)
			}
			return nil
		},
	}),
		resource.TestStep{
			// Only some blocks and fields: what is left out stays null, the plan after is empty.
			Config: user(`routing_utilization {
    call {
      maximum_capacity = 3
    }
  }`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "routing_utilization.0.call.0.maximum_capacity", "3"),
				resource.TestCheckNoResourceAttr(addr, "routing_utilization.0.chat.#")),
		},
		resource.TestStep{
			// `[]` returns the user to the org's utilization.
			Config: user(`routing_utilization = []`),
			Check: func(s *terraform.State) error {
				if got := o.fieldAt(userUtilizationPath(idOf(s, addr)), "level"); got != "Organization" {
					return fmt.Errorf("utilization level after routing_utilization = [] is %v, want Organization", got)
				}
				return nil
			},
		},
		resource.TestStep{
			// Left out, the utilization is unmanaged: a console edit plans nothing.
			PreConfig: func() {
				o.do(http.MethodPut, userUtilizationPath(st.id(addr)), map[string]any{"utilization": map[string]any{"call": map[string]any{"maximumCapacity": 4}}}, nil)
			},
			Config:           user(""),
			ConfigPlanChecks: expectPlan(plancheck.ExpectEmptyPlan()),
		},
	)...)
}

// A user's locations, in the official block syntax, are applied, imported, changed in place
// and restored after a console edit; `[]` removes them, and left out they are unmanaged.
func TestAccUserLocations(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_user.u"
	user := func(locations string) string {
		return o.config(`
resource "genesyscloud_location" "hq" {
  name = "Headquarters"
}
resource "genesyscloud_location" "branch" {
  name = "Branch office"
}
resource "genesyscloud_user" "u" {
  email = "loc@example.com"
  name  = "Lou Location"
  ` + locations + `
}
`)
	}
	located := func(id string) []apiUserLocation {
		var u struct {
			Locations []apiUserLocation `json:"locations"`
		}
		o.do(http.MethodGet, userPath(id)+"?expand=locations", nil, &u)
		return u.Locations
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_user", usersPath), append(o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: usersPath,
		create: user(`locations {
    location_id = genesyscloud_location.hq.id
    notes       = "Desk 12"
  }`),
		createChecks: attrChecks(addr, map[string]string{"locations.#": "1", "locations.0.notes": "Desk 12"},
			resource.TestCheckResourceAttrPair(addr, "locations.0.location_id", "genesyscloud_location.hq", "id")),
		update: user(`locations {
    location_id = genesyscloud_location.branch.id
  }`),
		updateChecks: attrChecks(addr, map[string]string{"locations.#": "1", "locations.0.notes": absent},
			resource.TestCheckResourceAttrPair(addr, "locations.0.location_id", "genesyscloud_location.branch", "id")),
		editInOrg: func(id string) {
			var u struct {
				Version int `json:"version"`
			}
			o.do(http.MethodGet, userPath(id), nil, &u)
			o.do(http.MethodPatch, userPath(id), map[string]any{"version": u.Version, "locations": []any{}}, nil)
		},
		restored: func(s *terraform.State) error {
			if got := located(idOf(s, addr)); len(got) != 1 {
				return fmt.Errorf("locations in the org after apply = %v, want the branch office", got)
			}
			return nil
		},
	}),
		resource.TestStep{
			Config: user(`locations = []`),
			Check: func(s *terraform.State) error {
				if got := located(idOf(s, addr)); len(got) != 0 {
					return fmt.Errorf("locations in the org after locations = [] = %v, want none", got)
				}
				return nil
			},
		},
		resource.TestStep{
			// Left out, locations are unmanaged: one added in the console plans nothing.
			PreConfig: func() {
				var u struct {
					Version int `json:"version"`
				}
				o.do(http.MethodGet, userPath(st.id(addr)), nil, &u)
				var hq struct {
					Entities []struct {
						ID string `json:"id"`
					} `json:"entities"`
				}
				o.do(http.MethodGet, "/api/v2/locations", nil, &hq)
				o.do(http.MethodPatch, userPath(st.id(addr)), map[string]any{"version": u.Version,
					"locations": []any{map[string]any{"id": hq.Entities[0].ID}}}, nil)
			},
			Config:           user(""),
			ConfigPlanChecks: expectPlan(plancheck.ExpectEmptyPlan()),
			Check:            resource.TestCheckResourceAttr(addr, "locations.#", "1"),
		},
	)...)
}

// An official configuration that names a phone extension's pool (extension_pool_id) applies
// and plans no change after: the pool is kept as configured.
func TestAccUserPhoneExtensionPool(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_user.u"
	user := func(pool string) string {
		return o.config(fmt.Sprintf(`
resource "genesyscloud_user" "u" {
  email = "ext@example.com"
  name  = "Eve Extension"
  addresses {
    phone_numbers {
      extension         = "4100"
      extension_pool_id = %q
    }
  }
}
`, pool))
	}
	o.test(o.checkDestroyed("genesyscloud_user", usersPath),
		resource.TestStep{Config: user("pool-a"), Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(addr, "addresses.0.phone_numbers.0.extension", "4100"),
			resource.TestCheckResourceAttr(addr, "addresses.0.phone_numbers.0.extension_pool_id", "pool-a"))},
		resource.TestStep{Config: user("pool-b"), Check: resource.TestCheckResourceAttr(addr, "addresses.0.phone_numbers.0.extension_pool_id", "pool-b")},
	)
}

// TestAccUserSettingsLeftUnsetAreNotRead: users whose configuration leaves their voicemail
// policy and utilization unset (unmanaged) are created, refreshed and planned without one
// request to either path — two requests a user, every plan, that a real org's budget of 300 a
// minute would spend on settings nobody manages — and an import does not read them either.
func TestAccUserSettingsLeftUnsetAreNotRead(t *testing.T) {
	o, log := newCountingOrg(t)
	const addr = "genesyscloud_user.u"
	cfg := o.config(`
resource "genesyscloud_user" "u" {
  email = "quiet@example.com"
  name  = "Quiet"
}

resource "genesyscloud_user" "v" {
  email = "still@example.com"
  name  = "Still"
}
`)
	settingsRequests := func(phase string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			var got []string
			log.mu.Lock()
			for _, req := range log.phases[phase] {
				if strings.HasSuffix(req, "/utilization") || strings.Contains(req, "/voicemail/userpolicies/") {
					got = append(got, req)
				}
			}
			log.mu.Unlock()
			if len(got) > 0 {
				return fmt.Errorf("%s: %d requests for settings the configuration leaves unset: %v", phase, len(got), got)
			}
			return nil
		}
	}
	phase := func(name string) func() { return func() { log.start(name) } }
	o.test(o.checkDestroyed("genesyscloud_user", usersPath),
		resource.TestStep{PreConfig: phase("create"), Config: cfg, Check: resource.ComposeAggregateTestCheckFunc(
			settingsRequests("create"),
			resource.TestCheckNoResourceAttr(addr, "routing_utilization.#"),
			resource.TestCheckNoResourceAttr(addr, "voicemail_userpolicies.#"))},
		resource.TestStep{PreConfig: phase("refresh"), RefreshState: true, Check: settingsRequests("refresh")},
		resource.TestStep{PreConfig: phase("plan"), Config: cfg, ConfigPlanChecks: expectPlan(plancheck.ExpectEmptyPlan()),
			Check: settingsRequests("plan")},
		resource.TestStep{PreConfig: phase("import"), ResourceName: addr, ImportState: true, ImportStateVerify: true,
			ImportStateCheck: func([]*terraform.InstanceState) error { return settingsRequests("import")(nil) }},
	)
}
