package entity

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Set is the generic entity over the catalogue: it serves every regular kind that no
// hand-written handler serves, and knows where each catalogue kind's objects are stored so
// that references to hand-written kinds (a queue, a division) resolve too.
type Set struct {
	handWritten map[string]store.Kind
}

// NewSet is the generic entity for the catalogue, leaving alone the kinds in handWritten
// (catalogue name → the store kind their handlers keep objects under).
func NewSet(handWritten map[string]store.Kind) *Set {
	return &Set{handWritten: handWritten}
}

// StoreKind is the store kind objects of a catalogue kind live under: the hand-written
// handler's for those kinds, the catalogue name for generic ones.
func (s *Set) StoreKind(name string) store.Kind {
	if k, ok := s.handWritten[name]; ok {
		return k
	}
	return store.Kind(name)
}

// Generic lists the catalogue kinds the generic entity serves.
func (s *Set) Generic() []*kinds.Kind {
	return kinds.Genesys().Where(func(k *kinds.Kind) bool {
		_, handWritten := s.handWritten[k.Name]
		return k.Regular() && !handWritten
	})
}
