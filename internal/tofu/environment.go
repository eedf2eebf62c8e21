package tofu

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/envimport"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/zclconf/go-cty/cty"
)

// Environment is one environment of a workspace as OpenTofu commands run on it: while held
// (see Hold), it owns the environment's lock and its CLI configuration, and it opens a
// Session per project. The runner (plan, apply, destroy), drift's refresh-only plans and
// backport's state refresh all go through it, so they share one layout and one lock.
type Environment struct {
	Workspace *workspace.Workspace
	// Name is the environment's name in cx.hcl.
	Name string
	// Tofu is the OpenTofu (or Terraform) binary; ProviderDir holds the provider plugin.
	Tofu, ProviderDir string
	// OrgEnv holds the provider's environment for the environment's org; ExtraEnv is added
	// to OpenTofu's environment after it.
	OrgEnv, ExtraEnv map[string]string
	// RatePerMinute is each command's share of the org's rate budget (0: the provider's default).
	RatePerMinute int
	// Concurrency is how many OpenTofu commands run side by side, so each takes its share
	// of the cores (0 or 1: one).
	Concurrency int
	// Command describes the cx command holding the environment to another one waiting for
	// it ("cx apply --env dev"); Progress, when not nil, is told whom this one waits for,
	// up to LockTimeout (0: safefile.DefaultLockTimeout; negative: fail at once).
	Command     string
	Progress    io.Writer
	LockTimeout time.Duration

	mu     sync.Mutex
	holds  int
	lock   *safefile.Lock
	shared func() // releases the lock of a shared (pg) state; nil: none
	// sharedDB is the pg state's database while held (nil: another backend).
	sharedDB *sql.DB
	root     string
	rcPath   string
	// encryption is TF_ENCRYPTION for the state block's encryption ("": none).
	encryption string
	// providers are the shared provider processes while held (shared_provider.go).
	providers sharedProviders
}

// Hold takes the environment's lock, unless this Environment holds it already (commands
// running at once share one hold), and writes the OpenTofu CLI configuration. release gives
// the hold back, once however often it is called; the lock goes with the last one. A caller
// with several steps on the environment (a backport: plans, then the state refresh) holds
// it across them.
func (e *Environment) Hold(ctx context.Context) (release func(), err error) {
	if e.Workspace == nil || e.Tofu == "" || e.ProviderDir == "" {
		return nil, errors.New("tofu: an Environment needs Workspace, Tofu and ProviderDir")
	}
	root, err := filepath.Abs(e.Workspace.Root)
	if err != nil {
		return nil, fmt.Errorf("workspace root %s: %w", e.Workspace.Root, err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.holds == 0 {
		encryption, err := EncryptionConfig(e.Workspace.Config.State)
		if err != nil {
			return nil, err
		}
		l, err := LockEnv(ctx, root, e.Name, e.Command, e.LockTimeout, e.Progress)
		if err != nil {
			return nil, err
		}
		shared, sharedDB, err := e.lockSharedState(ctx)
		if err != nil {
			l.Unlock()
			return nil, err
		}
		rc, err := WriteCLIConfig(root, e.Name, e.ProviderDir)
		if err != nil {
			if shared != nil {
				shared()
			}
			l.Unlock()
			return nil, err
		}
		e.lock, e.shared, e.sharedDB, e.root, e.rcPath, e.encryption = l, shared, sharedDB, root, rc, encryption
	}
	e.holds++
	var once sync.Once
	return func() {
		once.Do(func() {
			e.mu.Lock()
			defer e.mu.Unlock()
			if e.holds--; e.holds == 0 {
				if err := e.providers.stopAll(); err != nil && e.Progress != nil {
					fmt.Fprintf(e.Progress, "cx: %v (see %s)\n", err, filepath.Join(LogDir(e.root, e.Name), "provider.log"))
				}
				if e.shared != nil {
					e.shared()
				}
				e.lock.Unlock()
				e.lock, e.shared, e.sharedDB = nil, nil, nil
			}
		})
	}, nil
}

// SharedState is the database of a pg state while held, where what every checkout must see
// about the environment is kept (cx's lock record, ledger, apply marks); nil for another
// backend.
func (e *Environment) SharedState() *sql.DB {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.sharedDB
}

// held reports whether the environment is held.
func (e *Environment) held() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.holds > 0
}

// Root is the workspace root, absolute; valid while held.
func (e *Environment) Root() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.root
}

