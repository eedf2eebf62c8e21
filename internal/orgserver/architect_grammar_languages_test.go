package orgserver

import (
	"net/http"
	"strings"
	"testing"
)

// A grammar's languages are keyed by their code under the grammar: one per code, refused
// without one or under a grammar that does not exist, and gone with the grammar. A language's
// voice or DTMF file goes to the presigned URL its files route answers, and the upload shows
// in the language's file metadata.
func TestGrammarLanguagesAndTheirFiles(t *testing.T) {
	ts, c := parallelDevOrg(t)
	grammar := c.must(200, "POST", "/api/v2/architect/grammars", map[string]any{"name": "Account numbers"})["id"].(string)
	languages := "/api/v2/architect/grammars/" + grammar + "/languages"

	c.wantError(404, "not.found", "POST", "/api/v2/architect/grammars/00000000-0000-0000-0000-00000000abcd/languages",
		map[string]any{"language": "en-us"})
	if m := c.wantError(400, "bad.request", "POST", languages, map[string]any{}); !strings.Contains(m["message"].(string), "[language]") {
		t.Errorf("language missing refused with %v", m["message"])
	}
	en := c.must(200, "POST", languages, map[string]any{"language": "en-US"})
	if en["language"] != "en-us" || en["id"] != "en-us" || en["grammarId"] != grammar || en["selfUri"] != languages+"/en-us" {
		t.Errorf("created language = %v", en)
	}
	c.wantError(409, "general.conflict", "POST", languages, map[string]any{"language": "en-us"})
	// Another grammar may have the same language.
	other := c.must(200, "POST", "/api/v2/architect/grammars", map[string]any{"name": "Yes or no"})["id"].(string)
	c.must(200, "POST", "/api/v2/architect/grammars/"+other+"/languages", map[string]any{"language": "en-us"})

	c.wantError(404, "not.found", "POST", languages+"/fr-fr/files/voice", map[string]any{"fileType": "Grxml"})
	c.wantError(400, "bad.request", "POST", languages+"/en-us/files/voice", map[string]any{})
	up := c.must(200, "POST", languages+"/en-us/files/voice", map[string]any{"fileType": "Grxml"})
	url, _ := up["url"].(string)
	if !strings.HasPrefix(url, ts.URL+"/uploads/grammars/voice/Grxml/") || up["uploadKey"] == nil {
		t.Fatalf("upload URL answer = %v", up)
	}
	if st := putUpload(t, url+"x", up["headers"], []byte("<grammar/>")); st != http.StatusForbidden {
		t.Errorf("upload with a wrong signature: status %d, want 403", st)
	}
	if st := putUpload(t, url, up["headers"], []byte("<grammar/>")); st != http.StatusOK {
		t.Fatalf("upload: status %d", st)
	}
	got := c.must(200, "GET", languages+"/en-us", nil)
	meta, _ := got["voiceFileMetadata"].(map[string]any)
	if meta["fileType"] != "Grxml" || meta["fileSizeBytes"] != float64(len("<grammar/>")) || meta["dateUploaded"] == nil || got["dtmfFileMetadata"] != nil {
		t.Errorf("language after the voice upload = %v", got)
	}

	c.must(204, "DELETE", "/api/v2/architect/grammars/"+grammar, nil)
	c.wantError(404, "not.found", "GET", languages+"/en-us", nil)
	c.must(200, "GET", "/api/v2/architect/grammars/"+other+"/languages/en-us", nil)
}
