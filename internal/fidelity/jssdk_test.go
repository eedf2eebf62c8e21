// Package fidelity runs clients we did not write against the local org, so that the org is
// checked against what real Genesys Cloud clients send and expect, not only against our own
// client. The clients' scenarios live outside Go (fidelity/<client>/ at the repository root);
// the tests here start a local org on a loopback port and drive them.
package fidelity

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
)

// jssdkDir is the official JavaScript SDK's suite, relative to this package.
const jssdkDir = "../../fidelity/jssdk"

// nodeInstallHint says how to get what the suite needs on a machine that lacks it.
const nodeInstallHint = "the fidelity suite runs the official Genesys Cloud JavaScript SDK and needs Node.js 18 or later with npm: " +
	"run scripts/install-node.sh (Debian: sudo apt-get install -y nodejs npm), or install them from https://nodejs.org"

// suiteTimeout bounds one run, the first npm install included, so that a hung node process
// fails the test instead of the whole go test binary.
const suiteTimeout = 5 * time.Minute

// TestJavaScriptSDK runs the official JavaScript SDK (purecloud-platform-client-v2, pinned
// by fidelity/jssdk/package-lock.json) through CRUD, paging and error scenarios for every
// kind it has an API class for. A scenario the org answers wrongly is marked todo in the
// suite: node reports it without failing the run, and this test logs it.
func TestJavaScriptSDK(t *testing.T) {
	node, npm := requireNode(t)
	dir, err := filepath.Abs(jssdkDir)
	if err != nil {
		t.Fatalf("locate the JavaScript SDK suite: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), suiteTimeout)
	defer cancel()
	installSuite(ctx, t, npm, dir)

	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")

	files, err := filepath.Glob(filepath.Join(dir, "*.test.js"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no *.test.js in %s (%v)", dir, err)
	}
	// Each file runs in its own node process, as many at a time as node picks for the
	// machine; scenarios within a file run concurrently where they say so. No
	// --test-concurrency: Debian 12's node 18 does not know it.
	args := append([]string{"--test", "--test-reporter=tap"}, files...)
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"FIDELITY_BASE_URL="+ts.URL,
		"FIDELITY_CLIENT_ID="+cred.ClientID,
		"FIDELITY_CLIENT_SECRET="+cred.ClientSecret,
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
	logTodos(t, string(out))
}

// requireNode finds node and npm, failing (not skipping) with how to install them: a suite
// that quietly does not run would let the org drift away from real clients unnoticed.
func requireNode(t *testing.T) (node, npm string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node not found: %s", nodeInstallHint)
	}
	npm, err = exec.LookPath("npm")
	if err != nil {
		t.Fatalf("npm not found: %s", nodeInstallHint)
	}
	return node, npm
}

// installSuite runs `npm ci` in dir unless every package the lock file pins is already in
// node_modules at its pinned version, so that only the first run (or a changed lock file)
// needs the registry.
func installSuite(ctx context.Context, t *testing.T, npm, dir string) {
	t.Helper()
	missing, err := missingPackages(dir)
	if err != nil {
		t.Fatalf("read the lock file of %s: %v", dir, err)
	}
	if missing == "" {
		return
	}
	t.Logf("installing the packages of %s (%s is not installed)", dir, missing)
	cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
	}
	if missing, err := missingPackages(dir); err != nil || missing != "" {
		t.Fatalf("npm ci in %s left %s missing (%v)", dir, missing, err)
	}
}

// missingPackages returns the first package of dir's package-lock.json that node_modules
// does not hold at the locked version, or "" when all are there.
func missingPackages(dir string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "package-lock.json"))
	if err != nil {
		return "", err
	}
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
			Link    bool   `json:"link"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(raw, &lock); err != nil {
		return "", fmt.Errorf("parse package-lock.json: %w", err)
	}
	for path, pkg := range lock.Packages {
		if path == "" || pkg.Link {
			continue // the suite itself; linked packages have no version of their own
		}
		raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path), "package.json"))
		if errors.Is(err, os.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		var installed struct {
			Version string `json:"version"`
		}
		if err := json.Unmarshal(raw, &installed); err != nil || installed.Version != pkg.Version {
			return path + "@" + pkg.Version, nil
		}
	}
	return "", nil
}

// logTodos repeats node's todo scenarios (the org's known wrong answers) and its summary, so
// that they show in `go test -v` without digging through the TAP output.
func logTodos(t *testing.T, tap string) {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(tap))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.Contains(line, "# TODO"):
			t.Logf("known wrong answer of the local org: %s", line)
		case strings.HasPrefix(line, "# tests "), strings.HasPrefix(line, "# pass "), strings.HasPrefix(line, "# fail "),
			strings.HasPrefix(line, "# todo "), strings.HasPrefix(line, "# duration_ms "):
			t.Log(line)
		}
	}
}
