package store

import (
	"context"
	"fmt"
)

// What a speculative plan needs from the store: a throwaway copy of an org that plans can
// change freely, and a way to drop it again without a trace.

// CopyObjectsFrom writes every object of org from into the transaction's org, with the same
// kinds, ids, parents and timestamps: a state file that records ids of the source org then
// reads the copy as it reads the source. Objects are shared, not duplicated, since no
// writer changes an Object in place.
func (tx *Tx) CopyObjectsFrom(from string) error {
	src := tx.s.orgs[from] // Update holds the store's lock
	if src == nil {
		return fmt.Errorf("%w: %s", ErrNoOrg, from)
	}
	if tx.org == nil {
		return fmt.Errorf("copy org %s: the transaction has no org to copy into", from)
	}
	for kind, objs := range src.objects {
		if tx.puts[kind] == nil {
			tx.puts[kind] = map[string]*Object{}
		}
		for id, o := range objs {
			tx.puts[kind][id] = o
		}
	}
	return nil
}

// DeleteOrg removes an org with its clients, objects and audit log; its clients' tokens
// stop working at once, since every request looks its client up.
func (s *Store) DeleteOrg(ctx context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.orgs[id] == nil {
		return fmt.Errorf("%w: %s", ErrNoOrg, id)
	}
	if s.db != nil {
		if err := s.deleteOrgRows(ctx, id); err != nil {
			return fmt.Errorf("delete org %s: %w", id, err)
		}
	}
	delete(s.orgs, id)
	for cid, c := range s.clients {
		if c.OrgID == id {
			delete(s.clients, cid)
		}
	}
	return nil
}

func (s *Store) deleteOrgRows(ctx context.Context, id string) error {
	dbtx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer dbtx.Rollback() //nolint:errcheck // no-op after Commit
	for _, stmt := range []string{
		`DELETE FROM objects WHERE org = ?`, `DELETE FROM audit WHERE org = ?`,
		`DELETE FROM clients WHERE org = ?`, `DELETE FROM orgs WHERE id = ?`,
	} {
		if _, err := dbtx.ExecContext(ctx, stmt, id); err != nil {
			return err
		}
	}
	return dbtx.Commit()
}
