package cli

import (
	"context"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
)

// evacuationFlowYAML is the smallest inbound call flow an emergency group can send calls to.
const evacuationFlowYAML = `inboundCall:
  name: Cx Kinds Evacuation
  division: Home
  startUpRef: "/inboundCall/tasks/task[Notice_1]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  initialGreeting:
    tts: Our office is closed because of an emergency.
  tasks:
    - task:
        name: Notice
        refId: Notice_1
        actions:
          - disconnect:
              name: Goodbye
`

// telephonyProjectTF is the shared project owning the IVRs calls come in through.
const telephonyProjectTF = sharedProvider + `
resource "genesyscloud_architect_ivr" "main" {
  name = "Cx Kinds Main line"
}

resource "genesyscloud_architect_ivr" "sales" {
  name = "Cx Kinds Sales line"
}
`

// kindsProjectTF declares one object of each kind the catalogue serves generically; the
// emergency group sends calls from an IVR of the telephony project (found by name) to a
// flow of its own.
const kindsProjectTF = sharedProvider + `
resource "genesyscloud_routing_utilization_label" "vip" {
  name = "Cx Kinds VIP"
}

resource "genesyscloud_responsemanagement_library" "answers" {
  name = "Cx Kinds Answers"
}

resource "genesyscloud_flow" "evacuation" {
  filepath = "${path.module}/flows/evacuation.yaml"
}

data "genesyscloud_architect_ivr" "main" {
  name = "Cx Kinds Main line"
}

# Facilities turn this on when the building is evacuated.
resource "genesyscloud_architect_emergencygroup" "evacuation" {
  name        = "Cx Kinds Evacuation"
  description = "Building evacuation"

  emergency_call_flows {
    emergency_flow_id = genesyscloud_flow.evacuation.id
    ivr_ids           = [data.genesyscloud_architect_ivr.main.id]
  }
}
`

