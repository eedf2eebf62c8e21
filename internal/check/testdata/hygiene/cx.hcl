workspace {}
