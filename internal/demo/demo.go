// Package demo is cxascode's main job (`make demo`, `cx demo`): it deploys the example
// contact center (examples/contact-center) the way a team would, with nothing configured and
// no network — build the provider, start a local org with dev, test and prod, show the
// workspace's inferred graph, `cx apply --env dev`, re-plan to show nothing is left to change,
// run the example's post-deploy tests, promote to test, and read test's audit log.
//
// It runs the same packages the cx commands do (workspace, runner, orgserver); only the
// scenery differs: the org runs in this process and in memory, and the workspace is copied
// to a temporary directory, so the demo leaves nothing behind and every run starts alike.
package demo

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
)

// ExampleDir is the example workspace inside the cxascode repository.
const ExampleDir = "examples/contact-center"

// Options configure Run.
type Options struct {
	// Workspace is the workspace to deploy; "" is ExampleDir of the repository holding the
	// current directory.
	Workspace string
	// Tofu is the OpenTofu binary; "" finds one like cx does (target.FindTofu).
	Tofu string
	// ProviderDir holds a built provider plugin; "" builds one with `go build`.
	ProviderDir string
	// Parallel is how many projects run at once (0: runner.DefaultParallel).
	Parallel int
	// Live redraws a status line under the progress (for terminals).
	Live bool
}

// Run gives the demo, writing what it does to w.
func Run(ctx context.Context, w io.Writer, opts Options) error {
	t := &demoRun{w: w, opts: opts, start: time.Now()}
	return t.run(ctx)
}

type demoRun struct {
	w     io.Writer
	opts  Options
	step  int
	start time.Time
	repo  string // the cxascode repository, "" when the workspace is elsewhere
}

func (t *demoRun) run(ctx context.Context) error {
	src, err := t.workspaceDir()
	if err != nil {
		return err
	}
	fmt.Fprintf(t.w, "cxascode main job: deploy %s to a local Genesys Cloud org, dev first, then promote to test.\n", t.show(src))

	tmp, err := os.MkdirTemp("", "cx-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	t.title("Build the provider and find OpenTofu")
	tofu, providerDir, err := t.tools(ctx, tmp)
	if err != nil {
		return err
	}

	t.title("Start a local Genesys Cloud org")
	org, err := orgserver.Serve(ctx, orgserver.ServeOptions{Addr: "127.0.0.1:0"})
	if err != nil {
		return fmt.Errorf("start the local org: %w", err)
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		org.Shutdown(sctx) //nolint:errcheck // the demo's result is decided already
	}()
	fmt.Fprintf(t.w, "  Platform API v2 at %s, in memory, orgs %s\n", org.URL, strings.Join(orgNames(org), ", "))
	fmt.Fprintln(t.w, "  each org has a \"deploy\" OAuth client; OpenTofu uses dev's, then test's")

	t.title("The workspace and its graph, inferred from names")
	root := filepath.Join(tmp, "workspace")
	if err := copyWorkspace(src, root); err != nil {
		return fmt.Errorf("copy the workspace: %w", err)
	}
	fmt.Fprintf(t.w, "  %s, copied to a temporary directory so state, plans and logs stay out of the source tree\n", t.show(src))
	ws, g, err := loadGraph(root)
	if err != nil {
		return err
	}
	t.printGraph(ws, g)

	run := func(env string, action runner.Action) (*runner.Result, error) {
		environment, ok := ws.Config.Environment(env)
		if !ok {
			return nil, fmt.Errorf("the workspace has no environment %q", env)
		}
		tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: environment, Tofu: tofu, ProviderDir: providerDir,
			LocalOrg: target.InProcess(org)})
		if err != nil {
			return nil, err
		}
		res, err := runner.Run(ctx, runner.Options{Workspace: ws, Graph: g, Env: env, Action: action,
			Parallel: t.opts.Parallel, Tofu: tg.Tofu, ProviderDir: tg.ProviderDir, OrgEnv: tg.OrgEnv,
			Progress: newIndent(t.w), Live: t.opts.Live})
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", action, env, err)
		}
		fmt.Fprintln(t.w)
		res.WriteSummary(newIndent(t.w)) //nolint:errcheck // progress output; the result decides
		if res.ExitCode == 1 {
			return res, fmt.Errorf("%s %s: some projects did not complete:\n%s", action, env, failedLogs(res))
		}
		return res, nil
	}

	t.title("cx apply --env dev")
	if _, err := run("dev", runner.ActionApply); err != nil {
		return err
	}

	t.title("cx plan --env dev: the code and the org agree")
	res, err := run("dev", runner.ActionPlan)
	if err != nil {
		return err
	}
	if res.ExitCode != 0 {
		return errors.New("the re-plan of dev has changes right after apply: the provider does not read back what it wrote")
	}
	fmt.Fprintln(t.w, "  Every project plans empty: what was applied is exactly what the files say.")

	t.title("cx test --env dev: calls through the deployed flows, objects by name")
	if err := t.postDeployTests(ctx, ws, g, org); err != nil {
		return err
	}

	t.title("Promote to test: cx apply --env test")
	fmt.Fprintln(t.w, "  The same files with env/test.tfvars (test's phone numbers), on the test org.")
	if _, err := run("test", runner.ActionApply); err != nil {
		return err
	}

	t.title("Test's audit log (excerpt): who changed what")
	if err := t.printAudit(ctx, org); err != nil {
		return err
	}

	t.title("Clean up")
	fmt.Fprintf(t.w, "  The org ran in memory inside this process and the workspace copy is removed: nothing is left behind.\n")
	fmt.Fprintf(t.w, "  Main job done in %.0fs.\n\n", time.Since(t.start).Seconds())
	fmt.Fprintln(t.w, "Do it yourself, against a local org that keeps running in the background (data in .cx/org):")
	fmt.Fprintln(t.w, "  go build -o bin/cx ./cmd/cx && cd "+ExampleDir)
	fmt.Fprintln(t.w, "  ../../bin/cx graph")
	fmt.Fprintln(t.w, "  ../../bin/cx apply --env dev")
	fmt.Fprintln(t.w, "  ../../bin/cx apply --env test")
	fmt.Fprintln(t.w, "  ../../bin/cx destroy --env test && ../../bin/cx destroy --env dev")
	fmt.Fprintln(t.w, "  ../../bin/cx org stop")
	return nil
}

