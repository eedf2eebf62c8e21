# Another project's team, found by its name.
data "genesyscloud_team" "billing" {
  name = "Billing squad"
}
