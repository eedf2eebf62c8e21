# The script agents follow on renewal calls, exported from the script editor and kept in
# git. {{company}} is filled in from substitutions before the upload; the script's own
# variables ({{Scripter.Customer Name}}) stay as they are. Editing the file uploads it again.
resource "genesyscloud_script" "renewal_offer" {
  filepath    = "outbound-offer.json"
  script_name = "Renewal offer"
  substitutions = {
    company = "Acme Insurance"
  }
}
