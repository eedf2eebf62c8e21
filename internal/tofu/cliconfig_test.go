package tofu

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDescribeProviderInstallation: an error about a provider that could not be installed
// names where OpenTofu looked, as the user's CLI configuration says.
func TestDescribeProviderInstallation(t *testing.T) {
	tests := []struct {
		name, config string
		want         []string
	}{
		{"mirrors in order", `provider_installation {
  filesystem_mirror {
    path    = "/srv/providers"
    include = ["registry.opentofu.org/*/*"]
  }
  network_mirror {
    url = "https://mirror.example.com/providers/"
  }
  direct {
    exclude = ["registry.opentofu.org/*/*"]
  }
}
`, []string{"filesystem mirror /srv/providers, network mirror https://mirror.example.com/providers/, the registry (direct) (provider_installation in "}},
		{"no provider_installation", "plugin_cache_dir = \"/tmp/cache\"\n",
			[]string{"OpenTofu's implied local mirror directories and the provider's registry", "has no provider_installation"}},
		{"unreadable", "provider_installation {\n", []string{"the provider_installation in ", "not read"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "user.tofurc")
			if err := os.WriteFile(file, []byte(tt.config), 0o600); err != nil {
				t.Fatal(err)
			}
			t.Setenv("TF_CLI_CONFIG_FILE", file)
			got := DescribeProviderInstallation()
			for _, w := range append(tt.want, file) {
				if !strings.Contains(got, w) {
					t.Errorf("DescribeProviderInstallation() = %q, want it to contain %q", got, w)
				}
			}
		})
	}
}
