package runner

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/cxascode/cxascode/internal/pgstate"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/tofu"
	tfjson "github.com/hashicorp/terraform-json"
)

// FindByName returns the id of the live object of a resource type named name in the
// environment's org, or "" when there is none (or the type has no unique name).
type FindByName func(ctx context.Context, resourceType, name string) (id string, err error)

// An apply marks its project "applying" before OpenTofu starts and clears the mark when
// OpenTofu returns, failed or not. A mark found by the next apply means the last one was
// killed (kill -9, a lost machine) before it could finish. OpenTofu keeps a local state in
// memory and writes it at most every 20 seconds during an apply (TF_STATE_PERSIST_INTERVAL
// cannot go lower), and a kill skips the write it makes when interrupted, so objects the
// killed apply created may be in the org and missing from the state: planned for creation
// again, where names are unique the org refuses them (409) and the project never converges.

// applyMarks keep the "applying" marks of one environment: files under .cx for a local
// state; for a pg state, rows in its database (the ledger's table), so the next apply from
// any checkout — a CI job's fresh one — finds the mark a killed apply left.
type applyMarks struct {
	root, env string
	db        *sql.DB // nil: files
}

func marksOf(e *tofu.Environment, env string) applyMarks {
	return applyMarks{root: e.Root(), env: env, db: e.SharedState()}
}

// applyingMark is the file marking the project's apply as running.
func applyingMark(root, env, project string) string {
	return filepath.Join(tofu.Path(root, "runs", env), project+".applying")
}

// markDocument is the mark's name among the environment's documents in the database.
func markDocument(project string) string { return "applying/" + project }

func (m applyMarks) mark(ctx context.Context, project string) error {
	if m.db != nil {
		host, _ := os.Hostname()
		b, _ := json.Marshal(map[string]any{"pid": os.Getpid(), "host": host, "since": time.Now().UTC()})
		return pgstate.PutDocument(ctx, m.db, m.env, markDocument(project), b)
	}
	p := applyingMark(m.root, m.env, project)
	if err := tofu.MkdirPrivate(filepath.Dir(p)); err != nil {
		return err
	}
	return safefile.WriteFileAtomic(p, []byte("cx apply running; removed when it ends\n"), 0o600)
}

// clear removes the mark; it runs once OpenTofu has returned, so even when the apply's
// context was cancelled.
func (m applyMarks) clear(ctx context.Context, project string) {
	if m.db != nil {
		pgstate.DeleteDocument(context.WithoutCancel(ctx), m.db, m.env, markDocument(project)) //nolint:errcheck // a mark left behind costs one adoption check
		return
	}
	os.Remove(applyingMark(m.root, m.env, project))
}

func (m applyMarks) interrupted(ctx context.Context, project string) bool {
	if m.db != nil {
		_, err := pgstate.GetDocument(ctx, m.db, m.env, markDocument(project))
		return !errors.Is(err, pgstate.ErrNotFound) // an unreadable mark is taken as there
	}
	_, err := os.Stat(applyingMark(m.root, m.env, project))
	return !errors.Is(err, fs.ErrNotExist)
}

// adoptOrphans imports into state the objects an interrupted apply created but did not
// record: each resource the plan would create whose unique name an object in the org
// already holds. It runs only after an interrupted apply of this very project, so it never
// takes over objects someone else made under a declared name on an ordinary run.
func (pr *projectRun) adoptOrphans(ctx context.Context, session *tofu.Session, plan *tofu.SavedPlan) (int, error) {
	shown, err := session.ShowPlan(ctx, plan)
	if err != nil {
		return 0, fmt.Errorf("read plan: %w", err)
	}
	adopted := 0
	for _, rc := range shown.ResourceChanges {
		if rc.Mode != tfjson.ManagedResourceMode || rc.Change == nil || !rc.Change.Actions.Create() {
			continue
		}
		after, _ := rc.Change.After.(map[string]any)
		name, _ := after["name"].(string)
		if name == "" {
			continue
		}
		id, err := pr.opts.FindByName(ctx, rc.Type, name)
		if err != nil {
			return adopted, fmt.Errorf("look up %s %q: %w", rc.Type, name, err)
		}
		if id == "" {
			continue
		}
		if err := session.Import(ctx, rc.Address, id); err != nil {
			return adopted, err
		}
		adopted++
	}
	return adopted, nil
}
