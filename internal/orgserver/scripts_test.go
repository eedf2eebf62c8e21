package orgserver

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"testing"
)

// uploadScriptForm posts a script file to the scripter upload service as the official
// provider does (a multipart form with the client's token); fields with "" are left out.
func (c *rawClient) uploadScriptForm(file, name, replaces string) rawResponse {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if file != "" {
		fw, _ := mw.CreateFormFile("file", "script.json")
		fw.Write([]byte(file)) //nolint:errcheck // a bytes.Buffer does not fail
	}
	for k, v := range map[string]string{"scriptName": name, "scriptIdToReplace": replaces} {
		if v != "" {
			mw.WriteField(k, v) //nolint:errcheck // a bytes.Buffer does not fail
		}
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+"/uploads/v2/scripter", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+c.token)
	return send(c.t, req)
}

// A script is uploaded, its upload status read, found by name, published, changed by a
// second upload, exported through a presigned URL and deleted; bad forms are refused
// naming the field, and the default scripts are there and cannot be deleted.
func TestScriptUploadPublishAndDelete(t *testing.T) {
	_, c := parallelDevOrg(t)
	const file = `{"startPageName":"Start","pages":[{"name":"Start","rows":[]}],"variables":{},"features":{}}`
	for _, bad := range []struct{ file, name, replaces, field string }{
		{file, "", "", "scriptName"},
		{"", "Sales", "", "file"},
		{"not json", "Sales", "", "file"},
		{file, "Sales", "nope", "scriptIdToReplace"},
	} {
		r := c.uploadScriptForm(bad.file, bad.name, bad.replaces)
		if r.Status != 400 || !bytes.Contains(r.Body, []byte(bad.field)) {
			t.Errorf("upload without a good %s: %d %s", bad.field, r.Status, r.Body)
		}
	}
	r := c.uploadScriptForm(file, "Sales", "")
	var up struct{ CorrelationID string }
	if r.Status != 200 || json.Unmarshal(r.Body, &up) != nil || up.CorrelationID == "" {
		t.Fatalf("upload: %d %s", r.Status, r.Body)
	}
	if st := c.must(200, "GET", "/api/v2/scripts/uploads/"+up.CorrelationID+"/status", nil); st["succeeded"] != true {
		t.Errorf("upload status = %v", st)
	}
	listed := c.must(200, "GET", "/api/v2/scripts?name=Sales", nil)["entities"].([]any)
	if len(listed) != 1 {
		t.Fatalf("scripts named Sales = %v", listed)
	}
	sc := listed[0].(map[string]any)
	id := sc["id"].(string)
	if sc["startPageName"] != "Start" || sc["division"].(map[string]any)["name"] != "Home" {
		t.Errorf("script = %v", sc)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/scripts/published/"+id, nil)
	c.wantError(400, "bad.request", "POST", "/api/v2/scripts/published", map[string]any{})
	c.wantError(400, "bad.request", "POST", "/api/v2/scripts/published", map[string]any{"scriptId": "nope"})
	c.must(200, "POST", "/api/v2/scripts/published?scriptDataVersion=0", map[string]any{"scriptId": id})
	if pub := c.must(200, "GET", "/api/v2/scripts/published?name=Sales", nil); pub["total"].(float64) != 1 {
		t.Errorf("published scripts named Sales = %v", pub)
	}

	if r := c.uploadScriptForm(`{"startPageName":"Welcome","pages":[]}`, "Sales v2", id); r.Status != 200 {
		t.Fatalf("replacing upload: %d %s", r.Status, r.Body)
	}
	if got := c.must(200, "GET", "/api/v2/scripts/"+id, nil); got["name"] != "Sales v2" || got["startPageName"] != "Welcome" {
		t.Errorf("after the replacing upload = %v", got)
	}
	link := c.must(200, "POST", "/api/v2/scripts/"+id+"/export", map[string]any{})["url"].(string)
	res, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	var exported map[string]any
	json.NewDecoder(res.Body).Decode(&exported) //nolint:errcheck // checked below
	res.Body.Close()
	if res.StatusCode != 200 || exported["name"] != "Sales v2" {
		t.Errorf("export download: %d %v", res.StatusCode, exported)
	}

	c.must(200, "DELETE", "/api/v2/scripts/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/scripts/"+id, nil)
	defaults := c.must(200, "GET", "/api/v2/scripts/published?name=Default", nil)["entities"].([]any)
	if len(defaults) != 3 {
		t.Fatalf("default scripts = %v", defaults)
	}
	c.wantError(400, "bad.request", "DELETE", "/api/v2/scripts/"+defaults[0].(map[string]any)["id"].(string), nil)
}
