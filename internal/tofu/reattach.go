package tofu

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/terraform-exec/tfexec"
)

// A plan started by OpenTofu itself starts the provider plugin three times (its schemas,
// validation, the plan), an apply twice, and each start costs the plugin process's start and
// OpenTofu's handshake with it: on a workspace of small projects, about a fifth of all the
// CPU a plan takes. For the commands that plan and apply, cx starts the provider once itself
// (its -cx-reattach mode) and OpenTofu reattaches to it (TF_REATTACH_PROVIDERS), the way
// provider test harnesses drive it. The process has the environment OpenTofu would have
// given it and serves that one command; its standard error goes to the project's log.
//
// Only the provider in the environment's ProviderDir is started, so the provider is the one
// OpenTofu would have run. A binary that has no -cx-reattach mode (another build of the
// provider) is started by OpenTofu as before, and so is every project where OpenTofu may
// need more than one configuration of the provider (an alias, a module, files the check does
// not read): one reattached process serves one configuration. The process has a process group
// of its own, as OpenTofu has. CX_PROVIDER_REATTACH=0 turns it off.

// envProviderReattach turns reattaching off when "0", "false" or "off".
const envProviderReattach = "CX_PROVIDER_REATTACH"

// reattachAddresses are the provider addresses OpenTofu may look the plugin up by: the
// short form (mypurecloud/genesyscloud) reads as the first.
var reattachAddresses = []string{"registry.opentofu.org/mypurecloud/genesyscloud", "registry.terraform.io/mypurecloud/genesyscloud"}

// ProviderBinary is the file name OpenTofu looks for in a dev_overrides directory.
const ProviderBinary = "terraform-provider-genesyscloud"

// reattachReadyTimeout bounds the wait for the provider's reattach configuration.
const reattachReadyTimeout = 30 * time.Second

// reattachSupport remembers, per provider binary, whether it has a -cx-reattach mode.
var reattachSupport sync.Map // binary path -> bool

// attachedProvider is a provider process serving one OpenTofu command.
type attachedProvider struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	info  tfexec.ReattachInfo
	exit  chan error
}

// reattachOff reports whether the environment turns reattaching off.
func reattachOff() bool { return turnedOff(envProviderReattach) }

// turnedOff reports whether the environment variable name is "0", "false", "off" or "no".
func turnedOff(name string) bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv(name))) {
	case "0", "false", "off", "no":
		return true
	}
	return false
}

// startAttachedProvider starts the provider in binary for one OpenTofu command run in dir,
// with env, as OpenTofu would (the plugin resolves relative paths, such as a flow's file,
// against the directory it runs in), its standard error going to logw. It returns nil, and
// no error, when the binary has no -cx-reattach mode: OpenTofu then starts it itself.
func startAttachedProvider(binary, dir string, env map[string]string, logw io.Writer) (*attachedProvider, error) {
	if ok, known := reattachSupport.Load(binary); known && !ok.(bool) {
		return nil, nil
	}
	var vars []string
	for k, v := range env {
		vars = append(vars, k+"="+v)
	}
	cmd, stdin, stdout, err := startProviderProcess(binary, "-cx-reattach", dir, vars, logw)
	if err != nil {
		return nil, err
	}
	p := &attachedProvider{cmd: cmd, stdin: stdin, exit: make(chan error, 1)}
	lines := make(chan string, 1)
	go func() {
		r := bufio.NewReader(stdout)
		line, _ := r.ReadString('\n')
		lines <- line
		io.Copy(io.Discard, r) //nolint:errcheck // nothing else is expected; drained so it never blocks
	}()
	go func() { p.exit <- cmd.Wait() }()
	var line string
	select {
	case line = <-lines:
	case <-time.After(reattachReadyTimeout):
		p.stop()
		return nil, fmt.Errorf("the provider %s gave no reattach configuration within %s", binary, reattachReadyTimeout)
	}
	var config tfexec.ReattachConfig
	if err := json.Unmarshal([]byte(line), &config); err != nil || config.Addr.String == "" {
		err := p.stop()
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 2 {
			// A provider without the mode exits on the unknown flag (status 2, as Go's flag
			// package and most programs do): OpenTofu starts this binary itself from now on.
			reattachSupport.Store(binary, false)
			return nil, nil
		}
		return nil, fmt.Errorf("the provider %s gave no reattach configuration (first line %q, exit: %v)", binary, strings.TrimSpace(line), err)
	}
	reattachSupport.Store(binary, true)
	config.Test = true // the process is cx's to stop, not OpenTofu's
	p.info = tfexec.ReattachInfo{}
	for _, addr := range reattachAddresses {
		p.info[addr] = config
	}
	return p, nil
}

