variable "language" {
  type = string
}

data "genesyscloud_routing_wrapupcode" "resolved" {
  name = "Resolved"
}

data "genesyscloud_routing_language" "lang" {
  name = var.language
}
