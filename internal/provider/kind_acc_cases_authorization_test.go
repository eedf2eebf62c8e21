package provider

// authorizationAccCases are the acceptance rows of the authorization area's regular kinds
// (kinds/catalogue_authorization.go); see kindAccCase.
var authorizationAccCases = map[string]kindAccCase{
	"genesyscloud_oauth_client": {
		// A client-credentials client with a role in the home division, then described,
		// given a second role in another division and a shorter token life.
		create: oauthClientRoles + `resource "genesyscloud_oauth_client" "it" {
  name                  = "Wallboard"
  authorized_grant_type = "CLIENT-CREDENTIALS"
  roles {
    role_id = genesyscloud_auth_role.viewer.id
  }
}`,
		update: oauthClientRoles + `resource "genesyscloud_oauth_client" "it" {
  name                          = "Wallboard"
  description                   = "Reads queues for the wallboard"
  authorized_grant_type         = "CLIENT-CREDENTIALS"
  access_token_validity_seconds = 3600
  roles {
    role_id = genesyscloud_auth_role.viewer.id
  }
  roles {
    role_id     = genesyscloud_auth_role.reporter.id
    division_id = genesyscloud_auth_division.reports.id
  }
}`,
		createChecks: map[string]string{"name": "Wallboard", "state": "active", "access_token_validity_seconds": "86400", "roles.#": "1"},
		updateChecks: map[string]string{"description": "Reads queues for the wallboard", "access_token_validity_seconds": "3600",
			"roles.#": "2"},
		driftPath: "description", driftValue: "Edited in the UI",
	},
}

// oauthClientRoles are the roles the client is given.
const oauthClientRoles = `resource "genesyscloud_auth_division" "reports" {
  name = "Reports"
}
` + queueViewerRole + `resource "genesyscloud_auth_role" "reporter" {
  name = "Wrap-up reader"
  permission_policies {
    domain      = "routing"
    entity_name = "wrapupCode"
    action_set  = ["view"]
  }
}
`
