# A trigger another project keeps, found by its name.
data "genesyscloud_processautomation_trigger" "chat_survey" {
  name = "Survey after chat"
}
