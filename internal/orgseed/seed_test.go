package orgseed

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// TestSeedMakesTheMix seeds a small org through the local org's API and reads the counts back
// from its list endpoints.
func TestSeedMakesTheMix(t *testing.T) {
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	m, err := Seed(ctx, c, Options{Objects: 300})
	if err != nil {
		t.Fatal(err)
	}
	if m.Total() < 290 || m.Total() > 310 || m.Lines != 3 {
		t.Fatalf("mix %+v (total %d)", m, m.Total())
	}
	for path, want := range map[string]int{
		"/api/v2/routing/queues": m.Queues, "/api/v2/flows": m.Lines, "/api/v2/architect/ivrs": m.Lines,
		"/api/v2/routing/skills": m.Skills, "/api/v2/users": m.Users, "/api/v2/flows/datatables": m.DataTables,
	} {
		var page struct {
			Total int `json:"total"`
		}
		if err := c.Do(ctx, http.MethodGet, path, map[string][]string{"pageSize": {"1"}}, nil, &page); err != nil {
			t.Fatal(err)
		}
		if page.Total != want {
			t.Errorf("%s lists %d, want %d", path, page.Total, want)
		}
	}
	// A second seed with the same prefix collides on names: the error says which.
	if _, err := Seed(ctx, c, Options{Objects: 100}); err == nil || !strings.Contains(err.Error(), "seed") {
		t.Errorf("second seed: %v", err)
	}
	if _, err := Seed(ctx, c, Options{Objects: 10}); err == nil {
		t.Error("a seed of 10 objects was accepted")
	}
}
