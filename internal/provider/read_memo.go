package provider

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"hash"
	"math/big"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The read memo: a refresh that would produce the state it starts from costs no framework work.
//
// After a read through the framework, the resource's private state keeps a memo of it: the
// digest of the state and private state it produced, and the GETs it consumed with a digest
// of each answer (platform.ReadRecorder; an answer from the bulk-read cache counts as the GET
// it stood for). The next read of that resource compares: when the state and private state
// it starts from are the ones the memo produced, it sends the same GETs again (through the
// bulk-read cache, as a read would, so it costs the same requests) and, when every answer is
// the same as then, answers with the state it was given. Otherwise, or on any doubt, it
// reads through the framework, and that read takes the answers the replay already fetched
// instead of sending them twice.
//
// Why this is the read the framework would make: a Read is a function of its state, its
// private state and the API's answers. The memo records that the Read of some state gave S
// with these answers; refreshing S with the same answers gives S again, because refreshing
// twice without a change in between must not change the state (every resource's Read is held
// to that: a second refresh that changed something would be drift in every plan). Reads that
// do more than GET through the platform client spoil their recording and keep no memo;
// resources whose Read depends on anything else say so (readsBeyondAPI). A memo is kept only
// for a read that produced no diagnostics, and belongs to the provider binary (its version and
// build ID) and API address that made it.

// memoKey is the memo's key in the private state.
const memoKey = "cx_read_memo"

type readMemo struct {
	Provider string                  `json:"v"`           // memoProvider
	State    string                  `json:"s"`           // digest of the state the read produced
	Encoded  string                  `json:"b,omitempty"` // digest of OpenTofu's encoding of it, when known
	Private  string                  `json:"x"`           // digest of the rest of the private state it produced
	Reads    []platform.RecordedRead `json:"r"`
}

// memoVersion changes whenever what a memo holds or means changes.
const memoVersion = "1"

// memoProvider names, as a digest, what made a memo: the memo format, the provider binary
// (version and build ID) and the API it read.
func (s *server) memoProvider(client *platform.Client) string {
	h := sha256.New()
	for _, part := range []string{memoVersion, s.p.version, buildID(), client.BaseURL()} {
		writeField(h, []byte(part))
	}
	return sumString(h)
}

// ReadResource answers from the read memo when it can, else reads through the framework and
// keeps a memo of that read.
func (s *server) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	var t *typeInfo
	if req != nil && req.CurrentState != nil && len(req.CurrentState.MsgPack) > 0 && !isNullMsgPack(req.CurrentState.MsgPack) {
		t = s.info(ctx, req.TypeName)
	}
	data := s.p.configured.Load()
	if t == nil || !t.memo || data == nil {
		return s.ProviderServer.ReadResource(ctx, req)
	}
	private, ok := decodePrivate(req.Private)
	if !ok {
		return s.ProviderServer.ReadResource(ctx, req)
	}
	answers := platform.NewAnswers()
	if raw, held := private[memoKey]; held {
		var memo readMemo
		if json.Unmarshal(raw, &memo) == nil && memo.Provider == s.memoProvider(data.client) &&
			memo.Private == privateDigest(private) && sameState(t, req.CurrentState, memo) &&
			replayReads(ctx, data.client, memo.Reads, answers) {
			s.stats.reads.Add(1)
			return &tfprotov6.ReadResourceResponse{NewState: req.CurrentState, Private: req.Private, NewIdentity: req.CurrentIdentity}, nil
		}
	}
	rec := &platform.ReadRecorder{}
	resp, err := s.ProviderServer.ReadResource(platform.WithAnswers(platform.WithReadRecorder(ctx, rec), answers), req)
	if err != nil || resp == nil {
		return resp, err
	}
	s.keepMemo(t, data.client, rec, req.CurrentState, resp)
	return resp, nil
}

// sameState reports whether current is the state the memo's read produced: by its bytes when
// the memo knows how OpenTofu encodes that state (it encodes equal values alike), else by
// the digest of its value.
func sameState(t *typeInfo, current *tfprotov6.DynamicValue, memo readMemo) bool {
	if memo.Encoded != "" && platform.BodyDigest(current.MsgPack) == memo.Encoded {
		return true
	}
	v, err := current.Unmarshal(t.tfType)
	return err == nil && valueDigest(v) == memo.State
}

// keepMemo puts the memo of the read that gave resp into its private state, or takes an
// earlier memo out when this read cannot have one. current is the state the read started
// from: when the read left it as it was, the memo also keeps the digest of its bytes, which
// the next read checks without decoding the state.
func (s *server) keepMemo(t *typeInfo, client *platform.Client, rec *platform.ReadRecorder, current *tfprotov6.DynamicValue, resp *tfprotov6.ReadResourceResponse) {
	private, ok := decodePrivate(resp.Private)
	if !ok {
		return // not ours to touch; a memo in it is never trusted (decodePrivate fails the same way)
	}
	_, had := private[memoKey]
	delete(private, memoKey)
	memo := readMemo{Provider: s.memoProvider(client), Private: privateDigest(private)}
	reads, usable := rec.Reads()
	var state tftypes.Value
	var err error
	if resp.NewState != nil {
		state, err = resp.NewState.Unmarshal(t.tfType)
	}
	if usable && len(resp.Diagnostics) == 0 && resp.Deferred == nil && resp.NewState != nil && err == nil && !state.IsNull() {
		memo.State, memo.Reads = valueDigest(state), reads
		if before, err := current.Unmarshal(t.tfType); err == nil && valueDigest(before) == memo.State {
			memo.Encoded = platform.BodyDigest(current.MsgPack)
		}
		if raw, err := json.Marshal(memo); err == nil {
			private[memoKey] = raw
		}
	} else if !had {
		return
	}
	resp.Private = encodePrivate(private)
}

