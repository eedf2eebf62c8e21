package orgserver

// queueRoutes registers this API group (to be written).
func (s *Server) queueRoutes() {}
