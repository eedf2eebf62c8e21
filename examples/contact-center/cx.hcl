# A decomposed contact center: shared projects own what every line uses (skills, languages,
# wrap-up codes, opening hours); each flow project owns one line (its queues, its Archy flow,
# its IVR and phone numbers) and names the shared objects it uses. cx infers the graph
# (flow-* → shared-*) from those names: `cx graph` prints it.
workspace {
  name = "contact-center"
}

# All three environments run on the embedded local org (`cx org status`); point one at a
# real org with org = "region:<aws region>" and credentials_env = { client_id, client_secret }.
environment "dev" {
  org = "local:dev"
}

environment "test" {
  org          = "local:test"
  promote_from = "dev"
}

environment "prod" {
  org          = "local:prod"
  protected    = true # deploys from CI only, or with --break-glass --reason "…"
  promote_from = "test"
}

projects {
  include = ["shared-*", "flow-*"]
}

state {
  backend = "local"
  path    = ".cx/state/{env}/{project}.tfstate"
}
