package tofu

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-exec/tfexec"
)

// A provider process per command (reattach.go) still costs, per project, the process's
// start, the provider's schemas and its validation memo: on a workspace of small projects,
// about half of each provider process's CPU. While an environment is held, cx keeps one
// provider process (its -cx-reattach-shared mode) for the commands of all its projects that
// would get the same process environment, and asks it for a server of their own per
// command: each has its own provider configuration, org client, token and rate budget, as a
// process of its own would, and reads relative file names from its project's directory.
// The process ends when the environment is given back. CX_PROVIDER_SHARED=0 turns sharing
// off (one process per command, as before); so does a provider binary without the mode.
//
// One process serves the projects' commands side by side, so a crash of the provider fails
// all of them (each OpenTofu command reports the broken connection); the next command
// starts a new process. Its standard error goes to .cx/logs/<env>/provider.log.

// envProviderShared turns the shared provider process off when "0", "false", "off" or "no".
const envProviderShared = "CX_PROVIDER_SHARED"

// sharedSupport remembers, per provider binary, whether it has a -cx-reattach-shared mode.
var sharedSupport sync.Map // binary path -> bool

func sharedOff() bool { return turnedOff(envProviderShared) }

// sharedProvider is a provider process serving the commands of many projects.
type sharedProvider struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	exit  chan struct{} // closed once the process has exited; err is then set
	err   error

	mu      sync.Mutex
	next    int64
	pending map[int64]chan sharedAnswer
	dead    error // why no more answers come (the process ended), nil while serving
}

type sharedAnswer struct {
	ID       int64                  `json:"id"`
	Reattach *tfexec.ReattachConfig `json:"reattach,omitempty"`
	Error    string                 `json:"error,omitempty"`
}

// errNoSharedMode: the binary has no -cx-reattach-shared mode.
var errNoSharedMode = errors.New("the provider has no shared mode")

// sharedKey identifies the process environment a shared provider serves: OpenTofu's
// environment for a project except its data directory, which the provider does not read.
func sharedKey(binary string, env map[string]string) string {
	var b strings.Builder
	b.WriteString(binary)
	for _, k := range slices.Sorted(maps.Keys(env)) {
		if !sharedEnv(k) {
			continue
		}
		fmt.Fprintf(&b, "\x00%s=%s", k, env[k])
	}
	return b.String()
}

// sharedEnv reports whether the shared process gets the variable k of a project's
// environment: not its data directory, which the provider does not read, nor the share of
// the cores each command gets (GOMAXPROCS, see Env.Environ): the one process serves the
// commands side by side. A GOMAXPROCS of cx's own environment is kept.
func sharedEnv(k string) bool {
	return k != "TF_DATA_DIR" && k != "GOMAXPROCS"
}

// startSharedProvider starts binary in its shared mode with exactly env (see sharedEnv), in
// dir, its standard error going to logw.
func startSharedProvider(binary, dir string, env map[string]string, logw io.Writer) (*sharedProvider, error) {
	var vars []string
	for k, v := range env {
		if sharedEnv(k) {
			vars = append(vars, k+"="+v)
		}
	}
	if v, ok := os.LookupEnv("GOMAXPROCS"); ok {
		vars = append(vars, "GOMAXPROCS="+v)
	}
	cmd, stdin, stdout, err := startProviderProcess(binary, "-cx-reattach-shared", dir, vars, logw)
	if err != nil {
		return nil, err
	}
	p := &sharedProvider{cmd: cmd, stdin: stdin, exit: make(chan struct{}), pending: map[int64]chan sharedAnswer{}}
	lines := make(chan struct{})
	go func() {
		defer close(lines)
		r := bufio.NewScanner(stdout)
		r.Buffer(make([]byte, 64*1024), 1<<20)
		for r.Scan() {
			var a sharedAnswer
			if json.Unmarshal(r.Bytes(), &a) != nil {
				continue
			}
			p.mu.Lock()
			ch := p.pending[a.ID]
			delete(p.pending, a.ID)
			p.mu.Unlock()
			if ch != nil {
				ch <- a
			}
		}
		io.Copy(io.Discard, stdout) //nolint:errcheck // drained so the process never blocks
	}()
	go func() {
		<-lines
		err := cmd.Wait()
		p.mu.Lock()
		p.err = err
		p.dead = fmt.Errorf("the shared provider process (pid %d) ended", cmd.Process.Pid)
		if err != nil {
			p.dead = fmt.Errorf("%w: %v", p.dead, err)
		}
		for id, ch := range p.pending {
			ch <- sharedAnswer{ID: id, Error: p.dead.Error()}
			delete(p.pending, id)
		}
		p.mu.Unlock()
		close(p.exit)
	}()
	return p, nil
}

