package orgserver

import "testing"

// The local org hosts scripts: a flow whose screen pop names a missing one fails to publish
// with the YAML position, and publishes once the script exists, consuming it as a
// COMPOSERSCRIPT dependency.
func TestFlowImportScreenPopScript(t *testing.T) {
	ts, c := parallelDevOrg(t)
	// An inbound call flow whose screen pop shows the script named by the key under
	// screenPopScript (its inputs under that name).
	claimsFlow := readFlowFixture(t, "claims_screen_pop.yaml")
	wantUnresolvedName(t, ts, c, claimsFlow, "script", "Claims Intake")
	if r := c.uploadScriptForm(`{"startPageName":"Start","pages":[]}`, "Claims Intake", ""); r.Status != 200 {
		t.Fatalf("upload the script: %d %s", r.Status, r.Body)
	}
	if st := uploadFlowJob(t, ts, c, claimsFlow); st["status"] != "Success" {
		t.Fatalf("job with the script = %v", st)
	}
	flows := c.must(200, "GET", "/api/v2/flows?name=Claims%20line", nil)["entities"].([]any)
	if len(flows) != 1 {
		t.Fatalf("flows named Claims line = %v", flows)
	}
	id := flows[0].(map[string]any)["id"].(string)
	deps := c.must(200, "GET", "/api/v2/architect/dependencytracking/consumedresources?id="+id+"&objectType=INBOUNDCALLFLOW&version=1", nil)
	found := false
	for _, e := range deps["entities"].([]any) {
		d := e.(map[string]any)
		found = found || d["type"] == "COMPOSERSCRIPT" && d["name"] == "Claims Intake"
	}
	if !found {
		t.Errorf("consumed resources = %v, want the script", deps)
	}
}
