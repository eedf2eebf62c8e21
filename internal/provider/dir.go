package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// A configuration names files relative to the directory OpenTofu runs in (a flow's
// filepath, a script's, a function package's): a plugin OpenTofu starts runs in that
// directory, and reads them from its working directory. One plugin process serving the
// commands of several projects (cx's shared provider) has one working directory for them
// all, so each project's server carries its directory in every call's context instead, and
// the provider reads a relative name through localPath.

type dirKey struct{}

// InDir returns s serving the commands of the project in dir, in a process that serves other
// projects too: every call is answered as if the process ran in dir (relative file names in
// the configuration are read from there), and a panic in a call becomes that call's error,
// its stack written to standard error, instead of ending the process and every other
// project's command with it.
func InDir(s tfprotov6.ProviderServer, dir string) tfprotov6.ProviderServer {
	return &dirServer{ProviderServer: s, dir: dir}
}

// workDir is the directory relative file names are read from in ctx: the project's, when
// its server says so (InDir), else the process's working directory ("" when unknown).
func workDir(ctx context.Context) string {
	if d, ok := ctx.Value(dirKey{}).(string); ok {
		return d
	}
	d, _ := os.Getwd()
	return d
}

// localPath is the file name to open for name as the configuration wrote it.
func localPath(ctx context.Context, name string) string {
	if name == "" || filepath.IsAbs(name) {
		return name
	}
	if d, ok := ctx.Value(dirKey{}).(string); ok {
		return filepath.Join(d, name)
	}
	return name
}

// dirServer puts its directory into the context of every call it passes on (see InDir).
type dirServer struct {
	tfprotov6.ProviderServer
	dir string
}

// call passes req on to f with the server's directory in its context, and turns a panic into
// the call's error.
func call[Req, Resp any](ctx context.Context, s *dirServer, f func(context.Context, Req) (Resp, error), req Req) (resp Resp, err error) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "provider: panic serving %s (%T): %v\n%s\n", s.dir, req, r, debug.Stack())
			err = fmt.Errorf("the provider failed on this call (panic: %v); the stack is in the provider's log", r)
		}
	}()
	return f(context.WithValue(ctx, dirKey{}, s.dir), req)
}

func (s *dirServer) GetMetadata(ctx context.Context, req *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	return call(ctx, s, s.ProviderServer.GetMetadata, req)
}

func (s *dirServer) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	return call(ctx, s, s.ProviderServer.GetProviderSchema, req)
}

func (s *dirServer) GetResourceIdentitySchemas(ctx context.Context, req *tfprotov6.GetResourceIdentitySchemasRequest) (*tfprotov6.GetResourceIdentitySchemasResponse, error) {
	return call(ctx, s, s.ProviderServer.GetResourceIdentitySchemas, req)
}

func (s *dirServer) ValidateProviderConfig(ctx context.Context, req *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	return call(ctx, s, s.ProviderServer.ValidateProviderConfig, req)
}

func (s *dirServer) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return call(ctx, s, s.ProviderServer.ConfigureProvider, req)
}

func (s *dirServer) StopProvider(ctx context.Context, req *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	return call(ctx, s, s.ProviderServer.StopProvider, req)
}

func (s *dirServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return call(ctx, s, s.ProviderServer.ValidateResourceConfig, req)
}

func (s *dirServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return call(ctx, s, s.ProviderServer.UpgradeResourceState, req)
}

func (s *dirServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return call(ctx, s, s.ProviderServer.ReadResource, req)
}

func (s *dirServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return call(ctx, s, s.ProviderServer.PlanResourceChange, req)
}

func (s *dirServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return call(ctx, s, s.ProviderServer.ApplyResourceChange, req)
}

func (s *dirServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return call(ctx, s, s.ProviderServer.ImportResourceState, req)
}

func (s *dirServer) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return call(ctx, s, s.ProviderServer.MoveResourceState, req)
}

func (s *dirServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return call(ctx, s, s.ProviderServer.UpgradeResourceIdentity, req)
}

func (s *dirServer) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return call(ctx, s, s.ProviderServer.GenerateResourceConfig, req)
}

func (s *dirServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return call(ctx, s, s.ProviderServer.ValidateDataResourceConfig, req)
}

func (s *dirServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return call(ctx, s, s.ProviderServer.ReadDataSource, req)
}

func (s *dirServer) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	return call(ctx, s, s.ProviderServer.CallFunction, req)
}

func (s *dirServer) GetFunctions(ctx context.Context, req *tfprotov6.GetFunctionsRequest) (*tfprotov6.GetFunctionsResponse, error) {
	return call(ctx, s, s.ProviderServer.GetFunctions, req)
}

func (s *dirServer) ValidateEphemeralResourceConfig(ctx context.Context, req *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	return call(ctx, s, s.ProviderServer.ValidateEphemeralResourceConfig, req)
}

func (s *dirServer) OpenEphemeralResource(ctx context.Context, req *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	return call(ctx, s, s.ProviderServer.OpenEphemeralResource, req)
}

func (s *dirServer) RenewEphemeralResource(ctx context.Context, req *tfprotov6.RenewEphemeralResourceRequest) (*tfprotov6.RenewEphemeralResourceResponse, error) {
	return call(ctx, s, s.ProviderServer.RenewEphemeralResource, req)
}

func (s *dirServer) CloseEphemeralResource(ctx context.Context, req *tfprotov6.CloseEphemeralResourceRequest) (*tfprotov6.CloseEphemeralResourceResponse, error) {
	return call(ctx, s, s.ProviderServer.CloseEphemeralResource, req)
}
