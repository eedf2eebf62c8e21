resource "genesyscloud_location" "indianapolis" {
  name = "Indianapolis office"
  address {
    street1  = "7601 Interactive Way"
    city     = "Indianapolis"
    state    = "IN"
    country  = "US"
    zip_code = "46278"
  }
}

resource "genesyscloud_telephony_providers_edges_site" "indianapolis" {
  name                            = "Indianapolis"
  description                     = "Cloud media for the Indianapolis office"
  location_id                     = genesyscloud_location.indianapolis.id
  media_model                     = "Cloud"
  media_regions_use_latency_based = false
  caller_id                       = "+13175550100"
  caller_name                     = "Support line"

  # Edges may update on Sunday nights, office time.
  edge_auto_update_config {
    time_zone = "America/Indianapolis"
    rrule     = "FREQ=WEEKLY;BYDAY=SU"
    start     = "2026-01-04T01:00:00.000000"
    end       = "2026-01-04T05:00:00.000000"
  }
}
