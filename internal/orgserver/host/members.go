package host

import "encoding/json"

// MemberRef is how a membership (a group's or team's user) is stored and audited.
type MemberRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// MemberValues are the audit record's values of changed memberships: each one's JSON.
func MemberValues(ms []MemberRef) []string {
	out := []string{}
	for _, m := range ms {
		b, _ := json.Marshal(m)
		out = append(out, string(b))
	}
	return out
}
