package workspace

import (
	"strings"
	"testing"
)

// cx.hcl's check block belongs to cx check (package check parses it); the workspace admits
// it once and does not read its contents.
func TestParseConfigAdmitsCheckBlock(t *testing.T) {
	t.Parallel()
	src := "check {\n  fail_on = \"warning\"\n  suppress \"hygiene\" {\n    path   = \"a\"\n    reason = \"r\"\n  }\n}\n"
	if _, err := ParseConfig("cx.hcl", []byte(src)); err != nil {
		t.Fatalf("a check block is refused: %v", err)
	}
	_, err := ParseConfig("cx.hcl", []byte(src+src))
	if err == nil || !strings.Contains(err.Error(), "cx.hcl:8:1: check block is written twice") {
		t.Errorf("a second check block: %v", err)
	}
	_, err = ParseConfig("cx.hcl", []byte("check \"x\" {\n}\n"))
	if err == nil {
		t.Error("a labelled check block is accepted")
	}
}
