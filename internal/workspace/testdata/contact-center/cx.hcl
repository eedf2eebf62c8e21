workspace {
  name = "contact-center"
}

environment "dev" {
  org = "local:dev"
}

environment "prod" {
  org = "region:us-east-1"
  credentials_env = {
    client_id     = "PROD_CLIENT_ID"
    client_secret = "PROD_CLIENT_SECRET"
  }
  protected    = true
  promote_from = "test"
}

environment "test" {
  org          = "local:test"
  promote_from = "dev"
}

projects {
  include = ["shared-*", "flow-*"]
}

state {
  backend = "local"
  path    = ".cx/state/{env}/{project}.tfstate"
}
