package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/spf13/cobra"
)

func newApplyCommand() *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "apply [PROJECT...]",
		Short: "Plan and apply every project of an environment in dependency order",
		Long: `Apply plans each project to a file and applies exactly that plan, dependencies first and
independent projects in parallel. A project that fails skips the projects depending on it;
the others complete, and re-running finishes the job.

Protected environments (protected = true in cx.hcl) deploy only from CI (CI=true). Outside
CI, --break-glass --reason "…" deploys anyway and records who, when and why in
.cx/breakglass.log (and, on the local org, as breakGlass=true and the reason in the context of
every audit record the deploy writes), so the change can be backported into code.`,
		Example: `  cx apply                      # environment dev on the local org
  cx apply --env test --parallel 8
  cx apply --env prod --break-glass --reason "INC-1234: queue overflow"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProjects(cmd, runner.ActionApply, f, args)
		},
	}
	f.register(cmd)
	addBreakGlassFlags(cmd, f)
	return cmd
}

func addBreakGlassFlags(cmd *cobra.Command, f *runFlags) {
	cmd.Flags().BoolVar(&f.breakGlass, "break-glass", false, "deploy to a protected environment outside CI (needs --reason)")
	cmd.Flags().StringVar(&f.reason, "reason", "", "why the break-glass deploy is needed (recorded)")
}

// breakGlassRecord is one line of .cx/breakglass.log.
type breakGlassRecord struct {
	Time     time.Time `json:"time"`
	Env      string    `json:"env"`
	Action   string    `json:"action"`
	Projects []string  `json:"projects,omitempty"` // empty: all
	Reason   string    `json:"reason"`
	User     string    `json:"user,omitempty"`
	Host     string    `json:"host,omitempty"`
}

// checkProtected refuses changes to a protected environment outside CI unless break-glass
// is declared with a reason, which it records. It returns the audit context for the org.
func checkProtected(root string, env workspace.Environment, action runner.Action, projects []string, f *runFlags) (string, error) {
	if os.Getenv("CI") == "true" {
		return "", nil
	}
	if !f.breakGlass {
		return "", fmt.Errorf("environment %s is protected: %s it from CI (CI=true), or declare an emergency with --break-glass --reason \"…\"", env.Name, action)
	}
	reason := strings.TrimSpace(f.reason)
	if reason == "" {
		return "", errors.New("--break-glass needs --reason \"…\": it is recorded so the change can be backported")
	}
	rec := breakGlassRecord{Time: time.Now().UTC(), Env: env.Name, Action: string(action), Projects: projects, Reason: reason}
	if u, err := user.Current(); err == nil {
		rec.User = u.Username
	}
	rec.Host, _ = os.Hostname()
	if err := tofu.EnsureCXDir(root); err != nil {
		return "", err
	}
	line, err := json.Marshal(rec)
	if err != nil {
		return "", err
	}
	lf, err := os.OpenFile(filepath.Join(root, ".cx", "breakglass.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return "", fmt.Errorf("record the break-glass deploy: %w", err)
	}
	if _, err := lf.Write(append(line, '\n')); err != nil {
		lf.Close()
		return "", fmt.Errorf("record the break-glass deploy: %w", err)
	}
	if err := lf.Close(); err != nil {
		return "", fmt.Errorf("record the break-glass deploy: %w", err)
	}
	// The header's format is "key=value; key=value": keep the reason from breaking it.
	clean := strings.NewReplacer(";", ",", "\n", " ", "\r", " ").Replace(reason)
	return "breakGlass=true; reason=" + clean, nil
}
