package workspace

import (
	"errors"
	"strings"
	"testing"
)

// FuzzLoadConfig feeds arbitrary cx.hcl bytes to the parser: it must never panic, an error
// must name a cx.hcl position, and a success must describe a usable workspace.
func FuzzLoadConfig(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("workspace {\n  name = \"cc\"\n}\nenvironment \"dev\" {\n  org = \"local:dev\"\n}\nenvironment \"prod\" {\n  org = \"region:us-east-1\"\n  promote_from = \"dev\"\n  protected = true\n  credentials_env = { client_id = \"A\", client_secret = \"B\" }\n}\n"))
	f.Add([]byte("projects {\n  include = [\"shared-*\", \"../x/flow-*\"]\n  exclude = []\n}\nstate {\n  backend \"pg\" {\n    conn_str = \"x\"\n  }\n}\nproject \"a\" {\n  depends_on = [\"b\"]\n}\n"))
	f.Add([]byte("environment \"a\" {\n  org = \"local:a\"\n  promote_from = \"a\"\n}\n"))
	f.Add([]byte("state {\n  backend = \"local\"\n  path = \"{env}/{project}\"\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, err := ParseConfig("cx.hcl", src)
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) || len(ce.Diagnostics) == 0 {
				t.Fatalf("error %v is not a ConfigError with diagnostics", err)
			}
			for _, d := range ce.Diagnostics {
				if len(d.Positions) == 0 || d.Positions[0].File != "cx.hcl" {
					t.Fatalf("diagnostic without a cx.hcl position: %+v", d)
				}
			}
			return
		}
		if len(cfg.Environments) == 0 || len(cfg.Include) == 0 || cfg.State.Backend == "" {
			t.Fatalf("config without defaults: %+v", cfg)
		}
		seen := map[string]bool{}
		for _, e := range cfg.Environments {
			if e.PromoteFrom != "" && !seen[e.PromoteFrom] {
				t.Fatalf("environment %q comes before %q it promotes from", e.Name, e.PromoteFrom)
			}
			seen[e.Name] = true
		}
		cfg.State.For("dev", "p")
	})
}

// FuzzScanProject feeds arbitrary .tf bytes to the project scanner, with a fixed flow file
// for any genesyscloud_flow it names: no panic, and every finding has a position.
func FuzzScanProject(f *testing.F) {
	f.Add([]byte(`resource "genesyscloud_routing_skill" "s" {
  name = "Billing"
}
data "genesyscloud_routing_queue" "q" {
  name = "Q"
}
`))
	f.Add([]byte(`resource "genesyscloud_flow" "f" {
  filepath = "${path.module}/flow.yaml"
  substitutions = { queue = "Billing" }
}
`))
	f.Add([]byte(`resource "genesyscloud_routing_queue" "q" {
  name = "${var.x}-${upper("a")}"
  count = 2
}
data "genesyscloud_group" "g" { name = local.n }
`))
	f.Add([]byte("resource \"genesyscloud_flow\" \"f\" {\n  filepath = \"../../../etc/x\"\n}\n"))
	flow := []byte("inboundCall:\n  name: F\n  tasks:\n    - task:\n        actions:\n          - transferToAcd:\n              targetQueue:\n                lit:\n                  name: \"{{queue}}\"\n")
	read := func(rel string) ([]byte, error) {
		if strings.HasSuffix(rel, "flow.yaml") {
			return flow, nil
		}
		return nil, errors.New("no such file")
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p := &Project{Name: "p", Dir: "p", Environments: map[string]EnvFiles{}}
		p.scanFile("p/main.tf", src, read)
		check := func(what string, pos Pos) {
			if pos.File == "" || pos.Line < 1 || pos.Column < 1 {
				t.Fatalf("%s has no position: %v", what, pos)
			}
		}
		for _, o := range p.Declares {
			check("declaration "+o.Address, o.Pos)
		}
		for _, r := range p.Refers {
			check("reference "+r.Name, r.Pos)
		}
		for _, u := range p.Unknown {
			check("unknown "+u.Address, u.Pos)
		}
		for _, d := range p.Diagnostics {
			if len(d.Positions) == 0 {
				t.Fatalf("diagnostic without position: %+v", d)
			}
		}
	})
}
