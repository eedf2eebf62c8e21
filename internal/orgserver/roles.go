package orgserver

// roleRoutes registers this API group (to be written).
func (s *Server) roleRoutes() {}

// seedRoles adds the built-in roles every org has.
func seedRoles(tx *Tx) error { return nil }
