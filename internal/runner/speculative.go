package runner

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
)

// A plan of a project whose dependencies have unapplied changes cannot read, through its
// by-name data sources, the objects those changes create: against the environment's org it
// fails (deferred). With a speculative org (Options.Speculate) it is planned against a
// throwaway copy of the org instead, into which the dependencies' plans were applied first,
// each with a copy of its state; the result is marked speculative and never applied (cx
// apply plans every project again after its dependencies applied). The copies of state live
// under .cx/speculative/<env>/ and, with the copy of the org, are gone when the run ends.

// speculativeSuffix names the speculative side of an environment (its lock, logs and
// OpenTofu data directories) apart from the environment itself.
const speculativeSuffix = ".speculative"

// providerLookupWaitEnv caps how long the provider's by-name data sources wait for their
// object (the provider's CX_PROVIDER_LOOKUP_WAIT).
const providerLookupWaitEnv = "CX_PROVIDER_LOOKUP_WAIT"

// prepareSpeculation readies a plan of run's project whose dependencies pending have
// unapplied changes, and reports whether it plans against the speculative org. Its lookups
// never wait: in the speculative org every object they may name exists already, and against
// the org itself what only a pending plan creates will not appear however long they wait.
// A project others wait for takes its plan into the speculative org.
func (r *runState) prepareSpeculation(run *projectRun, pending []string) (speculative bool) {
	if r.opts.Action != ActionPlan {
		return false
	}
	if r.spec != nil && r.feeds[run.project.Name] {
		run.spec = r.spec
	}
	if len(pending) == 0 {
		return false
	}
	run.layout = r.env.Project(run.project)
	if r.spec != nil && r.spec.covers(pending) {
		layout, ok, err := r.spec.layout(run.project)
		if err != nil {
			r.progress.event(run.project.Name, "plan against the org itself: "+err.Error())
		}
		if ok && err == nil {
			run.layout, speculative = layout, true
		}
	}
	run.lookupsDoNotWait()
	return speculative
}

// lookupsDoNotWait makes the run's by-name lookups fail at once when their object is missing,
// laying the project out for the run unless it is already.
func (pr *projectRun) lookupsDoNotWait() {
	if pr.layout == nil {
		pr.layout = pr.env.Project(pr.project)
	}
	if pr.layout.Env == nil {
		pr.layout.Env = map[string]string{}
	}
	pr.layout.Env[providerLookupWaitEnv] = "0s"
}

// speculation is one plan run's speculative org, made when the first plan with changes
// that other projects of the run wait for is done.
type speculation struct {
	opts *Options
	real *tofu.Environment

	mu      sync.Mutex
	org     *target.SpeculativeOrg
	env     *tofu.Environment // the speculative side, held while org exists
	release func()
	// failed says why there is no speculative org; once set, no project plans speculatively.
	failed error
	// applied are the projects whose plans are applied in the speculative org.
	applied []string
}

// stateDir holds the copies of state the speculative org's applies and plans use.
func (s *speculation) stateDir() string {
	return tofu.Path(s.real.Root(), "speculative", s.opts.Env)
}

// environment returns the speculative side of the environment, making the speculative org
// on first use.
func (s *speculation) environment(ctx context.Context) (*tofu.Environment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failed != nil || s.env != nil {
		return s.env, s.failed
	}
	s.failed = s.start(ctx)
	return s.env, s.failed
}

func (s *speculation) start(ctx context.Context) error {
	if err := os.RemoveAll(s.stateDir()); err != nil {
		return fmt.Errorf("clear the copies of state of an earlier speculative plan: %w", err)
	}
	org, err := s.opts.Speculate(ctx)
	if err != nil {
		return err
	}
	env := &tofu.Environment{Workspace: s.real.Workspace, Name: s.opts.Env + speculativeSuffix, Tofu: s.real.Tofu,
		ProviderDir: s.real.ProviderDir, OrgEnv: org.OrgEnv, ExtraEnv: s.real.ExtraEnv, Concurrency: s.real.Concurrency,
		Command: s.real.Command, LockTimeout: s.real.LockTimeout, Progress: s.real.Progress}
	release, err := env.Hold(ctx)
	if err != nil {
		return errors.Join(err, org.Discard(ctx))
	}
	s.org, s.env, s.release = org, env, release
	return nil
}

// layout lays project p out on the speculative side: the environment's variables, and a
// copy of its state (none when it has none yet). ok is false for a project whose state is
// not a local file, which cx cannot copy.
func (s *speculation) layout(p *workspace.Project) (_ *tofu.Project, ok bool, err error) {
	own := s.real.Project(p)
	if !own.LocalBackend() {
		return nil, false, nil
	}
	spec := s.env.Project(p)
	spec.Backend, spec.Settings, spec.VarFile, spec.EnvName = "", nil, own.VarFile, own.EnvName
	spec.StatePath = filepath.Join(s.stateDir(), p.Name+".tfstate")
	if err := tofu.MkdirPrivate(filepath.Dir(spec.StatePath)); err != nil {
		return nil, false, err
	}
	b, err := os.ReadFile(own.StatePath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = os.Remove(spec.StatePath)
		if errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
	case err == nil:
		err = safefile.WriteFileAtomic(spec.StatePath, b, 0o600)
	}
	if err != nil {
		return nil, false, fmt.Errorf("copy the state of %s for a speculative plan: %w", p.Name, err)
	}
	return spec, true, nil
}

// apply applies project p's saved plan in the speculative org, so that projects depending
// on p plan against what p's plan makes. A failure leaves those projects to plan against
// the environment's org (and be deferred); it does not fail p.
func (s *speculation) apply(ctx context.Context, p *workspace.Project, plan *tofu.SavedPlan, parallelism int) error {
	if _, err := s.environment(ctx); err != nil {
		return err
	}
	spec, ok, err := s.layout(p)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("its state is not a local file, which cx cannot copy")
	}
	session, err := spec.Start("speculative-apply")
	if err != nil {
		return err
	}
	defer session.Close()
	if err := session.Ready(ctx); err != nil {
		return err
	}
	if err := session.Apply(ctx, plan, parallelism); err != nil {
		return fmt.Errorf("%s (log: %s)", tofu.SummarizeError(err), session.LogFile)
	}
	s.mu.Lock()
	s.applied = append(s.applied, p.Name)
	s.mu.Unlock()
	return nil
}

// covers reports whether the plans of every project in pending are applied in the
// speculative org, so a project waiting for them can plan there.
func (s *speculation) covers(pending []string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.env == nil || len(pending) == 0 {
		return false
	}
	for _, p := range pending {
		if !slices.Contains(s.applied, p) {
			return false
		}
	}
	return true
}

// close discards the speculative org and the copies of state.
func (s *speculation) close(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.env == nil {
		return nil
	}
	err := s.org.Discard(context.WithoutCancel(ctx))
	s.release()
	s.env, s.org = nil, nil
	return errors.Join(err, os.RemoveAll(s.stateDir()))
}
