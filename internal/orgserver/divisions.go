package orgserver

// divisionRoutes registers this API group (to be written).
func (s *Server) divisionRoutes() {}
