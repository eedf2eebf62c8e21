# A client another project manages, found by its name.
data "genesyscloud_oauth_client" "wallboard" {
  name = "Wallboard service"
}
