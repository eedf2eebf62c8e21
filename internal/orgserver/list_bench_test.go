package orgserver

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkListQueues measures the server's own work for one page of 100 queues (issue 17,
// goal 3), without sockets, so a CPU profile shows the handler rather than the kernel:
//
//	go test ./internal/orgserver/ -run '^$' -bench ListQueues -benchmem -cpuprofile cpu.prof
func BenchmarkListQueues(b *testing.B) {
	ts := NewTestServer(b)
	c := newRawClient(b, ts, "dev", "deploy")
	for i := range 100 {
		c.must(200, "POST", "/api/v2/routing/queues", map[string]any{
			"name": fmt.Sprintf("bench-%04d", i), "description": "benchmark queue", "skillEvaluationMethod": "ALL",
			"acwSettings": map[string]any{"wrapupPrompt": "OPTIONAL"},
		})
	}
	req := httptest.NewRequest("GET", "/api/v2/routing/queues?pageSize=100", nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	b.ReportAllocs()
	b.ResetTimer()
	w := &discardWriter{header: http.Header{}}
	for b.Loop() {
		clear(w.header)
		w.status = 0
		ts.ServeHTTP(w, req)
		if w.status != http.StatusOK {
			b.Fatalf("list queues: status %d", w.status)
		}
	}
}

// discardWriter is a ResponseWriter that keeps the status and drops the body, so the
// benchmark's allocations are the server's, not a recorder's growing buffer.
type discardWriter struct {
	header http.Header
	status int
}

func (w *discardWriter) Header() http.Header { return w.header }

func (w *discardWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *discardWriter) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return len(b), nil
}
