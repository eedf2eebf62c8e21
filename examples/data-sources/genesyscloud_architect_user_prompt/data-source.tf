# Finds a prompt another project owns by its name, e.g. to give its id to a queue's
# on-hold prompt.
data "genesyscloud_architect_user_prompt" "support_greeting" {
  name = "Support_greeting"
}
