package backport

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A hand-made email domain is adopted from its catalogue fields; a Genesys-hosted subdomain
// is written as the label the configuration names, without the org's mail domain.
func TestEmailDomainAdoption(t *testing.T) {
	t.Parallel()
	m, ok := mapperFor("genesyscloud_routing_email_domain")
	if !ok {
		t.Fatal("genesyscloud_routing_email_domain has no mapper")
	}
	for _, tc := range []struct {
		obj  string
		want []attribute
	}{
		{`{"id":"support.example.com","name":"support.example.com","subDomain":false,"mailFromSettings":{"mailFromDomain":"mail.support.example.com"}}`,
			[]attribute{{name: "domain_id", value: "support.example.com"}, {name: "mail_from_domain", value: "mail.support.example.com"}}},
		{`{"id":"acme.mypurecloud.com","name":"acme.mypurecloud.com","subDomain":true}`,
			[]attribute{{name: "domain_id", value: "acme"}, {name: "subdomain", value: true}}},
	} {
		got := m.attrs(decodeObject(t, tc.obj))
		if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(attribute{})); diff != "" {
			t.Errorf("%s: attributes (-want +got):\n%s", tc.obj, diff)
		}
	}
}
