package provider

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
)

// TestAccProviderSourceMypurecloud checks the compatibility promise end to end: a
// configuration written for the official provider (source = "mypurecloud/genesyscloud")
// runs unchanged on the built cxascode plugin when a tofu CLI configuration maps the source
// to it with dev_overrides. Credentials and the gateway come from the official env vars.
func TestAccProviderSourceMypurecloud(t *testing.T) {
	o := newAccOrg(t)
	tofu := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tofu == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set")
	}
	pluginDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(pluginDir, "terraform-provider-genesyscloud"), "../../cmd/terraform-provider-genesyscloud")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build provider: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(t.TempDir(), "tofu.rc")
	writeFile(t, cliConfig, fmt.Sprintf(`provider_installation {
  dev_overrides {
    "mypurecloud/genesyscloud" = %q
  }
  direct {}
}
`, pluginDir))
	work := t.TempDir()
	writeFile(t, filepath.Join(work, "main.tf"), `terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}

provider "genesyscloud" {}

resource "genesyscloud_routing_skill" "s" {
  name = "Compatibility"
}

output "skill_id" {
  value = genesyscloud_routing_skill.s.id
}
`)
	u, err := url.Parse(o.ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TF_IN_AUTOMATION=1",
		envClientID+"="+o.cred.ClientID,
		envClientSecret+"="+o.cred.ClientSecret,
		envGatewayHost+"="+u.Hostname(),
		envGatewayPort+"="+u.Port(),
		envGatewayProtocol+"=http",
	)
	run := func(args ...string) (string, error) {
		cmd := exec.Command(tofu, args...)
		cmd.Dir, cmd.Env = work, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	if out, err := run("apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatalf("tofu apply: %v\n%s", err, out)
	}
	id, err := run("output", "-raw", "skill_id")
	if err != nil {
		t.Fatalf("tofu output: %v\n%s", err, id)
	}
	var skill platform.RoutingSkill
	if err := o.api.Do(context.Background(), http.MethodGet, skillsPath+"/"+id, nil, nil, &skill); err != nil || deref(skill.Name) != "Compatibility" {
		t.Fatalf("skill %q in the org: %+v, %v", id, skill, err)
	}
	// -detailed-exitcode: 0 = no changes, 2 = changes.
	if out, err := run("plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
		t.Fatalf("plan after apply is not empty: %v\n%s", err, out)
	}
	if out, err := run("destroy", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatalf("tofu destroy: %v\n%s", err, out)
	}
	if err := o.expectGone(skillsPath + "/" + id); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
