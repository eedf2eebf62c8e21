// Package breakglass is the guard on protected environments: changes to one come from CI,
// or from a person who declares an emergency with a reason. The declaration is recorded in
// the workspace (.cx/breakglass.log) and travels with every API call of the deploy as audit
// context, so the org's audit log says which changes were break-glass and why — and the
// change can be backported into code.
package breakglass

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
)

// AuditContextEnv is the variable the provider sends with every API call (as
// X-Cx-Audit-Context); the local org puts it into the context of every audit record the
// deploy writes.
const AuditContextEnv = "CX_AUDIT_CONTEXT"

// LogFile is the workspace's record of break-glass deploys, one JSON object a line.
const LogFile = "breakglass.log"

// Declaration is what the person changing the environment declared (cx's --break-glass
// and --reason).
type Declaration struct {
	BreakGlass bool
	Reason     string
}

// Record is one line of the break-glass log.
type Record struct {
	Time     time.Time `json:"time"`
	Env      string    `json:"env"`
	Action   string    `json:"action"`
	Projects []string  `json:"projects,omitempty"` // empty: all
	Reason   string    `json:"reason"`
	User     string    `json:"user,omitempty"`
	Host     string    `json:"host,omitempty"`
}

// Check decides whether action (apply, destroy) may change env, outside CI (CI=true) only
// with break-glass declared with a reason, which it records in the workspace at root. It
// returns the audit context for the deploy's API calls ("" when there is none to send).
func Check(root string, env workspace.Environment, action string, projects []string, d Declaration) (string, error) {
	if !env.Protected || os.Getenv("CI") == "true" {
		return "", nil
	}
	if !d.BreakGlass {
		return "", fmt.Errorf("environment %s is protected: %s it from CI (CI=true), or declare an emergency with --break-glass --reason \"…\"", env.Name, action)
	}
	reason := strings.TrimSpace(d.Reason)
	if reason == "" {
		return "", errors.New("--break-glass needs --reason \"…\": it is recorded so the change can be backported")
	}
	rec := Record{Time: time.Now().UTC(), Env: env.Name, Action: action, Projects: projects, Reason: reason}
	if u, err := user.Current(); err == nil {
		rec.User = u.Username
	}
	rec.Host, _ = os.Hostname()
	if err := appendRecord(root, rec); err != nil {
		return "", fmt.Errorf("record the break-glass deploy: %w", err)
	}
	// The header's format is "key=value; key=value": keep the reason from breaking it.
	clean := strings.NewReplacer(";", ",", "\n", " ", "\r", " ").Replace(reason)
	return "breakGlass=true; reason=" + clean, nil
}

// appendRecord adds rec to the log in the private .cx: the log names people and hosts.
func appendRecord(root string, rec Record) error {
	if err := tofu.EnsureCXDir(root); err != nil {
		return err
	}
	line, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	lf, err := os.OpenFile(tofu.Path(root, LogFile), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	if _, err := lf.Write(append(line, '\n')); err != nil {
		lf.Close()
		return err
	}
	return lf.Close()
}
