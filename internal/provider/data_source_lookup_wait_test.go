package provider

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// TestLookupWait: CX_PROVIDER_LOOKUP_WAIT only ever shortens a lookup's wait, and a lookup
// told not to wait asks once and reports "nothing matched" at once.
func TestLookupWait(t *testing.T) {
	tests := []struct {
		env  string
		want time.Duration
	}{
		{"", lookupTimeout},
		{"0s", 0},
		{"2s", 2 * time.Second},
		{"1m", lookupTimeout},
		{"-1s", lookupTimeout},
		{"soon", lookupTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			t.Setenv(envLookupWait, tt.env)
			if got := lookupWait(lookupTimeout); got != tt.want {
				t.Errorf("lookupWait(%s) with %s=%q = %s, want %s", lookupTimeout, envLookupWait, tt.env, got, tt.want)
			}
		})
	}

	t.Run("no wait", func(t *testing.T) {
		t.Setenv(envLookupWait, "0s")
		asked, notFound := 0, false
		start := time.Now()
		var diags diag.Diagnostics
		_, ok := runLookup(context.Background(), new(string), &diags, lookup[string, string]{
			find:     func(context.Context, *string) (string, bool, error) { asked++; return "", false, nil },
			describe: func(*string) string { return "skill" },
			notFound: func(*string, *diag.Diagnostics) { notFound = true },
		})
		if ok || !notFound || asked != 1 || time.Since(start) > time.Second {
			t.Errorf("ok=%v notFound=%v asked=%d in %s; want one question and nothing found at once", ok, notFound, asked, time.Since(start))
		}
	})
}
