package orgserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// DefaultAddr is where a standalone local org listens unless told otherwise: loopback only,
// so nothing outside this machine can reach the orgs or their credentials.
const DefaultAddr = "127.0.0.1:8787"

// CredentialsFileName is the file in the data directory holding the base URL, the admin key
// and every client's secret: the only plaintext copy of them (the store keeps hashes).
const CredentialsFileName = "credentials.json"

// CredentialsFile is the content of CredentialsFileName.
type CredentialsFile struct {
	URL      string       `json:"url"`
	AdminKey string       `json:"adminKey"`
	Clients  []Credential `json:"clients"`
}

// ServeOptions configures Serve.
type ServeOptions struct {
	// Addr is the listen address; "" means DefaultAddr. Port 0 picks a free port.
	Addr string
	// Config is the server configuration; Config.DataDir "" keeps everything in memory.
	Config Config
	// Orgs are created when the data directory holds no org yet; nil means DefaultOrgs().
	Orgs []OrgSpec
}

// Standalone is a local org served on a real listener. Stop it with Shutdown.
type Standalone struct {
	*Server
	// URL is the base URL serving /oauth/token and /api/v2 (e.g. http://127.0.0.1:8787).
	URL string
	// Credentials holds the URL, admin key and client credentials.
	Credentials CredentialsFile
	// CredentialsPath is where Credentials are stored; "" for an in-memory server.
	CredentialsPath string
	// Created reports whether the orgs were created by this start (false: reused from the data dir).
	Created bool

	hs   *http.Server
	done chan error
}

// Serve opens (or creates) the local org in opts.Config.DataDir, listens on opts.Addr and serves
// in the background. On a data dir that holds orgs already it reuses them and their
// credentials file, updating the URL in it when the address changed.
func Serve(ctx context.Context, opts ServeOptions) (*Standalone, error) {
	addr := opts.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	srv, err := New(opts.Config)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		srv.Close()
		return nil, fmt.Errorf("listen on %s: %w (is another local org running? pick another port with --addr)", addr, err)
	}
	st := &Standalone{Server: srv, URL: "http://" + ln.Addr().String(), done: make(chan error, 1)}
	if err := st.prepareCredentials(ctx, opts); err != nil {
		ln.Close()
		srv.Close()
		return nil, err
	}
	st.hs = &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	go func() {
		err := st.hs.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		st.done <- err
	}()
	return st, nil
}

// prepareCredentials creates the orgs on an empty store, or loads the credentials of the
// existing ones, and writes the credentials file.
func (st *Standalone) prepareCredentials(ctx context.Context, opts ServeOptions) error {
	dir := opts.Config.DataDir
	if dir != "" {
		st.CredentialsPath = filepath.Join(dir, CredentialsFileName)
	}
	if len(st.store.Orgs()) == 0 {
		orgs := opts.Orgs
		if orgs == nil {
			orgs = DefaultOrgs()
		}
		creds, err := st.CreateOrgs(ctx, orgs)
		if err != nil {
			return err
		}
		st.Created = true
		st.Credentials = CredentialsFile{URL: st.URL, AdminKey: st.AdminKey(), Clients: creds}
		if dir == "" {
			return nil
		}
		return writeCredentials(st.CredentialsPath, st.Credentials)
	}
	// Existing orgs: their secrets exist only in the credentials file.
	cf, err := ReadCredentials(st.CredentialsPath)
	if err != nil {
		return fmt.Errorf("the data dir %s holds orgs but their credentials are unreadable: %w "+
			"(restore the file, or delete the data dir to start with new orgs)", dir, err)
	}
	if cf.URL == st.URL && cf.AdminKey == st.AdminKey() {
		st.Credentials = cf
		return nil
	}
	cf.URL, cf.AdminKey = st.URL, st.AdminKey()
	st.Credentials = cf
	return writeCredentials(st.CredentialsPath, cf)
}

// ReadCredentials reads a credentials file written by Serve.
func ReadCredentials(path string) (CredentialsFile, error) {
	var cf CredentialsFile
	b, err := os.ReadFile(path)
	if err != nil {
		return cf, err
	}
	if err := json.Unmarshal(b, &cf); err != nil {
		return cf, fmt.Errorf("parse %s: %w", path, err)
	}
	return cf, nil
}

// writeCredentials writes the file atomically (temp file + rename) with mode 0600, so a
// crash never leaves a half-written file and no other user can read the secrets.
func writeCredentials(path string, cf CredentialsFile) error {
	b, err := json.MarshalIndent(cf, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".credentials-*.json")
	if err != nil {
		return fmt.Errorf("write credentials: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write credentials: %w", err)
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("write credentials: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write credentials: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write credentials: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write credentials: %w", err)
	}
	return nil
}

// Credential returns the credential of client name in org.
func (st *Standalone) Credential(org, name string) (Credential, bool) {
	for _, c := range st.Credentials.Clients {
		if c.Org == org && c.Name == name {
			return c, true
		}
	}
	return Credential{}, false
}

// Done yields once serving stops: the serve error if the listener failed, nil after Shutdown.
func (st *Standalone) Done() <-chan error { return st.done }

// Shutdown stops accepting requests, waits for running ones until ctx ends, and closes the store.
func (st *Standalone) Shutdown(ctx context.Context) error {
	err := st.hs.Shutdown(ctx)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return err
}
