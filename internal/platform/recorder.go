package platform

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"sync"
)

// Read recording: what one logical read of an object consumed from the API, so that a later
// read can tell, by asking the same questions again, whether the answers are still the same
// (the provider's read memo, internal/provider/read_memo.go).
//
// A recorder travels in a context. Every GET the client answers under it is noted with a
// digest of its body; a cache answering for the API (the provider's bulk reads) notes its
// answers with NoteRead. Anything else sent under a recorder (a POST search, a write) or a
// GET that did not end in a 2xx makes the recording unusable: such a read cannot be replayed
// as plain GETs.

// RecordedRead is one answer a read consumed: the GET of Path with Query (encoded) and the
// digest of its body. Collection and ID are set when a cache of Collection's listing answered
// for the object ID (a replay asks that cache first, as the read did).
type RecordedRead struct {
	Path       string `json:"p"`
	Query      string `json:"q,omitempty"`
	Collection string `json:"c,omitempty"`
	ID         string `json:"i,omitempty"`
	Digest     string `json:"d"`
}

// ReadRecorder collects the answers of one logical read. Safe for concurrent use.
type ReadRecorder struct {
	mu       sync.Mutex
	reads    []RecordedRead
	unusable bool
}

// Reads returns what was recorded, and false when the recording cannot be replayed.
func (r *ReadRecorder) Reads() ([]RecordedRead, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]RecordedRead(nil), r.reads...), !r.unusable
}

func (r *ReadRecorder) add(rr RecordedRead) {
	r.mu.Lock()
	r.reads = append(r.reads, rr)
	r.mu.Unlock()
}

func (r *ReadRecorder) spoil() {
	r.mu.Lock()
	r.unusable = true
	r.mu.Unlock()
}

type recorderKey struct{}

// WithReadRecorder returns ctx with r recording the reads made under it.
func WithReadRecorder(ctx context.Context, r *ReadRecorder) context.Context {
	return context.WithValue(ctx, recorderKey{}, r)
}

// WithoutReadRecorder returns ctx with no recorder and no answers handed over (see
// WithAnswers): for work done under a read that is not part of it, such as a listing shared
// by many reads.
func WithoutReadRecorder(ctx context.Context) context.Context {
	if ctx.Value(recorderKey{}) == nil && ctx.Value(answersKey{}) == nil {
		return ctx
	}
	ctx = context.WithValue(ctx, recorderKey{}, (*ReadRecorder)(nil))
	return context.WithValue(ctx, answersKey{}, (*Answers)(nil))
}

func recorderFrom(ctx context.Context) *ReadRecorder {
	r, _ := ctx.Value(recorderKey{}).(*ReadRecorder)
	return r
}

// NoteRead records, under ctx's recorder if any, that a cache of collection's listing
// answered body for the object id, whose own GET is path with query.
func NoteRead(ctx context.Context, collection, id, path string, query url.Values, body []byte) {
	if r := recorderFrom(ctx); r != nil {
		r.add(RecordedRead{Path: path, Query: query.Encode(), Collection: collection, ID: id, Digest: BodyDigest(body)})
	}
}

// BodyDigest is the digest recorded for an answer's body.
func BodyDigest(body []byte) string {
	sum := sha256.Sum256(body)
	return base64.RawURLEncoding.EncodeToString(sum[:16])
}

// Answers are GET answers already read (by a replay) that a read made right after may take
// instead of sending the same GETs again: each answer is taken once.
type Answers struct {
	mu     sync.Mutex
	bodies map[string][]byte
}

// NewAnswers returns an empty set of answers.
func NewAnswers() *Answers { return &Answers{bodies: map[string][]byte{}} }

func answerKey(path string, query url.Values) string { return path + "?" + query.Encode() }

// Put keeps body as the answer to the GET of path with query.
func (a *Answers) Put(path string, query url.Values, body []byte) {
	a.mu.Lock()
	a.bodies[answerKey(path, query)] = body
	a.mu.Unlock()
}

func (a *Answers) take(path string, query url.Values) ([]byte, bool) {
	if a == nil {
		return nil, false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	k := answerKey(path, query)
	b, ok := a.bodies[k]
	delete(a.bodies, k)
	return b, ok
}

type answersKey struct{}

// WithAnswers returns ctx whose GETs are answered from a first, where it holds them.
func WithAnswers(ctx context.Context, a *Answers) context.Context {
	return context.WithValue(ctx, answersKey{}, a)
}

// GetRaw GETs path with query and returns the 2xx body as it came. Under a recorder it is
// recorded like any GET.
func (c *Client) GetRaw(ctx context.Context, path string, query url.Values) ([]byte, error) {
	var body []byte
	err := c.do(ctx, call{method: http.MethodGet, path: path, query: query, raw: &body})
	return body, err
}

// recordCall notes the outcome of cl under ctx's recorder: a 2xx GET's body, or that the read
// cannot be replayed.
func recordCall(ctx context.Context, cl call, body []byte, ok bool) {
	r := recorderFrom(ctx)
	if r == nil {
		return
	}
	if cl.method != http.MethodGet || !ok {
		r.spoil()
		return
	}
	r.add(RecordedRead{Path: cl.path, Query: cl.query.Encode(), Digest: BodyDigest(body)})
}
