package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/tofu"
	tfjson "github.com/hashicorp/terraform-json"
)

// planSaver writes each planned project's plan as dir/<project>.json, as tofu show -json
// prints it, so that cx check --plans dir gives it to the Rego policies. dir is relative to
// the workspace root. A project without changes writes nothing: its plan changes nothing a
// policy could object to.
func planSaver(root, dir string) func(ctx context.Context, project string, _ *tofu.SavedPlan, show func(context.Context) (*tfjson.Plan, error)) error {
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}
	return func(ctx context.Context, project string, _ *tofu.SavedPlan, show func(context.Context) (*tfjson.Plan, error)) error {
		plan, err := show(ctx)
		if err != nil {
			return fmt.Errorf("save plan: %w", err)
		}
		raw, err := json.Marshal(plan)
		if err != nil {
			return fmt.Errorf("save plan: %w", err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("save plan: %w", err)
		}
		return safefile.WriteFileAtomic(filepath.Join(dir, project+".json"), raw, 0o644)
	}
}
