# Logs the notes of every execution of the support line's flow while a problem with it is
# being looked into; Base logs errors and warnings only, All everything, variables included.
resource "genesyscloud_flow" "support_line" {
  filepath = "${path.module}/support-line.yaml"
}

resource "genesyscloud_flow_loglevel" "support_line" {
  flow_id        = genesyscloud_flow.support_line.id
  flow_log_level = "Notes"
}
