package orgserver

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// A singleton kind is one object per org at a fixed path: GET answers the org's defaults
// until someone changes them, PATCH merges over them with the model's and catalogue's
// checks, and nothing lists, creates or deletes it when the API does not.
func TestSingletonKindServedAtItsPath(t *testing.T) {
	ts, c := parallelDevOrg(t)
	const path = "/api/v2/outbound/settings"
	before := c.must(200, "GET", path, nil)
	if before["maxCallsPerAgent"] != float64(4) || before["complianceAbandonRateDenominator"] != "ALL_CALLS" {
		t.Fatalf("defaults = %v", before)
	}
	after := c.must(200, "PATCH", path, map[string]any{"maxCallsPerAgent": 7})
	if after["maxCallsPerAgent"] != float64(7) || after["abandonSeconds"] != float64(2) {
		t.Errorf("a PATCH of one setting keeps the others: %v", after)
	}
	if got := c.must(200, "GET", path, nil); got["maxCallsPerAgent"] != float64(7) {
		t.Errorf("GET after the PATCH = %v", got)
	}
	c.wantError(400, "invalid.value", "PATCH", path, map[string]any{"complianceAbandonRateDenominator": "SOME_CALLS"})
	c.wantError(400, "bad.request", "PATCH", path, map[string]any{"maxLineUtilization": "half"})
	// No DELETE in the API: the path is served under GET and PATCH only.
	for _, method := range []string{"DELETE", "POST"} {
		if r := c.do(method, path, map[string]any{}); r.Status != 405 {
			t.Errorf("%s %s: status %d, want 405", method, path, r.Status)
		}
	}

	// Each org has its own settings.
	other := newRawClient(t, ts, "test", "deploy")
	if got := other.must(200, "GET", path, nil); got["maxCallsPerAgent"] != float64(4) {
		t.Errorf("another org's settings changed with dev's: %v", got)
	}
	// A client that may only view the settings cannot change them.
	if k := kinds.Genesys().Named(kinds.OutboundSettings); k.PermissionFor("PATCH") != "outbound:settings:edit" {
		t.Errorf("permission = %s", k.PermissionFor("PATCH"))
	}
}

// The settings carry the id the provider gives the resource, before and after a change, and
// the audit log records a change under it, so drift attributes it to whoever made it.
func TestSingletonIDAndAudit(t *testing.T) {
	_, c := parallelDevOrg(t)
	const path = "/api/v2/outbound/settings"
	if got := c.must(200, "GET", path, nil); got["id"] != "outbound_settings" {
		t.Errorf("id of the default settings = %v", got["id"])
	}
	if got := c.must(200, "PATCH", path, map[string]any{"abandonSeconds": 5}); got["id"] != "outbound_settings" {
		t.Errorf("id after a change = %v", got["id"])
	}
	audits := c.must(200, "POST", "/api/v2/audits/query/realtime", map[string]any{
		"interval": "2000-01-01T00:00:00Z/2100-01-01T00:00:00Z", "serviceName": "Outbound",
		"filters": []any{map[string]any{"property": "EntityId", "value": "outbound_settings"}}})
	if entities, _ := audits["entities"].([]any); len(entities) != 1 {
		t.Errorf("audit records of the settings = %v, want the one change", audits["entities"])
	}
}

// Routing utilization replaces the whole on PUT, refuses labels the org does not have
// (naming the entry) and media types it does not know, and DELETE puts the system's values
// back.
func TestRoutingUtilizationSingleton(t *testing.T) {
	_, c := parallelDevOrg(t)
	const path = "/api/v2/routing/utilization"
	defaults := c.must(200, "GET", path, nil)
	label := c.must(200, "POST", "/api/v2/routing/utilization/labels", map[string]any{"name": "VIP"})["id"].(string)
	got := c.must(200, "PUT", path, map[string]any{
		"utilization":       map[string]any{"call": map[string]any{"maximumCapacity": 2}},
		"labelUtilizations": map[string]any{label: map[string]any{"maximumCapacity": 1}}})
	if u := got["utilization"].(map[string]any); len(u) != 1 || got["id"] != nil {
		t.Errorf("PUT replaces the utilization and the model has no id: %v", got)
	}
	e := c.wantError(400, "bad.request", "PUT", path, map[string]any{
		"labelUtilizations": map[string]any{"nope": map[string]any{"maximumCapacity": 1}}})
	if msg, _ := e["message"].(string); !strings.Contains(msg, "labelUtilizations.nope") {
		t.Errorf("unknown label: message %q does not name the entry", msg)
	}
	c.wantError(400, "invalid.value", "PUT", path, map[string]any{
		"utilization": map[string]any{"chat": map[string]any{"maximumCapacity": 2, "interruptableMediaTypes": []any{"fax"}}}})
	c.do("DELETE", path, nil)
	if after := c.must(200, "GET", path, nil); !reflect.DeepEqual(after, defaults) {
		t.Errorf("after DELETE = %v, want the defaults %v", after, defaults)
	}
}

// The wrap-up code mappings refuse a code the org does not have, naming the entry, and keep
// the mapping's flags as sent.
func TestWrapupCodeMappingsSingleton(t *testing.T) {
	_, c := parallelDevOrg(t)
	const path = "/api/v2/outbound/wrapupcodemappings"
	code := c.must(200, "POST", "/api/v2/routing/wrapupcodes", map[string]any{"name": "Sale"})["id"].(string)
	got := c.must(200, "PUT", path, map[string]any{"defaultSet": []any{"Right_Party_Contact"},
		"mapping": map[string]any{code: []any{"Business_Success"}}, "placeholder": "***"})
	if !reflect.DeepEqual(got["mapping"], map[string]any{code: []any{"Business_Success"}}) || got["placeholder"] != nil {
		t.Errorf("PUT answered %v", got)
	}
	e := c.wantError(400, "bad.request", "PUT", path, map[string]any{"defaultSet": []any{}, "mapping": map[string]any{"nope": []any{"x"}}})
	if msg, _ := e["message"].(string); !strings.Contains(msg, "mapping.nope") {
		t.Errorf("unknown wrap-up code: message %q does not name the entry", msg)
	}
}