// workspaceDir is the workspace to deploy, absolute.
func (t *demoRun) workspaceDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	t.repo = target.FindRepo(wd)
	dir := t.opts.Workspace
	if dir == "" {
		if t.repo == "" {
			return "", fmt.Errorf("run the demo inside the cxascode repository (it deploys %s), or name a workspace", ExampleDir)
		}
		dir = filepath.Join(t.repo, filepath.FromSlash(ExampleDir))
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(dir, workspace.ConfigFile)); err != nil {
		return "", fmt.Errorf("%s is not a workspace: %w", dir, err)
	}
	return dir, nil
}

// tools finds OpenTofu and builds the provider (unless options name them).
func (t *demoRun) tools(ctx context.Context, tmp string) (tofu, providerDir string, err error) {
	providerDir = t.opts.ProviderDir
	if providerDir == "" {
		if t.repo == "" {
			return "", "", errors.New("building the provider needs the cxascode repository; name a ProviderDir")
		}
		providerDir = filepath.Join(tmp, "bin")
		start := time.Now()
		if err := target.BuildProvider(ctx, t.repo, providerDir); err != nil {
			return "", "", err
		}
		fmt.Fprintf(t.w, "  provider  go build ./cmd/terraform-provider-genesyscloud (%.1fs)\n", time.Since(start).Seconds())
	} else {
		fmt.Fprintf(t.w, "  provider  %s\n", t.show(providerDir))
	}
	tofu = t.opts.Tofu
	if tofu != "" {
		if tofu, err = filepath.Abs(tofu); err != nil {
			return "", "", err
		}
		if _, err := os.Stat(tofu); err != nil {
			return "", "", fmt.Errorf("OpenTofu: %w (in the repository, `make tofu` builds bin/tofu)", err)
		}
	} else {
		root := t.repo
		if root == "" {
			root = "."
		}
		if tofu, err = target.FindTofu(root); err != nil {
			return "", "", fmt.Errorf("%w (in the repository, `make tofu` builds bin/tofu)", err)
		}
	}
	fmt.Fprintf(t.w, "  OpenTofu  %s, selecting the provider by a generated CLI configuration: no registry, no network\n", t.show(tofu))
	return tofu, providerDir, nil
}

