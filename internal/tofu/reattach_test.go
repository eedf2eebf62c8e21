package tofu

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestOneProviderConfiguration(t *testing.T) {
	const required = `terraform {
  required_providers {
    genesyscloud = { source = "mypurecloud/genesyscloud" }
  }
}
`
	cases := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"one configuration", map[string]string{"main.tf": required + `resource "genesyscloud_routing_skill" "s" { name = "a" }`}, true},
		{"provider block without alias", map[string]string{"main.tf": `provider "genesyscloud" {}` + "\n" + `data "genesyscloud_routing_skill" "s" { name = "a" }`}, true},
		{"an alias", map[string]string{"main.tf": `provider "genesyscloud" {
  alias = "other"
}
resource "genesyscloud_routing_skill" "s" { name = "a" }`}, false},
		{"a module", map[string]string{"main.tf": `module "m" { source = "./m" }`, "other.tf": `resource "genesyscloud_routing_skill" "s" { name = "a" }`}, false},
		{"another local name", map[string]string{"main.tf": `terraform {
  required_providers {
    gc = { source = "mypurecloud/genesyscloud" }
  }
}
resource "genesyscloud_routing_skill" "s" { name = "a" }`}, false},
		{"JSON syntax", map[string]string{"main.tf": `resource "genesyscloud_routing_skill" "s" { name = "a" }`, "extra.tf.json": `{}`}, false},
		{"a .tofu file", map[string]string{"main.tf": `resource "genesyscloud_routing_skill" "s" { name = "a" }`, "providers.tofu": `provider "genesyscloud" {
  alias = "other"
}`}, false},
		{"an alias in a second file", map[string]string{"main.tf": `resource "genesyscloud_routing_skill" "s" { name = "a" }`, "providers.tf": `provider "genesyscloud" {
  alias = "other"
}`}, false},
		{"no use of the provider", map[string]string{"main.tf": `resource "terraform_data" "x" {}`}, false},
		{"a syntax error", map[string]string{"main.tf": `resource "genesyscloud_routing_skill" "s" {`}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range c.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := oneProviderConfiguration(dir); got != c.want {
				t.Errorf("oneProviderConfiguration = %v, want %v", got, c.want)
			}
		})
	}
}

// A provider build without the -cx-reattach mode exits on the unknown flag: OpenTofu starts
// it itself, and cx does not try it again.
func TestProviderWithoutReattachModeIsLeftToOpenTofu(t *testing.T) {
	bin := filepath.Join(t.TempDir(), ProviderBinary)
	script := "#!/bin/sh\necho \"flag provided but not defined: -cx-reattach\" >&2\nexit 2\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	p, err := startAttachedProvider(bin, t.TempDir(), map[string]string{"PATH": os.Getenv("PATH")}, io.Discard)
	if err != nil || p != nil {
		t.Fatalf("startAttachedProvider = %v, %v; want nil, nil", p, err)
	}
	if ok, known := reattachSupport.Load(bin); !known || ok.(bool) {
		t.Errorf("the binary should be remembered as without the mode: %v %v", ok, known)
	}
	if err := os.Remove(bin); err != nil {
		t.Fatal(err)
	}
	if p, err := startAttachedProvider(bin, t.TempDir(), nil, io.Discard); err != nil || p != nil {
		t.Errorf("a second start should not be tried: %v, %v", p, err)
	}
}

// A provider build without the -cx-reattach-shared mode exits on the unknown flag: each
// command gets a process of its own instead, and cx does not try the shared mode again.
func TestProviderWithoutSharedModeGetsAProcessPerCommand(t *testing.T) {
	bin := filepath.Join(t.TempDir(), ProviderBinary)
	script := "#!/bin/sh\necho \"flag provided but not defined: -cx-reattach-shared\" >&2\nexit 2\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	var procs sharedProviders
	defer procs.stopAll() //nolint:errcheck // the process has exited
	env := map[string]string{"PATH": os.Getenv("PATH")}
	p, err := procs.get(bin, t.TempDir(), t.TempDir(), env)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := procs.openIn(p, bin, t.TempDir()); !errors.Is(err, errNoSharedMode) {
		t.Fatalf("openIn = %v, want errNoSharedMode", err)
	}
	if _, err := procs.get(bin, t.TempDir(), t.TempDir(), env); !errors.Is(err, errNoSharedMode) {
		t.Errorf("a second start should not be tried: %v", err)
	}
}

// Projects whose OpenTofu environments differ only in their data directory share a process;
// any other difference (a setting for one plan) gets one of its own.
func TestSharedKey(t *testing.T) {
	a := map[string]string{"GENESYSCLOUD_OAUTHCLIENT_ID": "x", "TF_DATA_DIR": "/ws/.cx/data/dev/a", "GOMAXPROCS": "1"}
	b := map[string]string{"GENESYSCLOUD_OAUTHCLIENT_ID": "x", "TF_DATA_DIR": "/ws/.cx/data/dev/b", "GOMAXPROCS": "1"}
	c := map[string]string{"GENESYSCLOUD_OAUTHCLIENT_ID": "x", "TF_DATA_DIR": "/ws/.cx/data/dev/c", "GOMAXPROCS": "1", "CX_PROVIDER_LOOKUP_WAIT": "30s"}
	if sharedKey("p", a) != sharedKey("p", b) {
		t.Error("a and b differ only in their data directory: one process")
	}
	if sharedKey("p", a) == sharedKey("p", c) {
		t.Error("c has a setting of its own: another process")
	}
	if sharedKey("p", a) == sharedKey("q", a) {
		t.Error("another binary: another process")
	}
}
