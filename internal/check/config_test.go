package check

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestCheckConfigParses(t *testing.T) {
	cfg, err := ParseConfig("cx.hcl", []byte(`
workspace {
  name = "w"
}
check {
  fail_on                = "warning"
  monolith_max_resources = 12
  severity = {
    "hygiene"                   = "error"
    "hygiene/flow-without-test" = "info"
  }
  suppress "hard-coded/url" {
    path   = "flow-support/"
    reason = "the ticketing API has one address"
  }
  policies = ["policy/", "more"]
  plans    = "plans"
}
`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(cfg.Policies, ",") != "policy/,more" || cfg.Plans != "plans" {
		t.Errorf("policies %q, plans %q", cfg.Policies, cfg.Plans)
	}
	if cfg.FailOn != Warning || cfg.MonolithMaxResources != 12 {
		t.Errorf("fail_on %s, monolith_max_resources %d", cfg.FailOn, cfg.MonolithMaxResources)
	}
	if got := cfg.severityOf(ruleHygieneUnpinned.at("p", Pos{}, "m")); got != Error {
		t.Errorf("hygiene rule severity %s, want the check's override error", got)
	}
	if got := cfg.severityOf(ruleHygieneNoTest.at("p", Pos{}, "m")); got != Info {
		t.Errorf("flow-without-test severity %s, want the rule's override info", got)
	}
	s := cfg.Suppressions
	if len(s) != 1 || s[0].Path != "flow-support" || s[0].Pos.Line != 12 {
		t.Fatalf("suppressions %+v", s)
	}
	url := ruleHardCodedURL.at("flow-support", Pos{File: "flow-support/data_action.tf", Line: 3}, "m")
	if !s[0].matches(url) {
		t.Error("the suppression does not cover a finding in its directory")
	}
	url.Pos.File = "flow-supporting/x.tf"
	url.Project = "flow-supporting"
	if s[0].matches(url) {
		t.Error("the suppression covers a directory that only shares its prefix")
	}
	if s[0].matches(ruleHardCodedGUID.at("flow-support", Pos{File: "flow-support/a.tf"}, "m")) {
		t.Error("a rule suppression covers another rule of the check")
	}
}

func TestCheckConfigErrors(t *testing.T) {
	for name, tc := range map[string]struct{ src, want string }{
		"reason":    {"check {\n  suppress \"hygiene\" { path = \"a\" }\n}", "needs a reason"},
		"path":      {"check {\n  suppress \"hygiene\" { reason = \"r\" }\n}", "needs a path"},
		"severity":  {`check { fail_on = "fatal" }`, `severity "fatal"`},
		"attribute": {`check { max = 3 }`, `unknown attribute "max"`},
		"threshold": {`check { monolith_max_resources = 0 }`, "positive whole number"},
		"policies":  {`check { policies = "policy/" }`, "list of folders"},
		"plans":     {`check { plans = ["plans"] }`, "folder holding <project>.json plans"},
	} {
		_, err := ParseConfig("cx.hcl", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "cx.hcl:1") {
			t.Errorf("%s: error %v, want one at cx.hcl:1 saying %q", name, err, tc.want)
		}
	}
}

func TestCheckReportFormats(t *testing.T) {
	r := sampleReport()
	if len(r.Suppressed) != 1 || r.Suppressed[0].Reason != "same URL in every org" {
		t.Fatalf("suppressed %+v", r.Suppressed)
	}
	if r.Count(Error) != 1 || r.Count(Warning) != 3 || r.Count(Info) != 3 {
		t.Errorf("counts: %d errors, %d at warning, %d at info", r.Count(Error), r.Count(Warning), r.Count(Info))
	}
	var text, md, js bytes.Buffer
	for f, buf := range map[Format]*bytes.Buffer{FormatText: &text, FormatMarkdown: &md, FormatJSON: &js} {
		if err := r.Write(buf, f); err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range []string{
		"flow-a/main.tf:3: error [reach-in/remote-state] remote state",
		"big: warning [monolith/several-flows] two flows",
		"flow-a/main.tf:7: suppressed [hard-coded/url] a URL (reason: same URL in every org",
		"1 errors, 2 warnings, 0 info, 1 suppressed",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text output lacks %q:\n%s", want, text.String())
		}
	}
	if !strings.Contains(md.String(), "### Suppressed") || !strings.Contains(md.String(), "| `hard-coded/url` | `flow-a/main.tf:7` | same URL in every org |") {
		t.Errorf("markdown lacks the suppression:\n%s", md.String())
	}
	var decoded struct {
		Findings []struct {
			Check, Rule, Severity string
		}
		Suppressed []struct{ Reason string }
	}
	if err := json.Unmarshal(js.Bytes(), &decoded); err != nil {
		t.Fatal(err)
	}
	if len(decoded.Findings) != 3 || decoded.Findings[0].Severity == "" || len(decoded.Suppressed) != 1 {
		t.Errorf("json: %+v", decoded)
	}
	if err := r.Write(&text, "yaml"); err == nil {
		t.Error("an unknown format is accepted")
	}
}

func TestCheckReportsUnusedSuppressions(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Suppressions = []Suppression{
		{ID: "hygiene", Path: "shared-skills", Reason: "used", Pos: Pos{File: "cx.hcl", Line: 3, Column: 3}},
		{ID: "hard-coded/url", Path: "flow-gone", Reason: "the project was removed", Pos: Pos{File: "cx.hcl", Line: 7, Column: 3}},
	}
	r := assemble("w", []Finding{ruleHygieneIgnore.at("shared-skills", Pos{File: "shared-skills/a.tf", Line: 4}, "m")}, cfg)
	if len(r.Suppressed) != 1 || len(r.Findings) != 1 {
		t.Fatalf("findings %v, suppressed %v", r.Findings, r.Suppressed)
	}
	if f := r.Findings[0]; f.ID() != "check/unused-suppression" || f.Where() != "cx.hcl:7" {
		t.Errorf("got %s at %s, want check/unused-suppression at cx.hcl:7", f.ID(), f.Where())
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("check {\n  fail_on = \"warning\"\n  suppress \"hygiene\" {\n    path   = \"a\"\n    reason = \"r\"\n  }\n}\n"))
	f.Add([]byte("check {\n  severity = { monolith = \"error\" }\n  monolith_max_resources = 5\n}\n"))
	f.Add([]byte("workspace {}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, err := ParseConfig("cx.hcl", src)
		if err != nil {
			return
		}
		if cfg.MonolithMaxResources <= 0 || cfg.Severity == nil {
			t.Fatalf("accepted a configuration without its defaults: %+v", cfg)
		}
		for _, s := range cfg.Suppressions {
			if s.Reason == "" || s.Path == "" {
				t.Fatalf("accepted a suppression without reason or path: %+v", s)
			}
		}
	})
}

// Markdown cells escape what would become HTML and keep suggestions on separate lines.
func TestCheckMarkdownEscapes(t *testing.T) {
	f := ruleHardCodedURL.at("p", Pos{File: "p/a.tf", Line: 2}, "set it in env/<env>.tfvars | now")
	f.Suggestion = []string{"flow-a: x", "shared-<area>: y"}
	var md bytes.Buffer
	if err := assemble("w", []Finding{f}, DefaultConfig()).Write(&md, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	want := "set it in env/&lt;env&gt;.tfvars \\| now<br>flow-a: x<br>shared-&lt;area&gt;: y |"
	if !strings.Contains(md.String(), want) {
		t.Errorf("markdown lacks %q:\n%s", want, md.String())
	}
}
