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
	if m := srv.(*server).memo; m != nil {
		<-m.ready // a provider reads its memo while OpenTofu asks for its schema
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

// fakeValidator answers validations with diags, counting the calls that reach it.
type fakeValidator struct {
	tfprotov6.ProviderServer
	diags []*tfprotov6.Diagnostic
	calls int
}

func (f *fakeValidator) ValidateResourceConfig(context.Context, *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	f.calls++
	return &tfprotov6.ValidateResourceConfigResponse{Diagnostics: f.diags}, nil
}

func (f *fakeValidator) ValidateDataResourceConfig(context.Context, *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	f.calls++
	return &tfprotov6.ValidateDataResourceConfigResponse{Diagnostics: f.diags}, nil
}

// TestValidationMemoKeys: a warning is never remembered; data sources are remembered apart
// from resources of the same name; the client's capabilities are part of the key.
func TestValidationMemoKeys(t *testing.T) {
	memo := newValidationMemo(t.TempDir(), "v1")
	<-memo.ready
	fw := &fakeValidator{}
	s := &server{ProviderServer: fw, on: true, stats: &shortcutStats{}, memo: memo}
	ctx := context.Background()
	cfg := &tfprotov6.DynamicValue{MsgPack: []byte{0x81, 0xa1, 'a', 0x01}}
	resource := func(writeOnly bool) {
		s.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "genesyscloud_x", Config: cfg,
			ClientCapabilities: &tfprotov6.ValidateResourceConfigClientCapabilities{WriteOnlyAttributesAllowed: writeOnly}})
	}
	dataSource := func() {
		s.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: "genesyscloud_x", Config: cfg})
	}
	calls := func(want int, what string) {
		t.Helper()
		if fw.calls != want {
			t.Fatalf("%s: %d calls reached the framework, want %d", what, fw.calls, want)
		}
	}

	fw.diags = []*tfprotov6.Diagnostic{{Severity: tfprotov6.DiagnosticSeverityWarning, Summary: "Phone number is not in E.164 form"}}
	resource(false)
	resource(false)
	calls(2, "a configuration with a warning, twice")
	fw.diags = nil
	resource(false)
	resource(false)
	calls(3, "the same configuration, clean, twice")
	resource(true)
	calls(4, "the same configuration from a client allowing write-only attributes")
	dataSource()
	dataSource()
	calls(5, "a data source of the same type name and configuration, twice")
}

// TestValidationMemoRefusesSharedPlaces: a memo directory others may write in, or a memo file
// that is a link, is not used; validation goes through the framework and still works.
func TestValidationMemoRefusesSharedPlaces(t *testing.T) {
	clean := groupConfig(t, "Support", "public")
	shared := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(shared, 0o777) // whatever the umask left
	for range 2 {
		if diags, memo := validateGroup(t, "v1", shared, nil, clean); len(diags) != 0 || memo {
			t.Fatalf("world-writable memo directory: diagnostics %v, from memo %v; want clean, from the framework", diags, memo)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(shared, "*")); len(files) != 0 {
		t.Errorf("files written in a world-writable directory: %v", files)
	}

	dir := t.TempDir()
	validateGroup(t, "v1", dir, nil, clean)
	files, _ := filepath.Glob(filepath.Join(dir, "validate-*.memo"))
	if len(files) != 1 {
		t.Fatalf("memo files %v, want one", files)
	}
	elsewhere := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.Rename(files[0], elsewhere); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, files[0]); err != nil {
		t.Fatal(err)
	}
	if diags, memo := validateGroup(t, "v1", dir, nil, clean); len(diags) != 0 || memo {
		t.Fatalf("memo file replaced by a link: diagnostics %v, from memo %v; want clean, from the framework", diags, memo)
	}
}