// decodePrivate reads private state as the framework writes it: a JSON object of base64 values.
func decodePrivate(b []byte) (map[string][]byte, bool) {
	m := map[string][]byte{}
	if len(b) == 0 {
		return m, true
	}
	if json.Unmarshal(b, &m) != nil {
		return nil, false
	}
	return m, true
}

func encodePrivate(m map[string][]byte) []byte {
	if len(m) == 0 {
		return nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	return b
}

// privateDigest is the digest of private state without the memo.
func privateDigest(m map[string][]byte) string {
	h := sha256.New()
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != memoKey {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		writeField(h, []byte(k))
		writeField(h, m[k])
	}
	return sumString(h)
}

// replayReads sends the reads of a memo again, as a read would (an object of a collection the
// bulk-read cache serves is asked of it first), and reports whether every answer is the one
// recorded. The reads go out together, as a read sends its independent calls (a queue's
// members and wrap-up codes). Answers it had to GET are kept in answers for a read made next.
func replayReads(ctx context.Context, c *platform.Client, reads []platform.RecordedRead, answers *platform.Answers) bool {
	if len(reads) == 0 {
		return false
	}
	same := make([]bool, len(reads))
	var wg sync.WaitGroup
	limit := make(chan struct{}, 8)
	for i, r := range reads {
		wg.Add(1)
		limit <- struct{}{}
		go func() {
			defer func() { <-limit; wg.Done() }()
			same[i] = replayRead(ctx, c, r, answers)
		}()
	}
	wg.Wait()
	for _, ok := range same {
		if !ok {
			return false
		}
	}
	return true
}

// replayRead sends one read of a memo again and reports whether its answer is the one recorded.
func replayRead(ctx context.Context, c *platform.Client, r platform.RecordedRead, answers *platform.Answers) bool {
	q, err := url.ParseQuery(r.Query)
	if err != nil {
		return false
	}
	coll, id := r.Collection, r.ID
	if coll == "" {
		coll, id = bulkItem(r.Path)
	}
	if coll != "" {
		if raw, ok := bulkReadsOf(c).lookup(ctx, coll, q, id, func(ctx context.Context) (map[string]json.RawMessage, error) {
			return listByID(ctx, c, coll, q)
		}); ok {
			return platform.BodyDigest(raw) == r.Digest
		}
	}
	body, err := c.GetRaw(ctx, r.Path, q)
	if err != nil {
		return false
	}
	answers.Put(r.Path, q, body)
	return platform.BodyDigest(body) == r.Digest
}

// bulkItem splits the path of an object into a collection the bulk-read cache serves and the
// object's id; both are empty when the path is not one.
func bulkItem(p string) (string, string) {
	i := strings.LastIndexByte(p, '/')
	if i <= 0 {
		return "", ""
	}
	coll := p[:i]
	id, err := url.PathUnescape(p[i+1:])
	if err != nil || id == "" || !bulkReadable(coll) {
		return "", ""
	}
	return coll, id
}

// valueDigest is a digest of a terraform value that equal values share however they were
// encoded: object attributes and map keys in name order, set elements in digest order.
func valueDigest(v tftypes.Value) string {
	h := sha256.New()
	writeValue(h, v)
	return sumString(h)
}

func sumString(h hash.Hash) string {
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:16])
}

func writeField(h hash.Hash, b []byte) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
	h.Write(b)
}

func writeValue(h hash.Hash, v tftypes.Value) {
	switch {
	case !v.IsKnown():
		h.Write([]byte{'?'})
	case v.IsNull():
		h.Write([]byte{'0'})
	case v.Type().Is(tftypes.String):
		var s string
		_ = v.As(&s)
		h.Write([]byte{'s'})
		writeField(h, []byte(s))
	case v.Type().Is(tftypes.Number):
		n := new(big.Float)
		_ = v.As(&n)
		h.Write([]byte{'n'})
		writeField(h, []byte(n.Text('g', -1)))
	case v.Type().Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		if b {
			h.Write([]byte{'t'})
		} else {
			h.Write([]byte{'f'})
		}
	case v.Type().Is(tftypes.Set{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		digests := make([]string, len(elems))
		for i, e := range elems {
			digests[i] = valueDigest(e)
		}
		slices.Sort(digests)
		h.Write([]byte{'e'})
		writeCount(h, len(digests))
		for _, d := range digests {
			writeField(h, []byte(d))
		}
	case v.Type().Is(tftypes.List{}) || v.Type().Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		h.Write([]byte{'l'})
		writeCount(h, len(elems))
		for _, e := range elems {
			writeValue(h, e)
		}
	case v.Type().Is(tftypes.Map{}) || v.Type().Is(tftypes.Object{}):
		var m map[string]tftypes.Value
		_ = v.As(&m)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		h.Write([]byte{'o'})
		writeCount(h, len(keys))
		for _, k := range keys {
			writeField(h, []byte(k))
			writeValue(h, m[k])
		}
	default: // a dynamic value: its type decides what it means
		h.Write([]byte{'d'})
		writeField(h, []byte(v.String()))
	}
}

func writeCount(h hash.Hash, n int) {
	var b [binary.MaxVarintLen64]byte
	h.Write(b[:binary.PutUvarint(b[:], uint64(n))])
}
