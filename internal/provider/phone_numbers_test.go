package provider

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{
		"+13175550123": "+13175550123", "3175550123": "+13175550123", "317-555-0123": "+13175550123",
		"(317) 555.0123": "+13175550123", "1 317 555 0123": "+13175550123", "+442071234567": "+442071234567",
		"0175550123": "", "12345": "", "317555012x": "", "": "", "2071234567890": "",
	} {
		got, _, ok := normalizePhone(in)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("normalizePhone(%q) = %q, want %q", in, got, want)
		}
	}
	if got := phoneAsWritten("+13175550123", []string{"+15550000000", "317-555-0123"}); got != "317-555-0123" {
		t.Errorf("phoneAsWritten kept %q, want the configured text", got)
	}
	if got := phoneAsWritten("+13175550199", []string{"317-555-0123"}); got != "+13175550199" {
		t.Errorf("phoneAsWritten of another number = %q, want the API's", got)
	}
}

// A blueprint-style user with a phone number written without "+" applies (with a warning),
// the org holds the E.164 form, and the plan stays empty; a number that means nothing is
// still refused at plan time.
func TestAccUserPhoneNumberWithoutPlus(t *testing.T) {
	o := newAccOrg(t)
	user := func(number string) string {
		return o.config(fmt.Sprintf(`
resource "genesyscloud_user" "u" {
  email = "bea@example.com"
  name  = "Bea Blueprint"
  addresses {
    phone_numbers {
      number     = %q
      media_type = "PHONE"
      type       = "WORK"
    }
  }
}
`, number))
	}
	o.test(o.checkDestroyed("genesyscloud_user", usersPath),
		planFails(user("555-01"), outputRegexp(`must be an E.164 number such as +13175550123`)),
		resource.TestStep{
			Config: user("317-555-0123"),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("genesyscloud_user.u", "addresses.0.phone_numbers.0.number", "317-555-0123"),
				func(s *terraform.State) error {
					var u platform.User
					if err := o.api.Do(context.Background(), http.MethodGet, usersPath+"/"+idOf(s, "genesyscloud_user.u"), nil, nil, &u); err != nil {
						return err
					}
					for _, c := range u.Addresses {
						if deref(c.MediaType) == "PHONE" && deref(c.Address) == "+13175550123" {
							return nil
						}
					}
					return fmt.Errorf("the org holds %+v, want the number in E.164 (+13175550123)", u.Addresses)
				},
			),
		},
		resource.TestStep{Config: user("317-555-0123"), PlanOnly: true},
	)
}
