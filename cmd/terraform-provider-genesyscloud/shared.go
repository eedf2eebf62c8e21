package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/cxascode/cxascode/internal/provider"
	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// serveShared is the -cx-reattach-shared mode: one process serves the OpenTofu commands of
// many projects of one cx run, each through a provider server of its own (its own
// configuration, org client, token and rate budget, as a process of its own would have),
// while the process's start, the provider's schemas and the validation memo are paid for
// once. On a workspace of small projects these were about half of each provider process's
// CPU.
//
// cx asks on standard input, one JSON request per line, and each answer is one JSON line on
// standard output carrying the request's id:
//
//	{"id":1,"open":"/abs/project"}  -> {"id":1,"reattach":{...}}  a server for one command run in
//	                                   that directory (relative file names are read from there),
//	                                   and its entry of TF_REATTACH_PROVIDERS; or {"id":1,"error":"..."}
//	{"id":2,"close":1}             -> {"id":2}  once that server is done (changes being applied
//	                                   are finished first); or {"id":2,"error":"..."}
//
// The end of standard input (cx is done, or gone), SIGINT or SIGTERM ends every server the
// same way and then the process.
func serveShared(newServer func() (tfprotov6.ProviderServer, error), in io.Reader, out io.Writer, logger hclog.Logger, stop <-chan os.Signal) error {
	s := &sharedServers{newServer: newServer, out: json.NewEncoder(out), logger: logger, open: map[int64]*sharedServer{}}
	read := make(chan error, 1)
	go func() {
		scanner := bufio.NewScanner(in)
		scanner.Buffer(make([]byte, 64*1024), 1<<20)
		var work sync.WaitGroup
		for scanner.Scan() {
			var req sharedRequest
			if err := json.Unmarshal(scanner.Bytes(), &req); err != nil {
				s.answer(sharedAnswer{Error: fmt.Sprintf("unreadable request %q: %v", scanner.Text(), err)})
				continue
			}
			work.Add(1)
			go func() {
				defer work.Done()
				s.handle(req)
			}()
		}
		work.Wait()
		read <- scanner.Err()
	}()
	var err error
	select {
	case err = <-read:
	case <-stop:
	}
	s.closeAll()
	return err
}

type sharedRequest struct {
	ID    int64  `json:"id"`
	Open  string `json:"open,omitempty"`
	Close int64  `json:"close,omitempty"`
}

type sharedAnswer struct {
	ID       int64           `json:"id"`
	Reattach *reattachConfig `json:"reattach,omitempty"`
	Error    string          `json:"error,omitempty"`
}

// sharedServers are the servers of one shared process, by the id of the request that opened each.
type sharedServers struct {
	newServer func() (tfprotov6.ProviderServer, error)
	logger    hclog.Logger

	outMu sync.Mutex
	out   *json.Encoder

	mu      sync.Mutex
	open    map[int64]*sharedServer
	closing bool
}

// sharedServer is one project's server, serving one OpenTofu command.
type sharedServer struct {
	guard  *applyGuard
	cancel context.CancelFunc
	closed chan struct{} // closed once the plugin server stopped
	served chan error
}

func (s *sharedServers) answer(a sharedAnswer) {
	s.outMu.Lock()
	defer s.outMu.Unlock()
	s.out.Encode(a) //nolint:errcheck // cx gone: nobody to tell
}

func (s *sharedServers) handle(req sharedRequest) {
	switch {
	case req.Open != "":
		config, err := s.start(req.ID, req.Open)
		if err != nil {
			s.answer(sharedAnswer{ID: req.ID, Error: err.Error()})
			return
		}
		s.answer(sharedAnswer{ID: req.ID, Reattach: config})
	case req.Close != 0:
		s.mu.Lock()
		srv := s.open[req.Close]
		delete(s.open, req.Close)
		s.mu.Unlock()
		if srv == nil {
			s.answer(sharedAnswer{ID: req.ID, Error: fmt.Sprintf("no server %d is open", req.Close)})
			return
		}
		if err := srv.stop(); err != nil {
			s.answer(sharedAnswer{ID: req.ID, Error: err.Error()})
			return
		}
		s.answer(sharedAnswer{ID: req.ID})
	default:
		s.answer(sharedAnswer{ID: req.ID, Error: "a request needs open (a directory) or close (an id)"})
	}
}

// start opens a server for a command run in dir, registered under id.
func (s *sharedServers) start(id int64, dir string) (*reattachConfig, error) {
	if !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("open needs an absolute directory, got %q", dir)
	}
	inner, err := s.newServer()
	if err != nil {
		return nil, err
	}
	srv := &sharedServer{guard: newApplyGuard(provider.InDir(inner, dir)), closed: make(chan struct{}), served: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	srv.cancel = cancel
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		cancel()
		return nil, errors.New("the shared provider is ending")
	}
	if _, dup := s.open[id]; dup {
		s.mu.Unlock()
		cancel()
		return nil, fmt.Errorf("server %d is open already", id)
	}
	s.open[id] = srv
	s.mu.Unlock()
	configs := make(chan *plugin.ReattachConfig, 1)
	go func() {
		srv.served <- tf6server.Serve(providerAddress, func() tfprotov6.ProviderServer { return srv.guard },
			tf6server.WithDebug(ctx, configs, srv.closed), tf6server.WithGoPluginLogger(s.logger))
	}()
	select {
	case c := <-configs:
		return &reattachConfig{Protocol: string(c.Protocol), ProtocolVersion: c.ProtocolVersion, Pid: c.Pid, Test: true,
			Addr: reattachAddr{Network: c.Addr.Network(), String: c.Addr.String()}}, nil
	case err := <-srv.served:
		s.mu.Lock()
		delete(s.open, id)
		s.mu.Unlock()
		cancel()
		if err == nil {
			err = errors.New("the plugin server stopped before it was ready")
		}
		return nil, err
	}
}

// stop ends the server once the changes it is applying are done.
func (srv *sharedServer) stop() error {
	srv.guard.wait()
	srv.cancel()
	<-srv.closed
	return <-srv.served
}

// closeAll ends every open server (the input ended) and refuses new ones.
func (s *sharedServers) closeAll() {
	s.mu.Lock()
	s.closing = true
	open := s.open
	s.open = map[int64]*sharedServer{}
	s.mu.Unlock()
	var wg sync.WaitGroup
	for _, srv := range open {
		wg.Add(1)
		go func() {
			defer wg.Done()
			srv.stop() //nolint:errcheck // ending anyway
		}()
	}
	wg.Wait()
}
