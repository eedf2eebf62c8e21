package platform_test

import (
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// TestReadRecorder: a read's GETs are recorded with a digest of each answer; a POST or a GET
// that fails spoils the recording; answers handed over are taken once, without a request.
func TestReadRecorder(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, ct := newClient(t, ts, unlimited)
	created, err := createSkill(t.Context(), c, skill("recorded"))
	if err != nil {
		t.Fatal(err)
	}
	path := "/api/v2/routing/skills/" + *created.ID

	rec := &platform.ReadRecorder{}
	ctx := platform.WithReadRecorder(t.Context(), rec)
	body, err := c.GetRaw(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	reads, ok := rec.Reads()
	if !ok || len(reads) != 1 || reads[0].Path != path || reads[0].Digest != platform.BodyDigest(body) {
		t.Fatalf("recorded %+v (usable %v), want the one GET of %s", reads, ok, path)
	}
	if _, ok := rec.Reads(); !ok {
		t.Fatal("a recording of GETs only is usable")
	}

	// Under WithoutReadRecorder nothing is recorded.
	if err := c.Do(platform.WithoutReadRecorder(ctx), http.MethodGet, path, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if reads, _ := rec.Reads(); len(reads) != 1 {
		t.Fatalf("a GET outside the recorder was recorded: %+v", reads)
	}

	// A handed-over answer is used once, without a request, and recorded like a GET.
	answers := platform.NewAnswers()
	answers.Put(path, nil, []byte(`{"id":"handed","name":"handed"}`))
	actx := platform.WithAnswers(ctx, answers)
	before := ct.apiCalls.Load()
	var got platform.RoutingSkill
	if err := c.Do(actx, http.MethodGet, path, nil, nil, &got); err != nil || *got.Name != "handed" {
		t.Fatalf("handed answer: %+v %v", got, err)
	}
	if n := ct.apiCalls.Load() - before; n != 0 {
		t.Fatalf("a handed answer sent %d requests", n)
	}
	if err := c.Do(actx, http.MethodGet, path, nil, nil, &got); err != nil || *got.Name != "recorded" {
		t.Fatalf("second GET: %+v %v, want the org's answer", got, err)
	}
	if reads, _ := rec.Reads(); len(reads) != 3 {
		t.Fatalf("recorded %d reads, want 3", len(reads))
	}

	// A GET that fails spoils it; so does anything but a GET.
	spoiled := &platform.ReadRecorder{}
	if err := c.Do(platform.WithReadRecorder(t.Context(), spoiled), http.MethodGet, path+"-gone", nil, nil, nil); err == nil {
		t.Fatal("GET of a missing skill answered")
	}
	if _, ok := spoiled.Reads(); ok {
		t.Error("a failed GET left the recording usable")
	}
	posted := &platform.ReadRecorder{}
	if _, err := createSkill(platform.WithReadRecorder(t.Context(), posted), c, skill("posted")); err != nil {
		t.Fatal(err)
	}
	if _, ok := posted.Reads(); ok {
		t.Error("a POST left the recording usable")
	}
}
