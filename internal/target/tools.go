package target

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/cxascode/cxascode/internal/tofu"
)

// ProviderBinary is the file name OpenTofu looks for in a dev_overrides directory.
const ProviderBinary = tofu.ProviderBinary

// providerPackage is the provider's main package inside the cxascode module.
const providerPackage = "github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud"

// FindTofu returns the OpenTofu (or Terraform) binary to run: $CX_TOFU; tofu on PATH;
// bin/tofu in the workspace root or any directory above it (the cxascode repository builds
// it there with tools/tofu); tofu beside the running cx (installed together, as bin/ of the
// repository holds them); and only then terraform on PATH — OpenTofu is what cx is built
// and tested with, so a Terraform that happens to be installed does not win over it.
func FindTofu(root string) (string, error) {
	if p := os.Getenv("CX_TOFU"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("CX_TOFU=%s: %w", p, err)
		}
		return p, nil
	}
	if p, err := exec.LookPath("tofu"); err == nil {
		return p, nil
	}
	for dir := absOrSelf(root); ; dir = filepath.Dir(dir) {
		if p := filepath.Join(dir, "bin", "tofu"); isFile(p) {
			return p, nil
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	if exe, err := os.Executable(); err == nil && isFile(filepath.Join(filepath.Dir(exe), "tofu")) {
		return filepath.Join(filepath.Dir(exe), "tofu"), nil
	}
	if p, err := exec.LookPath("terraform"); err == nil {
		return p, nil
	}
	return "", errors.New("no OpenTofu found: put tofu (or terraform) on PATH, set CX_TOFU, " +
		"or build bin/tofu in the cxascode repository with `go build -C tools/tofu -o ../../bin/tofu github.com/opentofu/opentofu/cmd/tofu`")
}

// EnsureProvider returns a directory holding the provider binary: $CX_PROVIDER_DIR, the
// directory of the running cx when the provider was installed beside it, bin/ of the
// cxascode repository the workspace lives in, or .cx/bin of the workspace, where it is built
// from the repository with `go build` (cheap when cached, and never stale). Outside the
// repository a provider found in .cx/bin is used as it is.
func EnsureProvider(ctx context.Context, root string) (string, error) {
	if d := os.Getenv("CX_PROVIDER_DIR"); d != "" {
		if !isFile(filepath.Join(d, ProviderBinary)) {
			return "", fmt.Errorf("CX_PROVIDER_DIR=%s holds no %s", d, ProviderBinary)
		}
		return d, nil
	}
	if exe, err := os.Executable(); err == nil && isFile(filepath.Join(filepath.Dir(exe), ProviderBinary)) {
		return filepath.Dir(exe), nil
	}
	repo := FindRepo(root)
	if repo != "" && isFile(filepath.Join(repo, "bin", ProviderBinary)) {
		return filepath.Join(repo, "bin"), nil
	}
	dir := filepath.Join(absOrSelf(root), ".cx", "bin")
	if repo == "" {
		if isFile(filepath.Join(dir, ProviderBinary)) {
			return dir, nil
		}
		return "", fmt.Errorf("no %s found: install it beside cx, set CX_PROVIDER_DIR, or run cx inside the cxascode repository so it can build one", ProviderBinary)
	}
	if err := tofu.EnsureCXDir(absOrSelf(root)); err != nil {
		return "", err
	}
	if err := BuildProvider(ctx, repo, dir); err != nil {
		return "", err
	}
	return dir, nil
}

// BuildProvider builds the provider plugin of the cxascode repository at repo into dir
// with `go build` (cheap when cached).
func BuildProvider(ctx context.Context, repo, dir string) error {
	if err := GoBuild(ctx, repo, filepath.Join(dir, ProviderBinary), providerPackage); err != nil {
		return fmt.Errorf("build the provider into %s: %w", dir, err)
	}
	return nil
}

// GoBuild builds pkg of the module at repo into the file out with `go build`, without cgo,
// as released OpenTofu and providers are built (and as the Makefile builds): a static binary
// starts without the dynamic loader and libc's thread set-up, and cx starts the provider
// once per project and command.
func GoBuild(ctx context.Context, repo, out, pkg string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, log.String())
	}
	return nil
}

// FindRepo returns the cxascode module root at or above dir, or "".
func FindRepo(dir string) string {
	for d := absOrSelf(dir); ; d = filepath.Dir(d) {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && bytes.HasPrefix(bytes.TrimSpace(b), []byte("module github.com/cxascode/cxascode\n")) {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

func absOrSelf(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
