// Command terraform-provider-genesyscloud is the cxascode OpenTofu/Terraform provider plugin.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"syscall"

	"github.com/cxascode/cxascode/internal/provider"
	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// version is set at link time (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	debugger := flag.Bool("debug", false, "run with support for debuggers (prints TF_REATTACH_PROVIDERS)")
	reattach := flag.Bool("cx-reattach", false, "serve the OpenTofu commands of one cx run: print this process's reattach configuration (the value of one entry of TF_REATTACH_PROVIDERS) as one JSON line on standard output, then serve until standard input closes")
	shared := flag.Bool("cx-reattach-shared", false, "serve the OpenTofu commands of many projects of one cx run, each through a server of its own opened on request: JSON lines on standard input ask, on standard output answer (see shared.go); serve until standard input closes")
	flag.Parse()
	if !*debugger {
		quietUnlessLogged()
	}
	collectGarbageLessOften()
	// CX_PROVIDER_CPUPROFILE=<prefix> writes a pprof CPU profile of this plugin process to
	// <prefix>.<pid> when OpenTofu shuts it down (go tool pprof -top <prefix>.*). The plugin is
	// a child of tofu, started more than once per command, so it profiles itself.
	if prefix := os.Getenv("CX_PROVIDER_CPUPROFILE"); prefix != "" {
		f, err := os.Create(fmt.Sprintf("%s.%d", prefix, os.Getpid()))
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	// CX_PROVIDER_RUSAGE=<prefix> writes this plugin process's own CPU time (user and system,
	// in nanoseconds) to <prefix>.<pid> when it exits, so a benchmark can split a plan's CPU
	// between OpenTofu and the provider (the plugin is tofu's child: tofu's rusage holds both).
	if prefix := os.Getenv("CX_PROVIDER_RUSAGE"); prefix != "" {
		defer writeRusage(fmt.Sprintf("%s.%d", prefix, os.Getpid()))
	}
	// Clean validations are remembered across runs in the user's cache (CX_PROVIDER_CACHE_DIR).
	memo := provider.WithValidationMemo(provider.DefaultValidationMemoDir(os.LookupEnv))
	newServer := provider.NewServer(version, memo)
	if *shared {
		// cx starts this process in a process group of its own; a SIGINT or SIGTERM sent to
		// it all the same ends it like the end of its input.
		signals := make(chan os.Signal, 1)
		signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(signals)
		return serveShared(newServer, os.Stdin, os.Stdout, pluginLogger(), signals)
	}
	server, err := newServer()
	if err != nil {
		return err
	}
	guard := newApplyGuard(server)
	if *reattach {
		server = guard
	}
	serve := func(opts ...tf6server.ServeOpt) error {
		return tf6server.Serve(providerAddress, func() tfprotov6.ProviderServer { return server }, opts...)
	}
	switch {
	case *reattach:
		return serveReattached(serve, guard.wait)
	case *debugger:
		return serve(tf6server.WithManagedDebug())
	}
	return serve()
}

const providerAddress = "registry.terraform.io/mypurecloud/genesyscloud"

// serveReattached serves OpenTofu commands that reattach to this process (TF_REATTACH_PROVIDERS)
// instead of starting the plugin themselves: cx starts one per command, where OpenTofu would
// start the plugin three times (schemas, validation, plan), each paying the process's start.
// The configuration goes to standard output as one JSON line; the process serves until its
// standard input closes (cx is done with it, or gone) or it gets SIGTERM.
//
// An input that closes while OpenTofu is still applying (cx was killed) ends the service only
// once the changes in flight are done (settled): OpenTofu records each object it made, then
// fails its remaining work as on an interrupt, rather than losing objects made mid-call.
func serveReattached(serve func(...tf6server.ServeOpt) error, settled func()) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ending sync.Once
	end := func() { ending.Do(func() { settled(); cancel() }) }
	go func() {
		io.Copy(io.Discard, os.Stdin) //nolint:errcheck // any end of input ends the service
		end()
	}()
	// cx starts this process in a process group of its own, as terraform-exec starts
	// OpenTofu, so Ctrl-C at the terminal is not for it: OpenTofu stops its work through it.
	// A SIGINT or SIGTERM sent to it all the same ends it like the end of its input.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	go func() {
		select {
		case <-signals:
			end()
		case <-ctx.Done():
		}
	}()
	configs := make(chan *plugin.ReattachConfig)
	closed := make(chan struct{})
	served := make(chan error, 1)
	go func() {
		served <- serve(tf6server.WithDebug(ctx, configs, closed), tf6server.WithGoPluginLogger(pluginLogger()))
	}()
	select {
	case c := <-configs:
		line, err := json.Marshal(reattachConfig{Protocol: string(c.Protocol), ProtocolVersion: c.ProtocolVersion, Pid: c.Pid, Test: true,
			Addr: reattachAddr{Network: c.Addr.Network(), String: c.Addr.String()}})
		if err != nil {
			return err
		}
		if _, err := fmt.Printf("%s\n", line); err != nil {
			return err
		}
	case err := <-served:
		if err == nil {
			err = errors.New("the plugin server stopped before it was ready")
		}
		return err
	}
	<-closed
	return <-served
}

