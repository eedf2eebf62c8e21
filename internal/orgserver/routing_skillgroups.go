package orgserver

// skillGroupRoutes registers this API group (to be written).
func (s *Server) skillGroupRoutes() {}
