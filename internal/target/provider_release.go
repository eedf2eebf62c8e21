package target

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cxascode/cxascode/internal/tofu"
)

// DefaultProviderSource is the provider's source address as OpenTofu reads the short form
// projects write for the official provider (mypurecloud/genesyscloud): a mirror lays its
// releases out under this address.
const DefaultProviderSource = "registry.opentofu.org/mypurecloud/genesyscloud"

// InstallProviderRelease installs release version of the provider at source the way OpenTofu
// installs providers (the user's CLI configuration: mirrors or registry) into a throwaway
// directory, and returns a directory holding it as ProviderBinary, ready for dev_overrides.
// cleanup removes both; the user's .terraform, plugin directories and lock files are not
// touched.
func InstallProviderRelease(ctx context.Context, tofuBin, source, version string) (dir string, cleanup func(), err error) {
	tmp, err := os.MkdirTemp("", "cx-provider-release-")
	if err != nil {
		return "", nil, fmt.Errorf("a directory to install provider %s into: %w", version, err)
	}
	cleanup = func() { os.RemoveAll(tmp) }
	install, plugin := filepath.Join(tmp, "install"), filepath.Join(tmp, "plugin")
	if err := tofu.MkdirPrivate(install, plugin); err != nil {
		cleanup()
		return "", nil, err
	}
	bin, err := tofu.InstallProvider(ctx, tofuBin, install, source, version)
	if err != nil {
		cleanup()
		return "", nil, err
	}
	if err := os.Symlink(bin, filepath.Join(plugin, ProviderBinary)); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("link the installed provider %s: %w", version, err)
	}
	return plugin, cleanup, nil
}