// pluginLogger is go-plugin's logger for a process cx started: silent unless OpenTofu's
// logs are on.
func pluginLogger() hclog.Logger {
	if os.Getenv("TF_LOG") != "" || os.Getenv("TF_LOG_PROVIDER") != "" {
		return hclog.New(&hclog.LoggerOptions{Level: hclog.Trace, Output: os.Stderr, JSONFormat: true})
	}
	return hclog.NewNullLogger()
}

// applyGuard counts the changes being applied, so a reattached service ends between them.
type applyGuard struct {
	tfprotov6.ProviderServer
	mu       sync.Mutex
	idle     *sync.Cond
	applying int
	closing  bool
}

func newApplyGuard(s tfprotov6.ProviderServer) *applyGuard {
	g := &applyGuard{ProviderServer: s}
	g.idle = sync.NewCond(&g.mu)
	return g
}

func (g *applyGuard) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	g.mu.Lock()
	if g.closing {
		g.mu.Unlock()
		return &tfprotov6.ApplyResourceChangeResponse{Diagnostics: []*tfprotov6.Diagnostic{{
			Severity: tfprotov6.DiagnosticSeverityError,
			Summary:  "Not applied: cx ended the provider",
			Detail:   "The cx run that started this provider ended (it was stopped or killed) while OpenTofu was applying; this change was not sent to the org. Run the apply again.",
		}}}, nil
	}
	g.applying++
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		g.applying--
		g.idle.Broadcast()
		g.mu.Unlock()
	}()
	return g.ProviderServer.ApplyResourceChange(ctx, req)
}

// wait refuses changes from now on and returns once none is being applied.
func (g *applyGuard) wait() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closing = true
	for g.applying > 0 {
		g.idle.Wait()
	}
}

// reattachConfig is one provider's entry in TF_REATTACH_PROVIDERS, as OpenTofu reads it.
// Test tells OpenTofu the process is not its own to stop.
type reattachConfig struct {
	Protocol        string
	ProtocolVersion int
	Pid             int
	Test            bool
	Addr            reattachAddr
}

type reattachAddr struct {
	Network string
	String  string
}

// quietUnlessLogged turns the plugin SDK's loggers off when OpenTofu (or Terraform) will
// discard every line anyway. The SDK logs at TRACE unless told otherwise and formats each
// line as JSON, and tofu parses every line of the plugin's stderr before dropping it: on a
// large plan that was about a third of the CPU of both processes together. The core keeps
// a provider's log lines only when TF_LOG or TF_LOG_PROVIDER is set; then nothing changes
// here, and a level the user set for the SDK or this provider is never overridden.
func quietUnlessLogged() {
	if os.Getenv("TF_LOG") != "" || os.Getenv("TF_LOG_PROVIDER") != "" {
		return
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_GENESYSCLOUD"} {
		if os.Getenv(name) == "" {
			os.Setenv(name, "OFF")
		}
	}
}

// collectGarbageLessOften trades memory for CPU unless GOGC is set. The plugin framework
// allocates a lot of short-lived values per call on a large schema: a no-op plan of 1,000
// skills and 200 queues allocated about 2 GB, and at the default GOGC=100 the collector took
// a third of the plugin's CPU. With the no-op shortcuts (internal/provider/server.go) that
// plan peaks at about 130 MB whatever the setting; 400 saves about 4% of its CPU, and a plan
// the framework does in full (CX_PROVIDER_SHORTCUTS=0) peaks at about 400 MB instead of 260.
func collectGarbageLessOften() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// writeRusage records the process's CPU time so far (user and system, in nanoseconds) and its
// peak resident memory (in KiB); errors are ignored (a benchmark that finds no file says so).
func writeRusage(path string) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return
	}
	os.WriteFile(path, []byte(fmt.Sprintf("%d %d %d\n", ru.Utime.Nano(), ru.Stime.Nano(), ru.Maxrss)), 0o600) //nolint:errcheck // see above
}
