resource "genesyscloud_routing_skill" "a" {
  name = "A"
}
resource "genesyscloud_routing_skill" "b" { name = "B" }

resource "genesyscloud_routing_queue" "c" {
  name        = "C"
  description = "Queue C"
}
resource "genesyscloud_routing_queue" "d" {
  name        = "D"
  description = "Queue D"
}
