# The languages a grammar understands, one resource per language code. (Uploading the
# language's voice and DTMF grammar files is not supported by cxascode yet.)
resource "genesyscloud_architect_grammar" "account_numbers" {
  name        = "Account numbers"
  description = "Digits callers say to identify themselves"
}

resource "genesyscloud_architect_grammar_language" "english" {
  grammar_id = genesyscloud_architect_grammar.account_numbers.id
  language   = "en-us"
}

resource "genesyscloud_architect_grammar_language" "spanish" {
  grammar_id = genesyscloud_architect_grammar.account_numbers.id
  language   = "es-us"
}
