package orgserver

import (
	"strings"
	"testing"
)

// The routing settings are three singletons of the API: the settings (PUT, DELETE back to the
// defaults) and their contact center (PATCH) and transcription (PUT) parts, each at its own
// path with its own checks, none of them changed by a write of another.
func TestRoutingSettingsAndTheirParts(t *testing.T) {
	_, c := parallelDevOrg(t)
	const settings = "/api/v2/routing/settings"
	if got := c.must(200, "GET", settings, nil); got["resetAgentScoreOnPresenceChange"] != false {
		t.Fatalf("default settings = %v", got)
	}
	c.must(200, "PUT", settings, map[string]any{"resetAgentScoreOnPresenceChange": true})
	if got := c.must(200, "GET", settings+"/contactcenter", nil); got["removeSkillsFromBlindTransfer"] != false {
		t.Errorf("contact center settings after a PUT of the settings = %v", got)
	}
	c.must(200, "PATCH", settings+"/contactcenter", map[string]any{"removeSkillsFromBlindTransfer": true})

	const transcription = settings + "/transcription"
	if got := c.must(200, "GET", transcription, nil); got["transcription"] != "Disabled" {
		t.Errorf("default transcription settings = %v", got)
	}
	// A PUT replaces the whole: the model's required fields must be there, the mode one the API knows.
	if e := c.wantError(400, "bad.request", "PUT", transcription, map[string]any{"transcription": "EnabledGlobally"}); !strings.Contains(e["message"].(string), "transcriptionConfidenceThreshold") {
		t.Errorf("missing threshold refused with %v, want the field named", e["message"])
	}
	if e := c.wantError(400, "invalid.value", "PUT", transcription, map[string]any{"transcription": "Sometimes", "transcriptionConfidenceThreshold": 50}); !strings.Contains(e["message"].(string), "transcription") {
		t.Errorf("unknown mode refused with %v, want the field named", e["message"])
	}
	got := c.must(200, "PUT", transcription, map[string]any{"transcription": "EnabledQueueFlow", "transcriptionConfidenceThreshold": 55.5, "piiRedactionEnabled": true})
	if got["transcription"] != "EnabledQueueFlow" || got["transcriptionConfidenceThreshold"] != 55.5 || got["piiRedactionEnabled"] != true {
		t.Errorf("transcription settings after the PUT = %v", got)
	}

	// DELETE resets the settings; the parts have no DELETE and keep their values.
	c.must(204, "DELETE", settings, nil)
	if got := c.must(200, "GET", settings, nil); got["resetAgentScoreOnPresenceChange"] != false {
		t.Errorf("settings after DELETE = %v", got)
	}
	if got := c.must(200, "GET", settings+"/contactcenter", nil); got["removeSkillsFromBlindTransfer"] != true {
		t.Errorf("contact center settings after DELETE of the settings = %v", got)
	}
	if r := c.do("DELETE", transcription, nil); r.Status != 405 {
		t.Errorf("DELETE %s: status %d, want 405", transcription, r.Status)
	}
}
