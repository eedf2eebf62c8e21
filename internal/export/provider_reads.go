package export

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"sync"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/provider"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/zclconf/go-cty/cty"
	ctymsgpack "github.com/zclconf/go-cty/cty/msgpack"
)

// object is one object to import: its resource type and id.
type object struct{ typ, id string }

// providerReads are objects the provider, hosted in process, imports and reads in the
// background, importParallel at once, each written as its resource block under no label. An
// export adds each kind's objects as soon as the kind is listed, so that they are read while
// the rest of the org is listed, the flows are exported and the layout is planned; it takes
// the blocks once it knows where each object goes.
type providerReads struct {
	server  tfprotov6.ProviderServer
	schemas map[string]*tfprotov6.Schema
	cancel  context.CancelFunc
	done    chan struct{}

	mu   sync.Mutex
	wake *sync.Cond
	// pending are the objects added and not taken yet, by kind; perKind how many of each
	// kind were added; objects every object added; finished: no more will be.
	pending  map[string][]object
	perKind  map[string]int
	objects  map[object]bool
	finished bool
	types    map[string]cty.Type
	// blocks are the objects' resource blocks, parsed, and texts the same written: both
	// under no label (see labelled).
	blocks map[object]*hclwrite.Block
	texts  map[object][]byte
	errs   map[object]error
	read   int
	tell   func(n int)
}

// startReads hosts the provider — its environment env on top of the process's, its reads
// answered from listings — and starts the workers that read what add gives them, until
// finish; stop ends them.
func startReads(ctx context.Context, env map[string]string, listings *platform.Listings) (*providerReads, error) {
	server, err := providerserver.NewProtocol6WithError(provider.New("cx-export",
		provider.WithEnv(providerEnv(env)), provider.WithListings(listings))())()
	if err != nil {
		return nil, err
	}
	schemaResp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err == nil {
		err = diagnosticsError(schemaResp.Diagnostics)
	}
	if err != nil {
		return nil, fmt.Errorf("the provider's schema: %w", err)
	}
	if err := configure(ctx, server, schemaResp.Provider); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	r := &providerReads{server: server, schemas: schemaResp.ResourceSchemas, cancel: cancel, done: make(chan struct{}),
		pending: map[string][]object{}, perKind: map[string]int{}, objects: map[object]bool{}, types: map[string]cty.Type{},
		blocks: map[object]*hclwrite.Block{}, texts: map[object][]byte{}, errs: map[object]error{}}
	r.wake = sync.NewCond(&r.mu)
	context.AfterFunc(ctx, func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.wake.Broadcast()
	})
	// The provider allocates a lot of short-lived values per call (the plugin framework's
	// schema walks and reflection); with cx's small live heap the collector would run every
	// few milliseconds. The provider's own binary collects less often for the same reason;
	// unless GOGC says otherwise, so does cx while it hosts the provider.
	gc := -1
	if os.Getenv("GOGC") == "" {
		gc = debug.SetGCPercent(400)
	}
	var wg sync.WaitGroup
	for range importParallel {
		wg.Go(func() {
			for {
				o, ok := r.next(ctx)
				if !ok {
					return
				}
				r.readOne(ctx, o)
			}
		})
	}
	go func() {
		wg.Wait()
		if gc >= 0 {
			debug.SetGCPercent(gc)
		}
		close(r.done)
	}()
	return r, nil
}

// add gives the workers objs to read; objects added before are not read again.
func (r *providerReads) add(objs []object) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, o := range objs {
		if !r.objects[o] {
			r.objects[o] = true
			r.pending[o.typ] = append(r.pending[o.typ], o)
			r.perKind[o.typ]++
		}
	}
	r.wake.Broadcast()
}

// finish says no more objects will be added: the workers end once all are read.
func (r *providerReads) finish() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.finished = true
	r.wake.Broadcast()
}

// next is the next object to read, ok false when there is none and will be none. Objects
// of the kinds with the fewest go first. The provider answers most reads of a numerous
// kind (users) from the listings, in CPU alone; the few that cost round trips of their own
// (a queue's members and wrap-up codes, a group's members) then wait while the many are
// read, instead of making the last of the wait.
func (r *providerReads) next(ctx context.Context) (object, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for ctx.Err() == nil {
		kind := ""
		for typ, objs := range r.pending {
			if len(objs) > 0 && (kind == "" || r.perKind[typ] < r.perKind[kind] || r.perKind[typ] == r.perKind[kind] && typ < kind) {
				kind = typ
			}
		}
		if kind != "" {
			o := r.pending[kind][0]
			r.pending[kind] = r.pending[kind][1:]
			return o, true
		}
		if r.finished {
			return object{}, false
		}
		r.wake.Wait()
	}
	return object{}, false
}

