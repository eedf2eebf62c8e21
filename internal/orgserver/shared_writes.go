package orgserver

// Helpers the hand-written API groups share that once lived beside the kinds now served by
// the generic entity (entity_routes.go).

// languageSelfURI is the selfUri of a routing language, which user routing answers.
func languageSelfURI(id string) string { return "/api/v2/routing/languages/" + id }

// skillSelfURI is the selfUri of a routing skill, which queues and user routing answer.
func skillSelfURI(id string) string { return "/api/v2/routing/skills/" + id }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}
