package configscan

import "testing"

func TestFindEnvValue(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		kind EnvValueKind
		want string
	}{
		{"+13175551000", EnvPhone, "+13175551000"},
		{"tel:+13175551000", EnvPhone, "+13175551000"},
		{"ann.lee@example.com", EnvEmail, "ann.lee@example.com"},
		{"https://api.example.com/v1/orders?id=${input.id}", EnvURL, "https://api.example.com/v1/orders?id="},
		{"call https://x.example.com/a.", EnvURL, "https://x.example.com/a"},
		{"Billing Payments", "", ""},
		{"1234567", "", ""},
	} {
		v, ok := FindEnvValue(c.in)
		if ok != (c.kind != "") || v.Kind != c.kind || v.Value != c.want {
			t.Errorf("FindEnvValue(%q) = %+v, %v; want %s %q", c.in, v, ok, c.kind, c.want)
		}
	}
}

func TestIsIdentityAttribute(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		typ, attr string
		want      bool
	}{
		{"genesyscloud_user", "email", true},
		{"genesyscloud_user", "name", true},
		{"genesyscloud_user", "title", false},
		{"genesyscloud_routing_queue", "name", true},
		{"genesyscloud_routing_wrapupcode", "name", true},
		{"genesyscloud_architect_ivr", "dnis", false},
		{"genesyscloud_nothing", "name", false},
	} {
		if got := IsIdentityAttribute(c.typ, c.attr); got != c.want {
			t.Errorf("IsIdentityAttribute(%s, %s) = %v", c.typ, c.attr, got)
		}
	}
}
