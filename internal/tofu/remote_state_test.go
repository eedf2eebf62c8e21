package tofu

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestEncryptionConfig(t *testing.T) {
	st := workspace.State{Backend: "local", Encryption: &workspace.Encryption{PassphraseEnv: "CX_TEST_PASSPHRASE",
		Pos: workspace.Pos{File: "cx.hcl", Line: 7, Column: 3}}}
	t.Setenv("CX_TEST_PASSPHRASE", "")
	if _, err := EncryptionConfig(st); err == nil || !strings.Contains(err.Error(), "environment variable CX_TEST_PASSPHRASE, which is not set") ||
		!strings.Contains(err.Error(), "cx.hcl:7:3") {
		t.Errorf("missing passphrase: %v", err)
	}
	t.Setenv("CX_TEST_PASSPHRASE", "too short")
	if _, err := EncryptionConfig(st); err == nil || !strings.Contains(err.Error(), "at least 16") {
		t.Errorf("short passphrase: %v", err)
	}
	// Quotes, backslashes, newlines and template sequences stay the passphrase's own.
	pass := "a \"quoted\" \\ pass ${phrase} %{x}\nline 2\x01"
	t.Setenv("CX_TEST_PASSPHRASE", pass)
	cfg, err := EncryptionConfig(st)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := hclsyntax.ParseConfig([]byte(cfg), "TF_ENCRYPTION", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("TF_ENCRYPTION does not parse: %s\n%s", diags, cfg)
	}
	var blocks []string
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		blocks = append(blocks, b.Type+" "+strings.Join(b.Labels, " "))
		if b.Type == "key_provider" {
			v, diags := b.Body.Attributes["passphrase"].Expr.Value(nil)
			if diags.HasErrors() || v.AsString() != pass {
				t.Errorf("passphrase reads back as %#v (%s), want %q", v, diags, pass)
			}
		}
	}
	if got := strings.Join(blocks, ", "); got != "key_provider pbkdf2 cx, method aes_gcm cx, state , plan " {
		t.Errorf("blocks: %s", got)
	}
	if cfg, err := EncryptionConfig(workspace.State{Backend: "local"}); cfg != "" || err != nil {
		t.Errorf("no encryption: %q %v", cfg, err)
	}
}
