resource "genesyscloud_location" "campus" {
  name  = "Indianapolis campus"
  notes = "All buildings on the north side"
}

# A building on the campus: path lists its ancestor locations. The emergency number is what
# emergency services see for calls from phones at this location.
resource "genesyscloud_location" "hq" {
  name  = "Indianapolis HQ"
  notes = "Main building"
  path  = [genesyscloud_location.campus.id]
  address {
    street1  = "7601 Interactive Way"
    city     = "Indianapolis"
    state    = "IN"
    country  = "US"
    zip_code = "46278"
  }
  emergency_number {
    number = "+13175550100"
    type   = "default"
  }
}
