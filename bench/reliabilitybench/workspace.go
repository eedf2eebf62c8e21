package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
)

// applyWorkspace is the generated workspace the apply scenarios run cx on: s.projects
// independent projects holding s.objects skills and wrap-up codes between them, in two
// environments (dev, test) on the embedded local org that cx starts under .cx/org.
type applyWorkspace struct {
	cx, tofu, root string
	s              settings
	declared       map[string][]string // collection path → declared names
}

// collection is a kind the workspace declares, by its API collection and resource type.
type collection struct {
	path, resource, prefix string
}

func collections() []collection {
	return []collection{
		{path: skillsPath, resource: "genesyscloud_routing_skill", prefix: "Rel Skill"},
		{path: "/api/v2/routing/wrapupcodes", resource: "genesyscloud_routing_wrapupcode", prefix: "Rel Wrapup"},
	}
}

const providerHead = `terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}
`

// generate writes cx.hcl and the projects: project i holds one kind (skills and wrap-up
// codes in turn), the objects shared out evenly.
func (w *applyWorkspace) generate() error {
	write := func(rel, content string) error {
		p := filepath.Join(w.root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(content), 0o644)
	}
	err := write("cx.hcl", `workspace {
  name = "reliability"
}

environment "dev" {
  org = "local:dev"
}

environment "test" {
  org = "local:test"
}

state {
  backend = "local"
  path    = ".cx/state/{env}/{project}.tfstate"
}
`)
	if err != nil {
		return err
	}
	w.declared = map[string][]string{}
	cols := collections()
	for p := range w.s.projects {
		col := cols[p%len(cols)]
		var src strings.Builder
		src.WriteString(providerHead)
		for i := p; i < w.s.objects; i += w.s.projects {
			name := fmt.Sprintf("%s %03d", col.prefix, i)
			w.declared[col.path] = append(w.declared[col.path], name)
			fmt.Fprintf(&src, "\nresource %q \"o%03d\" {\n  name = %q\n}\n", col.resource, i, name)
		}
		if err := write(fmt.Sprintf("objects-%d/main.tf", p+1), src.String()); err != nil {
			return err
		}
	}
	return nil
}

// environ is cx's environment: this OpenTofu, the provider beside cx, outside CI.
func (w *applyWorkspace) environ() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "CI", "CX_TOFU", "CX_PROVIDER_DIR":
		default:
			env = append(env, kv)
		}
	}
	return append(env, "CX_TOFU="+w.tofu)
}

// start runs cx in the workspace.
func (w *applyWorkspace) start(args ...string) (*child, error) {
	return startChild(w.root, w.environ(), append([]string{w.cx}, args...)...)
}

// run runs cx in the workspace to the end.
func (w *applyWorkspace) run(ctx context.Context, args ...string) (*child, int, error) {
	c, err := w.start(args...)
	if err != nil {
		return nil, 0, err
	}
	code, err := c.wait(ctx)
	return c, code, err
}

// localOrg is the background local org cx started for the workspace.
type localOrg struct {
	url      string
	adminKey string
	creds    []orgserver.Credential
}

func (w *applyWorkspace) org(ctx context.Context) (*localOrg, error) {
	c, code, err := w.run(ctx, "org", "status", "--json")
	if err != nil {
		return nil, err
	}
	var st struct {
		Running bool   `json:"running"`
		URL     string `json:"url"`
		Dir     string `json:"dir"`
	}
	if code != 0 || json.Unmarshal([]byte(c.stdout()), &st) != nil || !st.Running {
		return nil, fmt.Errorf("cx org status: no running local org (exit %d):\n%s", code, tailLines(c.output(), 10))
	}
	dir := st.Dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(w.root, dir)
	}
	creds, err := orgserver.ReadCredentials(filepath.Join(dir, orgserver.CredentialsFileName))
	if err != nil {
		return nil, err
	}
	return &localOrg{url: st.URL, adminKey: creds.AdminKey, creds: creds.Clients}, nil
}

// client is a read-only API client to one org of the local org: probes and checks spend
// a token budget of their own, not the deploy client's that OpenTofu uses.
func (o *localOrg) client(ctx context.Context, org string) (*apiClient, error) {
	for _, c := range o.creds {
		if c.Org == org && c.Name == "readonly" {
			api := newAPIClient(o.url, c.ClientID, c.ClientSecret)
			return api, api.login(ctx)
		}
	}
	return nil, fmt.Errorf("the local org has no readonly client in org %s", org)
}

// setLatency injects latency into every API request of the local org.
func (o *localOrg) setLatency(ctx context.Context, d time.Duration) error {
	return setLatency(ctx, o.url, o.adminKey, d)
}

// contentCheck is what an org holds of the declared objects.
type contentCheck struct {
	held, duplicates, missing, undeclared int
}

// checkContent lists every collection the workspace declares and counts declared objects
// held, names held more than once, declared names missing and objects of the workspace's
// prefixes that no project declares.
func (w *applyWorkspace) checkContent(ctx context.Context, api *apiClient) (contentCheck, error) {
	var c contentCheck
	for _, col := range collections() {
		live, err := api.listAll(ctx, col.path)
		if err != nil {
			return c, err
		}
		count := map[string]int{}
		for _, o := range live {
			if strings.HasPrefix(o.Name, col.prefix+" ") {
				count[o.Name]++
			}
		}
		declared := map[string]bool{}
		for _, name := range w.declared[col.path] {
			declared[name] = true
			switch n := count[name]; {
			case n == 0:
				c.missing++
			default:
				c.held++
				c.duplicates += n - 1
			}
		}
		for name, n := range count {
			if !declared[name] {
				c.undeclared += n
			}
		}
	}
	return c, nil
}

// stateCounts counts the resource instances in the environment's local state files.
func (w *applyWorkspace) stateCounts(env string) (int, error) {
	files, err := filepath.Glob(filepath.Join(w.root, ".cx", "state", env, "*.tfstate"))
	if err != nil {
		return 0, err
	}
	sort.Strings(files)
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return 0, err
		}
		// OpenTofu creates the file empty when it locks it and fills it on its first persist
		// (every 20s at most during an apply, and at the end): empty means nothing persisted.
		if len(b) == 0 {
			continue
		}
		var st struct {
			Resources []struct {
				Mode      string            `json:"mode"`
				Instances []json.RawMessage `json:"instances"`
			} `json:"resources"`
		}
		if err := json.Unmarshal(b, &st); err != nil {
			return 0, fmt.Errorf("%s: %w", f, err)
		}
		for _, r := range st.Resources {
			if r.Mode == "managed" {
				total += len(r.Instances)
			}
		}
	}
	return total, nil
}

// stopOrg stops the background local org (its data goes with the temporary directory).
func (w *applyWorkspace) stopOrg() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := os.Stat(filepath.Join(w.root, "cx.hcl")); err != nil {
		return
	}
	c, code, err := w.run(ctx, "org", "stop")
	switch {
	case err != nil:
		fmt.Fprintf(os.Stderr, "cx org stop: %v\n", err)
	case code != 0:
		fmt.Fprintf(os.Stderr, "cx org stop: exit %d\n%s", code, c.output())
	}
}
