resource "genesyscloud_auth_division" "support" {
  name        = "Support"
  description = "Queues, wrap-up codes and agents of the support team"
}
