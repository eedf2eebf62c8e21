// Package localorg runs the embedded default: a local org (`cx org serve`) in the background
// under a workspace's .cx/org, started on first use and reused by every later cx command,
// until `cx org stop`.
//
// The server is a detached process in its own session, so it outlives the cx command that
// started it and a Ctrl+C in the terminal does not stop it. Its pid and URL are in
// <dir>/server.json; its logs in <dir>/serve.log; the credentials in <dir>/credentials.json
// as `cx org serve` writes them.
package localorg

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/safefile"
)

// File names inside the org directory.
const (
	serverFile  = "server.json" // pid and URL of the running server
	startupFile = "startup.json"
	logFile     = "serve.log"
	lockFile    = ".lock"
)

// DefaultTimeout bounds how long Ensure waits for a new server to answer /healthz.
const DefaultTimeout = 20 * time.Second

// Options configure Ensure.
type Options struct {
	// Dir is the org's data directory, e.g. <workspace>/.cx/org.
	Dir string
	// Command is the program and leading arguments that run cx; "org serve …" is appended.
	// Nil runs the current executable, which is cx.
	Command []string
	// ServeArgs are extra `cx org serve` flags, e.g. --rate-limit off.
	ServeArgs []string
	// Timeout bounds the wait for a new server (0: DefaultTimeout).
	Timeout time.Duration
}

// Org is a running local org.
type Org struct {
	URL         string
	PID         int
	Dir         string
	Started     bool // started by this call (false: reused)
	Credentials orgserver.CredentialsFile
}

// Credential returns the credential of client in org (e.g. "dev", "deploy").
func (o *Org) Credential(org, client string) (orgserver.Credential, error) {
	for _, c := range o.Credentials.Clients {
		if c.Org == org && c.Name == client {
			return c, nil
		}
	}
	return orgserver.Credential{}, fmt.Errorf("the local org in %s has no client %q in org %q (its orgs: %s)", o.Dir, client, org, strings.Join(o.orgNames(), ", "))
}

func (o *Org) orgNames() []string {
	var names []string
	for _, c := range o.Credentials.Clients {
		if len(names) == 0 || names[len(names)-1] != c.Org {
			names = append(names, c.Org)
		}
	}
	return names
}

type serverInfo struct {
	PID     int       `json:"pid"`
	URL     string    `json:"url"`
	Started time.Time `json:"started"`
}

// Ensure returns the local org in opts.Dir, starting it in the background when none is
// running there. Concurrent callers share one server: the start is serialized by a lock
// file.
func Ensure(ctx context.Context, opts Options) (*Org, error) {
	if opts.Dir == "" {
		return nil, errors.New("localorg: no org directory")
	}
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", opts.Dir, err)
	}
	// Serializes starting the org; a starter holds it for at most its own start timeout.
	l, err := safefile.AcquireLock(ctx, filepath.Join(opts.Dir, lockFile), safefile.LockOptions{
		Command: "cx (starting the local org)", Timeout: 2 * startTimeout(opts)})
	if err != nil {
		return nil, fmt.Errorf("start the local org: %w", err)
	}
	defer l.Unlock()
	if org, err := running(ctx, opts.Dir); err == nil {
		return org, nil
	}
	return start(ctx, opts)
}

// running returns the org served from dir, or an error saying why there is none.
func running(ctx context.Context, dir string) (*Org, error) {
	info, err := readServerInfo(dir)
	if err != nil {
		return nil, err
	}
	if !alive(info.PID) {
		return nil, fmt.Errorf("the local org's process %d is gone", info.PID)
	}
	if err := healthy(ctx, info.URL); err != nil {
		return nil, err
	}
	creds, err := orgserver.ReadCredentials(filepath.Join(dir, orgserver.CredentialsFileName))
	if err != nil {
		return nil, err
	}
	return &Org{URL: info.URL, PID: info.PID, Dir: dir, Credentials: creds}, nil
}

