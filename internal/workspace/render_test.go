package workspace

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func render(t *testing.T, g *Graph, f Format) string {
	t.Helper()
	var buf bytes.Buffer
	if err := g.Render(&buf, f); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestRenderText(t *testing.T) {
	t.Parallel()
	g, _ := loadGraph(t, "contact-center")
	want := `workspace contact-center: 3 projects, 2 edges
order: shared-schedules, shared-skills, flow-billing

shared-schedules: no dependencies

shared-skills: no dependencies

flow-billing
  → shared-schedules
      flow-billing/flows/billing.yaml:23:25 scheduleGroup "Billing Hours"
  → shared-skills
      flow-billing/flows/billing.yaml:39:29 skill "Billing"
      flow-billing/main.tf:11:10 data genesyscloud_routing_skill "billing"
`
	if diff := cmp.Diff(want, render(t, g, FormatText)); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
	g, _ = loadGraph(t, "undeclared")
	got := render(t, g, FormatText)
	for _, part := range []string{"      cx.hcl:1:1 depends_on\n", "\nwarnings:\n  flow-x/main.tf:6:10: flow-x: no project declares"} {
		if !strings.Contains(got, part) {
			t.Errorf("text lacks %q:\n%s", part, got)
		}
	}
}

func TestRenderMermaidAndDOT(t *testing.T) {
	t.Parallel()
	g, _ := loadGraph(t, "contact-center")
	wantMermaid := `graph LR
  p0["flow-billing"]
  p1["shared-schedules"]
  p2["shared-skills"]
  p0 -->|"scheduleGroup Billing Hours"| p1
  p0 -->|"skill Billing"| p2
`
	if diff := cmp.Diff(wantMermaid, render(t, g, FormatMermaid)); diff != "" {
		t.Errorf("mermaid (-want +got):\n%s", diff)
	}
	wantDOT := `digraph "contact-center" {
  rankdir=LR;
  node [shape=box];
  "flow-billing";
  "shared-schedules";
  "shared-skills";
  "flow-billing" -> "shared-schedules" [label="scheduleGroup Billing Hours"];
  "flow-billing" -> "shared-skills" [label="skill Billing"];
}
`
	if diff := cmp.Diff(wantDOT, render(t, g, FormatDOT)); diff != "" {
		t.Errorf("dot (-want +got):\n%s", diff)
	}
	if err := g.Render(&bytes.Buffer{}, "yaml"); err == nil || !strings.Contains(err.Error(), "use one of text, mermaid, dot, json") {
		t.Errorf("unknown format error = %v", err)
	}
}

func TestEscaping(t *testing.T) {
	t.Parallel()
	e := Edge{Refs: []Ref{{Type: "genesyscloud_routing_queue", Kind: "queue", Name: `Say "hi" | \ now`}}}
	if got, want := mermaidEscape(edgeLabel(e)), `queue Say #quot;hi#quot; #124; \ now`; got != want {
		t.Errorf("mermaid label = %s, want %s", got, want)
	}
	if got, want := dotQuote(edgeLabel(e)), `"queue Say \"hi\" | \\ now"`; got != want {
		t.Errorf("dot label = %s, want %s", got, want)
	}
	many := Edge{Explicit: true}
	for _, n := range []string{"A", "B", "a", "C", "D"} {
		many.Refs = append(many.Refs, Ref{Type: "genesyscloud_routing_skill", Kind: "skill", Name: n})
	}
	if got, want := edgeLabel(many), "depends_on, skill A, skill B, skill C, +1 more"; got != want {
		t.Errorf("label = %s, want %s", got, want)
	}
}

func TestRenderJSON(t *testing.T) {
	t.Parallel()
	g, _ := loadGraph(t, "cycle")
	var got struct {
		Workspace string
		Projects  []struct{ Name string }
		Order     []string
		Edges     []struct {
			From, To string
			Explicit bool
			Refs     []struct {
				Type, Name, Via string
				Pos             Pos
			}
		}
		Warnings []json.RawMessage
		Errors   []struct {
			Code, Message string
			Positions     []Pos
		}
	}
	out := render(t, g, FormatJSON)
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Workspace != "cycle" || len(got.Projects) != 4 || got.Order != nil || len(got.Edges) != 4 || got.Warnings == nil {
		t.Errorf("json = %+v", got)
	}
	if e := got.Edges[0]; e.From != "alpha" || e.To != "beta" || len(e.Refs) != 1 || e.Refs[0].Pos != (Pos{File: "alpha/main.tf", Line: 6, Column: 10}) {
		t.Errorf("edge 0 = %+v", e)
	}
	if len(got.Errors) != 1 || got.Errors[0].Code != "cycle" || len(got.Errors[0].Positions) != 3 {
		t.Errorf("errors = %+v", got.Errors)
	}
	// Stable field names are the contract for tools; check them literally.
	for _, field := range []string{`"projects":`, `"edges":`, `"from":`, `"to":`, `"refs":`, `"warnings": []`, `"errors":`, `"order": null`, `"levels": null`} {
		if !strings.Contains(out, field) {
			t.Errorf("json lacks %s", field)
		}
	}
}
