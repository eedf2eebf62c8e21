# The login a web services data action integration uses to call the CRM. The org never
# answers the fields: they are kept as configured, so pass them in from a secret store.
variable "crm_password" {
  type      = string
  sensitive = true
  default   = "change me"
}

resource "genesyscloud_integration_credential" "crm" {
  name                 = "CRM service login"
  credential_type_name = "basicAuth"
  fields = {
    userName = "crm-bot"
    password = var.crm_password
  }
}
