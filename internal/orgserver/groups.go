package orgserver

// groupRoutes registers this API group (to be written).
func (s *Server) groupRoutes() {}
