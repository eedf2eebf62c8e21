package provider

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// The validation memo remembers, across provider processes, which configurations validated
// without a single diagnostic. OpenTofu validates every resource's configuration twice per
// plan (its validate walk and again while planning, each in a provider process of its own),
// and the framework's validation walks the schema path by path: in a no-op plan of 1,270
// objects it was 40 % of the provider's CPU. A configuration this very build of the provider
// found clean is clean again, so the memo answers it without the framework.
//
// That holds because validation is a function of the configuration alone: no validator or
// ValidateConfig of this provider reads the org, the environment, files or the clock (files
// a configuration names are read by plan modifiers and applies, not validators). Keep it so.
// Only clean answers are remembered (a warning or an error always comes from the framework),
// and the key holds everything the answer depends on: the build (Go build ID and version),
// the call, the type, the client's capabilities and the configuration's exact bytes. A memo
// that is lost, cut short or damaged costs only a validation through the framework.
//
// The memo is one file per build, of one hex key per line, appended to by every process of
// that build (on a local file system, appends of one short line do not interleave; where
// they do, a damaged line is only a key that matches nothing); files of builds not used for
// two weeks are removed, and a file grown past memoMaxBytes (64k keys) starts over.
const (
	validationMemoFormat = "1" // changes whenever what a key covers changes
	envCacheDir          = "CX_PROVIDER_CACHE_DIR"
	memoMaxBytes         = 4 << 20
	memoMaxAge           = 14 * 24 * time.Hour
)

// WithValidationMemo makes the provider remember clean validations in dir (see above; ""
// turns the memo off). The provider binary passes DefaultValidationMemoDir; a program hosting
// the provider in process has none unless it asks.
func WithValidationMemo(dir string) Option {
	return func(p *genesysProvider) { p.memoDir = dir }
}

// DefaultValidationMemoDir is where the provider binary keeps its validation memo:
// CX_PROVIDER_CACHE_DIR (off, 0 or false: nowhere), else cxascode/provider in the user's
// cache directory ($XDG_CACHE_HOME or ~/.cache); "" when there is none.
func DefaultValidationMemoDir(getenv func(string) (string, bool)) string {
	if v, ok := getenv(envCacheDir); ok {
		if envOff(getenv, envCacheDir) {
			return ""
		}
		return v
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "cxascode", "provider")
}

type validationMemo struct {
	path  string
	build []byte // what identifies this build, the first part of every key

	ready chan struct{} // closed once load is done
	mu    sync.Mutex
	clean map[[sha256.Size]byte]struct{}
	f     *os.File // nil: nothing is written (the file could not be opened for it)
}

// newValidationMemo returns the memo of this build in dir, or nil when it cannot have one
// (no directory, or the running executable has no build ID), and starts reading its file.
func newValidationMemo(dir, version string) *validationMemo {
	id := buildID() // build_id.go: the Go build ID, which changes with any change to the code
	if dir == "" || id == "" {
		return nil
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs // a relative directory is OpenTofu's working directory's
	}
	sum := sha256.Sum256([]byte(validationMemoFormat + "\x00" + version + "\x00" + id))
	m := &validationMemo{
		path:  filepath.Join(dir, "validate-"+hex.EncodeToString(sum[:8])+".memo"),
		build: sum[:],
		ready: make(chan struct{}),
	}
	// Read while OpenTofu asks for the schema and configures the provider: a validation
	// never waits for the file (until it is read, validations go through the framework).
	go m.load()
	return m
}

// key is the memo's key of one validation call: call tells the resource and data source
// calls apart, caps holds the client's capabilities. ok is false for a configuration the
// memo cannot key (none sent).
func (m *validationMemo) key(call byte, typeName string, caps byte, config *tfprotov6.DynamicValue) (k [sha256.Size]byte, ok bool) {
	if m == nil || config == nil {
		return k, false
	}
	h := sha256.New()
	h.Write(m.build)
	encoding, raw := byte('m'), config.MsgPack
	if raw == nil {
		encoding, raw = 'j', config.JSON
	}
	h.Write([]byte{call, caps, encoding})
	h.Write([]byte(typeName))
	h.Write([]byte{0})
	h.Write(raw)
	h.Sum(k[:0])
	return k, true
}

// loaded reports whether the memo's file has been read.
func (m *validationMemo) loaded() bool {
	select {
	case <-m.ready:
		return true
	default:
		return false
	}
}

