# Finds a script by its name: one another project uploads, or one of the default scripts
# every org has ("Default Inbound Script", "Default Outbound Script", "Default Callback Script").
data "genesyscloud_script" "default_outbound" {
  name = "Default Outbound Script"
}
