package drift

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"time"
)

func sampleReport() *Report {
	when := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	r := &Report{Env: "prod", Projects: []string{"shared-queues", "flow-main"},
		Checked: []Object{
			{Project: "shared-queues", Address: "genesyscloud_routing_queue.support", Type: "genesyscloud_routing_queue", Name: "Support", ID: "q1"},
			{Project: "shared-queues", Address: "genesyscloud_routing_queue.sales", Type: "genesyscloud_routing_queue", Name: "Sales", ID: "q2"},
			{Project: "flow-main", Address: "genesyscloud_flow.main", Type: "genesyscloud_flow", Name: "Main", ID: "f1"},
		},
		UnmanagedChecked: true,
		Findings: []Finding{
			{Kind: KindUnmanaged, Type: "genesyscloud_routing_queue", Name: "Hand made", ID: "q9",
				Attribution: &Attribution{Who: "console", Client: "c2", When: when, Action: "Create"}},
			{Kind: KindManaged, Project: "shared-queues", Address: "genesyscloud_routing_queue.support", Type: "genesyscloud_routing_queue",
				Name: "Support", ID: "q1", Attributes: []AttrChange{{Path: "media_settings_call[0].alerting_timeout_sec", Old: 8.0, New: 30.0}},
				Attribution: &Attribution{Who: "console", Client: "c2", When: when, Action: "Update", BreakGlass: true, Reason: "INC-42 | outage",
					Properties: []string{"mediaSettings.call.alertingTimeoutSeconds"}}},
		}}
	r.Sort()
	return r
}

func TestJUnitOneCasePerObject(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := sampleReport().WriteJUnit(&buf); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
					Body    string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("JUnit does not parse: %v\n%s", err, buf.String())
	}
	// 3 managed objects (one drifted) + 1 unmanaged object.
	if doc.Tests != 4 || doc.Failures != 2 {
		t.Fatalf("tests=%d failures=%d\n%s", doc.Tests, doc.Failures, buf.String())
	}
	cases := map[string]bool{} // suite/case → failed
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			key := s.Name + "/" + c.Name
			if _, dup := cases[key]; dup {
				t.Errorf("case %s twice", key)
			}
			cases[key] = c.Failure != nil
			if c.Failure != nil && s.Name == "shared-queues" && !strings.Contains(c.Failure.Body, "alerting_timeout_sec: 8 → 30") {
				t.Errorf("failure body: %q", c.Failure.Body)
			}
		}
	}
	want := map[string]bool{
		"flow-main/genesyscloud_flow.main":                 false,
		"shared-queues/genesyscloud_routing_queue.sales":   false,
		"shared-queues/genesyscloud_routing_queue.support": true,
		`unmanaged/genesyscloud_routing_queue "Hand made"`: true,
	}
	if len(cases) != len(want) {
		t.Errorf("cases %v, want %v", cases, want)
	}
	for k, v := range want {
		if got, ok := cases[k]; !ok || got != v {
			t.Errorf("case %s: present=%v failed=%v, want failed=%v", k, ok, got, v)
		}
	}
}

func TestJUnitErrorsAndEmptyProjects(t *testing.T) {
	t.Parallel()
	r := &Report{Env: "dev", Projects: []string{"empty", "broken"}, Errors: []RunError{{Project: "broken", Error: "Error: <boom> & \"quotes\""}}}
	var buf bytes.Buffer
	if err := r.WriteJUnit(&buf); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tests  int `xml:"tests,attr"`
		Errors int `xml:"errors,attr"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil || doc.Tests != 2 || doc.Errors != 1 {
		t.Fatalf("doc %+v, %v\n%s", doc, err, buf.String())
	}
}

func TestMarkdownTable(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := sampleReport().WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"| Kind | Project | Object | Attribute | Old | New | Who | When |",
		"|---|---|---|---|---|---|---|---|",
		"| managed | shared-queues | genesyscloud_routing_queue.support | media_settings_call[0].alerting_timeout_sec | `8` | `30` | console (break-glass: INC-42 \\| outage) | 2026-03-04 05:06Z |",
		"| unmanaged |  | genesyscloud_routing_queue \"Hand made\" |  |  | *not in code* | console | 2026-03-04 05:06Z |",
		"prod has drifted: 1 managed, 1 unmanaged.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestTableJSONAndExitCode(t *testing.T) {
	t.Parallel()
	r := sampleReport()
	var table bytes.Buffer
	if err := r.Write(&table, FormatTable); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"media_settings_call[0].alerting_timeout_sec", "8 → 30", "console [break-glass]", "not declared by any project"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	var js bytes.Buffer
	if err := r.Write(&js, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || len(back.Findings) != 2 || back.Findings[0].Kind != KindManaged {
		t.Fatalf("JSON round trip: %v %+v", err, back)
	}
	if err := r.Write(&js, "yaml"); err == nil {
		t.Error("unknown format accepted")
	}
	if got := r.ExitCode(); got != ExitDrift {
		t.Errorf("exit %d, want 2", got)
	}
	if got := (&Report{Env: "dev"}).ExitCode(); got != ExitInSync {
		t.Errorf("in sync exit %d", got)
	}
	r.Errors = []RunError{{Type: "genesyscloud_user", Error: "403"}}
	if got := r.ExitCode(); got != ExitError {
		t.Errorf("error exit %d", got)
	}
	var empty bytes.Buffer
	(&Report{Env: "dev"}).WriteJSON(&empty)
	if !strings.Contains(empty.String(), `"findings": []`) {
		t.Errorf("empty JSON: %s", empty.String())
	}
}

func TestWatchPrintsOnlyOnChange(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reports := []*Report{
		{Env: "dev"},
		{Env: "dev"},
		{Env: "dev", Findings: []Finding{{Kind: KindUnmanaged, Type: "genesyscloud_routing_queue", Name: "X"}}},
		{Env: "dev", Findings: []Finding{{Kind: KindUnmanaged, Type: "genesyscloud_routing_queue", Name: "X"}}},
	}
	runs := 0
	run := func() (*Report, error) {
		defer func() { runs++ }()
		switch {
		case runs < len(reports):
			return reports[runs], nil
		case runs == len(reports):
			return nil, errors.New("org unreachable")
		}
		cancel()
		return nil, errors.New("org unreachable")
	}
	var out bytes.Buffer
	err := Watch(ctx, time.Millisecond, run, &out, FormatTable)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Watch: %v", err)
	}
	text := out.String()
	if n := strings.Count(text, "dev is in sync"); n != 1 {
		t.Errorf("in-sync printed %d times:\n%s", n, text)
	}
	if n := strings.Count(text, "dev has drifted"); n != 1 {
		t.Errorf("drift printed %d times:\n%s", n, text)
	}
	if n := strings.Count(text, "org unreachable"); n != 1 {
		t.Errorf("error printed %d times:\n%s", n, text)
	}
}
