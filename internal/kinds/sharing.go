package kinds

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
