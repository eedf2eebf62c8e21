environment "dev-eu" {
  org = "local:dev"
}

environment "prod-eu" {
  org          = "local:prod"
  protected    = true
  promote_from = "dev-eu"
}