// environ is OpenTofu's process environment for a project; valid while held.
func (e *Environment) environ(project string) map[string]string {
	e.mu.Lock()
	defer e.mu.Unlock()
	env := Env{OrgEnv: e.OrgEnv, ExtraEnv: e.ExtraEnv, CLIConfigFile: e.rcPath,
		DataDir: DataDir(e.root, e.Name, project), Concurrency: e.Concurrency, RatePerMinute: e.RatePerMinute,
		Encryption: e.encryption}
	if sharesPluginCache(e.Tofu) {
		env.PluginCacheDir = PluginCacheDir(e.root)
	}
	return env.Environ()
}

// sharesPluginCache reports whether binary may share one plugin cache between commands
// running at once: OpenTofu locks it since 1.10 (opentofu#1878); Terraform documents its
// cache as unsafe for concurrent use, so a terraform binary gets none.
func sharesPluginCache(binary string) bool {
	return !strings.HasPrefix(filepath.Base(binary), "terraform")
}

// Project is one project of a held environment laid out for OpenTofu: its directory, data
// directory, state and variables.
type Project struct {
	env  *Environment
	Name string
	// Dir is the project's directory; DataDir OpenTofu's data directory for it (TF_DATA_DIR).
	Dir, DataDir string
	// Backend and Settings are the state block's backend for the project ("" or "local":
	// a local state file at StatePath, passed with -state), or the backend the project's own
	// configuration declares (OwnBackend).
	Backend   string
	Settings  map[string]cty.Value
	StatePath string
	// OwnBackend is a configuration holding alone the backend block the project declares
	// itself (a Terraform Cloud `backend "remote"`); nil when cx.hcl's state block decides.
	// Such a project keeps its backend: cx passes no -state and writes no override.
	OwnBackend []byte
	// Workspace is the OpenTofu workspace selected in the project's own backend before any
	// command ("": the backend's only, or cx's own state); see Session.Ready.
	Workspace string
	// VarFile is the environment's variables file of the project ("": none).
	VarFile string
	// EnvVariable: the project declares envimport.Variable, which every run sets to
	// EnvName (its imports.tf imports that environment's ids only). EnvName is the
	// environment's name, or the one a speculative side stands in for.
	EnvVariable bool
	EnvName     string
	// Env is added to this project's OpenTofu environment last (a setting for one plan, such
	// as the provider's lookup wait).
	Env map[string]string
}

// Project lays out p in the environment; call it while held.
func (e *Environment) Project(p *workspace.Project) *Project {
	root := e.Root()
	backend, settings := e.Workspace.Config.State.For(e.Name, p.Name)
	pr := &Project{env: e, Name: p.Name, Dir: filepath.Join(root, filepath.FromSlash(p.Dir)),
		DataDir: DataDir(root, e.Name, p.Name), Backend: backend, Settings: settings}
	if b, ok := declaredBackend(pr.Dir); ok {
		pr.Backend, pr.Settings, pr.OwnBackend = b.Type, nil, b.alone
		// One project, one backend, a state per environment: the OpenTofu workspace named
		// after the environment (a blueprint's `workspaces { prefix = "cc_" }` makes it
		// cc_dev, cc_prod), or the one cx's own environment chose with TF_WORKSPACE.
		if !b.OneState {
			pr.Workspace = e.Name
			if w := strings.TrimSpace(os.Getenv("TF_WORKSPACE")); w != "" {
				pr.Workspace = w
			}
		}
	} else if pr.LocalBackend() {
		pr.StatePath = LocalStatePath(root, e.Name, p.Name, settings)
	}
	pr.EnvVariable, pr.EnvName = envimport.Declares(pr.Dir), e.Name
	if env, ok := p.Environments[e.Name]; ok && env.Vars != "" {
		pr.VarFile = filepath.Join(root, filepath.FromSlash(env.Vars))
	}
	return pr
}

// LocalBackend reports whether the project keeps its state in a local file cx names (not
// one its own backend block declares).
func (p *Project) LocalBackend() bool {
	return p.OwnBackend == nil && (p.Backend == "" || p.Backend == "local")
}

// NeverApplied reports whether the project has a local state that does not exist yet: it
// was never applied to the environment, so there is nothing to refresh or compare.
func (p *Project) NeverApplied() bool {
	if !p.LocalBackend() {
		return false
	}
	_, err := os.Stat(p.StatePath)
	return errors.Is(err, fs.ErrNotExist)
}
