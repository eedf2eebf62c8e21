package provider

// deref reads an optional API field.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// ptr is the address of a copy of v, for optional API fields.
func ptr[T any](v T) *T { return &v }
