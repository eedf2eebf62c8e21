# A metric measured outside Genesys Cloud (here by the CRM) whose values are loaded for
# agents' scorecards. The unit cannot change once the definition exists.
resource "genesyscloud_employeeperformance_externalmetrics_definitions" "fcr" {
  name                   = "First contact resolution rate"
  unit                   = "Percent"
  precision              = 1
  default_objective_type = "HigherIsBetter"
  enabled                = true
}