// ask sends one request and waits for its answer, up to timeout.
func (p *sharedProvider) ask(req map[string]any, timeout time.Duration) (sharedAnswer, error) {
	ch := make(chan sharedAnswer, 1)
	p.mu.Lock()
	if p.dead != nil {
		p.mu.Unlock()
		return sharedAnswer{}, p.dead
	}
	p.next++
	id := p.next
	p.pending[id] = ch
	req["id"] = id
	line, _ := json.Marshal(req)
	_, err := p.stdin.Write(append(line, '\n'))
	p.mu.Unlock()
	if err != nil {
		p.mu.Lock()
		delete(p.pending, id)
		p.mu.Unlock()
		return sharedAnswer{}, fmt.Errorf("the shared provider process: %w", err)
	}
	select {
	case a := <-ch:
		if a.Error != "" {
			return a, errors.New(a.Error)
		}
		return a, nil
	case <-time.After(timeout):
		p.mu.Lock()
		delete(p.pending, id)
		p.mu.Unlock()
		return sharedAnswer{}, fmt.Errorf("the shared provider process (pid %d) gave no answer within %s", p.cmd.Process.Pid, timeout)
	}
}

// open asks for a server for one command run in dir; close ends it.
func (p *sharedProvider) open(dir string) (info tfexec.ReattachInfo, closeFn func() error, err error) {
	a, err := p.ask(map[string]any{"open": dir}, reattachReadyTimeout)
	if err != nil {
		return nil, nil, err
	}
	if a.Reattach == nil || a.Reattach.Addr.String == "" {
		return nil, nil, errors.New("the shared provider process answered without a reattach configuration")
	}
	config := *a.Reattach
	config.Test = true // the process is cx's to stop, not OpenTofu's
	info = tfexec.ReattachInfo{}
	for _, addr := range reattachAddresses {
		info[addr] = config
	}
	return info, func() error {
		_, err := p.ask(map[string]any{"close": a.ID}, time.Minute)
		return err
	}, nil
}

// alive reports whether the process still serves.
func (p *sharedProvider) alive() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.dead == nil
}

// stop ends the process: its input closes, its servers finish and it exits; after a grace
// period it is killed.
func (p *sharedProvider) stop() error {
	p.stdin.Close()
	select {
	case <-p.exit:
		return p.err
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill() //nolint:errcheck // it is ended either way
		<-p.exit
		return errors.New("the shared provider did not stop when asked; killed")
	}
}

// sharedProviders are the shared provider processes of a held environment, by sharedKey.
type sharedProviders struct {
	mu    sync.Mutex
	procs map[string]*sharedProvider
	log   *os.File
}

// get returns the process serving binary with env, started in root when there is none
// (or the last one ended). It returns errNoSharedMode for a binary without the mode.
func (s *sharedProviders) get(binary, root, logDir string, env map[string]string) (*sharedProvider, error) {
	if ok, known := sharedSupport.Load(binary); known && !ok.(bool) {
		return nil, errNoSharedMode
	}
	key := sharedKey(binary, env)
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.procs[key]; p != nil && p.alive() {
		return p, nil
	}
	if s.log == nil {
		if err := MkdirPrivate(logDir); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(filepath.Join(logDir, "provider.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			return nil, err
		}
		s.log = f
	}
	p, err := startSharedProvider(binary, root, env, s.log)
	if err != nil {
		return nil, err
	}
	if s.procs == nil {
		s.procs = map[string]*sharedProvider{}
	}
	s.procs[key] = p
	return p, nil
}

// openIn asks the process p (got for binary) for a server in dir. A binary without the
// shared mode exits on the unknown flag (status 2, as Go's flag package does): that is
// remembered, and errNoSharedMode returned.
func (s *sharedProviders) openIn(p *sharedProvider, binary, dir string) (tfexec.ReattachInfo, func() error, error) {
	info, closeFn, err := p.open(dir)
	if err == nil {
		sharedSupport.Store(binary, true)
		return info, closeFn, nil
	}
	if _, known := sharedSupport.Load(binary); known {
		return nil, nil, err // it served before: a real failure
	}
	select {
	case <-p.exit:
		var exit *exec.ExitError
		if errors.As(p.err, &exit) && exit.ExitCode() == 2 {
			sharedSupport.Store(binary, false)
			return nil, nil, errNoSharedMode
		}
	case <-time.After(5 * time.Second):
	}
	return nil, nil, err
}

// stopAll ends every process; errors are returned joined.
func (s *sharedProviders) stopAll() error {
	s.mu.Lock()
	procs := s.procs
	s.procs = nil
	log := s.log
	s.log = nil
	s.mu.Unlock()
	var errs []error
	for _, p := range procs {
		if err := p.stop(); err != nil {
			errs = append(errs, fmt.Errorf("the shared provider process (pid %d): %w", p.cmd.Process.Pid, err))
		}
	}
	if log != nil {
		log.Close()
	}
	return errors.Join(errs...)
}
