package provider

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// flowYAML is an inbound call flow that checks the hours of a schedule group and sends
// callers to a queue with a skill: every by-name reference the acceptance tests need.
func flowYAML(name, greeting, queue string) string {
	return inboundCallFlow(name, "Check Hours_1", greeting, fmt.Sprintf(`  tasks:
    - task:
        name: Check Hours
        refId: Check Hours_1
        actions:
          - evaluateScheduleGroup:
              name: Hours
              evaluate:
                now: true
              scheduleGroup:
                lit:
                  name: Support hours
              outputs:
                open:
                  actions:
                    - transferToAcd:
                        name: To support
                        targetQueue:
                          lit:
                            name: %s
                        acdSkills:
                          - acdSkill:
                              lit:
                                name: Billing
                closed:
                  actions:
                    - disconnect:
                        name: Closed
`, queue))
}

// inboundCallFlow is the YAML of an inbound call flow in the Home division, in US English
// without a language skill, that greets callers and starts at the task whose refId is
// startTask; rest holds its menus and tasks.
func inboundCallFlow(name, startTask, greeting, rest string) string {
	return inboundCallFlowGreeting(name, startTask, "tts: "+greeting, rest)
}

// inboundCallFlowGreeting is inboundCallFlow with the greeting written as its Archy line:
// "tts: <text>" or "exp: <expression>".
func inboundCallFlowGreeting(name, startTask, greeting, rest string) string {
	return fmt.Sprintf(`inboundCall:
  name: %s
  division: Home
  startUpRef: "/inboundCall/tasks/task[%s]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  initialGreeting:
    %s
`, name, startTask, greeting) + rest
}

// flowDir is a directory holding a flow file and, as main.tf, the configuration that
// publishes it: the layout of a flow project, where the provider finds the objects the
// configuration declares (the provider runs in-process here, so its working directory is
// this package, not OpenTofu's).
type flowDir struct {
	t   *testing.T
	o   *accOrg
	dir string
}

func newFlowDir(t *testing.T, o *accOrg) *flowDir {
	return &flowDir{t: t, o: o, dir: t.TempDir()}
}

func (d *flowDir) file() string { return filepath.Join(d.dir, "flow.yaml") }

// step is a test step whose PreConfig writes the flow file and main.tf: steps are built
// before any runs, so each must put its own files in place.
func (d *flowDir) step(yaml, hcl string) resource.TestStep {
	cfg := d.o.config(hcl)
	return resource.TestStep{
		PreConfig: func() { d.write(yaml, cfg) },
		Config:    cfg,
	}
}

func (d *flowDir) write(yaml, cfg string) {
	for name, data := range map[string]string{"flow.yaml": yaml, "main.tf": cfg} {
		if err := os.WriteFile(filepath.Join(d.dir, name), []byte(data), 0o600); err != nil {
			d.t.Fatal(err)
		}
	}
}

// outputRegexp matches text in OpenTofu's output, where diagnostics wrap at any space.
func outputRegexp(text string) *regexp.Regexp {
	return regexp.MustCompile(strings.Join(strings.Fields(regexp.QuoteMeta(text)), `\s+`))
}

const flowDeps = `
resource "genesyscloud_routing_skill" "s" {
  name = "Billing"
}
resource "genesyscloud_architect_schedules" "open" {
  name  = "Weekdays"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
resource "genesyscloud_architect_schedulegroups" "g" {
  name              = "Support hours"
  time_zone         = "America/New_York"
  open_schedules_id = [genesyscloud_architect_schedules.open.id]
}
`

func (d *flowDir) flowStep(yaml string) resource.TestStep {
	return d.step(yaml, flowDeps+fmt.Sprintf(`
resource "genesyscloud_routing_queue" "q" {
  name = "Support"
}
resource "genesyscloud_flow" "f" {
  filepath   = %q
  depends_on = [genesyscloud_routing_queue.q, genesyscloud_routing_skill.s, genesyscloud_architect_schedulegroups.g]
}
data "genesyscloud_flow" "by_name" {
  name       = "Main IVR"
  type       = "inboundcall"
  depends_on = [genesyscloud_flow.f]
}
`, d.file()))
}

