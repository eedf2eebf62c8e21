package tofu

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/cxascode/cxascode/internal/envimport"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"
)

// Session runs OpenTofu commands in one project of a held environment, writing OpenTofu's
// whole output to the project's log file. Close it when done.
type Session struct {
	project *Project
	tf      *tfexec.Terraform
	log     *os.File
	// override is the session's use of the backend override (nil: a local backend).
	override *overrideUse
	// LogFile is where OpenTofu's output goes.
	LogFile string
}

// Start opens a session on the project. purpose names its log: "" is
// .cx/logs/<env>/<project>.log, "drift" .cx/logs/<env>/<project>.drift.log.
func (p *Project) Start(purpose string) (*Session, error) {
	root := p.env.Root()
	name := p.Name
	if purpose != "" {
		name += "." + purpose
	}
	logFile := filepath.Join(LogDir(root, p.env.Name), name+".log")
	dirs := []string{filepath.Dir(logFile), p.DataDir}
	if sharesPluginCache(p.env.Tofu) {
		dirs = append(dirs, PluginCacheDir(root))
	}
	if err := MkdirPrivate(dirs...); err != nil {
		return nil, err
	}
	logf, err := os.Create(logFile)
	if err != nil {
		return nil, err
	}
	s := &Session{project: p, log: logf, LogFile: logFile}
	if err := s.setup(); err != nil {
		logf.Close()
		return nil, err
	}
	return s, nil
}

func (s *Session) setup() error {
	tf, err := s.tofuIn(s.project.Dir)
	if err != nil {
		return err
	}
	// Every plan starts the provider three times (schemas, validate, plan); with the plugin
	// handshake's mutual TLS each start generates P-521 key pairs on both sides, about a
	// third of a small project's CPU. On Unix the plugin talks over a socket only its user
	// can connect to, who can read the provider's credentials anyway; elsewhere (TCP on
	// localhost) TLS stays on.
	if err := tf.SetDisablePluginTLS(runtime.GOOS != "windows"); err != nil {
		return err
	}
	s.tf = tf
	return nil
}

// tofuIn is OpenTofu run in dir with the project's environment, writing to its log.
func (s *Session) tofuIn(dir string) (*tfexec.Terraform, error) {
	tf, err := tfexec.NewTerraform(dir, s.project.env.Tofu)
	if err != nil {
		return nil, err
	}
	env := s.environ()
	if err := tf.SetEnv(env); err != nil {
		return nil, err
	}
	tf.SetStdout(s.log)
	tf.SetStderr(s.log)
	return tf, nil
}

// environ is the environment of the project's OpenTofu commands, and of the provider they use.
func (s *Session) environ() map[string]string {
	env := s.project.env.environ(s.project.Name)
	maps.Copy(env, s.project.Env)
	return env
}

// Close closes the log and removes the backend override unless another session uses it.
func (s *Session) Close() error {
	s.override.done()
	return s.log.Close()
}

