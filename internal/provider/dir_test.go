package provider

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

func TestLocalPath(t *testing.T) {
	ctx := context.Background()
	if got := localPath(ctx, "flow.yaml"); got != "flow.yaml" {
		t.Errorf("without a directory: %q", got)
	}
	in := context.WithValue(ctx, dirKey{}, "/ws/flows/a")
	for name, want := range map[string]string{"flow.yaml": "/ws/flows/a/flow.yaml", "./x/../flow.yaml": "/ws/flows/a/flow.yaml", "/abs/flow.yaml": "/abs/flow.yaml", "": ""} {
		if got := localPath(in, name); got != want {
			t.Errorf("localPath(%q) = %q, want %q", name, got, want)
		}
	}
	if got := workDir(in); got != "/ws/flows/a" {
		t.Errorf("workDir = %q", got)
	}
	if wd, _ := os.Getwd(); workDir(ctx) != wd {
		t.Errorf("workDir without a directory = %q, want the process's %q", workDir(ctx), wd)
	}
}

// ctxServer records the directory of the calls it gets.
type ctxServer struct {
	tfprotov6.ProviderServer
	dirs []string
}

func (s *ctxServer) ReadResource(ctx context.Context, _ *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	s.dirs = append(s.dirs, workDir(ctx))
	return &tfprotov6.ReadResourceResponse{}, nil
}

func (s *ctxServer) PlanResourceChange(ctx context.Context, _ *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	s.dirs = append(s.dirs, workDir(ctx))
	return &tfprotov6.PlanResourceChangeResponse{}, nil
}

// A flow project's relative file reads from the project's directory, whatever the process's.
func TestInDirCarriesTheDirectory(t *testing.T) {
	dir := t.TempDir()
	inner := &ctxServer{}
	s := InDir(inner, dir)
	ctx := context.Background()
	if _, err := s.ReadResource(ctx, &tfprotov6.ReadResourceRequest{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{}); err != nil {
		t.Fatal(err)
	}
	if len(inner.dirs) != 2 || inner.dirs[0] != dir || inner.dirs[1] != dir {
		t.Errorf("calls saw %q, want %q twice", inner.dirs, dir)
	}
	// loadFlowFile reads a relative name from there.
	if err := os.WriteFile(filepath.Join(dir, "f.yaml"), []byte("inboundCall:\n  name: F\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := loadFlowFile(context.WithValue(ctx, dirKey{}, dir), "f.yaml", nil)
	if err != nil && strings.HasPrefix(err.Error(), "cannot read the flow file") {
		t.Errorf("loadFlowFile did not read the file from the project's directory: %v", err)
	}
}

// panicServer panics on every read.
type panicServer struct{ tfprotov6.ProviderServer }

func (panicServer) ReadResource(context.Context, *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	panic("boom")
}

// A panic in one project's call is that call's error: the process serves other projects too.
func TestInDirTurnsAPanicIntoTheCallsError(t *testing.T) {
	s := InDir(panicServer{}, t.TempDir())
	_, err := s.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{})
	if err == nil || !strings.Contains(err.Error(), "panic: boom") {
		t.Fatalf("err = %v, want the panic as the call's error", err)
	}
}

// The servers of one process share the schema the first of them built (cx's shared
// provider serves every project's command through a server of its own).
func TestServersOfAProcessShareTheSchema(t *testing.T) {
	ctx := context.Background()
	newServer := NewServer("test")
	a, err := newServer()
	if err != nil {
		t.Fatal(err)
	}
	b, err := newServer()
	if err != nil {
		t.Fatal(err)
	}
	ra, err := a.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(ra.Diagnostics) != 0 || len(ra.ResourceSchemas) == 0 {
		t.Fatalf("schema: %v %v", err, ra.Diagnostics)
	}
	rb, err := b.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || rb != ra {
		t.Errorf("the second server should answer with the first one's schema (%v)", err)
	}
	other, err := NewServer("test")()
	if err != nil {
		t.Fatal(err)
	}
	if ro, _ := other.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); ro == ra {
		t.Error("another process's servers (another NewServer) build their own")
	}
}
