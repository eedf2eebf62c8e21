package cli

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/test"
)

// billingChoice2 is the Disputes choice's queue in the example's billing flow, which the
// breaks below point at the payments queue instead.
const billingChoice2 = "                  name: Billing Disputes\n"

// billingChoice2Prompt is what callers hear before the transfer to disputes.
const billingChoice2Prompt = "              preTransferAudio:\n                tts: Connecting you to a billing specialist.\n"

// TestAccExampleTests is the acceptance of `cx test`: the example contact center, deployed to
// a fresh local org, passes its own tests in under 10 s (JUnit parsed), in the local org's
// simulator and on the flows exported from the org as for a real org (--from-export). A copy
// whose flow routes choice 2 to the wrong queue fails (cx apply --test fails the deploy's run
// too), naming the test, the expected and actual final action and the flow's file:line; with
// the files right again, the same edit made in the org alone (as in the console) fails the same
// test both ways: cx test checks what is deployed.
func TestAccExampleTests(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "contact-center")
	root := t.TempDir()
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	copyTree(t, src, root)
	if _, _, code := cx.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply dev: exit %d", code)
	}

	junitFile := filepath.Join(t.TempDir(), "results.xml")
	start := time.Now()
	out, _, code := cx.run("test", "--env", "dev", "--junit", junitFile)
	took := time.Since(start)
	if code != 0 {
		t.Fatalf("cx test after deploy: exit %d\n%s", code, out)
	}
	t.Logf("cx test --env dev ran the example's tests in %s", took.Round(time.Millisecond))
	if took > 10*time.Second {
		t.Errorf("cx test took %s; the goal is under 10 s on the local org", took)
	}
	var junit test.JUnit
	if err := xml.Unmarshal([]byte(readTestFile(t, junitFile)), &junit); err != nil {
		t.Fatalf("JUnit does not parse: %v", err)
	}
	if junit.Failures != 0 || junit.Errors != 0 || len(junit.Suites) != 6 || junit.Tests < 40 {
		t.Errorf("JUnit: %d tests, %d failures, %d errors in %d suites", junit.Tests, junit.Failures, junit.Errors, len(junit.Suites))
	}

	// As a real org is tested: objects through the API, flows exported, calls simulated here.
	start = time.Now()
	if out, _, code := cx.run("test", "--env", "dev", "--from-export"); code != 0 {
		t.Fatalf("cx test --from-export after deploy: exit %d\n%s", code, out)
	}
	t.Logf("cx test --env dev --from-export ran the example's tests in %s", time.Since(start).Round(time.Millisecond))

	flowFile := filepath.Join(root, "flow-billing", "flows", "billing.yaml")
	good := readTestFile(t, flowFile)
	// Choice 2 goes to the wrong queue, and its prompt is gone.
	broken := strings.Replace(good, billingChoice2, "                  name: Billing Payments\n", 1)
	broken = strings.Replace(broken, billingChoice2Prompt, "", 1)
	if strings.Count(good, billingChoice2)+strings.Count(good, billingChoice2Prompt) != 2 {
		t.Fatal("the billing flow's choice 2 is no longer as this test breaks it; update the test")
	}
	// cx apply --test deploys the broken flow, then fails the run on its test.
	writeTestFile(t, flowFile, broken)
	out, _, code = cx.run("apply", "--env", "dev", "--test", "flow-billing")
	if code != 1 || !strings.Contains(out, `FAIL  flow-billing call "open: 2 reaches disputes"`) || strings.Contains(out, "flow-sales") {
		t.Fatalf("apply --test of the broken flow: exit %d, want 1 with the billing tests only failing choice 2:\n%s", code, out)
	}
	wantFailure(t, cx, "a broken flow file")

	writeTestFile(t, flowFile, good)
	if _, _, code := cx.run("apply", "--env", "dev", "flow-billing"); code != 0 {
		t.Fatalf("apply the good flow again: exit %d", code)
	}
	if out, _, code := cx.run("test", "--env", "dev", "--project", "flow-billing"); code != 0 {
		t.Fatalf("cx test after the fix: exit %d\n%s", code, out)
	}

	// The console edit: the same change published in the org, the files left as they are.
	publishFlow(t, orgClientFor(t, ts, "dev", "deploy"), []byte(broken))
	wantFailure(t, cx, "a console edit of the published flow")
	out, _, code = cx.run("test", "--env", "dev", "--project", "flow-billing", "--from-export")
	if code != 1 || !strings.Contains(out, `final action: expected transfer to queue "Billing Disputes", got transfer to queue "Billing Payments" at Billing IVR (exported from the org).yaml:`) {
		t.Errorf("cx test --from-export after the console edit: exit %d\n%s", code, out)
	}
	if readTestFile(t, flowFile) != good {
		t.Fatal("the console edit changed the workspace's file")
	}

	// A data action whose contract changed in the org: the support flow maps ticketId, which
	// the action no longer answers. The call tests through that callData and the data action
	// test fail, each naming the field and where it is written.
	renameActionOutput(t, orgClientFor(t, ts, "dev", "deploy"), "Get Open Ticket", "ticketId", "caseId")
	out, _, code = cx.run("test", "--env", "dev", "--project", "flow-support")
	if code != 1 {
		t.Fatalf("cx test after the contract change: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{
		`FAIL  flow-support call "open: 2 with an open ticket reaches tier 2" (flow-support/tests/support.cxtest.hcl:19)`,
		`data action "Get Open Ticket" has no output "ticketId" in its contract (it has ["caseId"]): the flow maps a field the action no longer offers (flow-support/flows/support.yaml:63)`,
		`FAIL  flow-support data_action "open ticket lookup answers a ticket id"`,
		`output "ticketId": the action's output contract has no such field (it has ["caseId"]) (flow-support/tests/support.cxtest.hcl:`,
		`PASS  flow-support call "open: 1 reaches tier 1"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("after the contract change, cx test does not say %q:\n%s", want, out)
		}
	}
}

// renameActionOutput changes a data action's success contract in the org as an integrator
// would: a new draft of the action whose output field from is renamed to, published.
func renameActionOutput(t *testing.T, c *platform.Client, action, from, to string) {
	t.Helper()
	ctx := t.Context()
	var list struct {
		Entities []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"entities"`
	}
	if err := c.Do(ctx, "GET", "/api/v2/integrations/actions", url.Values{"name": {action}}, nil, &list); err != nil || len(list.Entities) != 1 {
		t.Fatalf("find data action %q: %v (%d found)", action, err, len(list.Entities))
	}
	item := "/api/v2/integrations/actions/" + list.Entities[0].ID
	var full struct {
		Contract map[string]any `json:"contract"`
	}
	if err := c.Do(ctx, "GET", item, url.Values{"expand": {"contract"}}, nil, &full); err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(full.Contract)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.Replace(string(raw), `"`+from+`":`, `"`+to+`":`, 1)
	if renamed == string(raw) {
		t.Fatalf("data action %q has no field %q to rename: %s", action, from, raw)
	}
	var draft struct {
		Version int `json:"version"`
	}
	if err := c.Do(ctx, "POST", item+"/draft", nil, nil, &draft); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, "PATCH", item+"/draft", nil, map[string]any{"version": draft.Version, "contract": json.RawMessage(renamed)}, &draft); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, "POST", item+"/draft/publish", nil, map[string]any{"version": draft.Version}, nil); err != nil {
		t.Fatal(err)
	}
}

// wantFailure runs the billing tests and wants exactly the choice-2 test to fail, saying what
// it expected, what the call did and where in the flow file.
func wantFailure(t *testing.T, cx *accCX, what string) {
	t.Helper()
	out, _, code := cx.run("test", "--env", "dev", "--project", "flow-billing", "--markdown", filepath.Join(t.TempDir(), "summary.md"))
	if code != 1 {
		t.Fatalf("cx test after %s: exit %d, want 1\n%s", what, code, out)
	}
	for _, want := range []string{
		`FAIL  flow-billing call "open: 2 reaches disputes" (flow-billing/tests/billing.cxtest.hcl:19)`,
		`final action: expected transfer to queue "Billing Disputes", got transfer to queue "Billing Payments" at flow-billing/flows/billing.yaml:44`,
		`prompts: expected "billing specialist"`,
		"actual path:",
		`key 2: choice "Disputes" (flow-billing/flows/billing.yaml:46)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("after %s, cx test does not say %q:\n%s", what, want, out)
		}
	}
	failed := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "FAIL ") {
			failed++
		}
	}
	if failed != 1 {
		t.Errorf("after %s, %d tests fail; only choice 2's should:\n%s", what, failed, out)
	}
}
