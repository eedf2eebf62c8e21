package backport

import (
	"context"
	"errors"
	"fmt"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/workspace"
)

// RefreshState runs `tofu apply -refresh-only` for a project in the planner's OpenTofu
// environment (state path, data directory, provider selection): the state takes the org's
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
	project := t.Environment().Project(p)
	if project.NeverApplied() {
		return nil // nothing to refresh
	}
	session, err := project.Start("backport")
	if err != nil {
		return err
	}
	defer session.Close()
	if err := session.Ready(ctx); err != nil {
		return fmt.Errorf("ready %s in %s: %w (log: %s)", p.Name, t.Env, err, session.LogFile)
	}
	if err := session.RefreshState(ctx); err != nil {
		return fmt.Errorf("refresh the state of %s in %s: %w (log: %s)", p.Name, t.Env, err, session.LogFile)
	}
	return nil
}
