package cli

import (
	"context"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// namelessProjectTF declares one object of each nameless kind: none has a name of its own,
// each goes by the value that tells its objects apart.
const namelessProjectTF = sharedProvider + `
resource "genesyscloud_telephony_providers_edges_did_pool" "main" {
  start_phone_number = "+13175550000"
  end_phone_number   = "+13175550099"
  description        = "Main support numbers"
}

resource "genesyscloud_telephony_providers_edges_extension_pool" "floor" {
  start_number = "4000"
  end_number   = "4099"
  description  = "Support floor"
}

# Agents pick this when they are at lunch.
resource "genesyscloud_organization_presence_definition" "lunch" {
  system_presence = "Meal"
  language_labels = {
    en_US = "Lunch"
  }
}

resource "genesyscloud_architect_grammar" "accounts" {
  name = "Cx Account numbers"
}

resource "genesyscloud_architect_grammar_language" "english" {
  grammar_id = genesyscloud_architect_grammar.accounts.id
  language   = "en-us"
}
`

// TestAccNamelessKindsDriftAndBackport is TestAccRegularKindsDriftAndBackport for the kinds
// without a name (DID pool, extension pool, presence definition, grammar language): the
// console changes each declared object whose schema has something to change (a grammar
// language has only its grammar and code, both replace it) and makes one of each by hand;
// cx drift reports the three changes and the four hand-made objects, each under the value it
// goes by (a language found inside its grammar, the only place the API lists it), with who
// and when; cx backport
// writes the changes and adopts the hand-made objects, after which drift is clean, the plan
// only imports, and after the import nothing.
func TestAccNamelessKindsDriftAndBackport(t *testing.T) {
	cx, ts, root := prodWorkspace{name: "nameless", protected: false, include: `"shared-*"`, files: map[string]string{
		"shared-telephony/main.tf": namelessProjectTF,
	}}.apply(t)
	console := orgClientFor(t, ts, "prod", "console")
	const (
		didPools       = "/api/v2/telephony/providers/edges/didpools"
		extensionPools = "/api/v2/telephony/providers/edges/extensionpools"
		presences      = "/api/v2/presence/definitions"
	)
	editWhere(t, console, didPools, "startPhoneNumber", "+13175550000", func(o map[string]any) { o["description"] = "Main and overflow numbers" })
	editWhere(t, console, extensionPools, "startNumber", "4000", func(o map[string]any) { o["description"] = "Support and sales floors" })
	editWhere(t, console, presences, "languageLabels.en_US", "Lunch", func(o map[string]any) {
		o["languageLabels"] = map[string]any{"en_US": "Lunch break"}
	})
	handDID := createObject(t, console, didPools, map[string]any{"startPhoneNumber": "+13175550200", "endPhoneNumber": "+13175550249"})
	handExtensions := createObject(t, console, extensionPools, map[string]any{"startNumber": "5000", "endNumber": "5099"})
	handPresence := createObject(t, console, presences, map[string]any{"systemPresence": "Busy",
		"languageLabels": map[string]any{"en_US": "Coaching"}})
	grammarID := findID(t, console, "/api/v2/architect/grammars", "Cx Account numbers")
	must(t, console.Do(context.Background(), http.MethodPost, "/api/v2/architect/grammars/"+grammarID+"/languages", nil,
		map[string]any{"language": "es-us"}, nil))
	handLanguage := kinds.ChildID(grammarID, "es-us")

	rep := wantConsoleFindings(t, cx, []string{
		"managed genesyscloud_telephony_providers_edges_did_pool.main",
		"managed genesyscloud_telephony_providers_edges_extension_pool.floor",
		"managed genesyscloud_organization_presence_definition.lunch",
		"unmanaged " + handDID + " +13175550200", "unmanaged " + handExtensions + " 5000", "unmanaged " + handPresence + " Coaching",
		"unmanaged " + handLanguage + " es-us",
	}, func(f drift.Finding) string {
		if f.Kind == drift.KindUnmanaged {
			return findingByAddressOrID(f) + " " + f.Name // and by the value it goes by
		}
		return findingByAddressOrID(f)
	})
	if len(rep.Errors) != 0 {
		t.Errorf("drift errors: %+v", rep.Errors)
	}

	if _, _, code := cx.run("backport", "--env", "prod", "--into", "shared-telephony"); code != 0 {
		t.Fatalf("backport: exit %d", code)
	}
	t.Logf("backport commit:\n%s", cx.git("show", "--stat", "--patch", "HEAD", "--", "shared-telephony"))
	wantFileMatches(t, root, "shared-telephony/main.tf", `description\s+= "Main and overflow numbers"`, `description\s+= "Support and sales floors"`,
		`en_US = "Lunch break"`, "# Agents pick this when they are at lunch")
	wantFileMatches(t, root, "shared-telephony/adopted.tf",
		`resource "genesyscloud_telephony_providers_edges_did_pool" "did_pool_13175550200" {\s+start_phone_number = "\+13175550200"\s+end_phone_number\s+= "\+13175550249"`,
		`resource "genesyscloud_telephony_providers_edges_extension_pool" "extension_pool_5000" {\s+start_number = "5000"\s+end_number\s+= "5099"`,
		`resource "genesyscloud_organization_presence_definition" "presence_definition_coaching" {`,
		`en_US = "Coaching"`, `system_presence = "Busy"`,
		`resource "genesyscloud_architect_grammar_language" "grammar_language_es_us" {\s+grammar_id = genesyscloud_architect_grammar\.accounts\.id\s+language\s+= "es-us"`,
	)
	wantImported(t, root, "shared-telephony", handDID, handExtensions, handPresence, handLanguage)

	wantOnlyImportsThenInSync(t, cx, "shared-telephony", 4, "the four hand-made objects")
}

// editWhere changes, the way the console does (read it, change it, put it back whole), the
// object of a collection whose JSON holds value at path: nameless objects are found by what
// tells them apart.
func editWhere(t *testing.T, c *platform.Client, collection, path, value string, change func(map[string]any)) {
	t.Helper()
	ctx := context.Background()
	objs, err := platform.ListAll[map[string]any](ctx, c, collection, nil, 100)
	must(t, err)
	for _, o := range objs {
		if v, _ := kinds.Get(o, path).(string); v == value {
			item := collection + "/" + o["id"].(string)
			var obj map[string]any
			must(t, c.Do(ctx, http.MethodGet, item, nil, nil, &obj))
			change(obj)
			must(t, c.Do(ctx, http.MethodPut, item, nil, obj, nil))
			return
		}
	}
	t.Fatalf("%s has no object with %s %q", collection, path, value)
}
