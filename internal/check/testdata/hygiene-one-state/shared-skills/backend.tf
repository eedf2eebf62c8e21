terraform {
  backend "remote" {
    organization = "contact-center"

    workspaces {
      name = "skills"
    }
  }
}