// TestAccRegularKindsDriftAndBackport is TestAccDriftAndBackport for the kinds served from
// their catalogue entry alone (utilization label, response library, emergency group): after
// `cx apply`, the console changes each declared object and makes one of each kind by hand;
// cx drift reports all six with who and when; cx backport writes the changes into the
// project and adopts the hand-made objects (their flow as a reference to its resource, their
// IVR, owned by another project, through a data source by name); then drift is clean, the
// plan only imports, and after the import nothing.
func TestAccRegularKindsDriftAndBackport(t *testing.T) {
	cx, ts, root := prodWorkspace{name: "kinds", protected: true, include: `"shared-*"`, files: map[string]string{
		"shared-telephony/main.tf":           telephonyProjectTF,
		"shared-kinds/main.tf":               kindsProjectTF,
		"shared-kinds/flows/evacuation.yaml": evacuationFlowYAML,
	}}.apply(t)

	// The console's changes: both names, the emergency group's description and a second IVR.
	console := orgClientFor(t, ts, "prod", "console")
	const (
		labels    = "/api/v2/routing/utilization/labels"
		libraries = "/api/v2/responsemanagement/libraries"
		groups    = "/api/v2/architect/emergencygroups"
	)
	editObject(t, console, labels, "Cx Kinds VIP", func(o map[string]any) { o["name"] = "Cx Kinds VIP callers" })
	editObject(t, console, libraries, "Cx Kinds Answers", func(o map[string]any) { o["name"] = "Cx Kinds Answers and FAQ" })
	flowID := findID(t, console, "/api/v2/flows", "Cx Kinds Evacuation")
	mainID := findID(t, console, "/api/v2/architect/ivrs", "Cx Kinds Main line")
	salesID := findID(t, console, "/api/v2/architect/ivrs", "Cx Kinds Sales line")
	editObject(t, console, groups, "Cx Kinds Evacuation", func(o map[string]any) {
		o["description"] = "Building evacuation, sales line too"
		o["emergencyCallFlows"] = []any{map[string]any{"emergencyFlow": map[string]any{"id": flowID},
			"ivrs": []any{map[string]any{"id": mainID}, map[string]any{"id": salesID}}}}
	})
	handLabel := createObject(t, console, labels, map[string]any{"name": "Cx Kinds Hand Label"})
	handLibrary := createObject(t, console, libraries, map[string]any{"name": "Cx Kinds Hand Library"})
	handGroup := createObject(t, console, groups, map[string]any{"name": "Cx Kinds Hand Emergency", "enabled": true,
		"emergencyCallFlows": []any{map[string]any{"emergencyFlow": map[string]any{"id": flowID},
			"ivrs": []any{map[string]any{"id": salesID}}}}})

	rep := wantConsoleFindings(t, cx, []string{
		"managed genesyscloud_routing_utilization_label.vip", "managed genesyscloud_responsemanagement_library.answers",
		"managed genesyscloud_architect_emergencygroup.evacuation",
		"unmanaged " + handLabel, "unmanaged " + handLibrary, "unmanaged " + handGroup,
	}, findingByAddressOrID)
	if len(rep.Errors) != 0 {
		t.Errorf("drift errors: %+v", rep.Errors)
	}

	if _, _, code := cx.run("backport", "--env", "prod", "--into", "shared-kinds"); code != 0 {
		t.Fatalf("backport: exit %d", code)
	}
	if st := cx.git("status", "--porcelain", "--untracked-files=no"); st != "" {
		t.Errorf("backport left uncommitted changes:\n%s", st)
	}
	t.Logf("backport commit:\n%s", cx.git("show", "--stat", "--patch", "HEAD", "--", "shared-kinds"))
	wantFileMatches(t, root, "shared-kinds/main.tf",
		`name\s+= "Cx Kinds VIP callers"`, `name\s+= "Cx Kinds Answers and FAQ"`,
		`description = "Building evacuation, sales line too"`, "# Facilities turn this on",
		// The sales IVR is another project's: it is found by name, as the main one is.
		`ivr_ids\s+= \[data\.genesyscloud_architect_ivr\.(main\.id, data\.genesyscloud_architect_ivr\.cx_kinds_sales_line|cx_kinds_sales_line\.id, data\.genesyscloud_architect_ivr\.main)\.id\]`,
		`data "genesyscloud_architect_ivr" "cx_kinds_sales_line" {\s+name = "Cx Kinds Sales line"`,
	)
	wantFileMatches(t, root, "shared-kinds/adopted.tf",
		`resource "genesyscloud_routing_utilization_label" "cx_kinds_hand_label" {\s+name = "Cx Kinds Hand Label"`,
		`resource "genesyscloud_responsemanagement_library" "cx_kinds_hand_library" {\s+name = "Cx Kinds Hand Library"`,
		`resource "genesyscloud_architect_emergencygroup" "cx_kinds_hand_emergency" {`,
		`enabled\s+= true`,
		`emergency_flow_id = genesyscloud_flow\.evacuation\.id`,
		`ivr_ids\s+= \[data\.genesyscloud_architect_ivr\.cx_kinds_sales_line\.id\]`,
	)
	wantImported(t, root, "shared-kinds", handLabel, handLibrary, handGroup)

	wantOnlyImportsThenInSync(t, cx, "shared-kinds", 3, "the three hand-made objects")
}

// editObject changes the object named name the way the console does: read it, change it,
// put it back whole (version included).
func editObject(t *testing.T, c *platform.Client, collection, name string, change func(map[string]any)) {
	t.Helper()
	ctx := context.Background()
	path := collection + "/" + findID(t, c, collection, name)
	var obj map[string]any
	must(t, c.Do(ctx, http.MethodGet, path, nil, nil, &obj))
	change(obj)
	must(t, c.Do(ctx, http.MethodPut, path, nil, obj, nil))
}

// createObject makes an object by hand and returns its id.
func createObject(t *testing.T, c *platform.Client, collection string, body map[string]any) string {
	t.Helper()
	var made struct {
		ID string `json:"id"`
	}
	must(t, c.Do(context.Background(), http.MethodPost, collection, nil, body, &made))
	if made.ID == "" {
		t.Fatalf("POST %s answered no id", collection)
	}
	return made.ID
}
