package target

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/workspace"
)

// TestResolveLocalEnvironment resolves an environment on an in-process local org: the
// deploy client's credentials, the gateway and an API client, with the binaries given.
func TestResolveLocalEnvironment(t *testing.T) {
	ctx := context.Background()
	st := serveLocalOrg(t)
	dev := workspace.Environment{Name: "dev", Org: "local:dev"}
	tg, err := Resolve(ctx, Options{Root: t.TempDir(), Env: dev, Tofu: "/opt/tofu", ProviderDir: "/opt/provider",
		LocalOrg: InProcess(st), ClientUserAgent: "cx-test"})
	if err != nil {
		t.Fatal(err)
	}
	cred, _ := st.Credential("dev", DeployClient)
	if tg.Tofu != "/opt/tofu" || tg.ProviderDir != "/opt/provider" || tg.Client == nil ||
		tg.OrgEnv["GENESYSCLOUD_OAUTHCLIENT_ID"] != cred.ClientID || tg.OrgEnv["GENESYSCLOUD_GATEWAY_HOST"] != "127.0.0.1" {
		t.Errorf("target: %+v", tg)
	}
	if tg, err := Resolve(ctx, Options{Root: t.TempDir(), Env: dev, Tofu: "/opt/tofu", ProviderDir: "/opt/provider",
		LocalOrg: InProcess(st)}); err != nil || tg.Client != nil {
		t.Errorf("no client asked for: %v %v", tg, err)
	}
	nope := workspace.Environment{Name: "qa", Org: "local:qa"}
	if _, err := Resolve(ctx, Options{Root: t.TempDir(), Env: nope, Tofu: "/opt/tofu", ProviderDir: "/opt/provider",
		LocalOrg: InProcess(st)}); err == nil || !strings.Contains(err.Error(), `no deploy client in org "qa"`) {
		t.Errorf("an org the local org lacks: %v", err)
	}
}

// serveLocalOrg serves a local org in this process until the test ends.
func serveLocalOrg(t *testing.T) *orgserver.Standalone {
	t.Helper()
	st, err := orgserver.Serve(context.Background(), orgserver.ServeOptions{Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		st.Shutdown(sctx) //nolint:errcheck // the test's result is decided already
	})
	return st
}

// TestResolveRegionEnvironment reads a real org's credentials from the variables cx.hcl
// names and says which are missing.
func TestResolveRegionEnvironment(t *testing.T) {
	ctx := context.Background()
	prod := workspace.Environment{Name: "prod", Org: "region:us-east-1", ClientIDEnv: "CXT_ID", ClientSecretEnv: "CXT_SECRET"}
	t.Setenv("CXT_ID", "")
	t.Setenv("CXT_SECRET", "")
	opts := Options{Root: t.TempDir(), Env: prod, Tofu: "/opt/tofu", ProviderDir: "/opt/provider", ClientUserAgent: "cx-test"}
	if _, err := Resolve(ctx, opts); err == nil || !strings.Contains(err.Error(), "set CXT_ID and CXT_SECRET") {
		t.Errorf("missing credentials: %v", err)
	}
	t.Setenv("CXT_ID", "id")
	t.Setenv("CXT_SECRET", "secret")
	t.Setenv("GENESYSCLOUD_GATEWAY_HOST", "127.0.0.1")
	tg, err := Resolve(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if tg.OrgEnv["GENESYSCLOUD_REGION"] != "us-east-1" || tg.OrgEnv["GENESYSCLOUD_OAUTHCLIENT_SECRET"] != "secret" || tg.Client == nil {
		t.Errorf("target: %+v", tg)
	}
	if v, ok := tg.OrgEnv["GENESYSCLOUD_GATEWAY_HOST"]; !ok || v != "" {
		t.Errorf("a real org must clear the caller's gateway: %q %v", v, ok)
	}
}

func TestFindTofuHonoursCXTofu(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "tofu")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CX_TOFU", bin)
	if got, err := FindTofu(t.TempDir()); err != nil || got != bin {
		t.Errorf("FindTofu: %q %v", got, err)
	}
	t.Setenv("CX_TOFU", bin+".missing")
	if _, err := FindTofu(t.TempDir()); err == nil || !strings.Contains(err.Error(), "CX_TOFU=") {
		t.Errorf("a missing CX_TOFU: %v", err)
	}
}

func TestOrgEnvRejectsNonURL(t *testing.T) {
	if _, err := OrgEnv("not a url", "id", "secret"); err == nil {
		t.Error("want an error")
	}
	env, err := OrgEnv("https://org.example:8443", "id", "secret")
	if err != nil || env["GENESYSCLOUD_GATEWAY_PORT"] != "8443" || env["GENESYSCLOUD_GATEWAY_PROTOCOL"] != "https" {
		t.Errorf("%v %v", env, err)
	}
}

// OpenTofu in the workspace's bin/ (or above it) wins over a Terraform on PATH: cx is built
// and tested with OpenTofu.
func TestFindTofuPrefersOpenTofuOverTerraformOnPath(t *testing.T) {
	t.Setenv("CX_TOFU", "")
	path := t.TempDir()
	terraform := filepath.Join(path, "terraform")
	if err := os.WriteFile(terraform, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", path)
	root := t.TempDir()
	if got, err := FindTofu(filepath.Join(root, "workspace")); err != nil || got != terraform {
		t.Errorf("with only terraform on PATH: %q %v, want %s", got, err, terraform)
	}
	tofu := filepath.Join(root, "bin", "tofu")
	if err := os.MkdirAll(filepath.Dir(tofu), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tofu, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := FindTofu(filepath.Join(root, "workspace")); err != nil || got != tofu {
		t.Errorf("with bin/tofu above the workspace: %q %v, want %s", got, err, tofu)
	}
}
