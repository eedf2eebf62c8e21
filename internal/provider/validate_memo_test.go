package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// groupConfig is a group's configuration as OpenTofu sends it for validation: name and
// visibility set, the rest null.
func groupConfig(t *testing.T, name, visibility string) *tfprotov6.DynamicValue {
	t.Helper()
	info := (&server{p: New("test")().(*genesysProvider), on: true, stats: &shortcutStats{}}).info(context.Background(), "genesyscloud_group")
	attrs := map[string]tftypes.Value{}
	for n, typ := range info.tfType.(tftypes.Object).AttributeTypes {
		attrs[n] = tftypes.NewValue(typ, nil)
	}
	attrs["name"] = tftypes.NewValue(tftypes.String, name)
	attrs["visibility"] = tftypes.NewValue(tftypes.String, visibility)
	dv, err := tfprotov6.NewDynamicValue(info.tfType, tftypes.NewValue(info.tfType, attrs))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

// validateGroup validates a group's configuration through a server of its own (a provider
// process of its own, as OpenTofu starts one per walk) and returns the diagnostics and
// whether the memo answered.
func validateGroup(t *testing.T, version, dir string, env map[string]string, cfg *tfprotov6.DynamicValue) ([]*tfprotov6.Diagnostic, bool) {
	t.Helper()
	stats := &shortcutStats{}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	srv, err := newServer(version, stats, WithEnv(lookup), WithValidationMemo(dir))()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.ValidateResourceConfig(context.Background(), &tfprotov6.ValidateResourceConfigRequest{TypeName: "genesyscloud_group", Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Diagnostics, stats.validations.Load() == 1
}

// TestValidationMemo: a configuration found clean is answered from the memo by the next
// process of the same build, and only then; one with an error, another build, another
// configuration or shortcuts turned off always go through the framework.
func TestValidationMemo(t *testing.T) {
	dir := t.TempDir()
	clean := groupConfig(t, "Support", "public")
	bad := groupConfig(t, "Support", "everyone")

	if diags, memo := validateGroup(t, "v1", dir, nil, clean); len(diags) != 0 || memo {
		t.Fatalf("first validation: diagnostics %v, from memo %v; want clean, from the framework", diags, memo)
	}
	if diags, memo := validateGroup(t, "v1", dir, nil, clean); len(diags) != 0 || !memo {
		t.Fatalf("same configuration, same build: diagnostics %v, from memo %v; want clean, from the memo", diags, memo)
	}
	for i := range 2 {
		diags, memo := validateGroup(t, "v1", dir, nil, bad)
		if memo || len(diags) == 0 || !strings.Contains(diags[0].Detail, "everyone") {
			t.Fatalf("invalid configuration, run %d: diagnostics %v, from memo %v; want the framework's error each time", i, diags, memo)
		}
	}
	if _, memo := validateGroup(t, "v1", dir, nil, groupConfig(t, "Sales", "public")); memo {
		t.Error("another configuration was answered from the memo")
	}
	if _, memo := validateGroup(t, "v2", dir, nil, clean); memo {
		t.Error("another build was answered from the first build's memo")
	}
	if _, memo := validateGroup(t, "v1", dir, map[string]string{envShortcuts: "0"}, clean); memo {
		t.Error("CX_PROVIDER_SHORTCUTS=0 was answered from the memo")
	}
	if _, memo := validateGroup(t, "v1", "", nil, clean); memo {
		t.Error("no memo directory, yet answered from a memo")
	}
}

// TestValidationMemoFile: the memo survives damage to its file (a line cut short by a process
// that died mid-write, garbage) by ignoring what it cannot read, and starts over when it has
// grown past its bound.
func TestValidationMemoFile(t *testing.T) {
	dir := t.TempDir()
	clean := groupConfig(t, "Support", "public")
	validateGroup(t, "v1", dir, nil, clean)
	files, _ := filepath.Glob(filepath.Join(dir, "validate-*.memo"))
	if len(files) != 1 {
		t.Fatalf("memo files %v, want one", files)
	}
	f, err := os.OpenFile(files[0], os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("not a key\n0123abc") // garbage, then a line cut short
	f.Close()
	if _, memo := validateGroup(t, "v1", dir, nil, clean); !memo {
		t.Fatal("a damaged line cost the memo's other keys")
	}
	other := groupConfig(t, "Sales", "public")
	validateGroup(t, "v1", dir, nil, other) // appended after the cut-short line
	if _, memo := validateGroup(t, "v1", dir, nil, other); !memo {
		t.Fatal("the key appended after a line cut short was lost")
	}

	if err := os.Truncate(files[0], memoMaxBytes+1); err != nil {
		t.Fatal(err)
	}
	if _, memo := validateGroup(t, "v1", dir, nil, clean); memo {
		t.Fatal("a memo past its bound was used")
	}
	if fi, err := os.Stat(files[0]); err != nil || fi.Size() > 1024 {
		t.Fatalf("a memo past its bound was not started over: %v, %v", fi, err)
	}
}

func TestDefaultValidationMemoDir(t *testing.T) {
	env := func(m map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	if got := DefaultValidationMemoDir(env(map[string]string{envCacheDir: "off"})); got != "" {
		t.Errorf("CX_PROVIDER_CACHE_DIR=off: %q, want none", got)
	}
	if got := DefaultValidationMemoDir(env(map[string]string{envCacheDir: "/x/y"})); got != "/x/y" {
		t.Errorf("CX_PROVIDER_CACHE_DIR=/x/y: %q", got)
	}
	t.Setenv("XDG_CACHE_HOME", "/cache")
	if got := DefaultValidationMemoDir(env(nil)); got != filepath.Join("/cache", "cxascode", "provider") {
		t.Errorf("default: %q, want under XDG_CACHE_HOME", got)
	}
}

// TestAccValidationMemoAnswersOpenTofu: with a memo, OpenTofu's second and later validations
// of a configuration (its validate walk, then again while planning, in every command of the
// test's steps) are answered from the memo — and an invalid configuration is refused every
// time, before and after a valid one.
func TestAccValidationMemoAnswersOpenTofu(t *testing.T) {
	o := newAccOrg(t)
	stats := &shortcutStats{}
	group := func(visibility string) string {
		return o.config(`
resource "genesyscloud_group" "g" {
  name       = "Memo group"
  visibility = "` + visibility + `"
}
`)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"genesyscloud": newServer("test", stats, WithValidationMemo(t.TempDir())),
		},
		Steps: []resource.TestStep{
			{Config: group("everyone"), ExpectError: regexp.MustCompile(`everyone`)},
			{Config: group("public")},
			{Config: group("everyone"), ExpectError: regexp.MustCompile(`everyone`)},
			{Config: group("public"), PlanOnly: true},
		},
	})
	if stats.validations.Load() == 0 {
		t.Error("no validation was answered from the memo")
	}
}
