package export

import (
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
)

// What an export tells while it runs. A large org takes minutes (listings, flow export
// jobs, one import per object), so the reader sees each kind's count as it is
// listed and, per step, how far it is, the requests sent, the 429s the org answered (the
// rate budget at work) and an estimate of the time the step still needs.

// ProgressStyle is how progress is written.
type ProgressStyle string

const (
	// ProgressLines writes one line per event (a log, a pipe): the default.
	ProgressLines ProgressStyle = ""
	// ProgressTerminal also redraws a status line in place, for a person at a terminal.
	ProgressTerminal ProgressStyle = "terminal"
	// ProgressJSON writes one JSON object per event, for a program reading stderr while the
	// result goes to stdout (cx export --json).
	ProgressJSON ProgressStyle = "json"
)

// ProgressEvent is one JSON progress line.
type ProgressEvent struct {
	// Event is "step" (a step begins: Step — list, flows, generate, write — and its Total), "listed" (a kind's listing finished:
	// Type, Objects), "progress" (Done of Total in Step: its first, then at most one a second,
	// and its last) or "resume"
	// (Reused says what an interrupted run had done).
	Event string `json:"event"`
	Step  string `json:"step,omitempty"`
	Type  string `json:"type,omitempty"`
	// Objects is the kind's count in a "listed" event, else all objects listed so far.
	Objects   int     `json:"objects"`
	Done      int     `json:"done,omitempty"`
	Total     int     `json:"total,omitempty"`
	Requests  int64   `json:"requests"`
	Throttled int64   `json:"throttled"`
	Elapsed   float64 `json:"elapsed_seconds"`
	ETA       float64 `json:"eta_seconds,omitempty"`
	Reused    string  `json:"reused,omitempty"`
}

// progress reports one export's progress; its methods are safe for concurrent use.
type progress struct {
	mu     sync.Mutex
	out    io.Writer
	style  ProgressStyle
	client *platform.Client
	start  time.Time
	// The current step: its name, how much of it is done, and when it began.
	step        string
	done, total int
	stepStart   time.Time
	objects     int
	lastEvent   time.Time
	stopTicker  chan struct{}
	tickerEnded chan struct{}
}

// newProgress starts reporting to out (nil: nowhere). A terminal's status line is redrawn
// twice a second until close.
func newProgress(out io.Writer, style ProgressStyle, client *platform.Client) *progress {
	if out == nil {
		out = io.Discard
	}
	p := &progress{out: out, style: style, client: client, start: time.Now()}
	if style == ProgressTerminal {
		p.stopTicker, p.tickerEnded = make(chan struct{}), make(chan struct{})
		go p.tick()
	}
	return p
}

func (p *progress) tick() {
	defer close(p.tickerEnded)
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stopTicker:
			return
		case <-t.C:
			p.mu.Lock()
			p.drawStatus()
			p.mu.Unlock()
		}
	}
}

// close stops the status line and clears it.
func (p *progress) close() {
	if p.stopTicker != nil {
		close(p.stopTicker)
		<-p.tickerEnded
		p.stopTicker = nil
		p.mu.Lock()
		fmt.Fprint(p.out, "\r\033[K")
		p.mu.Unlock()
	}
}

// beginStep starts a step of total units (kinds, flows, imports).
func (p *progress) beginStep(step string, total int, line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.step, p.done, p.total, p.stepStart = step, 0, total, time.Now()
	if p.style == ProgressJSON {
		p.emit(ProgressEvent{Event: "step", Step: step, Total: total})
		return
	}
	p.println(line)
}

// listed records a kind's listing: n objects.
func (p *progress) listed(typ string, n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.objects += n
	if p.style == ProgressJSON {
		p.emit(ProgressEvent{Event: "listed", Type: typ, Objects: n})
		return
	}
	p.println(fmt.Sprintf("  %-62s %5d", typ, n))
}

// advance records n more units of the current step done.
func (p *progress) advance(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if p.total > 0 && p.done > p.total {
		p.done = p.total // OpenTofu may say more than once that it reads an object
	}
	// The first advance of a step is said at once (the step is under way), then at most one a
	// second, and the last.
	first := p.done == n
	if p.style == ProgressJSON && (first || time.Since(p.lastEvent) >= time.Second || p.done == p.total) {
		p.emit(ProgressEvent{Event: "progress", Step: p.step, Done: p.done, Total: p.total, ETA: p.eta().Seconds()})
	}
}

// resumed says what an interrupted export had done that this one reuses.
func (p *progress) resumed(what string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.style == ProgressJSON {
		p.emit(ProgressEvent{Event: "resume", Reused: what})
		return
	}
	p.println("Resuming an interrupted export: reusing " + what)
}

// eta is how long the current step still needs at the pace it has kept; 0 when unknown.
func (p *progress) eta() time.Duration {
	if p.done == 0 || p.total <= p.done {
		return 0
	}
	per := time.Since(p.stepStart) / time.Duration(p.done)
	return per * time.Duration(p.total-p.done)
}

// println writes a line, above the status line on a terminal. Call with mu held.
func (p *progress) println(line string) {
	if p.style == ProgressTerminal {
		fmt.Fprint(p.out, "\r\033[K")
	}
	fmt.Fprintln(p.out, line)
	if p.style == ProgressTerminal {
		p.drawStatus()
	}
}

// drawStatus redraws the terminal's status line. Call with mu held.
func (p *progress) drawStatus() {
	if p.step == "" {
		return
	}
	status := fmt.Sprintf("%s %d/%d · %d objects · %d requests · %d × 429 · %s",
		p.step, p.done, p.total, p.objects, p.requests(), p.throttled(), time.Since(p.start).Round(time.Second))
	if eta := p.eta(); eta > 0 {
		status += fmt.Sprintf(" · ETA %s", eta.Round(time.Second))
	}
	fmt.Fprint(p.out, "\r\033[K"+status)
}

// emit writes one JSON event. Call with mu held.
func (p *progress) emit(e ProgressEvent) {
	if e.Event != "listed" {
		e.Objects = p.objects
	}
	e.Requests, e.Throttled = p.requests(), p.throttled()
	e.Elapsed = time.Since(p.start).Round(time.Millisecond).Seconds()
	e.ETA = float64(int64(e.ETA*10)) / 10
	data, _ := json.Marshal(e)
	fmt.Fprintf(p.out, "%s\n", data)
	p.lastEvent = time.Now()
}

func (p *progress) requests() int64 {
	if p.client == nil {
		return 0
	}
	return p.client.RequestCount()
}

func (p *progress) throttled() int64 {
	if p.client == nil {
		return 0
	}
	return p.client.ThrottledCount()
}
