// Command cx is the cxascode CLI: the DevOps layer over OpenTofu for Genesys Cloud
// configuration, and the local org (`cx org serve`).
package main

import (
	"os"

	"github.com/cxascode/cxascode/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) }