func TestAccFlow(t *testing.T) {
	o := newAccOrg(t)
	d := newFlowDir(t, o)
	var st lastState

	// The queue, skill and schedule group do not exist yet: the reference check finds them
	// declared beside the flow, and depends_on orders the publish.
	create := d.flowStep(flowYAML("Main IVR", "Welcome to Support", "Support"))
	create.Check = resource.ComposeAggregateTestCheckFunc(
		resource.TestCheckResourceAttr("genesyscloud_flow.f", "name", "Main IVR"),
		resource.TestCheckResourceAttr("genesyscloud_flow.f", "type", "INBOUNDCALL"),
		resource.TestCheckResourceAttr("genesyscloud_flow.f", "published_version", "1.0"),
		resource.TestCheckResourceAttr("genesyscloud_flow.f", "force_unlock", "false"),
		resource.TestCheckNoResourceAttr("genesyscloud_flow.f", "content_drift"),
		resource.TestCheckResourceAttrPair("data.genesyscloud_flow.by_name", "id", "genesyscloud_flow.f", "id"),
		o.checkExists("genesyscloud_flow.f", flowsPath),
		st.capture,
	)

	// New prompt text: the same flow is republished in place as version 2.0.
	update := d.flowStep(flowYAML("Main IVR", "Welcome to Support, now with new hours", "Support"))
	update.ConfigPlanChecks = expectAction("genesyscloud_flow.f", plancheck.ResourceActionUpdate)
	update.Check = resource.ComposeAggregateTestCheckFunc(
		resource.TestCheckResourceAttr("genesyscloud_flow.f", "published_version", "2.0"),
		func(s *terraform.State) error {
			before, now := st.id("genesyscloud_flow.f"), idOf(s, "genesyscloud_flow.f")
			if before != now {
				return fmt.Errorf("flow id changed from %s to %s", before, now)
			}
			return o.expectPublished(now, d.file())
		},
	)

	o.test(o.checkDestroyed("genesyscloud_flow", flowsPath),
		create,
		update,
		resource.TestStep{
			ResourceName:            "genesyscloud_flow.f",
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"filepath", "substitutions", "file_content_hash"},
		},
	)
}

// TestAccFlowContentDrift: a flow edited in the org (another client publishes other content)
// shows in the next plan, and apply publishes the file again.
func TestAccFlowContentDrift(t *testing.T) {
	o := newAccOrg(t)
	d := newFlowDir(t, o)
	yaml := flowYAML("Main IVR", "Welcome to Support", "Support")
	create := d.flowStep(yaml)
	create.Check = resource.TestCheckResourceAttr("genesyscloud_flow.f", "published_version", "1.0")

	restore := d.flowStep(yaml)
	write := restore.PreConfig
	restore.PreConfig = func() {
		write()
		edited := strings.Replace(yaml, "Welcome to Support", "Welcome to Support, edited in the console", 1)
		if got := o.publishFlowDirectly(edited); deref(got.Status) != "Success" {
			t.Fatalf("console-style publish: %s %v", deref(got.Status), got.Messages)
		}
	}
	restore.ConfigPlanChecks = expectPlan(
		plancheck.ExpectResourceAction("genesyscloud_flow.f", plancheck.ResourceActionUpdate),
		expectDriftBefore{address: "genesyscloud_flow.f",
			want: regexp.MustCompile(`^inboundCall\.initialGreeting\.tts: "Welcome to Support, edited in the console" in the org, "Welcome to Support" in .*flow\.yaml$`)},
	)
	restore.Check = resource.ComposeAggregateTestCheckFunc(
		resource.TestCheckResourceAttr("genesyscloud_flow.f", "published_version", "3.0"),
		resource.TestCheckNoResourceAttr("genesyscloud_flow.f", "content_drift"),
		func(s *terraform.State) error { return o.expectPublished(idOf(s, "genesyscloud_flow.f"), d.file()) },
	)

	o.test(o.checkDestroyed("genesyscloud_flow", flowsPath),
		create,
		restore,
	)
}

