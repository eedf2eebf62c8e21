package orgserver

import (
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/store"
)

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

// queueWrapupCodeLinks lists the queue assignments of one wrap-up code.
func queueWrapupCodeLinks(tx *store.Tx, codeID string) []*store.Object {
	var out []*store.Object
	for _, c := range tx.List(kindQueueWrapupCode, "*") {
		if strings.HasSuffix(c.ID, "/"+codeID) {
			out = append(out, c)
		}
	}
	return out
}

// renameQueueWrapupCodeLinks gives a renamed code's queue assignments its new name, by which
// queue code lists sort (the child keeps it as its index name).
func renameQueueWrapupCodeLinks(tx *store.Tx, codeID, name string) {
	for _, c := range queueWrapupCodeLinks(tx, codeID) {
		tx.Put(&store.Object{Kind: c.Kind, ID: c.ID, Parent: c.Parent, Name: name, Data: c.Data})
	}
}

// deleteQueueWrapupCodeLinks drops a deleted code from every queue's code list: deleting a
// code that queues use is allowed (the contract names no conflict for it).
func deleteQueueWrapupCodeLinks(tx *store.Tx, codeID string) {
	for _, c := range queueWrapupCodeLinks(tx, codeID) {
		tx.Delete(c.Kind, c.ID)
	}
}

// ivrSpec names IVRs for the DID listing, which says which IVR owns a number.
func ivrSpec() versionedSpec {
	return versionedSpec{kind: kindIVR, service: "Architect", entityType: "IVR", noun: "IVR", path: "/api/v2/architect/ivrs"}
}
