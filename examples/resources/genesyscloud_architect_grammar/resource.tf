# A grammar an IVR's speech recognition can use, e.g. to hear account numbers. Its language
# files are managed separately (genesyscloud_architect_grammar_language in the official provider).
resource "genesyscloud_architect_grammar" "account_numbers" {
  name        = "Account numbers"
  description = "Digits callers say to identify themselves"
}
