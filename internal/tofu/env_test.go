package tofu

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zclconf/go-cty/cty"
)

func TestEnsureCXDirMakesItPrivate(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".cx"), 0o755); err != nil { // as older cx made it
		t.Fatal(err)
	}
	if err := EnsureCXDir(root); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(filepath.Join(root, ".cx")); st.Mode().Perm() != 0o700 {
		t.Errorf(".cx is %v, want 0700", st.Mode().Perm())
	}
	if b, err := os.ReadFile(filepath.Join(root, ".cx", ".gitignore")); err != nil || !strings.Contains(string(b), "\n*\n") {
		t.Errorf(".gitignore: %q %v", b, err)
	}
}

func TestWriteCLIConfigConcurrently(t *testing.T) {
	root := t.TempDir()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := WriteCLIConfig(root, "dev", "/opt/provider"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	path, err := WriteCLIConfig(root, "dev", "/opt/provider")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != CLIConfig("/opt/provider") {
		t.Errorf("config:\n%s", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temp files left: %v", entries)
	}
}

func TestEnviron(t *testing.T) {
	t.Setenv("GOGC", "")
	os.Unsetenv("GOGC")
	t.Setenv("TF_LOG_SDK", "debug") // set by the user: kept
	env := Env{
		OrgEnv:   map[string]string{"GENESYSCLOUD_OAUTHCLIENT_ID": "id", "GENESYSCLOUD_GATEWAY_HOST": ""},
		ExtraEnv: map[string]string{"CX_AUDIT_CONTEXT": "x"}, CLIConfigFile: "/w/.cx/tofu/dev.tfrc",
		DataDir: "/w/.cx/tofu/dev/p", RatePerMinute: 75,
	}.Environ()
	for k, want := range map[string]string{
		"GENESYSCLOUD_OAUTHCLIENT_ID": "id", "CX_AUDIT_CONTEXT": "x", "TF_CLI_CONFIG_FILE": "/w/.cx/tofu/dev.tfrc",
		"TF_DATA_DIR": "/w/.cx/tofu/dev/p", "GENESYSCLOUD_RATE_LIMIT": "75", "TF_LOG_SDK": "debug",
		"TF_LOG_SDK_PROTO": "off", "TF_LOG_PROVIDER_GENESYSCLOUD": "off", "GOGC": "200", "CHECKPOINT_DISABLE": "1",
	} {
		if env[k] != want {
			t.Errorf("%s=%q, want %q", k, env[k], want)
		}
	}
	if _, ok := env["GENESYSCLOUD_GATEWAY_HOST"]; ok {
		t.Error("an empty gateway must be dropped")
	}
}

func TestLocalStatePath(t *testing.T) {
	got := LocalStatePath("/w", "dev", "p", map[string]cty.Value{"path": cty.StringVal("st/{env}/{project}.tfstate")})
	if want := filepath.Join("/w", "st", "dev", "p.tfstate"); got != want {
		t.Errorf("%s, want %s", got, want)
	}
}

func TestLockEnvNamesHolder(t *testing.T) {
	root := t.TempDir()
	ctx := context.Background()
	held, err := LockEnv(ctx, root, "dev", "cx apply --env dev", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	_, err = LockEnv(ctx, root, "dev", "cx plan --env dev", 300*time.Millisecond, &progress)
	if err == nil || !strings.Contains(err.Error(), "environment dev is in use by pid") || !strings.Contains(err.Error(), "cx apply --env dev since") {
		t.Errorf("second lock: %v", err)
	}
	if !strings.Contains(progress.String(), "waiting for the lock held by pid") {
		t.Errorf("progress: %q", progress.String())
	}
	other, err := LockEnv(ctx, root, "test", "cx apply --env test", -1, nil)
	if err != nil {
		t.Errorf("another environment should not wait: %v", err)
	}
	other.Unlock()
	held.Unlock()
}
