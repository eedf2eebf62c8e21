package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/provider"
	"github.com/hashicorp/go-hclog"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health/grpc_health_v1"
)

// One shared process opens a server per request, each on a socket of its own that answers,
// closes the one asked for, refuses what it cannot do with the request's id, and ends the
// rest when its input ends.
func TestServeShared(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- serveShared(provider.NewServer("test"), inR, outW, hclog.NewNullLogger(), make(chan os.Signal))
		outW.Close()
	}()
	answers := bufio.NewScanner(outR)
	ask := func(req string) sharedAnswer {
		t.Helper()
		if _, err := io.WriteString(inW, req+"\n"); err != nil {
			t.Fatal(err)
		}
		if !answers.Scan() {
			t.Fatalf("no answer to %s: %v", req, answers.Err())
		}
		var a sharedAnswer
		if err := json.Unmarshal(answers.Bytes(), &a); err != nil {
			t.Fatalf("answer %q: %v", answers.Text(), err)
		}
		return a
	}
	a := ask(`{"id":1,"open":"` + t.TempDir() + `"}`)
	b := ask(`{"id":2,"open":"` + t.TempDir() + `"}`)
	for _, x := range []sharedAnswer{a, b} {
		if x.Error != "" || x.Reattach == nil || x.Reattach.Addr.String == "" || !x.Reattach.Test {
			t.Fatalf("open answered %+v", x)
		}
		serving(t, x.Reattach.Addr.Network, x.Reattach.Addr.String)
	}
	if a.ID != 1 || b.ID != 2 || a.Reattach.Addr.String == b.Reattach.Addr.String {
		t.Fatalf("two servers should have two ids and two sockets: %+v %+v", a, b)
	}
	if x := ask(`{"id":3,"close":1}`); x.ID != 3 || x.Error != "" {
		t.Fatalf("close answered %+v", x)
	}
	if x := ask(`{"id":4,"close":1}`); x.ID != 4 || !strings.Contains(x.Error, "no server 1") {
		t.Errorf("a second close answered %+v", x)
	}
	if x := ask(`{"id":5,"open":"relative/dir"}`); x.ID != 5 || !strings.Contains(x.Error, "absolute") {
		t.Errorf("a relative directory answered %+v", x)
	}
	if x := ask(`{"id":6}`); x.ID != 6 || x.Error == "" {
		t.Errorf("an empty request answered %+v", x)
	}
	if x := ask(`not json`); x.Error == "" {
		t.Errorf("an unreadable request answered %+v", x)
	}
	inW.Close()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serveShared did not end with its input")
	}
}

// serving checks that the plugin server at addr answers go-plugin's health check.
func serving(t *testing.T, network, addr string) {
	t.Helper()
	target := addr
	if network == "unix" {
		target = "unix://" + addr
	}
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := grpc_health_v1.NewHealthClient(conn).Check(ctx, &grpc_health_v1.HealthCheckRequest{Service: "plugin"})
	if err != nil || res.Status != grpc_health_v1.HealthCheckResponse_SERVING {
		t.Fatalf("the server at %s: %v %v", addr, res, err)
	}
}
