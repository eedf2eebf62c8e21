environment "dev" {
  org = "local:dev"
}

environment "prod" {
  org          = "local:prod"
  promote_from = "dev"
}
