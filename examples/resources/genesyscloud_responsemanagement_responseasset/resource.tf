# The company logo that canned email responses show. The file is uploaded when the asset is
# made; editing it later uploads a new asset (its hash is part of the plan).
resource "genesyscloud_responsemanagement_responseasset" "logo" {
  filename = "logo.svg"
}

# The same file under another name, kept in a division of its own.
resource "genesyscloud_auth_division" "marketing" {
  name = "Marketing"
}

resource "genesyscloud_responsemanagement_responseasset" "marketing_logo" {
  filename    = "logo.svg"
  name        = "marketing-logo.svg"
  division_id = genesyscloud_auth_division.marketing.id
}
