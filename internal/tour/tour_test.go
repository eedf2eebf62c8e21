package tour

import (
	"bytes"
	"strings"
	"testing"
)

func TestTourRuns(t *testing.T) {
	var out bytes.Buffer
	if err := Run(t.Context(), &out, Options{}); err != nil {
		t.Fatalf("tour: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"skill Billing", "queue \"Customer Care\"", "ring 1: after 15s, drop skill Billing",
		"refused: 403", "Update  Queue  Customer Care", "acwSettings.timeoutMs: 30000 → 60000", "5 audit records",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("tour output lacks %q:\n%s", want, out.String())
		}
	}
}
