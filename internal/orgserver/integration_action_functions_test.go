package orgserver

import (
	"net/http"
	"strings"
	"testing"
)

func TestIntegrationActionFunctions(t *testing.T) {
	_, c := parallelDevOrg(t)
	ig := c.must(200, "POST", "/api/v2/integrations", map[string]any{"name": "CRM", "integrationType": map[string]any{"id": "custom-rest-actions"}})["id"].(string)
	id := c.must(200, "POST", "/api/v2/integrations/actions/drafts", map[string]any{"name": "Score lead", "integrationId": ig})["id"].(string)
	draft := "/api/v2/integrations/actions/" + id + "/draft/function"

	if got := c.must(200, "GET", draft, nil); got["id"] != id || got["function"] != nil || got["selfUri"] != draft {
		t.Errorf("a new draft's function = %v", got)
	}
	fn := map[string]any{"description": "Scores a lead", "handler": "index.handler", "runtime": "nodejs22.x", "timeoutSeconds": 15}
	put := c.must(200, "PUT", draft, fn)
	if f := put["function"].(map[string]any); f["handler"] != "index.handler" || f["timeoutSeconds"].(float64) != 15 || f["name"] != "Score lead" {
		t.Errorf("put = %v", put)
	}
	for _, bad := range []map[string]any{
		{"handler": "index.handler", "runtime": "nodejs22.x"},
		{"description": "x", "runtime": "nodejs22.x"},
		{"description": "x", "handler": "index.handler", "runtime": "nodejs22.x", "timeoutSeconds": 0},
		{"description": "x", "handler": "index.handler", "runtime": "nodejs22.x", "zipId": "nope"},
	} {
		c.wantError(400, "bad.request", "PUT", draft, bad)
	}

	// The package goes to a presigned URL; once there, the draft's function runs it.
	c.wantError(400, "bad.request", "POST", draft+"/upload", map[string]any{})
	c.wantError(400, "bad.request", "POST", draft+"/upload", map[string]any{"fileName": "lead.tar"})
	up := c.must(200, "POST", draft+"/upload", map[string]any{"fileName": "lead.zip", "signedUrlTimeoutSeconds": 300})
	url := up["url"].(string)
	if !strings.Contains(url, "/uploads/functions/") || up["signedUrlTimeoutSeconds"].(float64) <= 0 {
		t.Fatalf("upload = %v", up)
	}
	if got := c.must(200, "GET", draft, nil); got["zip"] != nil {
		t.Errorf("the zip shows before its upload: %v", got)
	}
	if status := putFunctionPackage(t, url, "not a zip"); status != 400 {
		t.Errorf("a non-zip upload = %d", status)
	}
	if status := putFunctionPackage(t, url+"x", "PK\x03\x04rest"); status != 403 {
		t.Errorf("a tampered URL = %d", status)
	}
	if status := putFunctionPackage(t, url, "PK\x03\x04rest"); status != 200 {
		t.Fatalf("upload = %d", status)
	}
	got := c.must(200, "GET", draft, nil)
	zip := got["zip"].(map[string]any)
	if zip["status"] != "Available" || zip["name"] != "lead.zip" || got["function"].(map[string]any)["zipId"] != zip["id"] {
		t.Errorf("after upload = %v", got)
	}

	// Publishing makes the settings the action's own.
	full := newAction(ig, "Score lead")
	c.must(200, "PATCH", "/api/v2/integrations/actions/"+id+"/draft", map[string]any{"version": 1, "config": full["config"], "contract": full["contract"]})
	c.must(200, "POST", "/api/v2/integrations/actions/"+id+"/draft/publish", map[string]any{"version": 2})
	pub := c.must(200, "GET", "/api/v2/integrations/actions/"+id+"/function", nil)
	if pub["function"].(map[string]any)["runtime"] != "nodejs22.x" || pub["zip"].(map[string]any)["status"] != "Available" ||
		pub["selfUri"] != "/api/v2/integrations/actions/"+id+"/function" {
		t.Errorf("published function = %v", pub)
	}
	c.wantError(404, "not.found", "GET", draft, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/actions/nope/function", nil)
	c.wantError(404, "not.found", "PUT", "/api/v2/integrations/actions/nope/draft/function", fn)
	c.wantError(404, "not.found", "POST", "/api/v2/integrations/actions/nope/draft/function/upload", map[string]any{"fileName": "x.zip"})
}

// putFunctionPackage PUTs body to a presigned URL and returns the status.
func putFunctionPackage(t *testing.T, url, body string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPut, url, strings.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
