package check

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/google/go-cmp/cmp"
)

// exampleRoot is the tested example contact center.
func exampleRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", "..", "examples", "contact-center"))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestCheckExampleHasNoErrors(t *testing.T) {
	report, err := Run(exampleRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	if err := report.Write(&text, FormatText); err != nil {
		t.Fatal(err)
	}
	t.Logf("cx check on the example:\n%s", text.String())
	if n := report.Count(Error); n != 0 {
		t.Errorf("the example reports %d findings at error severity, want none", n)
	}
	for _, f := range report.Findings {
		if f.Check == "monolith" || f.Check == "over-shared" || f.Check == "reach-in" {
			t.Errorf("the example's layout is the one cx recommends, yet: %s %s", f.ID(), f.Message)
		}
	}
}

// TestCheckMonolithSuggestsTheExampleLayout merges the example into one project and
// expects the monolith check to suggest splitting it back into the example's projects.
func TestCheckMonolithSuggestsTheExampleLayout(t *testing.T) {
	example := exampleRoot(t)
	ws, err := workspace.Load(example)
	if err != nil {
		t.Fatal(err)
	}
	merged := t.TempDir()
	mergeIntoOneProject(t, ws, filepath.Join(merged, "contact-center"))
	if err := os.WriteFile(filepath.Join(merged, "cx.hcl"), []byte("workspace {\n  name = \"one-project\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	report, err := Run(merged)
	if err != nil {
		t.Fatal(err)
	}
	var monoliths []Finding
	for _, f := range report.Findings {
		if f.Check == "monolith" {
			monoliths = append(monoliths, f)
		}
	}
	if len(monoliths) != 1 || monoliths[0].Project != "contact-center" {
		t.Fatalf("monolith findings %+v, want one for contact-center", monoliths)
	}
	t.Logf("%s\n  %s", monoliths[0].Message, strings.Join(monoliths[0].Suggestion, "\n  "))
	suggested := map[string][]string{}
	for _, line := range monoliths[0].Suggestion {
		project, addresses, _ := strings.Cut(line, ": ")
		suggested[project] = strings.Split(addresses, ", ")
	}
	v, err := newView(ws, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	actual := map[string][]string{}
	for _, m := range v.modules {
		for _, r := range m.resources {
			actual[m.project.Name] = append(actual[m.project.Name], r.address)
		}
		sort.Strings(actual[m.project.Name])
	}
	if diff := cmp.Diff(actual, suggested); diff != "" {
		t.Errorf("suggested split differs from the example's layout (-example +suggested):\n%s", diff)
	}
}

// mergeIntoOneProject writes every project of ws into dir as one project: one provider
// block, data sources and variables prefixed with their project so labels stay unique, the
// flow YAML and cx tests beside them.
func mergeIntoOneProject(t *testing.T, ws *workspace.Workspace, dir string) {
	t.Helper()
	dataBlock := regexp.MustCompile(`data "(genesyscloud_\w+)" "(\w+)"`)
	dataRef := regexp.MustCompile(`data\.(genesyscloud_\w+)\.(\w+)`)
	variableBlock := regexp.MustCompile(`variable "(\w+)"`)
	variableRef := regexp.MustCompile(`var\.(\w+)`)
	wroteProvider := false
	for _, p := range ws.Projects {
		prefix := strings.ReplaceAll(p.Name, "-", "_") + "_"
		for _, rel := range p.Files {
			src, err := os.ReadFile(filepath.Join(ws.Root, rel))
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Base(rel) == "provider.tf" {
				if wroteProvider {
					continue
				}
				wroteProvider = true
			}
			text := dataBlock.ReplaceAllString(string(src), `data "$1" "`+prefix+`$2"`)
			text = dataRef.ReplaceAllString(text, `data.$1.`+prefix+`$2`)
			text = variableBlock.ReplaceAllString(text, `variable "`+prefix+`$1"`)
			text = variableRef.ReplaceAllString(text, `var.`+prefix+`$1`)
			writeFile(t, filepath.Join(dir, prefix+filepath.Base(rel)), text)
		}
		for _, sub := range []string{"flows", "tests"} {
			files, _ := filepath.Glob(filepath.Join(ws.Root, p.Dir, sub, "*"))
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(dir, sub, filepath.Base(f)), string(src))
			}
		}
	}
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// syntheticWorkspace writes a workspace of flows flow projects, each with a flow, two
// queues, an IVR and its numbers, naming skills and wrap-up codes of shared projects.
func syntheticWorkspace(t testing.TB, flows int) string {
	t.Helper()
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "cx.hcl"), "workspace {\n  name = \"synthetic\"\n}\n")
	var skills, codes strings.Builder
	for i := 0; i < flows; i++ {
		fmt.Fprintf(&skills, "resource \"genesyscloud_routing_skill\" \"s%d\" {\n  name = \"Skill %d\"\n}\n", i, i)
		fmt.Fprintf(&codes, "resource \"genesyscloud_routing_wrapupcode\" \"w%d\" {\n  name = \"Code %d\"\n  description = \"Code %d\"\n}\n", i, i, i)
	}
	writeFile(t, filepath.Join(root, "shared-skills", "main.tf"), skills.String())
	writeFile(t, filepath.Join(root, "shared-wrapupcodes", "main.tf"), codes.String())
	for i := 0; i < flows; i++ {
		dir := filepath.Join(root, fmt.Sprintf("flow-line%02d", i))
		writeFile(t, filepath.Join(dir, "main.tf"), fmt.Sprintf(`data "genesyscloud_routing_skill" "skill" {
  name = "Skill %[1]d"
}

data "genesyscloud_routing_wrapupcode" "code" {
  name = "Code %[1]d"
}

resource "genesyscloud_routing_queue" "a" {
  name         = "Line %[1]d A"
  description  = "Line %[1]d, first queue"
  wrapup_codes = [data.genesyscloud_routing_wrapupcode.code.id]
}

resource "genesyscloud_routing_queue" "b" {
  name        = "Line %[1]d B"
  description = "Line %[1]d, second queue"
}

resource "genesyscloud_flow" "line" {
  filepath   = "${path.module}/flows/line.yaml"
  depends_on = [genesyscloud_routing_queue.a, genesyscloud_routing_queue.b]
}

resource "genesyscloud_telephony_providers_edges_did_pool" "line" {
  start_phone_number = var.first_number
  end_phone_number   = var.last_number
  description        = "Line %[1]d numbers"
}

resource "genesyscloud_architect_ivr" "line" {
  name               = "Line %[1]d"
  description        = "Answers line %[1]d"
  dnis               = var.numbers
  open_hours_flow_id = genesyscloud_flow.line.id
  depends_on         = [genesyscloud_telephony_providers_edges_did_pool.line]
}
`, i))
		writeFile(t, filepath.Join(dir, "flows", "line.yaml"), fmt.Sprintf(`inboundCall:
  name: Line %[1]d
  startUpRef: "/inboundCall/menus/menu[Main_1]"
  defaultLanguage: en-us
  menus:
    - menu:
        name: Main
        refId: Main_1
        audio:
          tts: Welcome to line %[1]d.
        choices:
          - menuTransferToAcd:
              name: A
              dtmf: digit_1
              targetQueue:
                lit:
                  name: Line %[1]d A
              acdSkills:
                - acdSkill:
                    lit:
                      name: Skill %[1]d
`, i))
		writeFile(t, filepath.Join(dir, "tests", "line.cxtest.hcl"), "# a cx test\n")
	}
	return root
}

