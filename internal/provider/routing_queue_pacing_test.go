package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// pacing_modifier takes decimals, as the official provider's number does and the API's
// CallbackMediaSettings.pacingModifier stores: 1.5 is sent, kept and read back unchanged.
func TestAccRoutingQueuePacingModifierDecimal(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_routing_queue.q"
	queue := func(pacing string) string {
		return o.config(`
resource "genesyscloud_routing_queue" "q" {
  name = "Callbacks"
  media_settings_callback {
    mode            = "CustomerFirst"
    pacing_modifier = ` + pacing + `
  }
}
`)
	}
	inOrg := func(want float64) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			q, err := queueAPI(o.api).get(t.Context(), idOf(s, addr))
			if err != nil {
				return err
			}
			if q == nil || q.MediaSettings == nil || q.MediaSettings.Callback == nil || deref(q.MediaSettings.Callback.PacingModifier) != want {
				return fmt.Errorf("pacingModifier in the org is not %v: %+v", want, q)
			}
			return nil
		}
	}
	o.test(o.checkDestroyed("genesyscloud_routing_queue", queuesPath),
		resource.TestStep{Config: queue("1.5"), Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(addr, "media_settings_callback.0.pacing_modifier", "1.5"), inOrg(1.5))},
		resource.TestStep{Config: queue("2.25"), Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(addr, "media_settings_callback.0.pacing_modifier", "2.25"), inOrg(2.25))},
	)
}
