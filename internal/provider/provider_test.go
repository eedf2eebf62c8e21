package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// accOrg is one acceptance test's world: a fresh in-process local org, the provider
// configured against it through a gateway block, and an API client for setting up drift
// and confirming destroys behind the provider's back.
type accOrg struct {
	t    *testing.T
	ts   *orgserver.TestServer
	cred orgserver.Credential
	api  *platform.Client
}

// newAccOrg starts a local org for one test. Acceptance tests skip themselves (in
// resource.Test) unless TF_ACC is set, so this stays cheap for plain `go test`.
func newAccOrg(t *testing.T) *accOrg {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (and TF_ACC_TERRAFORM_PATH to an OpenTofu binary)")
	}
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	api, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	return &accOrg{t: t, ts: ts, cred: cred, api: api}
}

// factories serves the provider in-process over protocol 6.
func (o *accOrg) factories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"genesyscloud": NewServer("test"),
	}
}

// config prefixes HCL with a provider block that reaches the local org as a gateway.
func (o *accOrg) config(hcl string) string {
	u, err := url.Parse(o.ts.URL)
	if err != nil {
		o.t.Fatal(err)
	}
	return fmt.Sprintf(`
provider "genesyscloud" {
  oauthclient_id     = %q
  oauthclient_secret = %q
  gateway {
    host     = %q
    port     = %q
    protocol = "http"
  }
}
%s`, o.cred.ClientID, o.cred.ClientSecret, u.Hostname(), u.Port(), hcl)
}

// do calls the API directly; the test fails on an error.
func (o *accOrg) do(method, path string, body, out any) {
	o.t.Helper()
	if err := o.api.Do(context.Background(), method, path, nil, body, out); err != nil {
		o.t.Fatalf("%s %s: %v", method, path, err)
	}
}

// fieldAt reads one JSON field of the object at path (a user's or a group's setting) through
// the API.
func (o *accOrg) fieldAt(path, field string) any {
	o.t.Helper()
	var out map[string]any
	o.do(http.MethodGet, path, nil, &out)
	return out[field]
}

// gone reports whether GET path says the object no longer exists (404 or state "deleted").
func (o *accOrg) gone(path string) (bool, error) {
	var obj struct {
		State string `json:"state"`
	}
	err := o.api.Do(context.Background(), http.MethodGet, path, nil, nil, &obj)
	if platform.IsNotFound(err) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return obj.State == "deleted", nil
}

// expectGone fails unless the object at path is gone from the org.
func (o *accOrg) expectGone(path string) error {
	isGone, err := o.gone(path)
	if err != nil {
		return err
	}
	if !isGone {
		return fmt.Errorf("%s still exists", path)
	}
	return nil
}

// checkDestroyed is a CheckDestroy: every resource of type tfType left in state must be gone
// from the org (asked through the API, not the provider).
func (o *accOrg) checkDestroyed(tfType, apiPath string) func(*terraform.State) error {
	return o.checkEachInOrg(tfType, apiPath, true, "still exists after destroy")
}

// checkEachInOrg is a CheckDestroy over every resource of type tfType left in state: asked
// through the API, its object must be gone from the org (wantGone) or still there; otherwise
// the failure reads "<type> <id> <otherwise>".
func (o *accOrg) checkEachInOrg(tfType, apiPath string, wantGone bool, otherwise string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != tfType {
				continue
			}
			isGone, err := o.gone(itemPath(apiPath, rs.Primary.ID))
			if err != nil {
				return err
			}
			if isGone != wantGone {
				return fmt.Errorf("%s %s %s", tfType, rs.Primary.ID, otherwise)
			}
		}
		return nil
	}
}

// checkExists asserts, through the API, that the object behind a resource exists.
func (o *accOrg) checkExists(address, apiPath string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		isGone, err := o.gone(itemPath(apiPath, rs.Primary.ID))
		if err != nil {
			return err
		}
		if isGone {
			return fmt.Errorf("%s (%s) is not in the org", address, rs.Primary.ID)
		}
		return nil
	}
}

// idOf reads a resource's id from state (for PreConfig drift).
func idOf(s *terraform.State, address string) string {
	if rs, ok := s.RootModule().Resources[address]; ok {
		return rs.Primary.ID
	}
	return ""
}

// lastState captures the state after a step, for a later step's PreConfig.
type lastState struct{ s *terraform.State }

func (l *lastState) capture(s *terraform.State) error {
	l.s = s
	return nil
}

func (l *lastState) id(address string) string {
	if l.s == nil {
		return ""
	}
	return idOf(l.s, address)
}

// itemPath is the path of the object with the resource id id in the collection at apiPath:
// a child kind's collection (kinds.API.Parent) names its parent, which the id holds, and a
// kind with an item path (a flow's log level) keeps its objects there.
func itemPath(apiPath, id string) string {
	if k := kinds.Genesys().ByCollection(apiPath); k != nil && (k.API.Parent != "" || k.API.ItemPath != "") {
		return k.API.Item(id)
	}
	return apiPath + "/" + id
}