// readOne imports and reads o and writes its resource block.
func (r *providerReads) readOne(ctx context.Context, o object) {
	schema := r.schemas[o.typ]
	if schema == nil {
		r.record(o, nil, nil, fmt.Errorf("the provider has no resource type %s", o.typ))
		return
	}
	r.mu.Lock()
	ty, ok := r.types[o.typ]
	r.mu.Unlock()
	if !ok {
		var err error
		if ty, err = ctyType(schema.Block.ValueType()); err != nil {
			r.record(o, nil, nil, fmt.Errorf("the schema of %s: %w", o.typ, err))
			return
		}
		r.mu.Lock()
		r.types[o.typ] = ty
		r.mu.Unlock()
	}
	v, err := importAndRead(ctx, r.server, o.typ, o.id, ty)
	if err != nil {
		r.record(o, nil, nil, err)
		return
	}
	// OpenTofu plans the configuration it generates, and so fails where the provider finds
	// it invalid (a read the provider's own validation rejects); so does cx.
	if err := r.validate(ctx, o.typ, schema.Block, ty, v); err != nil {
		r.record(o, nil, nil, fmt.Errorf("the configuration generated for it is not valid: %w", err))
		return
	}
	// Each block ends its line, as in the file OpenTofu writes.
	text := append(configText(o.typ, "", schema.Block, v), '\n')
	f, diags := hclwrite.ParseConfig(text, o.typ, hcl.InitialPos)
	if diags.HasErrors() || len(f.Body().Blocks()) != 1 {
		r.record(o, nil, nil, fmt.Errorf("the configuration written does not parse: %s\n%s", diags.Error(), text))
		return
	}
	r.record(o, text, f.Body().Blocks()[0], nil)
}

// validate asks the provider whether the configuration written from state v is valid.
// OpenTofu goes on to plan it (PlanResourceChange) and would also fail on an error of the
// provider's plan; cx does not plan: the next cx plan of the workspace does, and for an
// import of what was just read the provider's plan has no change to refuse.
func (r *providerReads) validate(ctx context.Context, typ string, schema *tfprotov6.SchemaBlock, ty cty.Type, v cty.Value) error {
	config, err := ctymsgpack.Marshal(configValue(schema, ty, v), ty)
	if err != nil {
		return err
	}
	resp, err := r.server.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: typ, Config: &tfprotov6.DynamicValue{MsgPack: config}})
	if err != nil {
		return err
	}
	return diagnosticsError(resp.Diagnostics)
}

func (r *providerReads) record(o object, text []byte, block *hclwrite.Block, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.errs[o] = err
		return
	}
	r.texts[o], r.blocks[o] = text, block
	r.read++
	if r.tell != nil {
		r.tell(1)
	}
}

// follow tells imported of the objects read so far, then of each one read.
func (r *providerReads) follow(imported func(n int)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.tell = imported
	if imported != nil && r.read > 0 {
		imported(r.read)
	}
}

// wait waits until every object is read (once finished), or ctx ends.
func (r *providerReads) wait(ctx context.Context) error {
	select {
	case <-r.done:
		return ctx.Err()
	case <-ctx.Done():
		return ctx.Err()
	}
}

// covers reports whether o was added.
func (r *providerReads) covers(o object) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.objects[o]
}

// result is o's resource block, as text and parsed, under no label; ok false when o was not
// read (yet).
func (r *providerReads) result(o object) (text []byte, block *hclwrite.Block, ok bool, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err, failed := r.errs[o]; failed {
		return nil, nil, true, err
	}
	text, ok = r.texts[o]
	return text, r.blocks[o], ok, nil
}

// labelled is the block text written under no label, labelled label: the label is in the
// first line only, which formatting leaves as it is.
func labelled(text []byte, typ, label string) []byte {
	_, body, _ := bytes.Cut(text, []byte("\n"))
	return append(fmt.Appendf(nil, "resource %q %q {\n", typ, label), body...)
}

// stop ends the reads and waits for them.
func (r *providerReads) stop() {
	r.cancel()
	r.finish()
	<-r.done
}
