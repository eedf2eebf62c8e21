# No tests/*.cxtest.hcl beside this flow.
resource "genesyscloud_flow" "claims" {
  filepath = "${path.module}/flows/claims.yaml"
}
