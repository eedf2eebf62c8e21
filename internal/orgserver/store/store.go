// Package store keeps the local org's data: every org's objects, OAuth clients, audit log
// and settings, in memory for reads and written through to SQLite in one transaction per
// change. It knows nothing of HTTP or of the API's rules; the server above it does.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/safefile"
	_ "modernc.org/sqlite" // pure-Go SQLite driver: no cgo on users' machines
)

// Kind names a collection of objects inside one org, e.g. "routing.queue".
type Kind string

// Object is one stored entity: its JSON exactly as the API returns it, plus the few
// fields the store indexes. Data is never mutated in place; writers replace it.
type Object struct {
	Kind     Kind
	ID       string
	Parent   string // owning object for child collections (queue members, user skills); "" otherwise
	Name     string
	Created  time.Time
	Modified time.Time
	Data     []byte
}

// OrgInfo is an organization hosted by the server.
type OrgInfo struct {
	ID   string
	Name string
}

// ClientInfo is an OAuth client; the secret is kept only as a salted hash.
type ClientInfo struct {
	ID         string
	OrgID      string
	Name       string
	Role       string // RoleAdmin, RoleReadOnly or RoleGranted
	Salt       string
	SecretHash string
}

// Roles a client can have: what it may do besides the roles granted to it as a subject.
const (
	// RoleAdmin holds every permission in every division, as the admin role (*:*:*) granted
	// over all divisions.
	RoleAdmin = "admin"
	// RoleReadOnly holds every view permission (*:*:view) in every division.
	RoleReadOnly = "readonly"
	// RoleGranted is a client that holds only the roles granted to it as a subject
	// (authorization grants whose subject is the client), in the divisions granted.
	RoleGranted = "granted"
)

type orgState struct {
	info    OrgInfo
	objects map[Kind]map[string]*Object
	// sorted holds each kind's objects in List order, built by the first List after a
	// commit that wrote the kind (which drops the entry): sorting every kind's objects on
	// every list request was a third of a list's cost. Readers fill it under Store.sortedMu
	// while sharing Store.mu; writers, holding Store.mu alone, change it freely.
	sorted map[Kind][]*Object
	audit  [][]byte // AuditLogMessage JSON, oldest first
}

// Store keeps every org in memory for fast reads and, when it has a data directory,
// writes each change through to SQLite in one transaction before it becomes visible.
// Writes are serialized; reads run concurrently with each other.
type Store struct {
	db   *sql.DB
	lock *safefile.Lock // the data directory's, held while the store is open
	mu   sync.RWMutex
	// sortedMu guards orgState.sorted among readers holding mu.RLock.
	sortedMu sync.Mutex
	orgs     map[string]*orgState // by org id
	clients  map[string]*ClientInfo
	meta     map[string]string
	now      func() time.Time
}

const schema = `
CREATE TABLE IF NOT EXISTS orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clients (id TEXT PRIMARY KEY, org TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, salt TEXT NOT NULL, secret_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS objects (org TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, parent TEXT NOT NULL, name TEXT NOT NULL,
  created INTEGER NOT NULL, modified INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (org, kind, id));
CREATE TABLE IF NOT EXISTS audit (org TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (org, seq));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`

// OpenStore opens the store in dir (creating it), or an in-memory store when dir is "".
func Open(dir string) (*Store, error) {
	s := &Store{orgs: map[string]*orgState{}, clients: map[string]*ClientInfo{}, meta: map[string]string{}, now: func() time.Time { return time.Now().UTC() }}
	if dir == "" {
		return s, nil
	}
	lock, err := lockDataDir(dir)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "org.db")
	// The database holds the token-signing and admin keys: only its owner may read it,
	// whatever the umask, and whether or not the file existed before.
	if f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600); err == nil {
		f.Close()
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		lock.Unlock()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		lock.Unlock()
		return nil, fmt.Errorf("init %s: %w", path, err)
	}
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(f, 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
			db.Close()
			lock.Unlock()
			return nil, fmt.Errorf("make %s private: %w", f, err)
		}
	}
	s.db, s.lock = db, lock
	if err := s.load(); err != nil {
		s.Close()
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return s, nil
}

// lockDataDir makes dir private (0700: the database inside holds the keys that sign every
// token) and takes its lock for this process: two servers on one data directory would
// overwrite each other's credentials and then fail writes, so the second refuses to start
// and names the process holding it.
func lockDataDir(dir string) (*safefile.Lock, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, fmt.Errorf("make data dir %s private: %w", dir, err)
	}
	lock, err := safefile.AcquireLock(context.Background(), filepath.Join(dir, "server.lock"),
		safefile.LockOptions{Command: "local org server", Timeout: -1})
	if le := (*safefile.LockedError)(nil); errors.As(err, &le) {
		return nil, fmt.Errorf("data directory %s is in use by %s: stop that server first, or use another --data-dir", dir, le.Holder)
	}
	if err != nil {
		return nil, fmt.Errorf("lock data dir: %w", err)
	}
	return lock, nil
}

