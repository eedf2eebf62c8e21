package backport

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/terraform-exec/tfexec"
)

// RefreshState runs `tofu apply -refresh-only` for a project, with the same layout as the
// planner (state path, data directory, provider selection): the state takes the org's
// values, nothing in the org changes. After a backport this is what makes the next drift
// check compare the org with the state the new code describes; without it the refresh-only
// plan would keep showing the change until the next apply.
func RefreshState(ctx context.Context, t *drift.TofuPlanner, p *workspace.Project) error {
	if t == nil {
		return errors.New("backport: RefreshState needs a planner")
	}
	// The planner's hold is the environment's lock: the refresh writes the state, which no
	// plan, apply or destroy of the environment may be using meanwhile.
	release, err := t.Hold(ctx)
	if err != nil {
		return err
	}
	defer release()
	root, err := filepath.Abs(t.Workspace.Root)
	if err != nil {
		return err
	}
	logFile := filepath.Join(tofu.LogDir(root, t.Env), p.Name+".backport.log")
	if err := tofu.MkdirPrivate(tofu.DataDir(root, t.Env, p.Name), filepath.Dir(logFile)); err != nil {
		return err
	}
	backend, settings := t.Workspace.Config.State.For(t.Env, p.Name)
	var opts []tfexec.ApplyOption
	opts = append(opts, tfexec.RefreshOnly(true))
	if backend == "" || backend == "local" {
		statePath := tofu.LocalStatePath(root, t.Env, p.Name, settings)
		if _, err := os.Stat(statePath); os.IsNotExist(err) {
			return nil // never applied: nothing to refresh
		}
		//lint:ignore SA1019 -state keeps state under .cx without writing a backend block into the project (and forcing init); OpenTofu 1.10 supports it
		opts = append(opts, tfexec.State(statePath))
	}
	if env, ok := p.Environments[t.Env]; ok && env.Vars != "" {
		opts = append(opts, tfexec.VarFile(filepath.Join(root, filepath.FromSlash(env.Vars))))
	}
	logf, err := os.Create(logFile)
	if err != nil {
		return err
	}
	defer logf.Close()
	tf, err := tfexec.NewTerraform(filepath.Join(root, filepath.FromSlash(p.Dir)), t.Tofu)
	if err != nil {
		return err
	}
	if err := tf.SetEnv(t.Environ(p.Name)); err != nil {
		return err
	}
	tf.SetStdout(logf)
	tf.SetStderr(logf)
	if err := tf.Apply(ctx, opts...); err != nil {
		return fmt.Errorf("refresh the state of %s in %s: %w (log: %s)", p.Name, t.Env, err, logFile)
	}
	return nil
}
