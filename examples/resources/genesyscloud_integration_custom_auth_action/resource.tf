# A web services integration that logs in to a CRM with its own OAuth flow: the credential of
# type userDefinedOAuth gives the integration a custom auth action, configured here to get a
# token from the CRM's login URL.
resource "genesyscloud_integration_credential" "crm_login" {
  name                 = "CRM OAuth client"
  credential_type_name = "userDefinedOAuth"
  fields = {
    clientId     = "cx-as-code"
    clientSecret = "change-me"
    loginUrl     = "https://crm.example.com/oauth/token"
  }
}

resource "genesyscloud_integration" "crm" {
  intended_state   = "ENABLED"
  integration_type = "custom-rest-actions"
  config {
    name        = "CRM actions"
    credentials = { userDefinedOAuth = genesyscloud_integration_credential.crm_login.id }
  }
}

resource "genesyscloud_integration_custom_auth_action" "crm_login" {
  integration_id = genesyscloud_integration.crm.id
  name           = "CRM login"

  config_request {
    request_url_template = "$${credentials.loginUrl}"
    request_type         = "POST"
    request_template     = "grant_type=client_credentials&client_id=$${credentials.clientId}&client_secret=$${credentials.clientSecret}"
    headers = {
      Content-Type = "application/x-www-form-urlencoded"
    }
  }

  config_response {
    translation_map = {
      token = "$.access_token"
    }
    success_template = "{\"token\": $${token}}"
  }
}