// PrepareBackend readies the project's directory for its backend: for a local one, the
// state's directory (private) and no override left by a run with a remote backend, which
// would point this one there; for another, the override declaring it (see Init).
func (s *Session) PrepareBackend() error {
	p := s.project
	override := filepath.Join(p.Dir, backendOverrideFile)
	if p.OwnBackend != nil {
		// The project's own backend block decides; an override left by an earlier run
		// under another state block would replace it.
		if err := os.Remove(override); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if !p.LocalBackend() {
		if s.override != nil {
			return nil
		}
		u, err := useOverride(p.env.Root(), p.Dir, p.Name, p.Backend)
		s.override = u
		return err
	}
	if err := MkdirPrivate(filepath.Dir(p.StatePath)); err != nil {
		return err
	}
	if err := os.Remove(override); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Ready readies the project for OpenTofu commands: its backend (PrepareBackend) and, when
// the project needs it, `tofu init`. Every command on a project with a remote backend needs
// both, a refresh-only plan (drift) or a state refresh (backport) as much as a plan.
func (s *Session) Ready(ctx context.Context) error {
	if err := s.PrepareBackend(); err != nil {
		return fmt.Errorf("prepare the backend: %w", err)
	}
	if need, _ := s.NeedsInit(); need {
		if err := s.Init(ctx); err != nil {
			return fmt.Errorf("init: %w", err)
		}
	}
	return s.SelectWorkspace(ctx)
}

// SelectWorkspace selects the project's workspace in its own backend (Project.Workspace),
// creating it the first time: the selection is kept in the data directory, which is the
// environment's, so it is made once. terraform-exec refuses TF_WORKSPACE; its workspace
// commands are the way.
func (s *Session) SelectWorkspace(ctx context.Context) error {
	want := s.project.Workspace
	if want == "" {
		return nil
	}
	if b, err := os.ReadFile(filepath.Join(s.project.DataDir, "environment")); err == nil && strings.TrimSpace(string(b)) == want {
		return nil
	}
	tf := s.tf
	if !needsInitBeyondBackend(s.project.Dir) {
		// Initialised from the backend block alone (initBackendOnly): the workspace
		// commands load the backend from there too.
		var err error
		if tf, err = s.tofuIn(s.project.DataDir + ".backend-init"); err != nil {
			return err
		}
	}
	if err := tf.WorkspaceSelect(ctx, want); err != nil {
		if nerr := tf.WorkspaceNew(ctx, want); nerr != nil {
			return fmt.Errorf("select the workspace %q of the %s backend: %w (creating it: %v)", want, s.project.Backend, err, nerr)
		}
	}
	return nil
}

// NeedsInit reports whether the project needs `tofu init`, and why (see needsInit).
func (s *Session) NeedsInit() (bool, string) {
	return needsInit(s.project.Dir, s.project.LocalBackend())
}

// Init runs `tofu init` with the state block's settings as -backend-config. Providers
// other than genesyscloud are downloaded once per workspace into the shared plugin cache.
// A project that needs init only for its backend is initialised from a directory holding
// the backend override alone (see initBackendOnly).
func (s *Session) Init(ctx context.Context) error {
	var opts []tfexec.InitOption
	for _, kv := range backendConfig(s.project.Settings, s.project.LocalBackend()) {
		opts = append(opts, tfexec.BackendConfig(kv))
	}
	if !s.project.LocalBackend() && !needsInitBeyondBackend(s.project.Dir) {
		return s.initBackendOnly(ctx, opts)
	}
	return s.tf.Init(ctx, opts...)
}

// initBackendOnly initialises the project's backend in its data directory without
// installing providers: `tofu init` in the project itself would look the genesyscloud
// provider up in the registry, although the CLI configuration's dev_overrides supply it
// (OpenTofu says to skip init with dev_overrides, and offline it fails). The backend's
// settings, kept in the data directory, are what plan and apply in the project read. Init
// still wants the providers the stored state names: -plugin-dir offers it the local one.
func (s *Session) initBackendOnly(ctx context.Context, opts []tfexec.InitOption) error {
	dir := s.project.DataDir + ".backend-init"
	if err := MkdirPrivate(dir); err != nil {
		return err
	}
	alone := s.project.OwnBackend
	if alone == nil {
		alone = backendOverride(s.project.Backend)
	}
	if err := safefile.WriteFileAtomic(filepath.Join(dir, backendOverrideFile), alone, 0o600); err != nil {
		return err
	}
	plugins, err := providerMirror(ctx, s.project.env.Root(), s.project.env.ProviderDir)
	if err != nil {
		return err
	}
	if plugins != "" {
		opts = append(opts, tfexec.PluginDir(plugins))
	}
	tf, err := s.tofuIn(dir)
	if err != nil {
		return err
	}
	// The provider comes from the local mirror, so the shared plugin cache saves nothing
	// here, and OpenTofu's cache is not safe for installs side by side: projects
	// initialising at once saw each other's half-made cache entry ("failed to compute a
	// checksum … no such file or directory").
	env := s.environ()
	env["TF_PLUGIN_CACHE_DIR"] = ""
	if err := tf.SetEnv(env); err != nil {
		return err
	}
	if err := tf.Init(ctx, opts...); err != nil {
		return fmt.Errorf("initialise the %s backend: %w", s.project.Backend, err)
	}
	return nil
}

// PlanOptions configure Session.Plan.
type PlanOptions struct {
	// Dir holds the saved plan, in a file of its own (required).
	Dir string
	// Destroy plans the destruction of everything; RefreshOnly only reads the org.
	Destroy, RefreshOnly bool
	// Parallelism is OpenTofu's -parallelism (0: OpenTofu's default).
	Parallelism int
}

// SavedPlan is a plan saved to a file, applied by Session.Apply exactly as planned.
type SavedPlan struct {
	// File is the saved plan; Remove deletes it.
	File string
	// Changes is whether the plan changes anything (tofu plan -detailed-exitcode).
	Changes bool
	// Output is OpenTofu's human output of the plan (also in the log).
	Output string
}

// Remove deletes the plan file: it holds the variables' values.
func (p *SavedPlan) Remove() { os.Remove(p.File) }

// Plan plans the project to a file of its own in o.Dir. Another run's plan, or a stale one,
// can never be applied, and the plan does not stay behind once removed. On error the file
// is gone already.
func (s *Session) Plan(ctx context.Context, o PlanOptions) (*SavedPlan, error) {
	if err := MkdirPrivate(o.Dir); err != nil {
		return nil, err
	}
	pf, err := os.CreateTemp(o.Dir, s.project.Name+"-*.tfplan")
	if err != nil {
		return nil, err
	}
	plan := &SavedPlan{File: pf.Name()}
	pf.Close()
	opts := []tfexec.PlanOption{tfexec.Out(plan.File)}
	if o.RefreshOnly {
		opts = append(opts, tfexec.RefreshOnly(true))
	}
	if o.Destroy {
		opts = append(opts, tfexec.Destroy(true))
	}
	if s.project.LocalBackend() {
		//lint:ignore SA1019 -state keeps state under .cx without writing a backend block into the project (and forcing init); OpenTofu 1.10 supports it
		opts = append(opts, tfexec.State(s.project.StatePath))
	}
	if s.project.VarFile != "" {
		opts = append(opts, tfexec.VarFile(s.project.VarFile))
	}
	if s.project.EnvVariable {
		opts = append(opts, tfexec.Var(envimport.Variable+"="+s.project.EnvName))
	}
	if o.Parallelism > 0 {
		opts = append(opts, tfexec.Parallelism(o.Parallelism))
	}
	// The plan's own output says what changes: reading the saved plan back with `show -json`
	// would start tofu, `tofu version` and the provider once more.
	reattach, detach := s.attach()
	if reattach != nil {
		opts = append(opts, reattach)
	}
	var out bytes.Buffer
	s.tf.SetStdout(io.MultiWriter(s.log, &out))
	plan.Changes, err = s.tf.Plan(ctx, opts...)
	s.tf.SetStdout(s.log)
	detach()
	if err != nil {
		plan.Remove()
		return nil, err
	}
	plan.Output = out.String()
	return plan, nil
}

// ShowPlan reads a saved plan as OpenTofu's JSON.
func (s *Session) ShowPlan(ctx context.Context, plan *SavedPlan) (*tfjson.Plan, error) {
	return s.tf.ShowPlanFile(ctx, plan.File)
}

// Apply applies exactly the saved plan.
func (s *Session) Apply(ctx context.Context, plan *SavedPlan, parallelism int) error {
	opts := []tfexec.ApplyOption{tfexec.DirOrPlan(plan.File)}
	if s.project.LocalBackend() {
		//lint:ignore SA1019 -state keeps state under .cx without writing a backend block into the project (and forcing init); OpenTofu 1.10 supports it
		opts = append(opts, tfexec.State(s.project.StatePath))
	}
	if parallelism > 0 {
		opts = append(opts, tfexec.Parallelism(parallelism))
	}
	return s.applyAttached(ctx, opts)
}

// applyAttached runs `tofu apply` with opts, attached to a provider cx started (see attach).
func (s *Session) applyAttached(ctx context.Context, opts []tfexec.ApplyOption) error {
	reattach, detach := s.attach()
	defer detach()
	if reattach != nil {
		opts = append(opts, reattach)
	}
	return s.tf.Apply(ctx, opts...)
}

// attach starts the provider for one OpenTofu command where it may (reattach.go) and
// returns the option pointing OpenTofu at it (nil: OpenTofu starts the provider itself) and
// the function that ends it once the command is done.
func (s *Session) attach() (*tfexec.ReattachOption, func()) {
	none := func() {}
	if reattachOff() || !oneProviderConfiguration(s.project.Dir) {
		return nil, none
	}
	binary := filepath.Join(s.project.env.ProviderDir, ProviderBinary)
	if _, err := os.Stat(binary); err != nil {
		return nil, none
	}
	env := s.environ()
	if !sharedOff() {
		if reattach, detach, ok := s.attachShared(binary, env); ok {
			return reattach, detach
		}
	}
	p, err := startAttachedProvider(binary, s.project.Dir, env, s.log)
	if err != nil {
		fmt.Fprintf(s.log, "cx: OpenTofu starts the provider itself: %v\n", err)
		return nil, none
	}
	if p == nil {
		return nil, none
	}
	fmt.Fprintf(s.log, "cx: OpenTofu attaches to the provider cx started (pid %d)\n", p.cmd.Process.Pid)
	return tfexec.Reattach(p.info), func() {
		if err := p.stop(); err != nil {
			fmt.Fprintf(s.log, "cx: the provider cx started for this command ended with: %v\n", err)
		}
	}
}

// attachShared asks the environment's shared provider process for a server for one command
// (shared_provider.go); ok is false when there is none to ask (the environment is not held,
// sharing is off, the binary has no shared mode) or it failed: the command then gets a
// process of its own.
func (s *Session) attachShared(binary string, env map[string]string) (reattach *tfexec.ReattachOption, detach func(), ok bool) {
	e := s.project.env
	if !e.held() {
		return nil, nil, false
	}
	dir, err := filepath.Abs(s.project.Dir)
	if err != nil {
		return nil, nil, false
	}
	root := e.Root()
	p, err := e.providers.get(binary, root, LogDir(root, e.Name), env)
	if err == nil {
		var info tfexec.ReattachInfo
		var closeFn func() error
		info, closeFn, err = e.providers.openIn(p, binary, dir)
		if err == nil {
			fmt.Fprintf(s.log, "cx: OpenTofu attaches to the shared provider cx started (pid %d, its log: %s)\n", p.cmd.Process.Pid, filepath.Join(LogDir(root, e.Name), "provider.log"))
			return tfexec.Reattach(info), func() {
				if err := closeFn(); err != nil {
					fmt.Fprintf(s.log, "cx: the shared provider's server for this command ended with: %v\n", err)
				}
			}, true
		}
	}
	if !errors.Is(err, errNoSharedMode) {
		fmt.Fprintf(s.log, "cx: no shared provider for this command (%v); it gets a provider process of its own\n", err)
	}
	return nil, nil, false
}

// RefreshState runs `tofu apply -refresh-only`: the state takes the org's values, nothing
// in the org changes.
func (s *Session) RefreshState(ctx context.Context) error {
	opts := []tfexec.ApplyOption{tfexec.RefreshOnly(true)}
	if s.project.LocalBackend() {
		//lint:ignore SA1019 -state keeps state under .cx without writing a backend block into the project (and forcing init); OpenTofu 1.10 supports it
		opts = append(opts, tfexec.State(s.project.StatePath))
	}
	if s.project.VarFile != "" {
		opts = append(opts, tfexec.VarFile(s.project.VarFile))
	}
	if s.project.EnvVariable {
		opts = append(opts, tfexec.Var(envimport.Variable+"="+s.project.EnvName))
	}
	return s.applyAttached(ctx, opts)
}

// Import records the existing object id as the resource at address in the project's state
// (`tofu import`); the object itself is not changed.
func (s *Session) Import(ctx context.Context, address, id string) error {
	var opts []tfexec.ImportOption
	if s.project.LocalBackend() {
		//lint:ignore SA1019 -state keeps state under .cx without writing a backend block into the project (and forcing init); OpenTofu 1.10 supports it
		opts = append(opts, tfexec.State(s.project.StatePath))
	}
	if s.project.VarFile != "" {
		opts = append(opts, tfexec.VarFile(s.project.VarFile))
	}
	if s.project.EnvVariable {
		opts = append(opts, tfexec.Var(envimport.Variable+"="+s.project.EnvName))
	}
	if err := s.tf.Import(ctx, address, id, opts...); err != nil {
		return fmt.Errorf("import %s (id %s): %w", address, id, err)
	}
	return nil
}