func start(ctx context.Context, opts Options) (*Org, error) {
	argv := opts.Command
	if len(argv) == 0 {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("find cx to start the local org: %w", err)
		}
		argv = []string{exe}
	}
	absDir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	args := append(append([]string{}, argv[1:]...), "org", "serve", "--addr", "127.0.0.1:0", "--data", absDir, "--json")
	args = append(args, opts.ServeArgs...)
	startupPath := filepath.Join(opts.Dir, startupFile)
	os.Remove(startupPath)
	stdout, err := os.OpenFile(startupPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	defer stdout.Close()
	logPath := filepath.Join(opts.Dir, logFile)
	stderr, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	defer stderr.Close()

	// Not CommandContext: the server must outlive this command. Setsid detaches it from the
	// terminal, so the terminal's Ctrl+C reaches cx but not the org.
	cmd := exec.Command(argv[0], args...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the local org (%s): %w", argv[0], err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	timeout := startTimeout(opts)
	deadline := time.Now().Add(timeout)
	fail := func(why string) (*Org, error) {
		cmd.Process.Kill() //nolint:errcheck // best effort: it is failing already
		return nil, fmt.Errorf("start the local org: %s; its log is %s:\n%s", why, logPath, tail(logPath, 10))
	}
	for {
		select {
		case err := <-exited:
			return fail(fmt.Sprintf("the server exited (%v)", err))
		case <-ctx.Done():
			return fail(ctx.Err().Error())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fail(fmt.Sprintf("no answer on /healthz within %s", timeout))
		}
		var startup struct {
			URL string `json:"url"`
		}
		b, err := os.ReadFile(startupPath)
		if err != nil || json.Unmarshal(b, &startup) != nil || startup.URL == "" {
			continue // not written yet, or half written
		}
		if healthy(ctx, startup.URL) != nil {
			continue
		}
		info := serverInfo{PID: cmd.Process.Pid, URL: startup.URL, Started: time.Now().UTC()}
		b, _ = json.MarshalIndent(info, "", "  ")
		// Atomic: Stop and GetStatus read it without the lock.
		if err := safefile.WriteFileAtomic(filepath.Join(opts.Dir, serverFile), append(b, '\n'), 0o600); err != nil {
			return fail(err.Error())
		}
		creds, err := orgserver.ReadCredentials(filepath.Join(opts.Dir, orgserver.CredentialsFileName))
		if err != nil {
			return fail(err.Error())
		}
		return &Org{URL: startup.URL, PID: info.PID, Dir: opts.Dir, Started: true, Credentials: creds}, nil
	}
}

// Status describes the local org in a directory.
type Status struct {
	Dir     string    `json:"dir"`
	Running bool      `json:"running"`
	PID     int       `json:"pid,omitempty"`
	URL     string    `json:"url,omitempty"`
	Started time.Time `json:"started,omitzero"`
	Orgs    []string  `json:"orgs,omitempty"`
	// Reason says why it is not running.
	Reason string `json:"reason,omitempty"`
}

// GetStatus reports whether the local org in dir runs, and where.
func GetStatus(ctx context.Context, dir string) Status {
	st := Status{Dir: dir}
	info, err := readServerInfo(dir)
	if err != nil {
		st.Reason = "not started (" + err.Error() + ")"
		return st
	}
	st.PID, st.URL, st.Started = info.PID, info.URL, info.Started
	org, err := running(ctx, dir)
	if err != nil {
		st.Reason = err.Error()
		return st
	}
	st.Running, st.Orgs = true, org.orgNames()
	return st
}

// Stop stops the local org in dir and reports whether one was running. Its data stays, so
// the next Ensure starts it again with the same orgs and credentials.
func Stop(ctx context.Context, dir string) (bool, error) {
	info, err := readServerInfo(dir)
	if err != nil {
		return false, nil
	}
	defer os.Remove(filepath.Join(dir, serverFile))
	if !alive(info.PID) {
		return false, nil
	}
	// A pid can be reused after a reboot: stop it only if it still answers as the org.
	if healthy(ctx, info.URL) != nil {
		return false, nil
	}
	if err := syscall.Kill(info.PID, syscall.SIGTERM); err != nil {
		return false, fmt.Errorf("stop the local org (pid %d): %w", info.PID, err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for alive(info.PID) {
		if time.Now().After(deadline) {
			syscall.Kill(info.PID, syscall.SIGKILL) //nolint:errcheck // last resort
			break
		}
		select {
		case <-ctx.Done():
			return true, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	return true, nil
}

func readServerInfo(dir string) (serverInfo, error) {
	var info serverInfo
	b, err := os.ReadFile(filepath.Join(dir, serverFile))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return info, errors.New("no local org was started in " + dir)
		}
		return info, err
	}
	if err := json.Unmarshal(b, &info); err != nil || info.PID <= 0 || info.URL == "" {
		return info, fmt.Errorf("%s is damaged", filepath.Join(dir, serverFile))
	}
	return info, nil
}

// healthy asks the server's /healthz with a short timeout.
func healthy(ctx context.Context, baseURL string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(baseURL, "/")+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("the local org at %s does not answer: %w", baseURL, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("the local org at %s answers /healthz with %s", baseURL, resp.Status)
	}
	return nil
}

// alive reports whether pid is a live process; a zombie (exited, not yet reaped by its
// parent) counts as gone.
func alive(pid int) bool {
	if pid <= 0 || syscall.Kill(pid, 0) != nil {
		return false
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true // no procfs: trust kill
	}
	// The state follows the parenthesized command name, which may itself hold spaces.
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z'
	}
	return true
}

func startTimeout(opts Options) time.Duration {
	if opts.Timeout <= 0 {
		return DefaultTimeout
	}
	return opts.Timeout
}

// tail returns the last n lines of a file, for error messages.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
