package kinds

import "strings"

// Sharing is where a layout of projects puts objects of a kind: cx export's split of an org
// and cx check's monolith split read it, so that what export writes is what check expects.
type Sharing int

const (
	// FollowsUser: an object only one flow uses belongs in that flow's project (its queues,
	// IVR, data tables); one several flows use, in a shared project of its area. The zero
	// value.
	FollowsUser Sharing = iota
	// Vocabulary: the org-wide words every line speaks in (skills, languages, wrap-up codes,
	// opening hours) stay in a shared project even while one flow uses them: agents, reports
	// and the next flow use them too.
	Vocabulary
	// WithItsParts: an object built of vocabulary (a schedule group of shared schedules) stays
	// beside its parts, in a shared project, so that one change to them (a new holiday) is one
	// project's change; built of nothing shared, it follows its user.
	WithItsParts
	// People: users, groups and permissions, which belong to the organisation rather than a
	// line, are shared together in one project of their own.
	People
)

// StaysShared reports whether a layout keeps an object of the kind in a shared project even
// while one flow uses it, given the kinds of the objects it refers to (nil entries are
// objects outside the catalogue).
func (k *Kind) StaysShared(refersTo []*Kind) bool {
	switch k.Sharing {
	case Vocabulary:
		return true
	case WithItsParts:
		for _, part := range refersTo {
			if part != nil && part.Sharing == Vocabulary {
				return true
			}
		}
	}
	return false
}

// SharedProject is the shared project a layout puts an object of the kind in when no flow's
// project keeps it: the vocabulary's own project (SharedHome: shared-skills,
// shared-wrapupcodes, shared-schedules), people for People, else its API area's
// (shared-routing; a flow's kinds in shared-architect, integrations in shared-integrations).
// cx export writes these projects and cx check's monolith split suggests them, so an
// exported org is laid out the way the check recommends.
func (k *Kind) SharedProject() string {
	switch {
	case k.SharedHome != "":
		return k.SharedHome
	case k.Sharing == People:
		return "people"
	}
	return AreaProject(k.Resource)
}

// AreaProject is the shared project of a resource type's API area ("genesyscloud_routing_queue"
// → "shared-routing"), also for types outside the catalogue.
func AreaProject(resourceType string) string {
	area, _, _ := strings.Cut(strings.TrimPrefix(resourceType, "genesyscloud_"), "_")
	switch area {
	case "flow":
		area = "architect" // a flow's milestones, outcomes and log levels
	case "integration":
		area = "integrations"
	}
	return "shared-" + area
}
