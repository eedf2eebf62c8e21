package export

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/safefile"
)

// An export works in a directory beside Into, named after it, and moves the finished
// workspace into place at the end. When the export is interrupted (Ctrl-C, a killed process,
// a lost connection's cancelled context) that directory stays, holding what was done — the
// org's listings, each exported flow's YAML, the generated configuration — and the
// same command run again resumes from it: automatically, since the directory exists only for
// an unfinished export of the same parameters. Any other failure removes it, as a finished
// export does; a directory older than resumeWithin, or of an export with other parameters,
// is started over.

// resumeWithin is how old an interrupted export may be and still be resumed: past it the
// org has likely changed and what was read is no longer worth reusing.
const resumeWithin = 24 * time.Hour

// workDir is one export's working directory.
type workDir struct {
	dir string
}

// exportParams are what make two exports the same export.
type exportParams struct {
	Env, Org, Layout string
	SharedThreshold  int
	Include, Exclude []string
	Started          time.Time
}

func (a exportParams) same(b exportParams) bool {
	return a.Env == b.Env && a.Org == b.Org && a.Layout == b.Layout && a.SharedThreshold == b.SharedThreshold &&
		slices.Equal(a.Include, b.Include) && slices.Equal(a.Exclude, b.Exclude)
}

// workDirOf is the working directory of the export into into.
func workDirOf(into string) string {
	return filepath.Join(filepath.Dir(into), "."+filepath.Base(into)+".export-partial")
}

// lockExport takes the lock of exports into into — a file beside it, gone when the export
// ends — or fails at once, naming the export that holds it: a second export would share and
// remove the first one's working directory.
func lockExport(ctx context.Context, into string) (*safefile.Lock, error) {
	path := filepath.Join(filepath.Dir(into), "."+filepath.Base(into)+".export-lock")
	l, err := safefile.AcquireLock(ctx, path, safefile.LockOptions{Command: "cx export into " + filepath.Base(into), Timeout: -1})
	var le *safefile.LockedError
	if errors.As(err, &le) {
		return nil, fmt.Errorf("another export into %s is running (%s): wait for it to end, or export into another directory", into, le.Holder)
	}
	if err != nil {
		return nil, fmt.Errorf("lock the export into %s: %w", into, err)
	}
	return l, nil
}

// openWorkDir opens the working directory of the export into into with params: an
// interrupted one of the same export (resumed true), or a new one.
func openWorkDir(into string, params exportParams, now time.Time) (w *workDir, resumed bool, err error) {
	w = &workDir{dir: workDirOf(into)}
	var prev exportParams
	data, err := os.ReadFile(w.file("export.json"))
	if err == nil && json.Unmarshal(data, &prev) == nil && prev.same(params) && now.Sub(prev.Started) < resumeWithin {
		return w, true, nil
	}
	if err := os.RemoveAll(w.dir); err != nil {
		return nil, false, fmt.Errorf("remove the work of an earlier export at %s: %w", w.dir, err)
	}
	if err := os.MkdirAll(w.dir, 0o700); err != nil {
		return nil, false, fmt.Errorf("prepare the output: %w", err)
	}
	params.Started = now
	data, _ = json.MarshalIndent(params, "", "  ")
	if err := safefile.WriteFileAtomic(w.file("export.json"), data, 0o600); err != nil {
		return nil, false, fmt.Errorf("prepare the output: %w", err)
	}
	return w, false, nil
}

func (w *workDir) file(name string) string { return filepath.Join(w.dir, name) }

// remove deletes the working directory.
func (w *workDir) remove() { os.RemoveAll(w.dir) }

// savedListing is the org's inventory as an earlier run read it.
type savedListing struct {
	Listed []drift.Listed `json:"listed"`
}

// loadListing returns the listing a run saved, ok false when none did.
func (w *workDir) loadListing() ([]drift.Listed, *platform.Listings, bool) {
	data, err := os.ReadFile(w.file("listed.json"))
	if err != nil {
		return nil, nil, false
	}
	var saved savedListing
	if json.Unmarshal(data, &saved) != nil {
		return nil, nil, false
	}
	listings, err := platform.ReadListingsFile(w.file("listings.json"))
	if err != nil {
		return nil, nil, false
	}
	return saved.Listed, listings, true
}

// saveListing keeps the inventory and the listings handed to the provider; listed.json is
// written last, so its presence means both are whole.
func (w *workDir) saveListing(listed []drift.Listed, listings *platform.Listings) error {
	if err := listings.WriteFile(w.file("listings.json")); err != nil {
		return fmt.Errorf("keep the org's listings: %w", err)
	}
	data, err := json.Marshal(savedListing{Listed: listed})
	if err != nil {
		return err
	}
	if err := safefile.WriteFileAtomic(w.file("listed.json"), data, 0o600); err != nil {
		return fmt.Errorf("keep the org's listings: %w", err)
	}
	return nil
}

// flowFile is where a flow's exported YAML is kept.
func (w *workDir) flowFile(id string) string { return filepath.Join(w.dir, "flows", id+".yaml") }

// loadFlows returns the YAML kept for those of ids an earlier run exported.
func (w *workDir) loadFlows(ids []string) map[string][]byte {
	out := map[string][]byte{}
	for _, id := range ids {
		if data, err := os.ReadFile(w.flowFile(id)); err == nil {
			out[id] = data
		}
	}
	return out
}

// saveFlow keeps a flow's YAML.
func (w *workDir) saveFlow(id string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(w.flowFile(id)), 0o700); err != nil {
		return err
	}
	return safefile.WriteFileAtomic(w.flowFile(id), data, 0o600)
}

// interrupted is the error of an export stopped by its context, saying how to go on.
func (w *workDir) interrupted(err error) error {
	return fmt.Errorf("%w\nthe export was interrupted: run the same command again to resume it (what it has read is kept in %s)", err, w.dir)
}
