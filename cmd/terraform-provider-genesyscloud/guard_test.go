package main

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

type blockingApply struct {
	tfprotov6.ProviderServer
	started, release chan struct{}
}

func (b blockingApply) ApplyResourceChange(context.Context, *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	close(b.started)
	<-b.release
	return &tfprotov6.ApplyResourceChangeResponse{}, nil
}

// A reattached provider whose input closes mid-apply stops only after the apply returned.
func TestApplyGuardWaitsForTheChangeInFlight(t *testing.T) {
	inner := blockingApply{started: make(chan struct{}), release: make(chan struct{})}
	g := newApplyGuard(inner)
	go g.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{}) //nolint:errcheck // the fake never fails
	<-inner.started
	waited := make(chan struct{})
	go func() { g.wait(); close(waited) }()
	select {
	case <-waited:
		t.Fatal("wait returned while a change was being applied")
	case <-time.After(100 * time.Millisecond):
	}
	close(inner.release)
	select {
	case <-waited:
	case <-time.After(5 * time.Second):
		t.Fatal("wait did not return once the change was applied")
	}
	// A change asked for after that is refused, not half made.
	resp, err := g.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{})
	if err != nil || len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityError {
		t.Fatalf("a change after the end should be refused with an error diagnostic: %+v, %v", resp, err)
	}
}
