package orgserver

// Helpers the hand-written API groups share that once lived beside the kinds now served by
// the generic entity (entity_routes.go).

// languageSelfURI is the selfUri of a routing language, which user routing answers.
func languageSelfURI(id string) string { return "/api/v2/routing/languages/" + id }
