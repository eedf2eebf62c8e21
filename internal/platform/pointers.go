package platform

// Ptr returns a pointer to v, for filling the generated models' optional fields.
func Ptr[T any](v T) *T { return &v }
