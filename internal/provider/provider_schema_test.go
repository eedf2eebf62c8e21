package provider

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// TestProviderSchema serves the provider as OpenTofu would and checks that every schema is
// valid and the type names are the official provider's.
func TestProviderSchema(t *testing.T) {
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Errorf("schema diagnostic: %s: %s", d.Summary, d.Detail)
	}
	wantResources := []string{"genesyscloud_auth_division", "genesyscloud_routing_language", "genesyscloud_routing_skill", "genesyscloud_routing_wrapupcode", "genesyscloud_routing_queue"}
	wantDataSources := []string{"genesyscloud_auth_division", "genesyscloud_auth_division_home", "genesyscloud_organizations_me",
		"genesyscloud_routing_language", "genesyscloud_routing_skill", "genesyscloud_routing_wrapupcode", "genesyscloud_routing_queue"}
	for _, name := range wantResources {
		if _, ok := resp.ResourceSchemas[name]; !ok {
			t.Errorf("resource %s missing", name)
		}
	}
	for _, name := range wantDataSources {
		if _, ok := resp.DataSourceSchemas[name]; !ok {
			t.Errorf("data source %s missing", name)
		}
	}
	var attrs []string
	for _, a := range resp.Provider.Block.Attributes {
		attrs = append(attrs, a.Name)
		if (a.Name == "oauthclient_secret" || a.Name == "access_token") && !a.Sensitive {
			t.Errorf("%s must be sensitive", a.Name)
		}
	}
	for _, b := range resp.Provider.Block.BlockTypes {
		attrs = append(attrs, b.TypeName)
	}
	for _, want := range []string{"oauthclient_id", "oauthclient_secret", "access_token", "aws_region", "sdk_debug", "sdk_debug_format",
		"sdk_debug_file_path", "sdk_client_pool_debug", "token_pool_size", "token_acquire_timeout", "token_init_timeout",
		"max_concurrent_pages", "custom_retry_timeout", "log_stack_traces", "log_stack_traces_file_path", "proxy", "gateway"} {
		if !slices.Contains(attrs, want) {
			t.Errorf("provider attribute %s missing", want)
		}
	}
}