func (s *Store) load() error {
	rows, err := s.db.Query(`SELECT id, name FROM orgs`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var o OrgInfo
		if err := rows.Scan(&o.ID, &o.Name); err != nil {
			rows.Close()
			return err
		}
		s.orgs[o.ID] = newOrgState(o)
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT id, org, name, role, salt, secret_hash FROM clients`)
	if err != nil {
		return err
	}
	for rows.Next() {
		c := &ClientInfo{}
		if err := rows.Scan(&c.ID, &c.OrgID, &c.Name, &c.Role, &c.Salt, &c.SecretHash); err != nil {
			rows.Close()
			return err
		}
		s.clients[c.ID] = c
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT org, kind, id, parent, name, created, modified, data FROM objects`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var org string
		var created, modified int64
		o := &Object{}
		if err := rows.Scan(&org, &o.Kind, &o.ID, &o.Parent, &o.Name, &created, &modified, &o.Data); err != nil {
			rows.Close()
			return err
		}
		o.Created, o.Modified = time.UnixMilli(created).UTC(), time.UnixMilli(modified).UTC()
		if st := s.orgs[org]; st != nil {
			st.put(o)
		}
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT org, data FROM audit ORDER BY org, seq`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var org string
		var data []byte
		if err := rows.Scan(&org, &data); err != nil {
			rows.Close()
			return err
		}
		if st := s.orgs[org]; st != nil {
			st.audit = append(st.audit, data)
		}
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT key, value FROM meta`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		s.meta[k] = v
	}
	return rows.Err()
}

func newOrgState(o OrgInfo) *orgState {
	return &orgState{info: o, objects: map[Kind]map[string]*Object{}, sorted: map[Kind][]*Object{}}
}

// put and remove change an org's objects; the caller holds Store.mu for writing.
func (st *orgState) put(o *Object) {
	m := st.objects[o.Kind]
	if m == nil {
		m = map[string]*Object{}
		st.objects[o.Kind] = m
	}
	m[o.ID] = o
	delete(st.sorted, o.Kind)
}

func (st *orgState) remove(kind Kind, id string) {
	delete(st.objects[kind], id)
	delete(st.sorted, kind)
}

// Now is the store's clock (UTC); transactions stamp their writes with it.
func (s *Store) Now() time.Time { return s.now() }

// Close closes the database.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.lock.Unlock()
	return err
}

// Get returns one object, or nil.
func (s *Store) Get(org string, kind Kind, id string) *Object {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := s.orgs[org]
	if st == nil {
		return nil
	}
	return st.objects[kind][id]
}

// List returns the objects of a kind (with the given parent when parent != "*"),
// sorted by name then id. The slice is the caller's; the objects are shared and read-only.
func (s *Store) List(org string, kind Kind, parent string) []*Object {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := s.orgs[org]
	if st == nil {
		return nil
	}
	all := s.sortedLocked(st, kind)
	out := make([]*Object, 0, len(all))
	for _, o := range all {
		if parent == "*" || o.Parent == parent {
			out = append(out, o)
		}
	}
	return out
}

// sortedLocked is every object of kind in st in List order, shared and read-only; the
// caller holds s.mu (for reading suffices).
func (s *Store) sortedLocked(st *orgState, kind Kind) []*Object {
	s.sortedMu.Lock()
	defer s.sortedMu.Unlock()
	if l, ok := st.sorted[kind]; ok {
		return l
	}
	l := listLocked(st.objects[kind], "*")
	st.sorted[kind] = l
	return l
}

func listLocked(m map[string]*Object, parent string) []*Object {
	out := make([]*Object, 0, len(m))
	for _, o := range m {
		if parent == "*" || o.Parent == parent {
			out = append(out, o)
		}
	}
	sortObjects(out)
	return out
}

// sortObjects sorts by lower-cased name, then id. The lower-cased names are computed once,
// not twice per comparison.
func sortObjects(out []*Object) {
	type keyed struct {
		name string
		o    *Object
	}
	keys := make([]keyed, len(out))
	for i, o := range out {
		keys[i] = keyed{strings.ToLower(o.Name), o}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.o.ID, b.o.ID)
	})
	for i, k := range keys {
		out[i] = k.o
	}
}

// Org returns an org's info.
func (s *Store) Org(id string) (OrgInfo, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := s.orgs[id]
	if st == nil {
		return OrgInfo{}, false
	}
	return st.info, true
}

// Orgs lists the hosted orgs by name.
func (s *Store) Orgs() []OrgInfo {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]OrgInfo, 0, len(s.orgs))
	for _, st := range s.orgs {
		out = append(out, st.info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Client returns an OAuth client by id.
func (s *Store) Client(id string) (ClientInfo, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c := s.clients[id]
	if c == nil {
		return ClientInfo{}, false
	}
	return *c, true
}

// Clients lists every client, ordered by org then name.
func (s *Store) Clients() []ClientInfo {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]ClientInfo, 0, len(s.clients))
	for _, c := range s.clients {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].OrgID != out[j].OrgID {
			return out[i].OrgID < out[j].OrgID
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Meta returns a server setting stored with the data (e.g. the token signing key).
func (s *Store) Meta(key string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.meta[key]
}

// AuditLog returns an org's audit messages (JSON), oldest first.
func (s *Store) AuditLog(org string) [][]byte {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := s.orgs[org]
	if st == nil {
		return nil
	}
	return append([][]byte(nil), st.audit...)
}