// has reports whether the configuration keyed k validated clean before.
func (m *validationMemo) has(k [sha256.Size]byte) bool {
	if !m.loaded() {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.clean[k]
	return ok
}

// add remembers that the configuration keyed k validated clean (once the file is read).
func (m *validationMemo) add(k [sha256.Size]byte) {
	if !m.loaded() {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.clean[k]; ok {
		return
	}
	m.clean[k] = struct{}{}
	if m.f == nil {
		return
	}
	line := make([]byte, 0, 2*sha256.Size+1)
	line = hex.AppendEncode(line, k[:])
	if _, err := m.f.Write(append(line, '\n')); err != nil {
		m.f.Close()
		m.f = nil // a full disk or a removed directory: remember in memory only
	}
}

// load reads the memo's file and opens it for appending. Any failure leaves the memo empty,
// read only or in memory only: it costs validations through the framework, never a failed
// one. The directory must be the user's own and closed to others (anyone who can write in
// it could plant keys); the file must be a regular file, not a link.
func (m *validationMemo) load() {
	defer close(m.ready)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.clean = map[[sha256.Size]byte]struct{}{}
	dir := filepath.Dir(m.path)
	if err := os.MkdirAll(dir, 0o700); err != nil || !privateDir(dir) {
		return
	}
	flags := os.O_RDWR | os.O_CREATE | os.O_APPEND | noFollow
	if fi, err := os.Lstat(m.path); err != nil {
		removeStaleMemos(dir) // a new build: the time to drop the files of old ones
	} else if !fi.Mode().IsRegular() {
		return
	} else if fi.Size() > memoMaxBytes {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(m.path, flags, 0o600)
	if err != nil {
		if f, err = os.OpenFile(m.path, os.O_RDONLY|noFollow, 0); err != nil { // e.g. a read-only file system
			return
		}
		defer f.Close()
	} else {
		m.f = f
		now := time.Now()
		os.Chtimes(m.path, now, now) // in use: not stale, even when nothing new is added
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		if m.f != nil {
			m.f.Close()
			m.f = nil
		}
		return
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var k [sha256.Size]byte
		if line := sc.Bytes(); len(line) == 2*sha256.Size {
			if _, err := hex.Decode(k[:], line); err == nil {
				m.clean[k] = struct{}{}
			}
		}
	}
	// A line cut short by a process that died mid-write would run into the next one
	// appended: end it, so the damage stays one key.
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 && m.f != nil {
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, fi.Size()-1); err == nil && last[0] != '\n' {
			f.Write([]byte{'\n'})
		}
	}
}

// removeStaleMemos removes the memo files in dir not written to for memoMaxAge.
func removeStaleMemos(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "validate-") || !strings.HasSuffix(e.Name(), ".memo") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > memoMaxAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// ValidateResourceConfig answers a configuration this build found clean before from the
// validation memo, and remembers the ones the framework finds clean.
func (s *server) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	if req == nil {
		return s.ProviderServer.ValidateResourceConfig(ctx, req)
	}
	var caps byte
	if req.ClientCapabilities != nil && req.ClientCapabilities.WriteOnlyAttributesAllowed {
		caps = 1
	}
	return memoized(s, 'r', req.TypeName, caps, req.Config,
		func() (*tfprotov6.ValidateResourceConfigResponse, error) {
			return s.ProviderServer.ValidateResourceConfig(ctx, req)
		},
		func(r *tfprotov6.ValidateResourceConfigResponse) int { return len(r.Diagnostics) })
}

// ValidateDataResourceConfig is ValidateResourceConfig for data sources.
func (s *server) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	if req == nil {
		return s.ProviderServer.ValidateDataResourceConfig(ctx, req)
	}
	return memoized(s, 'd', req.TypeName, 0, req.Config,
		func() (*tfprotov6.ValidateDataResourceConfigResponse, error) {
			return s.ProviderServer.ValidateDataResourceConfig(ctx, req)
		},
		func(r *tfprotov6.ValidateDataResourceConfigResponse) int { return len(r.Diagnostics) })
}

// memoized answers one validation call from the memo (an empty response: no diagnostics)
// when the memo holds its key, else calls validate and remembers an answer with no
// diagnostics.
func memoized[R any](s *server, call byte, typeName string, caps byte, config *tfprotov6.DynamicValue,
	validate func() (*R, error), diagnostics func(*R) int) (*R, error) {
	var k [sha256.Size]byte
	ok := false
	if s.on {
		if k, ok = s.memo.key(call, typeName, caps, config); ok && s.memo.has(k) {
			s.stats.validations.Add(1)
			return new(R), nil
		}
	}
	resp, err := validate()
	if ok && err == nil && resp != nil && diagnostics(resp) == 0 {
		s.memo.add(k)
	}
	return resp, err
}
