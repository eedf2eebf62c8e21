# Reads the queues project's state instead of naming the queue.
data "terraform_remote_state" "queues" {
  backend = "local"
  config = {
    path = "../queues.tfstate"
  }
}
