package store

import (
	"context"
	"sort"
)

// ChangeCheck vets one change a transaction is about to commit: before is the object as
// committed (nil when the transaction creates it), after the object written (nil when the
// transaction deletes it). A non-nil error aborts the transaction; nothing is written.
//
// The server above the store puts a check in the request's context (WithChangeCheck) so
// that a rule about every write — such as "only into divisions the caller holds the
// permission in" — sits in one place instead of in every handler.
type ChangeCheck func(before, after *Object) error

type changeCheckKey struct{}

// WithChangeCheck is ctx carrying check; Update runs it on every change of a transaction
// begun with that ctx.
func WithChangeCheck(ctx context.Context, check ChangeCheck) context.Context {
	return context.WithValue(ctx, changeCheckKey{}, check)
}

// checkChanges runs the ctx's check, if any, on the transaction's changes in a fixed
// order (kind, then id), so that the same request always fails the same way.
func (tx *Tx) checkChanges(ctx context.Context) error {
	check, _ := ctx.Value(changeCheckKey{}).(ChangeCheck)
	if check == nil || tx.org == nil {
		return nil
	}
	type change struct {
		kind Kind
		id   string
	}
	var changes []change
	for kind, ids := range tx.deletes {
		for id := range ids {
			changes = append(changes, change{kind, id})
		}
	}
	for kind, m := range tx.puts {
		for id := range m {
			if !tx.deletes[kind][id] {
				changes = append(changes, change{kind, id})
			}
		}
	}
	sort.Slice(changes, func(i, j int) bool {
		if changes[i].kind != changes[j].kind {
			return changes[i].kind < changes[j].kind
		}
		return changes[i].id < changes[j].id
	})
	for _, c := range changes {
		before := tx.org.objects[c.kind][c.id]
		after := tx.puts[c.kind][c.id]
		if tx.deletes[c.kind][c.id] {
			after = nil
		}
		if err := check(before, after); err != nil {
			return err
		}
	}
	return nil
}
