package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/test"
	"github.com/cxascode/cxascode/internal/workspace"
)

// postDeployTests is the demo's `cx test --env dev`: the example's tests (tests/*.cxtest.hcl in
// each project) run against what dev now holds — simulated calls through the deployed IVRs,
// hours and published flows, and the objects by name. A failing test fails the demo.
func (t *demoRun) postDeployTests(ctx context.Context, ws *workspace.Workspace, g *workspace.Graph, org *orgserver.Standalone) error {
	env, ok := ws.Config.Environment("dev")
	if !ok {
		return errors.New("the workspace has no environment dev")
	}
	suite, err := test.Load(ws, g, env.Name, nil)
	if err != nil {
		return fmt.Errorf("the example's tests do not parse:\n%w", err)
	}
	local := target.InProcess(org)
	tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: env, OrgOnly: true, LocalOrg: local, ClientUserAgent: "cx-test"})
	if err != nil {
		return err
	}
	rep := test.Run(ctx, test.Options{Suite: suite, Env: env.Name, Client: tg.Client,
		Simulator: &test.LocalSimulator{URL: local.URL, AdminKey: local.AdminKey, Org: env.OrgName()}})
	byKind := map[string]int{}
	for _, r := range rep.Results {
		byKind[r.Test.Kind]++
	}
	fmt.Fprintf(t.w, "  %d simulated calls (open, closed, holiday, every menu choice, bad input), %d object checks and %d data action %s\n",
		byKind[test.KindCall], byKind[test.KindObject], byKind[test.KindDataAction], plural(byKind[test.KindDataAction], "test", "tests"))
	if !rep.Passed() {
		var b strings.Builder
		if err := rep.WriteText(&b); err != nil {
			return err
		}
		return fmt.Errorf("the example's tests fail on dev:\n%s", b.String())
	}
	fmt.Fprintf(t.w, "  %s\n", rep.Summary())
	return nil
}

// plural is one or many, by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
