# A lookup table a flow reads by the caller's postcode: which region serves it, whether the
# region's office is open and how many agents it staffs. Every table has the string column
# "key", which holds each row's key.
resource "genesyscloud_architect_datatable" "postcode_regions" {
  name        = "Postcode regions"
  description = "Routes callers to their regional team"

  properties {
    name  = "key"
    type  = "string"
    title = "Postcode"
  }
  properties {
    name    = "region"
    type    = "string"
    default = "central"
  }
  properties {
    name    = "office_open"
    type    = "boolean"
    default = "true"
  }
  properties {
    name  = "agents"
    type  = "integer"
    title = "Agents on shift"
  }
}
