package orgserver

// auditRoutes registers this API group (to be written).
func (s *Server) auditRoutes() {}
