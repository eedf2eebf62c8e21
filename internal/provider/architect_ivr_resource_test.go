package provider

import (
	"fmt"
	"slices"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

const ivrsPath = "/api/v2/architect/ivrs"

// TestDnisSteps checks the stepped writes with the IVR's bound on new numbers per write.
func TestDnisSteps(t *testing.T) {
	maxDnisPerRequest := kinds.Genesys().Named(kinds.IVR).Field("dnis").MaxAddsPerWrite
	if maxDnisPerRequest != 50 {
		t.Fatalf("an IVR write may add %d numbers, want 50 as Genesys Cloud allows", maxDnisPerRequest)
	}
	numbers := func(from, n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("+1317555%04d", from+i))
		}
		return out
	}
	tests := []struct {
		name             string
		current, desired []string
		wantSizes        []int
	}{
		{"clear", numbers(0, 3), []string{}, []int{0}},
		{"small change", numbers(0, 3), numbers(1, 3), []int{3}},
		{"create 120", nil, numbers(0, 120), []int{50, 100, 120}},
		{"keep 60, add 70", numbers(0, 120), append(numbers(60, 60), numbers(500, 70)...), []int{110, 130}},
		{"exactly 50 new", nil, numbers(0, 50), []int{50}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			steps := addSteps(tc.current, tc.desired, maxDnisPerRequest)
			var sizes []int
			prev := tc.current
			for _, s := range steps {
				sizes = append(sizes, len(s))
				added := 0
				for _, n := range s {
					if !slices.Contains(prev, n) {
						added++
					}
					if !slices.Contains(tc.desired, n) {
						t.Errorf("step writes %s, which is not wanted", n)
					}
				}
				if added > maxDnisPerRequest {
					t.Errorf("a step adds %d numbers, more than %d", added, maxDnisPerRequest)
				}
				prev = s
			}
			if !slices.Equal(sizes, tc.wantSizes) {
				t.Errorf("step sizes = %v, want %v", sizes, tc.wantSizes)
			}
			last := slices.Clone(steps[len(steps)-1])
			want := slices.Clone(tc.desired)
			slices.Sort(last)
			slices.Sort(want)
			if !slices.Equal(last, want) {
				t.Errorf("last step = %v, want %v", last, want)
			}
		})
	}
}

// ivrPool is a DID pool of 1000 numbers for the IVR tests.
const ivrPool = `
resource "genesyscloud_telephony_providers_edges_did_pool" "p" {
  start_phone_number = "+13175550000"
  end_phone_number   = "+13175550999"
}
`

// ivrVersion reads the IVR's version: every write moves it on by one.
func (o *accOrg) ivrVersion(id string) int {
	v := orgObject[platform.IVR](o, ivrsPath, id)
	return deref(v.Version)
}

func TestAccArchitectIvr(t *testing.T) {
	o := newAccOrg(t)
	const typ, addr = "genesyscloud_architect_ivr", "genesyscloud_architect_ivr.ivr"
	// 120 numbers: more than one write of 50 may add.
	created := o.config(ivrPool + `
resource "genesyscloud_architect_ivr" "ivr" {
  name       = "Support line (US)"
  dnis       = [for i in range(120) : format("+1317555%04d", i)]
  depends_on = [genesyscloud_telephony_providers_edges_did_pool.p]
}
`)
	updated := o.config(ivrPool + scheduleTrio + trioScheduleGroup("g", "Support hours", "") + `
resource "genesyscloud_architect_ivr" "ivr" {
  name              = "Support line (US)"
  description       = "Support numbers"
  dnis              = concat([for i in range(60, 120) : format("+1317555%04d", i)], [for i in range(500, 570) : format("+1317555%04d", i)])
  schedule_group_id = genesyscloud_architect_schedulegroups.g.id
  depends_on        = [genesyscloud_telephony_providers_edges_did_pool.p]
}
` + byNameData(typ, addr))
	var st lastState
	o.test(resource.ComposeAggregateTestCheckFunc(
		o.checkDestroyed("genesyscloud_architect_ivr", ivrsPath),
		o.checkDestroyed("genesyscloud_architect_schedulegroups", scheduleGroupsPath),
		o.checkDestroyed("genesyscloud_telephony_providers_edges_did_pool", didPoolsPath),
	), o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: ivrsPath,
		create: created,
		createChecks: attrChecks(addr, map[string]string{"dnis.#": "120", "schedule_group_id": absent, "open_hours_flow_id": absent},
			resource.TestCheckTypeSetElemAttr(addr, "dnis.*", "+13175550119"),
			func(s *terraform.State) error {
				// POST with 50, then two PUTs of 50 and 20 more.
				if v := o.ivrVersion(idOf(s, addr)); v != 3 {
					return fmt.Errorf("IVR version after create = %d, want 3 (one create, two chunked PUTs)", v)
				}
				return nil
			}),
		update: updated,
		updateChecks: attrChecks(addr, map[string]string{"name": "Support line (US)", "dnis.#": "130"},
			resource.TestCheckTypeSetElemAttr(addr, "dnis.*", "+13175550569"),
			resource.TestCheckResourceAttrPair(addr, "schedule_group_id", "genesyscloud_architect_schedulegroups.g", "id"),
			foundByName(typ, addr),
			st.updatedInPlace("IVR", addr)),
		// Drift: numbers and the schedule group are taken away in the org.
		editInOrg: func(id string) {
			editInOrg(o, ivrsPath, id, func(v *platform.IVR) {
				v.Dnis, v.ScheduleGroup = v.Dnis[:10], nil
			})
		},
		restored: inOrg(o, ivrsPath, addr, func(v platform.IVR) error {
			if len(v.Dnis) != 130 || v.ScheduleGroup == nil {
				return fmt.Errorf("org after apply: %d numbers, schedule group %v", len(v.Dnis), v.ScheduleGroup)
			}
			return nil
		}),
	})...)
}
