package provider

// directoryAccCases are the acceptance rows of the directory area's regular kinds
// (kinds/catalogue_directory.go); see kindAccCase.
var directoryAccCases = map[string]kindAccCase{
	"genesyscloud_team": {
		// Created without members (left to the org), then given two and a description.
		create: teamDeps + `resource "genesyscloud_team" "it" {
  name        = "Billing squad"
  division_id = data.genesyscloud_auth_division_home.home.id
}`,
		update: teamDeps + `resource "genesyscloud_team" "it" {
  name        = "Billing and payments squad"
  description = "Invoices and card payments"
  division_id = data.genesyscloud_auth_division_home.home.id
  member_ids  = [genesyscloud_user.ann.id, genesyscloud_user.bob.id]
}`,
		createChecks: map[string]string{"name": "Billing squad", "member_ids.#": "0"},
		updateChecks: map[string]string{"name": "Billing and payments squad", "description": "Invoices and card payments",
			"member_ids.#": "2"},
		driftPath: "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_location": {
		// Created with an address, then given notes, a parent location and an emergency
		// number (a PATCH with the version): the address stays one block.
		create: `resource "genesyscloud_location" "parent" {
  name = "Campus"
}
resource "genesyscloud_location" "it" {
  name = "Indianapolis HQ"
  address {
    street1  = "7601 Interactive Way"
    city     = "Indianapolis"
    state    = "IN"
    country  = "US"
    zip_code = "46278"
  }
}`,
		update: `resource "genesyscloud_location" "parent" {
  name = "Campus"
}
resource "genesyscloud_location" "it" {
  name  = "Indianapolis headquarters"
  notes = "Main building"
  path  = [genesyscloud_location.parent.id]
  address {
    street1  = "7601 Interactive Way"
    street2  = "Suite 100"
    city     = "Indianapolis"
    state    = "IN"
    country  = "US"
    zip_code = "46278"
  }
  emergency_number {
    number = "+13175550100"
  }
}`,
		createChecks: map[string]string{"name": "Indianapolis HQ", "address.#": "1", "address.0.city": "Indianapolis",
			"address.0.zip_code": "46278", "emergency_number.#": "0"},
		updateChecks: map[string]string{"name": "Indianapolis headquarters", "notes": "Main building", "path.#": "1",
			"address.0.street2": "Suite 100", "emergency_number.0.number": "+13175550100", "emergency_number.0.type": "default"},
		driftPath: "address.city", driftValue: "Carmel",
	},
}

// teamDeps are the division and users a team is made of.
const teamDeps = `data "genesyscloud_auth_division_home" "home" {}
resource "genesyscloud_user" "ann" {
  name  = "Ann Agent"
  email = "ann.team@example.com"
}
resource "genesyscloud_user" "bob" {
  name  = "Bob Agent"
  email = "bob.team@example.com"
}
`