// TestAccFlowMissingReference: a queue that neither exists nor is declared fails the plan
// with the file and line, and nothing is published; the org fails the same upload.
func TestAccFlowMissingReference(t *testing.T) {
	o := newAccOrg(t)
	d := newFlowDir(t, o)
	yaml := flowYAML("Main IVR", "Welcome", "Nowhere Queue")
	plan := d.flowStep(yaml)
	plan.ExpectError = outputRegexp(`flow.yaml:31:35: queue "Nowhere Queue" does not exist in the org and is not created by this configuration`)
	o.test(nil,
		plan,
	)
	if flows, err := findFlows(context.Background(), o.api, "Main IVR", ""); err != nil || len(flows) != 0 {
		t.Fatalf("after a failed plan, flows named Main IVR: %d (%v)", len(flows), err)
	}
	// The local org, given the same YAML directly, fails the job naming the queue.
	st := o.publishFlowDirectly(yaml)
	var texts []string
	for _, m := range st.Messages {
		texts = append(texts, deref(m.Text))
	}
	if deref(st.Status) != "Failure" || !strings.Contains(strings.Join(texts, "\n"), "'Nowhere Queue'") {
		t.Fatalf("direct import: status %s, messages %q", deref(st.Status), texts)
	}
}

// TestAccFlowSubstitutions: {{placeholders}} take their values from substitutions (here a
// queue's name, which also orders the publish after the queue); one without a value fails
// the plan naming it.
func TestAccFlowSubstitutions(t *testing.T) {
	o := newAccOrg(t)
	d := newFlowDir(t, o)
	step := func(yaml string) resource.TestStep {
		return d.step(yaml, flowDeps+fmt.Sprintf(`
resource "genesyscloud_routing_queue" "q" {
  name = "Sales"
}
resource "genesyscloud_flow" "f" {
  filepath      = %q
  substitutions = { queue_name = genesyscloud_routing_queue.q.name }
  depends_on    = [genesyscloud_routing_skill.s, genesyscloud_architect_schedulegroups.g]
}
`, d.file()))
	}
	resolved := step(flowYAML("Sales IVR", "Welcome to Sales", "{{queue_name}}"))
	resolved.Check = func(s *terraform.State) error {
		data, err := newFlowJobs(o.api).export(context.Background(), idOf(s, "genesyscloud_flow.f"))
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), "name: Sales\n") || strings.Contains(string(data), "{{") {
			return fmt.Errorf("published flow was not substituted:\n%s", data)
		}
		return nil
	}
	unresolved := step(flowYAML("Sales IVR", "Welcome to {{brand}}", "{{queue_name}}"))
	unresolved.ExpectError = outputRegexp(`flow.yaml:11:21: the placeholder {{brand}} has no value in substitutions`)
	o.test(o.checkDestroyed("genesyscloud_flow", flowsPath),
		resolved,
		unresolved,
	)
}

// TestAccFlowExample applies the documented example from its own directory, as OpenTofu
// runs it: the relative filepath and the scan of the root module use the working directory.
func TestAccFlowExample(t *testing.T) {
	o := newAccOrg(t)
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples", "resources", "genesyscloud_flow"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "resource.tf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	o.testInWorkingDir(o.checkDestroyed("genesyscloud_flow", flowsPath),
		resource.TestStep{
			Config: o.config(string(src)),
			Check:  resource.TestCheckResourceAttr("genesyscloud_flow.main_ivr", "published_version", "1.0"),
		},
	)
}

// publishFlowDirectly publishes YAML through the job API as another tool would (raw HTTP,
// no provider code) and returns the finished job.
func (o *accOrg) publishFlowDirectly(yaml string) platform.ArchitectJobStateResponse {
	o.t.Helper()
	var reg platform.RegisterArchitectJobResponse
	o.do(http.MethodPost, "/api/v2/flows/jobs", nil, &reg)
	req, err := http.NewRequest(http.MethodPut, deref(reg.PresignedURL), strings.NewReader(yaml))
	if err != nil {
		o.t.Fatal(err)
	}
	for k, v := range reg.Headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		o.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		o.t.Fatalf("upload: status %d", res.StatusCode)
	}
	var st platform.ArchitectJobStateResponse
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		st = platform.ArchitectJobStateResponse{}
		if err := o.api.Do(context.Background(), http.MethodGet, "/api/v2/flows/jobs/"+deref(reg.ID), map[string][]string{"expand": {"messages"}}, nil, &st); err != nil {
			o.t.Fatal(err)
		}
		if s := deref(st.Status); s == "Success" || s == "Failure" {
			return st
		}
	}
	o.t.Fatalf("job %s did not finish", deref(reg.ID))
	return st
}

