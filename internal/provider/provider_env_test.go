package provider

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestWithEnvIsTheProvidersEnvironment hosts the provider in process as cx export does: its
// credentials, endpoint and switches come from the lookup it is given, not from the process
// environment; an imported user's personal settings stay unread (unmanaged, user_read.go).
func TestWithEnvIsTheProvidersEnvironment(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	u, _ := url.Parse(ts.URL)
	env := map[string]string{envClientID: cred.ClientID, envClientSecret: cred.ClientSecret, envGatewayHost: u.Hostname(),
		envGatewayPort: u.Port(), envGatewayProtocol: "http"}
	api, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var user platform.User
	if err := api.Do(ctx, http.MethodPost, "/api/v2/users", nil, platform.CreateUser{Name: ptr("Agent"), Email: ptr("agent@example.com")}, &user); err != nil {
		t.Fatal(err)
	}

	server := providerserver.NewProtocol6(New("test", WithEnv(func(name string) (string, bool) {
		v, ok := env[name]
		return v, ok
	}))())()
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	ty := schemas.Provider.Block.ValueType().(tftypes.Object)
	nulls := map[string]tftypes.Value{}
	for name, at := range ty.AttributeTypes {
		nulls[name] = tftypes.NewValue(at, nil)
	}
	config, err := tfprotov6.NewDynamicValue(ty, tftypes.NewValue(ty, nulls))
	if err != nil {
		t.Fatal(err)
	}
	conf, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &config})
	if err != nil || len(conf.Diagnostics) > 0 {
		t.Fatalf("configure with the environment handed over: %v %+v", err, conf.Diagnostics)
	}
	imp, err := server.ImportResourceState(ctx, &tfprotov6.ImportResourceStateRequest{TypeName: "genesyscloud_user", ID: deref(user.ID)})
	if err != nil || len(imp.Diagnostics) > 0 {
		t.Fatalf("import the user: %v %+v", err, imp.Diagnostics)
	}
	read, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "genesyscloud_user", CurrentState: imp.ImportedResources[0].State})
	if err != nil || len(read.Diagnostics) > 0 {
		t.Fatalf("read the user: %v %+v", err, read.Diagnostics)
	}
	state, err := read.NewState.Unmarshal(schemas.ResourceSchemas["genesyscloud_user"].ValueType())
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]tftypes.Value
	if err := state.As(&attrs); err != nil {
		t.Fatal(err)
	}
	var email string
	if err := attrs["email"].As(&email); err != nil || email != "agent@example.com" {
		t.Errorf("the user read: email %q (%v)", email, err)
	}
	for _, name := range []string{"voicemail_userpolicies", "routing_utilization"} {
		if !attrs[name].IsNull() {
			t.Errorf("%s = %s; want null: an import leaves the user's settings unread", name, attrs[name])
		}
	}
}
