package provider

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The provider's protocol server is the plugin framework's, with shortcuts in front of it for
// the calls a no-op plan makes once per resource. Each answers exactly what the framework
// would, and only when that can be shown without the framework's per-attribute work, which
// is most of the provider's CPU in a large plan (a queue's schema is walked path by path,
// several times per call):
//   - a no-op plan (PlanResourceChange whose proposed state is the prior state, byte for byte)
//     is answered with the prior state when nothing in the schema could change it (planUnchanged);
//   - a refresh whose object answers the API calls its last read made exactly as then is
//     answered with the state that read produced (the read memo, read_memo.go);
//   - state of the schema's own version is passed through UpgradeResourceState with the
//     schema's type built once, not on every call;
//   - a configuration this build of the provider validated clean before is clean again (the
//     validation memo, validate_memo.go; the provider binary keeps it in the user's cache).
//
// CX_PROVIDER_SHORTCUTS=0 turns them off: every call goes through the framework.
const envShortcuts = "CX_PROVIDER_SHORTCUTS"

// NewServer returns the provider's protocol-6 server factory, as tf6server.Serve and the
// acceptance tests' ProtoV6ProviderFactories take it.
func NewServer(version string, opts ...Option) func() (tfprotov6.ProviderServer, error) {
	return newServer(version, &shortcutStats{}, opts...)
}

// newServer is NewServer counting what its servers answer themselves into stats.
func newServer(version string, stats *shortcutStats, opts ...Option) func() (tfprotov6.ProviderServer, error) {
	// One validation memo for every server of the process (validate_memo.go).
	memo := newValidationMemo(New(version, opts...)().(*genesysProvider).memoDir, version)
	schemas := &sharedSchema{}
	return func() (tfprotov6.ProviderServer, error) {
		p := New(version, opts...)().(*genesysProvider)
		fw, err := providerserver.NewProtocol6WithError(p)()
		if err != nil {
			return nil, err
		}
		return &server{ProviderServer: fw, p: p, on: !envOff(p.getenv, envShortcuts), stats: stats, memo: memo, schemas: schemas}, nil
	}
}

// shortcutStats counts the calls servers answered without the framework.
type shortcutStats struct {
	plans, reads, validations atomic.Int64
}

// envOff reports whether the environment variable name turns something off (0, false, off, no).
func envOff(getenv func(string) (string, bool), name string) bool {
	v, ok := getenv(name)
	if !ok {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "0", "false", "off", "no":
		return true
	}
	return false
}

type server struct {
	tfprotov6.ProviderServer
	p     *genesysProvider
	on    bool
	stats *shortcutStats
	memo  *validationMemo // nil: none
	// schemas is the provider's schema as the first of the process's servers answered it.
	schemas *sharedSchema

	once  sync.Once
	ctors map[string]func() resource.Resource // by type name

	mu    sync.Mutex
	types map[string]*typeInfo
}

// typeInfo is what the shortcuts need to know of one resource type, worked out once from its
// framework schema.
type typeInfo struct {
	tfType  tftypes.Type
	version int64 // the schema's version
	// plan: a no-op plan of this type may skip the framework (no resource-level ModifyPlan,
	// only plan modifiers that keep an unchanged plan, defaults checked through defaults).
	plan     bool
	defaults []defaultNode
	// memo: reads of this type may be answered from the read memo.
	memo bool
}

// info returns what the shortcuts know of typeName, or nil when they do not apply to it.
func (s *server) info(ctx context.Context, typeName string) *typeInfo {
	if !s.on {
		return nil
	}
	s.once.Do(func() {
		s.ctors = map[string]func() resource.Resource{}
		for _, ctor := range s.p.Resources(ctx) {
			var md resource.MetadataResponse
			ctor().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: providerTypeName}, &md)
			s.ctors[md.TypeName] = ctor
		}
		s.types = map[string]*typeInfo{}
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.types[typeName]; ok {
		return t
	}
	var t *typeInfo
	if ctor, ok := s.ctors[typeName]; ok {
		t = analyse(ctx, ctor())
	}
	s.types[typeName] = t
	return t
}

// sharedSchema holds the provider's schema, the same for every server a process makes.
type sharedSchema struct {
	mu   sync.Mutex
	resp *tfprotov6.GetProviderSchemaResponse
}

// GetProviderSchema answers from the schema a server of this process answered before: a
// process serving the commands of many projects (cx's shared provider) builds the schema of
// every kind once instead of once per command. Answers with diagnostics are not kept.
func (s *server) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	if !s.on || s.schemas == nil {
		return s.ProviderServer.GetProviderSchema(ctx, req)
	}
	s.schemas.mu.Lock()
	defer s.schemas.mu.Unlock()
	if s.schemas.resp != nil {
		return s.schemas.resp, nil
	}
	resp, err := s.ProviderServer.GetProviderSchema(ctx, req)
	if err == nil && resp != nil && len(resp.Diagnostics) == 0 {
		s.schemas.resp = resp
	}
	return resp, err
}

// PlanResourceChange answers a no-op plan itself when it can (see planShortcut).
func (s *server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	if req != nil && req.PriorState != nil && req.ProposedNewState != nil {
		if t := s.info(ctx, req.TypeName); t != nil && t.plan && planUnchanged(t, req.PriorState, req.ProposedNewState) {
			s.stats.plans.Add(1)
			return &tfprotov6.PlanResourceChangeResponse{
				PlannedState:    req.ProposedNewState,
				PlannedPrivate:  req.PriorPrivate,
				PlannedIdentity: req.PriorIdentity,
			}, nil
		}
	}
	return s.ProviderServer.PlanResourceChange(ctx, req)
}

// planUnchanged reports whether the framework would plan prior unchanged, given that the
// type's plan may be shortcut: the proposed new state is the prior state (OpenTofu encodes
// both, so equal values are equal bytes), neither is null, and every attribute with a
// default holds its default in the prior state. (The framework plans a default where the
// configuration leaves the attribute null; an attribute holding anything else may be
// configured or may be about to return to its default, which only the framework decides.)
func planUnchanged(t *typeInfo, prior, proposed *tfprotov6.DynamicValue) bool {
	if len(prior.MsgPack) == 0 || !bytes.Equal(prior.MsgPack, proposed.MsgPack) || isNullMsgPack(prior.MsgPack) {
		return false
	}
	if len(t.defaults) == 0 {
		return true
	}
	v, err := prior.Unmarshal(t.tfType)
	if err != nil {
		return false
	}
	return holdsDefaults(v, t.defaults)
}

// UpgradeResourceState passes state of the schema's own version through as the framework
// does (decoded with the schema's type, attributes it no longer has ignored, encoded again),
// without building the schema's type on every call; state of another version goes to the
// framework's upgraders.
func (s *server) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	if req != nil && req.RawState != nil {
		if t := s.info(ctx, req.TypeName); t != nil && req.Version == t.version {
			v, err := req.RawState.UnmarshalWithOpts(t.tfType, tfprotov6.UnmarshalOpts{
				ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true}})
			if err == nil {
				if dv, err := tfprotov6.NewDynamicValue(t.tfType, v); err == nil {
					return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &dv}, nil
				}
			}
		}
	}
	return s.ProviderServer.UpgradeResourceState(ctx, req)
}

// isNullMsgPack reports whether b is MessagePack's nil: a resource being created or destroyed.
func isNullMsgPack(b []byte) bool { return len(b) == 1 && b[0] == 0xc0 }
