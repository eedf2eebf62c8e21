// Command terraform-provider-genesyscloud is the cxascode OpenTofu/Terraform provider plugin.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/cxascode/cxascode/internal/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
)

// version is set at link time (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	debug := flag.Bool("debug", false, "run with support for debuggers (prints TF_REATTACH_PROVIDERS)")
	flag.Parse()
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/mypurecloud/genesyscloud",
		Debug:   *debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
