# An outcome flows report when a caller's goal is met, e.g. a balance heard without an agent.
# The Platform API cannot delete outcomes: destroying this resource leaves the outcome in
# the org and stops managing it.
resource "genesyscloud_flow_outcome" "self_service_success" {
  name        = "Self-service success"
  description = "The caller finished without an agent"
}
