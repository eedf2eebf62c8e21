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
	hooks       Hooks
}

// Hooks are what hand-written API groups tell the generic entity about their own objects,
// each keyed by catalogue name. They are tables, not code per generic kind: a generic kind
// reaches them only through its catalogue entry (Field.Within) or by being renamed and
// deleted.
type Hooks struct {
	// Contains reports whether a live object of the keyed kind contains value: a DID pool
	// holds a number. A field whose Within names the kind is checked by it.
	Contains map[string]func(tx *store.Tx, value string) bool
	// Renamed runs when an object of the keyed generic kind gets a new name, for
	// hand-written objects that keep a copy of it (a queue's wrap-up code list sorts by it).
	Renamed map[string]func(tx *store.Tx, id, name string)
	// Deleted runs when an object of the keyed generic kind is deleted, for hand-written
	// objects that link to it and go with it (a queue's wrap-up code assignment).
	Deleted map[string]func(tx *store.Tx, id string)
}

// NewSet is the generic entity for the catalogue, leaving alone the kinds in handWritten
// (catalogue name → the store kind their handlers keep objects under); hooks are the
// hand-written API groups' rules over generic objects (the zero Hooks: none).
func NewSet(handWritten map[string]store.Kind, hooks Hooks) *Set {
	return &Set{handWritten: handWritten, hooks: hooks}
}

// StoreKind is the store kind objects of a catalogue kind live under: the hand-written
// handler's for those kinds, the catalogue name for generic ones.
func (s *Set) StoreKind(name string) store.Kind {
	if k, ok := s.handWritten[name]; ok {
		return k
	}
	return store.Kind(name)
}

// Live is the live object (Live) with id of the catalogue kind named name, wherever the
// kind is stored: how a hand-written group finds a generic object it refers to.
func (s *Set) Live(tx *store.Tx, name, id string) *store.Object {
	return Live(tx, s.StoreKind(name), id)
}

// Generic lists the catalogue kinds the generic entity serves.
func (s *Set) Generic() []*kinds.Kind {
	return kinds.Genesys().Where(func(k *kinds.Kind) bool {
		_, handWritten := s.handWritten[k.Name]
		return k.Regular() && !handWritten
	})
}
