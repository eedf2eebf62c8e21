# Rows of a lookup table a flow reads by the caller's postcode. key_value fills the table's
# "key" column; properties_json holds the other columns, each of the type the table gives it.
resource "genesyscloud_architect_datatable" "postcode_regions" {
  name = "Postcode regions"

  properties {
    name = "key"
    type = "string"
  }
  properties {
    name = "region"
    type = "string"
  }
  properties {
    name = "agents"
    type = "integer"
  }
}

resource "genesyscloud_architect_datatable_row" "indianapolis" {
  datatable_id = genesyscloud_architect_datatable.postcode_regions.id
  key_value    = "46278"
  properties_json = jsonencode({
    region = "Midwest"
    agents = 12
  })
}
