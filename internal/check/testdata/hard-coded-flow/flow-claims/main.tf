resource "genesyscloud_flow" "claims" {
  filepath = "${path.module}/flows/claims.yaml"
}
