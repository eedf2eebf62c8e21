# The street address registered with an SMS number, as carriers require for business
# texting. There is no update: changing any field provisions a new address.
resource "genesyscloud_routing_sms_address" "head_office" {
  name                 = "Head office"
  street               = "1 Main Street"
  city                 = "Springfield"
  region               = "IL"
  postal_code          = "62701"
  country_code         = "US"
  auto_correct_address = false
}
