// Package release records what was deployed where and guards going back to it: a release
// is a numbered entry in an environment's ledger (the commit, a git tag cx/<env>/<n> and a
// release note of what the apply added, changed and destroyed), and a rollback plans an
// older release's commit against the environment, refusing to destroy objects created since
// or objects whose loss loses data or breaks routing unless each is named.
//
// The ledger lives with the environment's state, not in the working tree, so a CI job whose
// checkout is thrown away after every run still finds it. Every file is written atomically;
// an apply marks itself started before it changes anything and clears the mark when it
// ends, so an apply killed half way leaves the mark and no ledger entry, and the next run
// says so.
package release

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
)

// Release is one entry of an environment's ledger.
type Release struct {
	Number int       `json:"number"`
	Env    string    `json:"env"`
	Tag    string    `json:"tag"`
	Commit string    `json:"commit"`
	Time   time.Time `json:"time"`
	// RollbackOf is the release whose commit this one deployed again (0: none): a rollback
	// is a new release going forward, history is never rewound.
	RollbackOf int `json:"rollbackOf,omitempty"`
	// Note is what the applies since the previous release changed.
	Note Note `json:"note"`
}

// Applied is one successful apply not yet released: its commit and its changes.
type Applied struct {
	Commit string    `json:"commit"`
	Time   time.Time `json:"time"`
	Note   Note      `json:"note"`
}

// Started is the mark of an apply in progress.
type Started struct {
	Commit string    `json:"commit"`
	Time   time.Time `json:"time"`
	PID    int       `json:"pid"`
	// Host is the machine the apply ran on: a ledger in a shared database is seen from others.
	Host string `json:"host,omitempty"`
}

// Ledger is an environment's releases and the applies since the last one, kept where the
// environment's state is (see ForEnv).
type Ledger struct {
	// Dir holds the ledger's files when Store is nil.
	Dir string
	Env string
	// Store keeps the ledger's documents (nil: files in Dir).
	Store Store
}

// ForEnv is the ledger of env in the workspace, kept with the environment's state: beside
// its local state files, in its PostgreSQL database for a pg state (ledger_store.go), or
// under the workspace's .cx for another remote backend (which it does not follow yet).
// Close it when done.
func ForEnv(ws *workspace.Workspace, env string) (*Ledger, error) {
	root, err := filepath.Abs(ws.Root)
	if err != nil {
		return nil, fmt.Errorf("workspace root %s: %w", ws.Root, err)
	}
	st := ws.Config.State
	if st.IsPostgres() {
		store, err := openPostgresStore(st, env)
		if err != nil {
			return nil, err
		}
		return &Ledger{Env: env, Store: store}, nil
	}
	_, settings := st.For(env, "")
	dir := tofu.Path(root, "releases", env)
	if st.IsLocal() {
		// The state path names each project's file; its directory is the environment's.
		dir = filepath.Dir(tofu.LocalStatePath(root, env, "", settings))
	}
	return &Ledger{Dir: dir, Env: env}, nil
}

// Close releases the store's connection, if it has one.
func (l *Ledger) Close() error {
	if c, ok := l.Store.(interface{ Close() error }); ok {
		return c.Close()
	}
	return nil
}

func (l *Ledger) store() Store {
	if l.Store != nil {
		return l.Store
	}
	return fileStore{dir: l.Dir, env: l.Env}
}

func (l *Ledger) path(what string) string { return fileStore{dir: l.Dir, env: l.Env}.path(what) }

// Releases lists the releases, oldest first.
func (l *Ledger) Releases() ([]Release, error) {
	var rs []Release
	return rs, l.read("releases", &rs)
}

// Pending lists the successful applies since the last release, oldest first.
func (l *Ledger) Pending() ([]Applied, error) {
	var as []Applied
	return as, l.read("applied", &as)
}

// Unfinished returns the mark of an apply that started and never ended (killed), or nil.
func (l *Ledger) Unfinished() (*Started, error) {
	var s *Started
	return s, l.read("apply-started", &s)
}

// RefuseUnfinished is UnfinishedError when an apply never ended, else nil (or the error
// reading the mark): nothing is released or rolled back over an unknown state.
func (l *Ledger) RefuseUnfinished() error {
	s, err := l.Unfinished()
	if err != nil || s == nil {
		return err
	}
	return UnfinishedError(l.Env, s)
}

