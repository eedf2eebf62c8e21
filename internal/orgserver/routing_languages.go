package orgserver

// languageRoutes registers this API group (to be written).
func (s *Server) languageRoutes() {}
