package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

func TestLoadConfigFixture(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(filepath.Join("testdata", "contact-center"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Name != "contact-center" {
		t.Errorf("Name = %q", cfg.Name)
	}
	var order []string
	for _, e := range cfg.Environments {
		order = append(order, e.Name)
	}
	// prod is written before test in the file; promotion order puts it last.
	if diff := cmp.Diff([]string{"dev", "test", "prod"}, order); diff != "" {
		t.Errorf("promotion order (-want +got):\n%s", diff)
	}
	prod, ok := cfg.Environment("prod")
	want := Environment{Name: "prod", Org: "region:us-east-1", ClientIDEnv: "PROD_CLIENT_ID", ClientSecretEnv: "PROD_CLIENT_SECRET",
		Protected: true, PromoteFrom: "test", Pos: Pos{File: "cx.hcl", Line: 9, Column: 1}}
	if !ok || prod != want {
		t.Errorf("prod = %+v, want %+v", prod, want)
	}
	if dev, _ := cfg.Environment("dev"); !dev.IsLocal() || dev.OrgName() != "dev" || dev.ClientIDEnv != "" {
		t.Errorf("dev = %+v, want the local org dev without credentials", dev)
	}
	if diff := cmp.Diff([]string{"shared-*", "flow-*"}, cfg.Include); diff != "" {
		t.Errorf("Include (-want +got):\n%s", diff)
	}
	backend, settings := cfg.State.For("prod", "flow-billing")
	if backend != "local" || settings["path"].AsString() != ".cx/state/prod/flow-billing.tfstate" {
		t.Errorf("State.For = %s %#v", backend, settings)
	}
}

func TestParseConfigDefaults(t *testing.T) {
	t.Parallel()
	cfg, err := ParseConfig("cx.hcl", nil)
	if err != nil {
		t.Fatal(err)
	}
	var envs []string
	for _, e := range cfg.Environments {
		envs = append(envs, e.Name+"="+e.Org+"<"+e.PromoteFrom)
	}
	if diff := cmp.Diff([]string{"dev=local:dev<", "test=local:test<dev", "prod=local:prod<test"}, envs); diff != "" {
		t.Errorf("default environments (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"*"}, cfg.Include); diff != "" {
		t.Errorf("default include (-want +got):\n%s", diff)
	}
	if cfg.State.Backend != "local" || cfg.State.Settings["path"].AsString() != DefaultStatePath {
		t.Errorf("default state = %+v", cfg.State)
	}
}

func TestParseConfigBackendBlock(t *testing.T) {
	t.Parallel()
	src := `
state {
  backend "pg" {
    conn_str    = "postgres://cx@db/cx"
    schema_name = "{env}_{project}"
    skip_schema_creation = false
  }
}
project "flow-billing" {
  depends_on = ["shared-schedules"]
}
`
	cfg, err := ParseConfig("cx.hcl", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	backend, settings := cfg.State.For("test", "flow-billing")
	if backend != "pg" || settings["schema_name"].AsString() != "test_flow-billing" ||
		settings["conn_str"].AsString() != "postgres://cx@db/cx" || !settings["skip_schema_creation"].Equals(cty.False).True() {
		t.Errorf("State.For = %s %#v", backend, settings)
	}
	want := []ProjectConfig{{Name: "flow-billing", DependsOn: []string{"shared-schedules"}, Pos: Pos{File: "cx.hcl", Line: 9, Column: 1}}}
	if diff := cmp.Diff(want, cfg.Projects); diff != "" {
		t.Errorf("Projects (-want +got):\n%s", diff)
	}
}

func TestParseConfigErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"unknown block", "workspace {\n  name = \"x\"\n}\nenvironments \"dev\" {}\n",
			`cx.hcl:4:1: unknown block "environments"; expected workspace, environment, projects, state or project`},
		{"unknown attribute", "environment \"dev\" {\n  org = \"local:dev\"\n  orgs = 1\n}\n",
			`cx.hcl:3:3: unknown attribute "orgs" in environment "dev"; expected one of: org, credentials_env, protected, promote_from, local_org`},
		{"local_org with a real org", "environment \"p\" {\n  org = \"region:us-east-1\"\n  local_org = \"../a/.cx/org\"\n}\n",
			`cx.hcl:1:1: environment "p": local_org goes with org = "local:<org>", not with a real org`},
		{"empty local_org", "environment \"dev\" {\n  org = \"local:dev\"\n  local_org = \"\"\n}\n",
			"cx.hcl:3:15: local_org: name the data directory of a local org (relative to the workspace root), or leave the attribute out"},
		{"top-level attribute", "name = \"x\"\n",
			`cx.hcl:1:1: unknown attribute "name"; cx.hcl holds only blocks (workspace, environment, projects, state, project)`},
		{"bad org", "environment \"dev\" {\n  org = \"dev\"\n}\n",
			`cx.hcl:2:9: org "dev": write "local:<org>" for the embedded local org or "region:<region>" for a Genesys Cloud org`},
		{"missing org", "environment \"dev\" {\n}\n",
			`cx.hcl:1:1: environment "dev" needs org = "local:dev" or org = "region:<region>"`},
		{"unknown promote_from", "environment \"test\" {\n  org = \"local:test\"\n  promote_from = \"dev\"\n}\n",
			`cx.hcl:1:1: environment "test" promotes from "dev", which is not an environment in this file`},
		{"promotion cycle",
			"environment \"a\" {\n  org = \"local:a\"\n  promote_from = \"b\"\n}\nenvironment \"b\" {\n  org = \"local:b\"\n  promote_from = \"a\"\n}\n",
			"cx.hcl:1:1: environments promote in a cycle: a ← b ← a (promote_from)"},
		{"duplicate environment", "environment \"dev\" {\n  org = \"local:dev\"\n}\nenvironment \"dev\" {\n  org = \"local:dev\"\n}\n",
			`cx.hcl:4:1: environment "dev" is written twice; the first is at cx.hcl:1:1`},
		{"variable", "environment \"dev\" {\n  org = var.org\n}\n",
			"cx.hcl:2:9: org must be a string (no variables or functions)"},
		{"wrong type", "environment \"dev\" {\n  org = \"local:dev\"\n  protected = \"yes\"\n}\n",
			"cx.hcl:3:15: protected must be true or false"},
		{"credentials key", "environment \"p\" {\n  org = \"region:us-east-1\"\n  credentials_env = { id = \"X\" }\n}\n",
			`cx.hcl:3:21: credentials_env: unknown key "id"; expected client_id and client_secret`},
		{"half credentials", "environment \"p\" {\n  org = \"region:us-east-1\"\n  credentials_env = { client_id = \"X\" }\n}\n",
			"cx.hcl:3:21: credentials_env needs both client_id and client_secret (names of environment variables)"},
		{"label missing", "environment {\n  org = \"local:dev\"\n}\n",
			`cx.hcl:1:1: environment block needs exactly one label: environment "name" { … }`},
		{"include not a list", "projects {\n  include = \"flow-*\"\n}\n",
			"cx.hcl:2:13: include must be a list of strings"},
		{"empty include", "projects {\n  include = []\n}\n",
			"cx.hcl:2:13: include lists no globs, so the workspace has no projects; leave it out to include every subdirectory"},
		{"bad glob", "projects {\n  include = [\"flow-[\"]\n}\n",
			`cx.hcl:2:13: include: "flow-[" is not a glob relative to the workspace root`},
		{"remote backend as attribute", "state {\n  backend = \"s3\"\n}\n",
			`cx.hcl:2:13: state backend "s3": write it as a block, backend "s3" { … }, holding its settings`},
		{"backend both ways", "state {\n  backend = \"local\"\n  backend \"pg\" {}\n}\n",
			`cx.hcl:2:3: state: use either backend = "local" with path, or one backend "<type>" { … } block, not both`},
		{"state path escapes", "state {\n  path = \"../../../../tmp/{env}.tfstate\"\n}\n",
			`cx.hcl:2:10: state path "../../../../tmp/{env}.tfstate" leaves the workspace: use a relative path inside it (e.g. ".cx/state/{env}/{project}.tfstate"), or a backend block for state kept elsewhere`},
		{"state path absolute", "state {\n  path = \"/tmp/x.tfstate\"\n}\n",
			`cx.hcl:2:10: state path "/tmp/x.tfstate" leaves the workspace: use a relative path inside it (e.g. ".cx/state/{env}/{project}.tfstate"), or a backend block for state kept elsewhere`},
		{"syntax", "environment \"dev\" {\n  org = \n}\n",
			"cx.hcl:2:9: Invalid expression: Expected the start of an expression, but found an invalid expression token."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			wantFirstConfigError(t, tt.src, tt.want)
		})
	}
}

func TestLoadConfigErrorNamesFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"cx.hcl": "workspace {\n  name = \"x\"\n  team = \"y\"\n}\n"})
	_, err := LoadConfig(root)
	want := filepath.Join(root, "cx.hcl") + `:3:3: unknown attribute "team" in workspace block; expected one of: name`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// TestDocExampleParses keeps the cx.hcl example in the package documentation true.
func TestDocExampleParses(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	for _, line := range strings.Split(string(doc), "\n") {
		if code, ok := strings.CutPrefix(line, "//\t"); ok {
			src.WriteString(code + "\n")
		}
	}
	cfg, err := ParseConfig("cx.hcl", []byte(src.String()))
	if err != nil {
		t.Fatalf("the documented example does not parse:\n%v\n%s", err, src.String())
	}
	if cfg.Name != "contact-center" || len(cfg.Environments) != 3 || len(cfg.Projects) != 1 || len(cfg.Exclude) != 1 {
		t.Errorf("example parsed to %+v", cfg)
	}
}

// An environment may name the local org of another workspace (what cx export writes).
func TestParseConfigLocalOrg(t *testing.T) {
	t.Parallel()
	cfg, err := ParseConfig("cx.hcl", []byte("environment \"dev\" {\n  org = \"local:dev\"\n  local_org = \"../cc/.cx/org\"\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if e := cfg.Environments[0]; !e.IsLocal() || e.LocalOrgDir != "../cc/.cx/org" {
		t.Errorf("environment = %+v", e)
	}
}
