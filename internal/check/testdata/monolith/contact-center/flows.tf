resource "genesyscloud_flow" "billing" {
  filepath = "${path.module}/flows/billing.yaml"
}

resource "genesyscloud_flow" "sales" {
  filepath = "${path.module}/flows/sales.yaml"
}
