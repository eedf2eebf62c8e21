# What each wrap-up code tells the dialer about a contact. There is one mapping per org: codes
# not listed get the default set, and destroying the resource leaves the mapping as it is (the
# API cannot delete it).
resource "genesyscloud_routing_wrapupcode" "sale" {
  name = "Sale made"
}

resource "genesyscloud_routing_wrapupcode" "do_not_call" {
  name = "Do not call"
}

resource "genesyscloud_outbound_wrapupcodemappings" "org" {
  default_set = ["Right_Party_Contact"]

  mappings {
    wrapup_code_id = genesyscloud_routing_wrapupcode.sale.id
    flags          = ["Business_Success", "Right_Party_Contact"]
  }
  mappings {
    wrapup_code_id = genesyscloud_routing_wrapupcode.do_not_call.id
    flags          = ["Contact_UnCallable"]
  }
}