// TestCheckSixtyProjects checks a 60-project workspace and prints how long it took; the
// goal is under 2 s (not asserted: the machine's load is not the code's speed).
func TestCheckSixtyProjects(t *testing.T) {
	root := syntheticWorkspace(t, 58) // + 2 shared projects = 60
	start := time.Now()
	report, err := Run(root)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cx check on 60 projects: %s (goal: under 2s), %d findings", elapsed.Round(time.Millisecond), len(report.Findings))
	if len(report.Findings) != 0 {
		t.Errorf("the synthetic workspace follows the seed's layout, yet: %v", report.Findings)
	}
}

// TestCheckSixtyProjectsWithPolicies is the same measure with a Rego policy evaluated: "no
// queue without a wrap-up code" fires on each line's second queue, and nothing else.
func TestCheckSixtyProjectsWithPolicies(t *testing.T) {
	root := syntheticWorkspace(t, 58)
	policy, err := os.ReadFile(filepath.Join("testdata", "policies", "queue_wrapup.rego"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "policy", "queue_wrapup.rego"), string(policy))
	writeFile(t, filepath.Join(root, "cx.hcl"), "workspace {\n  name = \"synthetic\"\n}\n\ncheck {\n  policies = [\"policy/\"]\n}\n")
	start := time.Now()
	report, err := Run(root)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cx check on 60 projects with a Rego policy: %s (goal: under 2s), %d findings", elapsed.Round(time.Millisecond), len(report.Findings))
	for _, f := range report.Findings {
		if f.ID() != "policy/queue_wrapup" || !strings.HasSuffix(f.Message, "has no wrap-up code; list the codes its agents choose from") ||
			!strings.Contains(f.Message, "genesyscloud_routing_queue.b") {
			t.Errorf("unexpected finding %s at %s: %s", f.ID(), f.Where(), f.Message)
		}
	}
	if len(report.Findings) != 58 {
		t.Errorf("%d findings, want one per line's second queue (58)", len(report.Findings))
	}
}

func BenchmarkCheckSixtyProjects(b *testing.B) {
	root := syntheticWorkspace(b, 58)
	for b.Loop() {
		if _, err := Run(root); err != nil {
			b.Fatal(err)
		}
	}
}
