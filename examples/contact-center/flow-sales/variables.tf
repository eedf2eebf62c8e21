# Phone numbers differ per environment (and per line): env/<env>.tfvars sets them.

variable "did_pool_start" {
  description = "First number of the Sales line's DID pool (E.164)"
  type        = string
}

variable "did_pool_end" {
  description = "Last number of the Sales line's DID pool (E.164)"
  type        = string
}

variable "ivr_dnis" {
  description = "The numbers callers dial to reach the Sales line; each inside the pool"
  type        = list(string)
}
