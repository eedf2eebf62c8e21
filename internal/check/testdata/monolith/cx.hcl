workspace {
  name = "monolith"
}
