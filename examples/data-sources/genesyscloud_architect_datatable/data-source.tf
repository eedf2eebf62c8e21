# Finds a data table another project owns by its name, e.g. to give its id to a row.
data "genesyscloud_architect_datatable" "postcode_regions" {
  name = "Postcode regions"
}
