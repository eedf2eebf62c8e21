package export

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// A resource's phone numbers and URLs become variables with their values in the tfvars; its
// name, its description and object keys stay as they are.
func TestParameteriseResource(t *testing.T) {
	src := `resource "genesyscloud_architect_ivr" "billing" {
  name        = "Billing +13175551000"
  description = "Call +13175551000"
  dnis        = ["+13175551001", "+13175551002"]
  other       = jsonencode({ "https://k.example.com" = "https://v.example.com/x" })
  nested {
    again = "+13175551001"
  }
}
`
	f, diags := hclwrite.ParseConfig([]byte(src), "x.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	e := newEnvVars()
	blk := f.Body().Blocks()[0]
	e.parameterise(blk.Labels()[0], blk.Labels()[1], blk.Body(), true)
	got := string(hclwrite.Format(f.Bytes()))
	for _, want := range []string{`name        = "Billing +13175551000"`, `description = "Call +13175551000"`,
		`dnis        = [var.billing_dnis, var.billing_dnis_2]`, `"https://k.example.com" = var.billing_other`, `again = var.billing_dnis`} {
		if !strings.Contains(got, want) {
			t.Errorf("want %s in\n%s", want, got)
		}
	}
	variables, tfvars := e.files("dev")
	if !strings.Contains(string(variables), `variable "billing_other"`) || !strings.Contains(string(tfvars), `billing_dnis_2 = "+13175551002"`) ||
		!strings.Contains(string(tfvars), `billing_other  = "https://v.example.com/x"`) {
		t.Errorf("variables:\n%s\ntfvars:\n%s", variables, tfvars)
	}
}

// A flow's environment-specific values go behind placeholders; substituting them back gives
// the flow the org has.
func TestParameteriseFlow(t *testing.T) {
	src := `inboundCall:
  name: Claims IVR
  division: Home
  startUpRef: "/inboundCall/menus/menu[Main_10]"
  defaultLanguage: en-us
  initialGreeting:
    tts: Thank you for calling. Write to claims@example.com or visit https://claims.example.com.
  menus:
    - menu:
        name: Main
        refId: Main_10
        audio:
          tts: Or call tel:+13175550100 any time, tel:+13175550100.
          extra: "Or tel:+13175550199 'now'"
        choices:
          - menuDisconnect:
              name: Bye
              dtmf: digit_9
`
	s := parameteriseFlow("claims_ivr", []byte(src))
	if len(s.values) != 4 || s.values["claims_ivr_phone_2"] != "+13175550199" || s.values["claims_ivr_phone_1"] != "+13175550100" || s.values["claims_ivr_email_1"] != "claims@example.com" {
		t.Fatalf("values %v\n%s", s.values, s.yaml)
	}
	if strings.Contains(string(s.yaml), "+1317") || strings.Contains(string(s.yaml), "https://") {
		t.Errorf("values stayed in the YAML:\n%s", s.yaml)
	}
	back, unresolved := archy.Substitute(s.yaml, s.values)
	if len(unresolved) > 0 || !sameFlow([]byte(src), back) {
		t.Errorf("substituted back, the flow differs:\n%s", back)
	}
	if plain := parameteriseFlow("x", []byte("inboundCall:\n  name: X\n")); plain.values != nil {
		t.Errorf("a flow without such values got %v", plain.values)
	}
}
