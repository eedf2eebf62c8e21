// Package target resolves where a cx command works: for one environment of a workspace,
// the org (the embedded local org, started when needed, or a real org's region), the
// credentials OpenTofu's provider and cx's own API client use, the OpenTofu binary and the
// provider build. Every command that touches an org (plan, apply, destroy, drift, backport)
// and the demo resolve it here, once, the same way.
package target

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/cxascode/cxascode/internal/localorg"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
)

// DeployClient is the OAuth client of a local org that cx deploys with.
const DeployClient = "deploy"

// Options configure Resolve.
type Options struct {
	// Root is the workspace root; Env the environment to target.
	Root string
	Env  workspace.Environment
	// Tofu is the OpenTofu binary ("": FindTofu); ProviderDir holds the provider plugin
	// ("": EnsureProvider).
	Tofu, ProviderDir string
	// LocalOrg serves local environments (nil: the workspace's background local org in
	// .cx/org, started when none runs).
	LocalOrg *LocalOrg
	// Progress is told when the background local org is started (nil: not told).
	Progress io.Writer
	// ClientUserAgent, when not "", asks for an API client to the org, with this user agent.
	ClientUserAgent string
	// OrgOnly resolves only the org (credentials and client), not OpenTofu and the provider:
	// for commands that talk to the org alone (cx test).
	OrgOnly bool
}

// LocalOrg is a running local org: its base URL and its OAuth clients' credentials.
type LocalOrg struct {
	URL        string
	Credential func(org, client string) (orgserver.Credential, error)
	// AdminKey opens the local org's admin surface (the call simulator); "" when unknown.
	AdminKey string
}

// InProcess is a local org served by this process (the demo's, a benchmark's).
func InProcess(st *orgserver.Standalone) *LocalOrg {
	return &LocalOrg{URL: st.URL, Credential: func(org, client string) (orgserver.Credential, error) {
		cred, ok := st.Credential(org, client)
		if !ok {
			return cred, fmt.Errorf("the local org has no %s client in org %q", client, org)
		}
		return cred, nil
	}, AdminKey: st.AdminKey()}
}

// Target is an environment resolved: what OpenTofu and cx need to work on its org.
type Target struct {
	Env workspace.Environment
	// Tofu is the OpenTofu binary; ProviderDir holds the provider plugin.
	Tofu, ProviderDir string
	// OrgEnv is the provider's environment for the org: credentials and endpoint.
	OrgEnv map[string]string
	// Client is an API client to the org; nil unless Options.ClientUserAgent asked for it.
	Client *platform.Client
	// Local is the local org serving a local environment (nil for a real org): its admin
	// surface simulates calls.
	Local *LocalOrg
	// clientConfig is how Client was made, for NewClient.
	clientConfig platform.Config
}

// NewClient is another API client to the org, with a token of its own: the rate budget is
// per token, so work that may spend more than one budget (cx org seed) spreads over several.
// It is available when Options.ClientUserAgent asked for a client.
func (t *Target) NewClient() (*platform.Client, error) {
	if t.Client == nil {
		return nil, fmt.Errorf("target: no API client was asked for")
	}
	return platform.New(t.clientConfig)
}

// Resolve finds OpenTofu and the provider, then the environment's org and credentials,
// starting the workspace's local org when the environment targets it and none runs.
func Resolve(ctx context.Context, o Options) (*Target, error) {
	t := &Target{Env: o.Env, Tofu: o.Tofu, ProviderDir: o.ProviderDir}
	var err error
	if !o.OrgOnly && t.Tofu == "" {
		if t.Tofu, err = FindTofu(o.Root); err != nil {
			return nil, err
		}
	}
	if !o.OrgOnly && t.ProviderDir == "" {
		if t.ProviderDir, err = EnsureProvider(ctx, o.Root); err != nil {
			return nil, err
		}
	}
	if !o.Env.IsLocal() {
		err = t.resolveRegion(o)
	} else {
		err = t.resolveLocal(ctx, o)
	}
	if err != nil {
		return nil, err
	}
	return t, nil
}

// resolveRegion targets a real org: credentials from the variables cx.hcl names.
func (t *Target) resolveRegion(o Options) error {
	region := o.Env.OrgName()
	orgEnv, err := RegionEnv(region, o.Env.ClientIDEnv, o.Env.ClientSecretEnv)
	if err != nil {
		return err
	}
	t.OrgEnv = orgEnv
	if o.ClientUserAgent == "" {
		return nil
	}
	base, err := platform.BaseURLForRegion(region)
	if err != nil {
		return err
	}
	t.clientConfig = platform.Config{BaseURL: base, ClientID: orgEnv["GENESYSCLOUD_OAUTHCLIENT_ID"],
		ClientSecret: orgEnv["GENESYSCLOUD_OAUTHCLIENT_SECRET"], UserAgent: o.ClientUserAgent}
	t.Client, err = platform.New(t.clientConfig)
	return err
}

// resolveLocal targets an org of a local org with its deploy client.
func (t *Target) resolveLocal(ctx context.Context, o Options) error {
	org := o.LocalOrg
	if org == nil {
		var err error
		dir := filepath.Join(o.Root, tofu.Dir, "org")
		if o.Env.LocalOrgDir != "" {
			dir = filepath.Join(o.Root, filepath.FromSlash(o.Env.LocalOrgDir))
		}
		if org, err = backgroundOrg(ctx, dir, o.Progress); err != nil {
			return err
		}
	}
	t.Local = org
	cred, err := org.Credential(o.Env.OrgName(), DeployClient)
	if err != nil {
		return err
	}
	if t.OrgEnv, err = OrgEnv(org.URL, cred.ClientID, cred.ClientSecret); err != nil {
		return err
	}
	if o.ClientUserAgent == "" {
		return nil
	}
	t.clientConfig = platform.Config{BaseURL: org.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret,
		UserAgent: o.ClientUserAgent}
	t.Client, err = platform.New(t.clientConfig)
	return err
}

// backgroundOrg is the local org with its data in dir (the workspace's .cx/org, or the one
// the environment names), started when none runs there.
func backgroundOrg(ctx context.Context, dir string, progress io.Writer) (*LocalOrg, error) {
	org, err := localorg.Ensure(ctx, localorg.Options{Dir: dir})
	if err != nil {
		return nil, err
	}
	if org.Started && progress != nil {
		fmt.Fprintf(progress, "Started the local org at %s (data in %s; stop it with `cx org stop`).\n", org.URL, org.Dir)
	}
	return &LocalOrg{URL: org.URL, Credential: org.Credential, AdminKey: org.Credentials.AdminKey}, nil
}
