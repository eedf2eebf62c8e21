package orgserver

import (
	"strings"
	"testing"
)

// A response asset exists once its file is PUT to the URL POST …/uploads handed out; its
// name and division change by PUT; search finds it by name; delete removes it.
func TestResponseAssetUploadAndLifecycle(t *testing.T) {
	_, c := parallelDevOrg(t)
	const assets = "/api/v2/responsemanagement/responseassets"
	c.wantError(400, "bad.request", "POST", assets+"/uploads", map[string]any{})
	c.wantError(400, "bad.request", "POST", assets+"/uploads", map[string]any{"name": "has space.png"})
	c.wantError(400, "bad.request", "POST", assets+"/uploads", map[string]any{"name": ".hidden.png"})
	c.wantError(400, "bad.request", "POST", assets+"/uploads", map[string]any{"name": "logo.png", "divisionId": "nope"})

	up := c.must(200, "POST", assets+"/uploads", map[string]any{"name": "logo.png"})
	id, url := up["id"].(string), up["url"].(string)
	if id == "" || !strings.Contains(url, "/uploads/responseassets/"+id+"?") || up["headers"].(map[string]any)["Content-Type"] != "image/png" {
		t.Fatalf("upload = %v", up)
	}
	c.wantError(404, "not.found", "GET", assets+"/"+id, nil)
	if status := putFunctionPackage(t, url+"x", "\x89PNG"); status != 403 {
		t.Errorf("a tampered URL = %d", status)
	}
	if status := putFunctionPackage(t, url, "\x89PNG\r\n"); status != 200 {
		t.Fatalf("upload = %d", status)
	}
	got := c.must(200, "GET", assets+"/"+id, nil)
	home := got["division"].(map[string]any)["id"]
	if got["name"] != "logo.png" || got["contentLength"].(float64) != 6 || got["contentType"] != "image/png" || home == "" ||
		got["selfUri"] != assets+"/"+id {
		t.Errorf("asset = %v", got)
	}

	found := c.must(200, "POST", assets+"/search", map[string]any{"query": []map[string]any{{"fields": []string{"name"}, "value": "logo.png", "type": "TERM"}}})
	if found["total"].(float64) != 1 || found["results"].([]any)[0].(map[string]any)["id"] != id {
		t.Errorf("search by name = %v", found)
	}
	if all := c.must(200, "POST", assets+"/search", map[string]any{"pageSize": 100}); all["total"].(float64) != 1 {
		t.Errorf("search without query = %v", all)
	}
	c.wantError(400, "bad.request", "POST", assets+"/search", map[string]any{"query": []map[string]any{{"fields": []string{"color"}, "value": "x", "type": "TERM"}}})

	c.wantError(400, "bad.request", "PUT", assets+"/"+id, map[string]any{"divisionId": home})
	c.wantError(400, "bad.request", "PUT", assets+"/"+id, map[string]any{"name": "logo.png", "divisionId": "nope"})
	if put := c.must(200, "PUT", assets+"/"+id, map[string]any{"name": "brand-logo.png", "divisionId": home}); put["name"] != "brand-logo.png" || put["contentLength"].(float64) != 6 {
		t.Errorf("put = %v", put)
	}
	c.must(204, "DELETE", assets+"/"+id, nil)
	c.wantError(404, "not.found", "GET", assets+"/"+id, nil)
	if status := putFunctionPackage(t, url, "\x89PNG"); status != 403 {
		t.Errorf("an upload to a deleted asset's URL = %d", status)
	}
}

// A response names its assets by id: a missing one is refused naming assets[].id, an
// uploaded one is taken.
func TestResponseNamesItsAssets(t *testing.T) {
	_, c := parallelDevOrg(t)
	library := c.must(200, "POST", "/api/v2/responsemanagement/libraries", map[string]any{"name": "Email"})["id"].(string)
	response := func(asset string) map[string]any {
		return map[string]any{"name": "Welcome", "libraries": []any{map[string]any{"id": library}},
			"texts":  []any{map[string]any{"content": "Hello", "contentType": "text/plain"}},
			"assets": []any{map[string]any{"id": asset}}}
	}
	m := c.wantError(400, "bad.request", "POST", "/api/v2/responsemanagement/responses", response("no-such-asset"))
	if !strings.Contains(m["message"].(string), "assets[].id") {
		t.Errorf("a missing asset: message %q does not name assets[].id", m["message"])
	}
	up := c.must(200, "POST", "/api/v2/responsemanagement/responseassets/uploads", map[string]any{"name": "logo.png"})
	if status := putFunctionPackage(t, up["url"].(string), "\x89PNG"); status != 200 {
		t.Fatalf("upload = %d", status)
	}
	made := c.must(200, "POST", "/api/v2/responsemanagement/responses", response(up["id"].(string)))
	if got := made["assets"].([]any)[0].(map[string]any)["id"]; got != up["id"] {
		t.Errorf("the response's asset = %v, want %v", got, up["id"])
	}
}