// MarkStarted records that an apply of commit starts now.
func (l *Ledger) MarkStarted(commit string) error {
	host, _ := os.Hostname()
	return l.write("apply-started", Started{Commit: commit, Time: time.Now().UTC(), PID: os.Getpid(), Host: host})
}

// ClearStarted removes the mark once the apply ended, failed or not.
func (l *Ledger) ClearStarted() error {
	if err := l.store().Delete("apply-started"); err != nil {
		return fmt.Errorf("clear the apply mark: %w", err)
	}
	return nil
}

// RecordApplied adds a successful apply to the pending ones.
func (l *Ledger) RecordApplied(a Applied) error {
	pending, err := l.Pending()
	if err != nil {
		return err
	}
	return l.write("applied", append(pending, a))
}

// ErrUnfinished says an apply was killed; nothing is released until one finishes.
var ErrUnfinished = errors.New("an apply did not finish")

// Describe says which apply the mark is of.
func (s *Started) Describe(env string) string {
	who := fmt.Sprintf("pid %d", s.PID)
	if s.Host != "" {
		who += " on " + s.Host
	}
	return fmt.Sprintf("the apply of commit %s to %s started %s (%s) never ended", short(s.Commit), env, s.Time.Format(time.RFC3339), who)
}

// UnfinishedError describes the mark left by a killed apply and what to do.
func UnfinishedError(env string, s *Started) error {
	return fmt.Errorf("%w: %s, so its changes are unknown; run cx apply --env %s again to finish it, then release",
		ErrUnfinished, s.Describe(env), env)
}

// Append records a new release from the pending applies (cleared) and returns it: the
// commit of the last of them, which tag marks in git once the number is known, before the
// ledger is written. rollbackOf is the release a rollback deployed again (0: none).
func (l *Ledger) Append(rollbackOf int, tag func(name, commit string) error) (*Release, error) {
	if err := l.RefuseUnfinished(); err != nil {
		return nil, err
	}
	releases, err := l.Releases()
	if err != nil {
		return nil, err
	}
	pending, err := l.Pending()
	if err != nil {
		return nil, err
	}
	if len(pending) == 0 {
		return nil, fmt.Errorf("nothing was applied to %s since the last release: cx apply --env %s first (or cx apply --release)", l.Env, l.Env)
	}
	commit := pending[len(pending)-1].Commit
	if commit == "" {
		return nil, fmt.Errorf("the last apply to %s was not of a git commit: commit the workspace, apply it and release again", l.Env)
	}
	r := Release{Number: 1, Env: l.Env, Commit: commit, Time: time.Now().UTC(), RollbackOf: rollbackOf}
	if n := len(releases); n > 0 {
		r.Number = releases[n-1].Number + 1
	}
	r.Tag = TagName(l.Env, r.Number)
	var notes []Note
	for _, a := range pending {
		notes = append(notes, a.Note)
	}
	r.Note = MergeNotes(notes...)
	if tag != nil {
		if err := tag(r.Tag, r.Commit); err != nil {
			return nil, err
		}
	}
	if err := l.write("releases", append(releases, r)); err != nil {
		return nil, err
	}
	// A crash here leaves the pending applies, which the next release takes again: the
	// note repeats, nothing is lost.
	if err := l.store().Delete("applied"); err != nil {
		return nil, fmt.Errorf("clear the released applies: %w", err)
	}
	return &r, nil
}

// Find returns the release named by ref: its number ("3") or its tag ("cx/prod/3").
func Find(releases []Release, env, ref string) (*Release, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(ref, "cx/"+env+"/"))
	if err == nil {
		for i := range releases {
			if releases[i].Number == n {
				return &releases[i], nil
			}
		}
	}
	return nil, fmt.Errorf("%s has no release %q (cx releases --env %s lists them)", env, ref, env)
}

// TagName is the git tag of release n of env.
func TagName(env string, n int) string { return fmt.Sprintf("cx/%s/%d", env, n) }

func (l *Ledger) read(what string, v any) error {
	b, err := l.store().Get(what)
	if err != nil {
		return fmt.Errorf("read the %s ledger: %w", l.Env, err)
	}
	if b == nil {
		return nil
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("read the %s ledger's %s: %w", l.Env, what, err)
	}
	return nil
}

func (l *Ledger) write(what string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := l.store().Put(what, append(b, '\n')); err != nil {
		return fmt.Errorf("write the %s ledger: %w", l.Env, err)
	}
	return nil
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}
