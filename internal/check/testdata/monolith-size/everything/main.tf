resource "genesyscloud_routing_skill" "a" {
  name = "A"
}
resource "genesyscloud_routing_skill" "b" {
  name = "B"
}
resource "genesyscloud_routing_queue" "c" {
  name = "C"
}
resource "genesyscloud_routing_queue" "d" {
  name = "D"
}
