package workspace

import (
	"strings"
	"testing"
)

func TestParseStatePostgresDefaultsAndEncryption(t *testing.T) {
	t.Parallel()
	src := `
state {
  backend "pg" {}
  encryption {
    passphrase_env = "CX_STATE_PASSPHRASE"
  }
}
`
	cfg, err := ParseConfig("cx.hcl", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.State.IsPostgres() || cfg.State.IsLocal() {
		t.Fatalf("state = %+v", cfg.State)
	}
	// No conn_str: OpenTofu and cx read PG_CONN_STR, so none is passed.
	backend, settings := cfg.State.For("dev", "flow-billing")
	if backend != "pg" || settings["schema_name"].AsString() != "cx_dev_flow-billing" || len(settings) != 1 {
		t.Errorf("State.For = %s %#v", backend, settings)
	}
	if e := cfg.State.Encryption; e == nil || e.PassphraseEnv != "CX_STATE_PASSPHRASE" || e.Pos.Line != 4 {
		t.Errorf("encryption = %+v", e)
	}
	local, err := ParseConfig("cx.hcl", []byte("state {\n  path = \"s/{env}/{project}.tfstate\"\n  encryption {\n    passphrase_env = \"K\"\n  }\n}\n"))
	if err != nil || local.State.Encryption == nil || local.State.Encryption.PassphraseEnv != "K" || !local.State.IsLocal() {
		t.Errorf("local state with encryption: %+v %v", local, err)
	}
}

// A long project name keeps a schema of its own: PostgreSQL would cut it at 63 bytes.
func TestStatePostgresSchemaNamesStayDistinct(t *testing.T) {
	t.Parallel()
	cfg, err := ParseConfig("cx.hcl", []byte("state {\n  backend \"pg\" {\n    conn_str = \"postgres://db/{env}\"\n  }\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("flow-with-a-very-long-name-", 3)
	_, a := cfg.State.For("production", long+"a")
	_, b := cfg.State.For("production", long+"b")
	sa, sb := a["schema_name"].AsString(), b["schema_name"].AsString()
	if sa == sb || len(sa) > 63 || len(sb) > 63 || !strings.HasPrefix(sa, "cx_production_flow-with") {
		t.Errorf("schemas %q and %q", sa, sb)
	}
	if _, c := cfg.State.For("dev", "x"); c["conn_str"].AsString() != "postgres://db/dev" {
		t.Errorf("conn_str = %#v", c["conn_str"])
	}
}

func TestParseStateErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"schema without project", "state {\n  backend \"pg\" {\n    schema_name = \"cx_{env}\"\n  }\n}\n",
			`cx.hcl:3:19: backend "pg": schema_name "cx_{env}" must hold {project}, so each project keeps a state of its own (e.g. "cx_{env}_{project}")`},
		{"schema without env", "state {\n  backend \"pg\" {\n    schema_name = \"{project}\"\n  }\n}\n",
			`cx.hcl:3:19: backend "pg": schema_name "{project}" must hold {env} (or conn_str a database per {env}), so each environment keeps a state of its own (e.g. "cx_{env}_{project}")`},
		{"conn_str per project", "state {\n  backend \"pg\" {\n    conn_str = \"postgres://db/{project}\"\n  }\n}\n",
			`cx.hcl:3:16: backend "pg": conn_str may not hold {project}: every project of an environment shares its database, where cx keeps the environment's lock and release ledger`},
		{"passphrase instead of its variable", "state {\n  encryption {\n    passphrase_env = \"correct horse battery staple\"\n  }\n}\n",
			`cx.hcl:3:22: passphrase_env "correct horse battery staple": name the environment variable that holds the passphrase (e.g. "CX_STATE_PASSPHRASE"), not the passphrase itself`},
		{"encryption without variable", "state {\n  encryption {\n  }\n}\n",
			`cx.hcl:2:3: encryption needs passphrase_env = "<environment variable holding the passphrase>"`},
		{"two encryption blocks", "state {\n  encryption {\n    passphrase_env = \"A\"\n  }\n  encryption {\n    passphrase_env = \"B\"\n  }\n}\n",
			`cx.hcl:5:3: state has more than one encryption block`},
		{"unknown nested block", "state {\n  locking {}\n}\n", `cx.hcl:2:3: unknown block "locking" in state block`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			wantFirstConfigError(t, tt.src, tt.want)
		})
	}
}