// startProviderProcess starts binary with the one flag mode in dir, with exactly the
// variables vars (nothing inherited) and a process group of its own, its standard error going
// to logw; cx talks to it through its standard input and output.
func startProviderProcess(binary, mode, dir string, vars []string, logw io.Writer) (*exec.Cmd, io.WriteCloser, io.ReadCloser, error) {
	cmd := exec.Command(binary, mode)
	cmd.Dir = dir
	cmd.Env = append([]string{}, vars...)
	cmd.SysProcAttr = ownProcessGroup()
	cmd.Stderr = logw
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, nil, fmt.Errorf("start the provider %s: %w", binary, err)
	}
	return cmd, stdin, stdout, nil
}

// stop ends the provider: its input closes, it finishes and exits; after a grace period it
// is killed. It returns the process's error when it failed (a panic, say), which is in the
// log already.
func (p *attachedProvider) stop() error {
	p.stdin.Close()
	select {
	case err := <-p.exit:
		return err
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill() //nolint:errcheck // it is ended either way
		return errors.New("the provider did not stop when asked; killed")
	}
}

// oneProviderConfiguration reports whether OpenTofu needs exactly one configuration of the
// genesyscloud provider in the project in dir: it uses the provider, with no alias for it, no
// module (which could configure it again), no other local name for it, and no file the scan
// does not read (JSON syntax, OpenTofu's .tofu files). A file it cannot parse counts as "no":
// OpenTofu then reports the error.
func oneProviderConfiguration(dir string) bool {
	if runtime.GOOS == "windows" {
		// There the plugin talks TCP on localhost, which only OpenTofu's own start of the
		// plugin protects with TLS.
		return false
	}
	for _, other := range []string{"*.tf.json", "*.tofu", "*.tofu.json"} {
		if found, _ := filepath.Glob(filepath.Join(dir, other)); len(found) > 0 {
			return false // read by OpenTofu, not by this scan
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	used := false
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return false
		}
		file, diags := hclsyntax.ParseConfig(src, f, hcl.InitialPos)
		if diags.HasErrors() {
			return false
		}
		body, ok := file.Body.(*hclsyntax.Body)
		if !ok {
			return false
		}
		one, uses := singleConfiguration(body.Blocks, src)
		if !one {
			return false
		}
		used = used || uses
	}
	return used
}

// singleConfiguration reports whether a file's blocks keep to one configuration of the
// provider (one), and whether they use it at all (uses).
func singleConfiguration(blocks hclsyntax.Blocks, src []byte) (one, uses bool) {
	for _, b := range blocks {
		switch b.Type {
		case "module":
			return false, true
		case "resource", "data", "ephemeral":
			if len(b.Labels) > 0 && strings.HasPrefix(b.Labels[0], "genesyscloud_") {
				uses = true
			}
		case "provider":
			if len(b.Labels) > 0 && b.Labels[0] == "genesyscloud" {
				uses = true
				if _, aliased := b.Body.Attributes["alias"]; aliased {
					return false, true
				}
			}
		case "terraform":
			for _, tb := range b.Body.Blocks {
				if tb.Type != "required_providers" {
					continue
				}
				for name, attr := range tb.Body.Attributes {
					if name != "genesyscloud" && strings.Contains(string(attr.SrcRange.SliceBytes(src)), "genesyscloud") {
						return false, true // the provider under another local name too
					}
				}
			}
		}
	}
	return true, uses
}
