package orgserver

// wrapupCodeRoutes registers this API group (to be written).
func (s *Server) wrapupCodeRoutes() {}
