package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Tx is a write transaction on one org. Reads through a Tx see its own pending writes.
type Tx struct {
	s       *Store
	org     *orgState
	now     time.Time
	puts    map[Kind]map[string]*Object
	deletes map[Kind]map[string]bool
	audit   [][]byte
	newOrgs []*orgState
	clients []*ClientInfo
	meta    map[string]string
	// clearAudit drops the org's audit log (org reset).
	clearAudit bool
}

// ErrNoOrg is returned by Update for an org the server does not host.
var ErrNoOrg = errors.New("no such org")

// Update runs fn as one transaction on org. Nothing fn wrote is visible to readers or
// persisted unless fn returns nil and the commit succeeds.
func (s *Store) Update(ctx context.Context, org string, fn func(tx *Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	st := s.orgs[org]
	if st == nil && org != "" {
		return fmt.Errorf("%w: %s", ErrNoOrg, org)
	}
	tx := &Tx{s: s, org: st, now: s.now(), puts: map[Kind]map[string]*Object{}, deletes: map[Kind]map[string]bool{}, meta: map[string]string{}}
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.checkChanges(ctx); err != nil {
		return err
	}
	return s.commit(ctx, tx)
}

func (s *Store) commit(ctx context.Context, tx *Tx) error {
	if s.db != nil {
		if err := s.persist(ctx, tx); err != nil {
			return fmt.Errorf("persist: %w", err)
		}
	}
	for _, st := range tx.newOrgs {
		s.orgs[st.info.ID] = st
	}
	for _, c := range tx.clients {
		s.clients[c.ID] = c
	}
	for k, v := range tx.meta {
		s.meta[k] = v
	}
	if st := tx.org; st != nil {
		for kind, ids := range tx.deletes {
			for id := range ids {
				st.remove(kind, id)
			}
		}
		for _, m := range tx.puts {
			for _, o := range m {
				st.put(o)
			}
		}
		if tx.clearAudit {
			st.audit = nil
		}
		st.audit = append(st.audit, tx.audit...)
	}
	return nil
}

func (s *Store) persist(ctx context.Context, tx *Tx) error {
	dbtx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer dbtx.Rollback() //nolint:errcheck // no-op after Commit
	for _, st := range tx.newOrgs {
		if _, err := dbtx.Exec(`INSERT INTO orgs (id, name) VALUES (?, ?)`, st.info.ID, st.info.Name); err != nil {
			return err
		}
	}
	for _, c := range tx.clients {
		if _, err := dbtx.Exec(`INSERT OR REPLACE INTO clients (id, org, name, role, salt, secret_hash) VALUES (?, ?, ?, ?, ?, ?)`,
			c.ID, c.OrgID, c.Name, c.Role, c.Salt, c.SecretHash); err != nil {
			return err
		}
	}
	for k, v := range tx.meta {
		if _, err := dbtx.Exec(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, k, v); err != nil {
			return err
		}
	}
	if tx.org != nil {
		org := tx.org.info.ID
		for kind, ids := range tx.deletes {
			for id := range ids {
				if _, err := dbtx.Exec(`DELETE FROM objects WHERE org = ? AND kind = ? AND id = ?`, org, string(kind), id); err != nil {
					return err
				}
			}
		}
		for _, m := range tx.puts {
			for _, o := range m {
				if _, err := dbtx.Exec(`INSERT OR REPLACE INTO objects (org, kind, id, parent, name, created, modified, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
					org, string(o.Kind), o.ID, o.Parent, o.Name, o.Created.UnixMilli(), o.Modified.UnixMilli(), o.Data); err != nil {
					return err
				}
			}
		}
		seq := len(tx.org.audit)
		if tx.clearAudit {
			if _, err := dbtx.Exec(`DELETE FROM audit WHERE org = ?`, org); err != nil {
				return err
			}
			seq = 0
		}
		for _, a := range tx.audit {
			seq++
			if _, err := dbtx.Exec(`INSERT INTO audit (org, seq, data) VALUES (?, ?, ?)`, org, seq, a); err != nil {
				return err
			}
		}
	}
	return dbtx.Commit()
}

// Now is the transaction's timestamp; every object it writes carries it.
func (tx *Tx) Now() time.Time { return tx.now }

// OrgID is the id of the org the transaction writes to.
func (tx *Tx) OrgID() string {
	if tx.org == nil {
		return ""
	}
	return tx.org.info.ID
}

// Get returns an object as the transaction sees it, or nil.
func (tx *Tx) Get(kind Kind, id string) *Object {
	if tx.deletes[kind][id] {
		return nil
	}
	if o := tx.puts[kind][id]; o != nil {
		return o
	}
	if tx.org == nil {
		return nil
	}
	return tx.org.objects[kind][id]
}

// List returns the objects of a kind with the given parent ("*" = any) as the transaction sees them.
func (tx *Tx) List(kind Kind, parent string) []*Object {
	merged := map[string]*Object{}
	if tx.org != nil {
		for id, o := range tx.org.objects[kind] {
			merged[id] = o
		}
	}
	for id, o := range tx.puts[kind] {
		merged[id] = o
	}
	for id := range tx.deletes[kind] {
		delete(merged, id)
	}
	return listLocked(merged, parent)
}

// FindByName returns the object of a kind whose name equals name, ignoring case, or nil.
func (tx *Tx) FindByName(kind Kind, parent, name string) *Object {
	for _, o := range tx.List(kind, parent) {
		if strings.EqualFold(o.Name, name) {
			return o
		}
	}
	return nil
}

// Put stores an object. Created is kept from an existing object; Modified is set to Now.
func (tx *Tx) Put(o *Object) {
	if old := tx.Get(o.Kind, o.ID); old != nil {
		o.Created = old.Created
	} else if o.Created.IsZero() {
		o.Created = tx.now
	}
	o.Modified = tx.now
	if tx.puts[o.Kind] == nil {
		tx.puts[o.Kind] = map[string]*Object{}
	}
	tx.puts[o.Kind][o.ID] = o
	delete(tx.deletes[o.Kind], o.ID)
}

// Delete removes an object.
func (tx *Tx) Delete(kind Kind, id string) {
	delete(tx.puts[kind], id)
	if tx.deletes[kind] == nil {
		tx.deletes[kind] = map[string]bool{}
	}
	tx.deletes[kind][id] = true
}

// Kinds lists the kinds the org holds committed objects of, in name order.
func (tx *Tx) Kinds() []Kind {
	if tx.org == nil {
		return nil
	}
	out := make([]Kind, 0, len(tx.org.objects))
	for k := range tx.org.objects {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Client returns an OAuth client, or nil. Update holds the store's lock, so the client
// table is read directly rather than through Store.Client (which would deadlock).
func (tx *Tx) Client(id string) *ClientInfo { return tx.s.clients[id] }

// ClearAudit drops the org's audit log when the transaction commits (org reset); audit
// records appended by the same transaction are kept.
func (tx *Tx) ClearAudit() { tx.clearAudit = true }

// AppendAudit records one AuditLogMessage (JSON) with the transaction.
func (tx *Tx) AppendAudit(msg []byte) { tx.audit = append(tx.audit, msg) }

// CreateOrg adds an org; used by seeding. In a transaction without an org (Update with
// org ""), the new org becomes the transaction's org, so that its objects are written in
// the same transaction and an org never exists half-seeded.
func (tx *Tx) CreateOrg(o OrgInfo) {
	st := newOrgState(o)
	tx.newOrgs = append(tx.newOrgs, st)
	if tx.org == nil {
		tx.org = st
	}
}

// OrgNameTaken reports whether an org of that name exists or is being created by tx.
func (tx *Tx) OrgNameTaken(name string) bool {
	for _, st := range tx.s.orgs { // Update holds the store's lock
		if st.info.Name == name {
			return true
		}
	}
	for _, st := range tx.newOrgs {
		if st.info.Name == name {
			return true
		}
	}
	return false
}

// PutClient adds or replaces an OAuth client; used by seeding.
func (tx *Tx) PutClient(c ClientInfo) { tx.clients = append(tx.clients, &c) }

// SetMeta stores a server setting.
func (tx *Tx) SetMeta(key, value string) { tx.meta[key] = value }