func loadGraph(root string) (*workspace.Workspace, *workspace.Graph, error) {
	ws, err := workspace.Load(root)
	if err != nil {
		return nil, nil, err
	}
	g, ds := workspace.BuildGraph(ws)
	if diags := workspace.Diagnostics(ds); diags.HasErrors() {
		return nil, nil, fmt.Errorf("the workspace graph has errors:\n%s", diags.Errors())
	}
	return ws, g, nil
}

// printGraph shows the levels (what deploys together) and each edge with the names behind
// it; `cx graph` adds the file and line of every reference.
func (t *demoRun) printGraph(ws *workspace.Workspace, g *workspace.Graph) {
	var envs []string
	for _, e := range ws.Config.Environments {
		s := e.Name + " (" + e.Org
		if e.Protected {
			s += ", protected"
		}
		envs = append(envs, s+")")
	}
	fmt.Fprintf(t.w, "  environments: %s\n", strings.Join(envs, " → "))
	levels, err := g.Levels()
	if err == nil {
		for i, l := range levels {
			fmt.Fprintf(t.w, "  level %d: %s\n", i+1, strings.Join(l, ", "))
		}
	}
	tw := tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	prev := ""
	for _, e := range g.Edges {
		from := e.From
		if from == prev {
			from = ""
		}
		prev = e.From
		var names []string
		for _, r := range e.Refs {
			if !slices.Contains(names, r.Name) {
				names = append(names, r.Name)
			}
		}
		slices.Sort(names)
		fmt.Fprintf(tw, "  %s\t→ %s\t%s\n", from, e.To, strings.Join(names, ", "))
	}
	tw.Flush()
	warnings := workspace.Diagnostics(g.Diagnostics).Warnings()
	for _, d := range warnings {
		fmt.Fprintf(t.w, "  warning: %s\n", d)
	}
	fmt.Fprintf(t.w, "  %d projects, %d edges, %d warnings; no flow project depends on another, so each deploys alone.\n",
		len(g.Projects), len(g.Edges), len(warnings))
}

// printAudit summarises test's audit log: how many changes of each kind, and the flow
// publishes, each with the OAuth client that made it.
func (t *demoRun) printAudit(ctx context.Context, org *orgserver.Standalone) error {
	cred, ok := org.Credential("test", "deploy")
	if !ok {
		return errors.New("the local org has no deploy client in org test")
	}
	c, err := platform.New(platform.Config{BaseURL: org.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret,
		RateLimitPerMinute: -1, UserAgent: "cx-demo"})
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	interval := now.Add(-time.Hour).Format(time.RFC3339) + "/" + now.Add(time.Hour).Format(time.RFC3339)
	var msgs []platform.AuditLogMessage
	for page := 1; ; page++ {
		res, err := c.QueryAuditsRealtime(ctx, platform.AuditRealtimeQueryRequest{
			Interval:   platform.Ptr(interval),
			Sort:       []platform.AuditQuerySort{{Name: platform.Ptr("Timestamp"), SortOrder: platform.Ptr("ascending")}},
			PageSize:   platform.Ptr(500),
			PageNumber: platform.Ptr(page),
		})
		if err != nil {
			return fmt.Errorf("query test's audit log: %w", err)
		}
		msgs = append(msgs, res.Entities...)
		if len(res.Entities) == 0 || res.PageCount == nil || page >= *res.PageCount {
			break
		}
	}
	type key struct{ service, typ, action string }
	counts := map[key]int{}
	clients := map[string]bool{}
	for _, m := range msgs {
		counts[key{deref(m.ServiceName), deref(m.EntityType), deref(m.Action)}]++
		clients[m.Context["clientName"]] = true
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.service, b.service), cmp.Compare(a.typ, b.typ), cmp.Compare(a.action, b.action))
	})
	tw := tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  SERVICE\tTYPE\tACTION\tRECORDS")
	for _, k := range keys {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\n", k.service, k.typ, k.action, counts[k])
	}
	tw.Flush()
	fmt.Fprintln(t.w)
	var flows []platform.AuditLogMessage
	for _, m := range msgs {
		if deref(m.EntityType) == "Flow" {
			flows = append(flows, m)
		}
	}
	slices.SortFunc(flows, func(a, b platform.AuditLogMessage) int {
		return cmp.Compare(entityName(a.Entity), entityName(b.Entity))
	})
	tw = tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  CLIENT\tACTION\tTYPE\tNAME\tPROPERTIES SET")
	for _, m := range flows {
		var props []string
		for _, pc := range m.PropertyChanges {
			props = append(props, deref(pc.Property))
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", m.Context["clientName"], deref(m.Action), deref(m.EntityType),
			entityName(m.Entity), summarize(props, 5))
	}
	tw.Flush()
	var names []string
	for n := range clients {
		names = append(names, n)
	}
	slices.Sort(names)
	fmt.Fprintf(t.w, "\n  %d audit records in test, made by the OAuth client %s: one per change, none for reads.\n",
		len(msgs), strings.Join(names, ", "))
	return nil
}

