package orgserver

// userRoutes registers this API group (to be written).
func (s *Server) userRoutes() {}
