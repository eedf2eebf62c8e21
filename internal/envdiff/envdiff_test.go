package envdiff

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// Two orgs seeded alike hold the same objects under different ids: compared, they are the
// same. A wrap-up code's description edited by hand in one of them is then named exactly —
// that object, that attribute, both values — and so is a flow republished with one prompt
// changed (the line of its canonical YAML); nothing else is.
func TestCompareNamesAHandEdit(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	ctx := context.Background()
	dev, test := orgClient(t, ts, "dev"), orgClient(t, ts, "test")
	for _, c := range []*platform.Client{dev, test} {
		if _, err := orgseed.Seed(ctx, c, orgseed.Options{Objects: 100}); err != nil {
			t.Fatalf("seed: %v", err)
		}
	}
	opts := Options{A: Side{Name: "dev", Client: dev}, B: Side{Name: "test", Client: test}}
	rep, err := Compare(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Differs() {
		t.Fatalf("orgs seeded alike differ:\n%s", rep.markdown())
	}
	if rep.Same < 100 {
		t.Errorf("compared %d objects, want the seeded ones (about 100)", rep.Same)
	}

	wrapup := kinds.Genesys().Named(kinds.WrapupCode)
	codes, err := platform.ListAll[map[string]any](ctx, test, wrapup.API.Collection, nil, wrapup.API.PageSize())
	if err != nil || len(codes) == 0 {
		t.Fatalf("list the wrap-up codes: %v (%d)", err, len(codes))
	}
	code := codes[0]
	name, before := code["name"].(string), code["description"]
	edited := map[string]any{"name": name, "description": "Changed by hand"}
	if err := test.Do(ctx, http.MethodPut, wrapup.API.Item(code["id"].(string)), nil, edited, nil); err != nil {
		t.Fatalf("edit the wrap-up code: %v", err)
	}

	flowName := republishWithGreeting(t, test, "Hello from line")

	rep, err = Compare(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Changed) != 2 {
		t.Fatalf("after two hand edits the report says\n%s", rep.markdown())
	}
	flow := rep.Changed[0]
	if ch := flow.Changes; flow.Type != "genesyscloud_flow" || flow.Name != flowName || len(ch) != 1 || !strings.HasPrefix(ch[0].Path, "yaml:") ||
		!strings.Contains(asString(ch[0].Old), "Welcome to line") || !strings.Contains(asString(ch[0].New), "Hello from line") {
		t.Errorf("the republished flow is reported as %+v, want %q with its greeting line", flow, flowName)
	}
	rep.Changed = rep.Changed[1:]
	want := []Changed{{Object: Object{Type: wrapup.Resource, Name: name},
		Changes: []drift.AttrChange{{Path: "description", Old: before, New: "Changed by hand"}}}}
	if got, wantJSON := mustJSON(t, rep.Changed), mustJSON(t, want); got != wantJSON || len(rep.OnlyInA)+len(rep.OnlyInB) > 0 {
		t.Fatalf("after the hand edit the report says\n%s\nwant only %s", rep.markdown(), wantJSON)
	}
	var md bytes.Buffer
	if err := rep.Write(&md, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	if row := "| `" + wrapup.Resource + "` " + name + " | `description` |"; !strings.Contains(md.String(), row) {
		t.Errorf("the Markdown report has no row starting %q:\n%s", row, md.String())
	}
}

// A flow is compared by its YAML in canonical form: the first line that differs is named.
func TestDiffLinesNamesTheFirstDifference(t *testing.T) {
	t.Parallel()
	a := []string{"inboundCall:", "  name: Main", "  description: one"}
	for _, tc := range []struct {
		b    []string
		want []drift.AttrChange
	}{
		{a, nil},
		{[]string{"inboundCall:", "  name: Main", "  description: two"}, []drift.AttrChange{{Path: "yaml:3", Old: "  description: one", New: "  description: two"}}},
		{a[:2], []drift.AttrChange{{Path: "yaml:3", Old: "  description: one", New: nil}}},
	} {
		if got := diffLines(a, tc.b); mustJSON(t, got) != mustJSON(t, tc.want) {
			t.Errorf("diffLines(%q) = %+v, want %+v", tc.b, got, tc.want)
		}
	}
}

// republishWithGreeting republishes the org's one flow with its greeting starting with
// greeting instead of "Welcome to line", and returns the flow's name.
func republishWithGreeting(t *testing.T, c *platform.Client, greeting string) string {
	t.Helper()
	ctx := context.Background()
	flows, err := platform.ListAll[map[string]any](ctx, c, kinds.Genesys().Named(kinds.Flow).API.Collection, nil, 100)
	if err != nil || len(flows) != 1 {
		t.Fatalf("list the flows: %v (%d, want 1)", err, len(flows))
	}
	yaml, err := backport.ExportFlow(ctx, c, nil, flows[0]["id"].(string))
	if err != nil {
		t.Fatalf("export the flow: %v", err)
	}
	edited := strings.Replace(string(yaml), "Welcome to line", greeting, 1)
	if edited == string(yaml) {
		t.Fatalf("the exported flow has no greeting to change:\n%s", yaml)
	}
	if _, err := orgseed.PublishFlow(ctx, c, nil, []byte(edited)); err != nil {
		t.Fatalf("republish the flow: %v", err)
	}
	return flows[0]["name"].(string)
}

func orgClient(t *testing.T, ts *orgserver.TestServer, org string) *platform.Client {
	t.Helper()
	cred := ts.Credential(t, org, "deploy")
	c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
