package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccRenames renames one object of each kind whose rename the official provider decides
// one way or the other, and checks the plan does what the official schema does: an IVR, a
// skill and a language are replaced (their name is ForceNew), a queue, a wrap-up code and a
// schedule are renamed in place. The IVR's numbers, unique in the org, pass to its
// replacement because the old one is destroyed first.
func TestAccRenames(t *testing.T) {
	for _, tc := range []struct {
		typ, apiPath string
		body         string // the rest of the resource block, after name
		extra        string // other resources the block needs
		replaced     bool
	}{
		{typ: "genesyscloud_architect_ivr", apiPath: ivrsPath, replaced: true, extra: ivrPool,
			body: `  dnis       = ["+13175550100", "+13175550101"]
  depends_on = [genesyscloud_telephony_providers_edges_did_pool.p]`},
		{typ: "genesyscloud_routing_skill", apiPath: skillsPath, replaced: true},
		{typ: "genesyscloud_routing_language", apiPath: languagesPath, replaced: true},
		{typ: "genesyscloud_routing_queue", apiPath: queuesPath},
		{typ: "genesyscloud_routing_wrapupcode", apiPath: wrapupcodesAPIPath},
		{typ: "genesyscloud_architect_schedules", apiPath: schedulesPath,
			body: `  start = "2026-01-05T08:00:00.000000"
  end   = "2026-01-05T17:00:00.000000"`},
	} {
		t.Run(tc.typ, func(t *testing.T) {
			o := newAccOrg(t)
			addr := tc.typ + ".r"
			named := func(name string) string {
				return o.config(fmt.Sprintf("%s\nresource %q \"r\" {\n  name = %q\n%s\n}\n", tc.extra, tc.typ, name, tc.body))
			}
			action, kept := plancheck.ResourceActionUpdate, "renamed in place"
			if tc.replaced {
				action, kept = plancheck.ResourceActionDestroyBeforeCreate, "replaced"
			}
			var st lastState
			o.test(o.checkDestroyed(tc.typ, tc.apiPath),
				resource.TestStep{Config: named("Tier 1"), Check: st.capture},
				resource.TestStep{
					Config:           named("Tier 2"),
					ConfigPlanChecks: expectAction(addr, action),
					Check: func(s *terraform.State) error {
						oldID, newID := st.id(addr), idOf(s, addr)
						if tc.replaced != (oldID != newID) {
							return fmt.Errorf("%s: id %s → %s, want it %s", tc.typ, oldID, newID, kept)
						}
						var obj struct {
							Name *string `json:"name"`
						}
						if err := o.api.Do(t.Context(), http.MethodGet, tc.apiPath+"/"+newID, nil, nil, &obj); err != nil {
							return err
						}
						if deref(obj.Name) != "Tier 2" {
							return fmt.Errorf("%s in the org is named %q", tc.typ, deref(obj.Name))
						}
						if tc.replaced {
							return o.expectGone(tc.apiPath + "/" + oldID)
						}
						return nil
					},
				},
			)
		})
	}
}
