# A supported content profile another project keeps, found by its name.
data "genesyscloud_conversations_messaging_supportedcontent" "pictures" {
  name = "Pictures and documents"
}
