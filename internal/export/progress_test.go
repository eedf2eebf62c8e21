package export

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestProgressStyles(t *testing.T) {
	var lines, term, js bytes.Buffer
	for _, c := range []struct {
		out   *bytes.Buffer
		style ProgressStyle
	}{{&lines, ProgressLines}, {&term, ProgressTerminal}, {&js, ProgressJSON}} {
		p := newProgress(c.out, c.style, nil)
		p.beginStep("list", 2, "Listing the org…")
		p.listed("genesyscloud_routing_queue", 12)
		p.beginStep("generate", 4, "Generating…")
		p.advance(1)
		p.resumed("the org's listing (12 objects)")
		p.close()
	}
	if want := "Listing the org…\n  genesyscloud_routing_queue"; !strings.HasPrefix(lines.String(), want) || strings.Contains(lines.String(), "\r") {
		t.Errorf("lines:\n%q", lines.String())
	}
	// On a terminal the status line is redrawn under each line and cleared at the end.
	if !strings.Contains(term.String(), "\r\033[Klist 1/2 · 12 objects · 0 requests · 0 × 429") || !strings.HasSuffix(term.String(), "\r\033[K") {
		t.Errorf("terminal:\n%q", term.String())
	}
	var events []ProgressEvent
	for _, line := range strings.Split(strings.TrimSpace(js.String()), "\n") {
		var e ProgressEvent
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		events = append(events, e)
	}
	var kinds []string
	for _, e := range events {
		kinds = append(kinds, e.Event)
	}
	if strings.Join(kinds, ",") != "step,listed,step,progress,resume" || events[1].Objects != 12 || events[3].Done != 1 || events[3].Total != 4 {
		t.Errorf("json events %+v", events)
	}
}

func TestProgressETA(t *testing.T) {
	p := newProgress(nil, ProgressLines, nil)
	p.beginStep("generate", 10, "")
	p.stepStart = time.Now().Add(-2 * time.Second)
	p.advance(5)
	if eta := p.eta(); eta < 1500*time.Millisecond || eta > 2500*time.Millisecond {
		t.Errorf("half done in 2s: ETA %s, want about 2s", eta)
	}
}

// The same export resumes its working directory; another export, or one too old, starts over.
func TestWorkDirResumesOnlyTheSameExport(t *testing.T) {
	into := t.TempDir() + "/out"
	params := exportParams{Env: "dev", Org: "local:dev", Layout: ByFlow, Include: []string{"flow:*"}}
	now := time.Now()
	w, resumed, err := openWorkDir(into, params, now)
	if err != nil || resumed {
		t.Fatalf("first open: resumed %v, %v", resumed, err)
	}
	if err := w.saveFlow("f1", []byte("inboundCall: {}\n")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		params exportParams
		at     time.Time
		want   bool
	}{
		{"same export", params, now.Add(time.Hour), true},
		{"other layout", exportParams{Env: "dev", Org: "local:dev", Layout: ByKind, Include: []string{"flow:*"}}, now, false},
	} {
		w, resumed, err := openWorkDir(into, c.params, c.at)
		if err != nil || resumed != c.want {
			t.Errorf("%s: resumed %v (%v), want %v", c.name, resumed, err, c.want)
		}
		if got := w.loadFlows([]string{"f1"}); (len(got) == 1) != c.want {
			t.Errorf("%s: kept flows %v", c.name, got)
		}
	}
	// The last open started over with other parameters: the first export's are too old now.
	if _, resumed, _ := openWorkDir(into, exportParams{Env: "dev", Org: "local:dev", Layout: ByKind, Include: []string{"flow:*"}}, now.Add(resumeWithin+time.Minute)); resumed {
		t.Error("a day-old working directory was resumed")
	}
}

// A second export into the directory an export is writing fails at once, naming the first,
// and leaves the first one's work alone; once the first ends, its lock file is gone.
func TestSecondExportIntoOneDirectoryIsRefused(t *testing.T) {
	into := t.TempDir() + "/out"
	first, err := lockExport(context.Background(), into)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), Options{Into: into})
	if err == nil || !strings.Contains(err.Error(), "another export into "+into+" is running (pid ") {
		t.Fatalf("second export: %v, want it refused naming the first", err)
	}
	first.RemoveAndUnlock()
	if entries, _ := os.ReadDir(filepath.Dir(into)); len(entries) != 0 {
		t.Errorf("left beside --into: %v", entries)
	}
}
