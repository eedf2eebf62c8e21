package orgserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
)

// List pages are encoded into buffers reused across requests: pages of different kinds
// and sizes, asked for one after another and at once, must each come back whole and
// unchanged.
func TestReusedEncodeBuffersKeepPagesApart(t *testing.T) {
	_, c := parallelDevOrg(t)
	for i := range 30 {
		c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": fmt.Sprintf("q-%02d", i)})
		c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": fmt.Sprintf("s-%02d", i)})
	}
	pages := []string{"/api/v2/routing/queues?pageSize=100", "/api/v2/routing/skills?pageSize=5", "/api/v2/routing/queues?pageSize=3&pageNumber=2"}
	want := map[string][]byte{}
	for _, p := range pages {
		want[p] = c.do("GET", p, nil).Body
		var l struct{ Entities []json.RawMessage }
		if err := json.Unmarshal(want[p], &l); err != nil || len(l.Entities) == 0 {
			t.Fatalf("GET %s: %v: %s", p, err, want[p])
		}
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 20 {
				p := pages[(w+i)%len(pages)]
				// Not c.do: it may call t.Fatal, which only the test's goroutine may.
				status, body, err := getPage(c, p)
				if err != nil || status != 200 || !bytes.Equal(body, want[p]) {
					t.Errorf("GET %s again: status %d, err %v, body differs:\n%s\nwant\n%s", p, status, err, body, want[p])
					return
				}
			}
		})
	}
	wg.Wait()
}

func getPage(c *rawClient, path string) (int, []byte, error) {
	req, err := http.NewRequest("GET", c.base+path, nil)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}
