# A milestone flows report when a caller reaches a point worth counting, e.g. being
# identified, so analytics show how far callers get through self-service.
resource "genesyscloud_flow_milestone" "caller_identified" {
  name        = "Caller identified"
  description = "The caller's account is known"
}
