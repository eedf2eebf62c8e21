check {
  monolith_max_resources = 3
}
