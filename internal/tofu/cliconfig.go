package tofu

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// UserCLIConfigFile is the OpenTofu CLI configuration the user's own tofu commands read,
// found as OpenTofu finds it on Unix: TF_CLI_CONFIG_FILE (or the older TERRAFORM_CONFIG),
// else ~/.tofurc, ~/.terraformrc, or $XDG_CONFIG_HOME/opentofu/tofurc; "" when there is none.
func UserCLIConfigFile() string {
	for _, k := range []string{"TF_CLI_CONFIG_FILE", "TERRAFORM_CONFIG"} {
		if f := os.Getenv(k); f != "" {
			return f
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	candidates := []string{filepath.Join(home, ".tofurc"), filepath.Join(home, ".terraformrc")}
	if xdg := os.Getenv("XDG_CONFIG_HOME"); xdg != "" {
		candidates = append(candidates, filepath.Join(xdg, "opentofu", "tofurc"))
	}
	for _, f := range candidates {
		if _, err := os.Stat(f); err == nil {
			return f
		}
	}
	return ""
}

// DescribeProviderInstallation says where OpenTofu installs providers from under the user's
// CLI configuration, for an error that must say where a provider was looked for: the
// provider_installation methods in order ("filesystem mirror DIR, network mirror URL, the
// registry (direct)"), or the defaults when the configuration declares none.
func DescribeProviderInstallation() string {
	file := UserCLIConfigFile()
	const implied = "OpenTofu's implied local mirror directories and the provider's registry"
	if file == "" {
		return implied + " (no CLI configuration file)"
	}
	methods, err := installationMethods(file)
	switch {
	case err != nil:
		return fmt.Sprintf("the provider_installation in %s (not read: %v)", file, err)
	case len(methods) == 0:
		return implied + " (" + file + " has no provider_installation)"
	}
	return strings.Join(methods, ", ") + " (provider_installation in " + file + ")"
}

// installationMethods lists the provider_installation methods of a CLI configuration file.
func installationMethods(file string) ([]string, error) {
	if strings.HasSuffix(file, ".json") {
		return nil, errors.New("its JSON form is not read here")
	}
	f, diags := hclparse.NewParser().ParseHCLFile(file)
	if diags.HasErrors() {
		return nil, diags
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil, errors.New("not HCL native syntax")
	}
	var methods []string
	for _, pi := range body.Blocks {
		if pi.Type != "provider_installation" {
			continue
		}
		for _, m := range pi.Body.Blocks {
			switch m.Type {
			case "filesystem_mirror":
				methods = append(methods, "filesystem mirror "+stringAttr(m.Body, "path"))
			case "network_mirror":
				methods = append(methods, "network mirror "+stringAttr(m.Body, "url"))
			case "oci_mirror":
				methods = append(methods, "OCI mirror "+stringAttr(m.Body, "repository_template"))
			case "direct":
				methods = append(methods, "the registry (direct)")
			}
		}
	}
	return methods, nil
}

// stringAttr is a literal string attribute of a block, or "?" when it is not one.
func stringAttr(b *hclsyntax.Body, name string) string {
	a, ok := b.Attributes[name]
	if !ok {
		return "?"
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
		return "?"
	}
	return v.AsString()
}