// expectPublished fails unless the flow's published content means the same as the file.
func (o *accOrg) expectPublished(flowID, file string) error {
	data, err := newFlowJobs(o.api).export(context.Background(), flowID)
	if err != nil {
		return err
	}
	local, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	pub, err := archy.Parse("export", data)
	if err != nil {
		return err
	}
	want, err := archy.Parse(file, local)
	if err != nil {
		return err
	}
	if !archy.Equal(pub, want) {
		return fmt.Errorf("published flow differs from %s:\n%s", file, data)
	}
	return nil
}

// expectDriftBefore checks the content_drift a refresh recorded (the plan's before value).
type expectDriftBefore struct {
	address string
	want    *regexp.Regexp
}

func (e expectDriftBefore) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.address {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		got, _ := before["content_drift"].(string)
		if !e.want.MatchString(got) {
			resp.Error = fmt.Errorf("content_drift before the apply is %q, want a match for %s", got, e.want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", e.address)
}

func TestDescribeFlowDrift(t *testing.T) {
	canon := func(src string) []byte {
		f, err := archy.Parse("x.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		out, err := archy.Canonical(f)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	base := flowYAML("A", "Hello", "Q")
	for _, tc := range []struct{ name, org, want string }{
		{"scalar", flowYAML("A", "Hi", "Q"), `inboundCall.initialGreeting.tts: "Hi" in the org, "Hello" in flow.yaml`},
		{"deep", flowYAML("A", "Hello", "R"),
			`inboundCall.tasks[0].task.actions[0].evaluateScheduleGroup.outputs.open.actions[0].transferToAcd.targetQueue.lit.name: "R" in the org, "Q" in flow.yaml`},
		{"added key", strings.Replace(base, "  division: Home\n", "  division: Home\n  description: New\n", 1),
			`inboundCall.description: "New" in the org, absent in flow.yaml`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := describeFlowDrift(canon(tc.org), canon(base), "flow.yaml"); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestLoadFlowFileProblems(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "flow.yaml")
	if err := os.WriteFile(file, []byte(flowYAML("A", "Hi {{who}}", "{{queue}}")), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := loadFlowFile(context.Background(), file, map[string]string{"queue": "Q"})
	if err == nil || err.Error() != file+":11:13: the placeholder {{who}} has no value in substitutions" {
		t.Fatalf("unresolved placeholder: %v", err)
	}
	f, err := loadFlowFile(context.Background(), file, map[string]string{"queue": "Q", "who": "there"})
	if err != nil {
		t.Fatal(err)
	}
	if f.flow.Name != "A" || !strings.Contains(string(f.content), "tts: Hi there") || len(f.rawHash) != 64 {
		t.Fatalf("loaded %+v", f)
	}
	if _, err := loadFlowFile(context.Background(), filepath.Join(dir, "nope.yaml"), nil); err == nil || strings.Contains(err.Error(), dir) {
		t.Fatalf("missing file: %v", err)
	}
}

// Older configurations (public blueprints among them) set file_content_hash, which the
// official provider now computes: a value that is the file's hash is accepted (with a
// warning), any other fails the plan naming both hashes.
func TestAccFlowFileContentHashInput(t *testing.T) {
	o := newAccOrg(t)
	d := newFlowDir(t, o)
	step := func(hash string) resource.TestStep {
		return d.step(flowYAML("Legacy IVR", "Welcome", "Support"), flowDeps+fmt.Sprintf(`
resource "genesyscloud_routing_queue" "q" {
  name = "Support"
}
resource "genesyscloud_flow" "f" {
  filepath          = %q
  file_content_hash = %s
  depends_on        = [genesyscloud_routing_queue.q, genesyscloud_routing_skill.s, genesyscloud_architect_schedulegroups.g]
}
`, d.file(), hash))
	}
	matching := step(fmt.Sprintf("filesha256(%q)", d.file()))
	matching.Check = resource.TestCheckResourceAttrSet("genesyscloud_flow.f", "published_version")
	wrong := step(`"0000"`)
	wrong.ExpectError = outputRegexp(`file_content_hash does not match the flow file`)
	o.test(o.checkDestroyed("genesyscloud_flow", flowsPath), matching, wrong)
}