func (t *demoRun) title(s string) {
	t.step++
	fmt.Fprintf(t.w, "\n%d. %s\n", t.step, s)
}

// show prints a path relative to the repository when it is inside it: the output reads the
// same on every machine.
func (t *demoRun) show(p string) string {
	if t.repo != "" {
		if rel, err := filepath.Rel(t.repo, p); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return p
}

func orgNames(org *orgserver.Standalone) []string {
	var names []string
	for _, c := range org.Credentials.Clients {
		if !slices.Contains(names, c.Org) {
			names = append(names, c.Org)
		}
	}
	return names
}

// copyWorkspace copies a workspace without its .cx directory (state, plans, a running
// org's data) and Go files (the example's tests).
func copyWorkspace(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir() && d.Name() == ".cx":
			return filepath.SkipDir
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular() || strings.HasSuffix(path, ".go"):
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// failedLogs returns the last lines of each failed project's OpenTofu log.
func failedLogs(res *runner.Result) string {
	var b strings.Builder
	for _, p := range res.Projects {
		if p.Status != runner.StatusFailed || p.Log == "" {
			continue
		}
		log, _ := os.ReadFile(p.Log)
		lines := strings.Split(strings.TrimSpace(string(log)), "\n")
		if len(lines) > 30 {
			lines = lines[len(lines)-30:]
		}
		fmt.Fprintf(&b, "--- %s: %s\n%s\n", p.Project, p.Error, strings.Join(lines, "\n"))
	}
	return b.String()
}

// indent prefixes every line written through it with two spaces, so the runner's progress
// and summary sit under the step's title. It remembers whether the last write ended a line:
// tabwriter writes a row cell by cell.
type indent struct {
	w       io.Writer
	midLine bool
}

func newIndent(w io.Writer) *indent { return &indent{w: w} }

func (i *indent) Write(p []byte) (int, error) {
	var b bytes.Buffer
	for line := range bytes.Lines(p) {
		// A terminal's status-line redraw starts with \r: it rewrites the line, indented anew.
		if !i.midLine && line[0] != '\n' && line[0] != '\r' {
			b.WriteString("  ")
		}
		b.Write(line)
		i.midLine = line[len(line)-1] != '\n'
		if line[0] == '\r' && len(bytes.TrimLeft(line, "\r\033[K")) == 0 {
			i.midLine = false
		}
	}
	if _, err := i.w.Write(b.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

func summarize(xs []string, n int) string {
	if len(xs) <= n {
		return strings.Join(xs, ", ")
	}
	return strings.Join(xs[:n], ", ") + fmt.Sprintf(", … (+%d)", len(xs)-n)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func entityName(e *platform.DomainEntityRef) string {
	if e == nil {
		return ""
	}
	return deref(e.Name)
}
