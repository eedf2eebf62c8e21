package demo

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestTourRuns runs the whole main job: it needs OpenTofu, so it runs with the acceptance
// tests (TF_ACC=1, TF_ACC_TERRAFORM_PATH).
func TestTourRuns(t *testing.T) {
	tofu := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || tofu == "" {
		t.Skip("set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to an OpenTofu binary to run the main job")
	}
	var out bytes.Buffer
	if err := Run(t.Context(), &out, Options{Tofu: tofu}); err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"level 1: shared-schedules, shared-skills, shared-wrapupcodes",
		"level 2: flow-billing, flow-sales, flow-support",
		"6 projects, 9 edges, 0 warnings",
		"apply dev: 6 applied",
		"plan dev: 6 no changes",
		"tests on dev: ", " 0 failed, 0 could not run",
		"apply test: 6 applied",
		"SERVICE       TYPE",
		"Create  Flow  Billing IVR",
		"cx org stop",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestIndent(t *testing.T) {
	var b bytes.Buffer
	w := newIndent(&b)
	for _, s := range []string{"a\tb", "\n", "c\nd\n", "\r\033[K", "e\n", "\n"} {
		w.Write([]byte(s))
	}
	if want := "  a\tb\n  c\n  d\n\r\033[K  e\n\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
