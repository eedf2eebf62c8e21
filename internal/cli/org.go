package cli

import "github.com/spf13/cobra"

func newOrgCommand() *cobra.Command {
	org := &cobra.Command{
		Use:   "org",
		Short: "Run and manage the local Genesys Cloud org",
		Long: `The local org is a Genesys Cloud Platform API v2 server for the objects cxascode covers.
It hosts several orgs (dev, test, prod) in one process, keeps them in a SQLite file under
the data directory, records an audit log, and can inject faults for testing clients.`,
	}
	org.AddCommand(newOrgServeCommand())
	org.AddCommand(newOrgStatusCommand(), newOrgStopCommand(), newOrgSeedCommand())
	return org
}
