resource "genesyscloud_flow" "evacuation" {
  filepath = "${path.module}/evacuation.yaml"
}

resource "genesyscloud_architect_ivr" "support" {
  name = "Support line"
}

# Enable the group in an emergency: calls to the support line then go to the evacuation
# notice instead of the IVR's own flows.
resource "genesyscloud_architect_emergencygroup" "evacuation" {
  name        = "Building evacuation"
  description = "Turned on by the facilities team"
  enabled     = false
  emergency_call_flows {
    emergency_flow_id = genesyscloud_flow.evacuation.id
    ivr_ids           = [genesyscloud_architect_ivr.support.id]
  }
}
