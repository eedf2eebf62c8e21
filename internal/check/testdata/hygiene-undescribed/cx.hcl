workspace {
  name = "hygiene-undescribed"
}
