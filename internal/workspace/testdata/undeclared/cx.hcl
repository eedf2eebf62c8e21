project "flow-x" {
  depends_on = ["shared-y"]
}
