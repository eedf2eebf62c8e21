package archy

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// memOrg is an in-memory org for simulator tests.
type memOrg struct {
	ivrs      []IVR
	groups    []ScheduleGroup
	schedules []Schedule
	flows     map[string]*Flow // by id
	queues    []string
}

func (o *memOrg) IVRByDNIS(dnis string) (IVR, bool) {
	for _, v := range o.ivrs {
		if slices.Contains(v.DNIS, dnis) {
			return v, true
		}
	}
	return IVR{}, false
}

func (o *memOrg) ScheduleGroup(id string) (ScheduleGroup, bool) {
	for _, g := range o.groups {
		if g.ID == id {
			return g, true
		}
	}
	return ScheduleGroup{}, false
}

func (o *memOrg) ScheduleGroupByName(name string) (ScheduleGroup, bool) {
	for _, g := range o.groups {
		if strings.EqualFold(g.Name, name) {
			return g, true
		}
	}
	return ScheduleGroup{}, false
}

func (o *memOrg) Schedule(id string) (Schedule, bool) {
	for _, s := range o.schedules {
		if s.ID == id {
			return s, true
		}
	}
	return Schedule{}, false
}

func (o *memOrg) ScheduleByName(name string) (Schedule, bool) {
	for _, s := range o.schedules {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return Schedule{}, false
}

func (o *memOrg) FlowByID(id string) (*Flow, bool) { f, ok := o.flows[id]; return f, ok }

func (o *memOrg) FlowByName(name, flowType string) (*Flow, bool) {
	for _, f := range o.flows {
		if strings.EqualFold(f.Name, name) && f.Type == flowType {
			return f, true
		}
	}
	return nil, false
}

func (o *memOrg) QueueExists(name string) bool {
	return slices.ContainsFunc(o.queues, func(q string) bool { return strings.EqualFold(q, name) })
}

func parseSimFixture(t *testing.T, name string) *Flow {
	t.Helper()
	data, err := os.ReadFile("testdata/sim/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if errs := f.Validate(); len(errs) > 0 {
		t.Fatalf("fixture %s does not validate: %v", name, errs)
	}
	return f
}

// simpleOrg is the simple IVR of the issue: Main Office Hours open Mon–Fri 08:00–17:00 in
// New York with a holiday on 2026-12-25, queues 401K, Billing and VIP.
func simpleOrg(t *testing.T) *memOrg {
	return &memOrg{
		ivrs: []IVR{{ID: "ivr-1", Name: "Main line", DNIS: []string{"+13175550001"},
			OpenHoursFlow: "flow-main", ClosedHoursFlow: "flow-main", HolidayHoursFlow: "flow-main", ScheduleGroup: "sg-1"}},
		groups: []ScheduleGroup{{ID: "sg-1", Name: "Main Office Hours", TimeZone: "America/New_York",
			Open: []string{"s-weekdays"}, Holiday: []string{"s-xmas"}}},
		schedules: []Schedule{
			{ID: "s-weekdays", Name: "Weekdays", Start: "2026-01-05T08:00:00.000", End: "2026-01-05T17:00:00.000", RRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"},
			{ID: "s-xmas", Name: "Christmas 2026", Start: "2026-12-25T00:00:00.000", End: "2026-12-26T00:00:00.000"},
		},
		flows:  map[string]*Flow{"flow-main": parseSimFixture(t, "simple_ivr.yaml"), "flow-verify": parseSimFixture(t, "verify_caller.yaml")},
		queues: []string{"401K", "Billing", "VIP"},
	}
}

func ny(t *testing.T, y int, m time.Month, d, h, min int) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

// lineOf returns the 1-based line where text first appears in a fixture.
func lineOf(t *testing.T, name, text string) int {
	t.Helper()
	data, err := os.ReadFile("testdata/sim/" + name)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, text) {
			return i + 1
		}
	}
	t.Fatalf("%q not in %s", text, name)
	return 0
}

func TestSimulateSimpleIVR(t *testing.T) {
	t.Parallel()
	org := simpleOrg(t)
	tuesday := ny(t, 2026, time.March, 10, 10, 0) // two days after the DST change
	for _, tc := range []struct {
		name        string
		call        Call
		state       GroupState
		finalKind   string
		queue       string
		finalLine   string // text on the final step's line
		assumed     bool
		prompts     []string // must appear, in order
		menus       []string
		notPrompted []string
	}{
		{
			name: "1 in open hours reaches 401K", call: Call{DNIS: "+13175550001", Time: tuesday, DTMF: []string{"1"}},
			state: StateOpen, finalKind: StepTransfer, queue: "401K", finalLine: "menuTransferToAcd:",
			prompts: []string{"Welcome to Simple Financial.", "Press 1 for 401K, 2 for billing.", "Transferring you to a 401K specialist."},
			menus:   []string{"Main Menu"},
		},
		{
			name: "holiday hears the holiday path", call: Call{DNIS: "+13175550001", Time: ny(t, 2026, time.December, 25, 10, 0), DTMF: []string{"1"}},
			state: StateHoliday, finalKind: StepDisconnect, // its position: TestSimulateHolidayDetail
			prompts:     []string{"Welcome to Simple Financial.", "We are closed for the holiday."},
			notPrompted: []string{"Press 1 for 401K, 2 for billing."},
		},
		{
			name: "closed hours hears the closed message", call: Call{DNIS: "+13175550001", Time: ny(t, 2026, time.March, 10, 18, 30)},
			state: StateClosed, finalKind: StepDisconnect,
			prompts: []string{"We are closed. Our hours are 8 to 5, Monday to Friday."},
		},
		{
			name: "saturday is closed", call: Call{DNIS: "+13175550001", Time: ny(t, 2026, time.March, 14, 10, 0)},
			state: StateClosed, finalKind: StepDisconnect,
			prompts: []string{"We are closed. Our hours are 8 to 5, Monday to Friday."},
		},
		{
			name: "unknown key reprompts then takes the default choice", call: Call{DNIS: "+13175550001", Time: tuesday, DTMF: []string{"9", "9"}},
			state: StateOpen, finalKind: StepDisconnect, finalLine: "name: No selection disconnect",
			prompts: []string{"Press 1 for 401K, 2 for billing.", "Press 1 for 401K, 2 for billing.", "Prompt.NoSelection"},
			menus:   []string{"Main Menu"},
		},
		{
			name: "a wrong key then 1 still reaches 401K", call: Call{DNIS: "+13175550001", Time: tuesday, DTMF: []string{"7", "1"}},
			state: StateOpen, finalKind: StepTransfer, queue: "401K",
			prompts: []string{"Press 1 for 401K, 2 for billing.", "Press 1 for 401K, 2 for billing.", "Transferring you to a 401K specialist."},
		},
		{
			name: "no key at all times out into the default choice", call: Call{DNIS: "+13175550001", Time: tuesday},
			state: StateOpen, finalKind: StepDisconnect, finalLine: "name: No selection disconnect",
			prompts: []string{"Press 1 for 401K, 2 for billing.", "Press 1 for 401K, 2 for billing.", "Prompt.NoSelection"},
		},
		{
			name: "2 runs billing through the common module", call: Call{DNIS: "+13175550001", Time: tuesday, DTMF: []string{"2"}},
			state: StateOpen, finalKind: StepTransfer, queue: "Billing", finalLine: "name: To billing",
			prompts: []string{"Billing. Let us verify who you are.", "One moment while we verify your number."},
		},
		{
			name: "sub-menu without a default choice disconnects", call: Call{DNIS: "+13175550001", Time: tuesday, DTMF: []string{"3", "5"}},
			state: StateOpen, finalKind: StepDisconnect, assumed: true, finalLine: "name: More Options",
			prompts: []string{"Press 1 to hear our address."},
			menus:   []string{"Main Menu", "More Options"},
		},
		{
			name: "literal decision with a matching ANI", call: Call{DNIS: "+13175550001", ANI: "+13175550100", Time: tuesday, DTMF: []string{"4"}},
			state: StateOpen, finalKind: StepTransfer, queue: "VIP", finalLine: "name: To VIP",
		},
		{
			name: "unevaluable decision takes yes, falls through to FindQueue", call: Call{DNIS: "+13175550001", ANI: "+1555", Time: tuesday, DTMF: []string{"4"}},
			state: StateOpen, finalKind: StepTransfer, queue: "401K", finalLine: "name: To 401K",
		},
		{
			name: "forced no branch: a missing queue fails the transfer and the flow goes on", call: Call{DNIS: "+13175550001", Time: tuesday, DTMF: []string{"4"}, Decisions: map[string]string{"Has balance": "no"}},
			state: StateOpen, finalKind: StepDisconnect, finalLine: "name: After failed transfer",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := Simulate(context.Background(), org, tc.call)
			if err != nil {
				t.Fatal(err)
			}
			dump := func() string {
				var b strings.Builder
				for _, s := range res.Steps {
					b.WriteString("\n  " + s.Pos.String() + " " + s.Kind + ": " + s.Detail)
				}
				return b.String()
			}
			if res.ScheduleState != tc.state {
				t.Errorf("schedule state = %s, want %s%s", res.ScheduleState, tc.state, dump())
			}
			if res.Final.Kind != tc.finalKind || res.Queue != tc.queue || res.Final.Assumed != tc.assumed {
				t.Errorf("final = %+v queue %q, want %s queue %q assumed %v%s", res.Final, res.Queue, tc.finalKind, tc.queue, tc.assumed, dump())
			}
			if res.Final.Pos.Line == 0 || res.Final.Pos.File != "simple_ivr.yaml" {
				t.Errorf("final step has no position: %+v", res.Final)
			}
			// An action's position is its key (`- transferToAcd:`), the line above its name.
			if tc.finalLine != "" {
				if want := lineOf(t, "simple_ivr.yaml", tc.finalLine); res.Final.Pos.Line != want && res.Final.Pos.Line != want-1 {
					t.Errorf("final step at line %d, want %d or %d (%q)%s", res.Final.Pos.Line, want-1, want, tc.finalLine, dump())
				}
			}
			if !isSubsequence(tc.prompts, res.PromptsSpoken) {
				t.Errorf("prompts = %q, want in order %q", res.PromptsSpoken, tc.prompts)
			}
			for _, p := range tc.notPrompted {
				if slices.Contains(res.PromptsSpoken, p) {
					t.Errorf("prompts = %q, must not hold %q", res.PromptsSpoken, p)
				}
			}
			if tc.menus != nil && !slices.Equal(res.MenusVisited, tc.menus) {
				t.Errorf("menus = %q, want %q", res.MenusVisited, tc.menus)
			}
			for _, s := range res.Steps[2:] { // after the IVR and schedule steps
				if s.Pos.Line == 0 && s.Kind != StepDisconnect {
					t.Errorf("step without a YAML position: %+v", s)
				}
			}
		})
	}
}

func isSubsequence(want, got []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

func TestSimulateHolidayDetail(t *testing.T) {
	t.Parallel()
	res, err := Simulate(context.Background(), simpleOrg(t), Call{DNIS: "+13175550001", Time: ny(t, 2026, time.December, 25, 10, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Final.Name != "Holiday disconnect" || res.Final.Pos.Line != lineOf(t, "simple_ivr.yaml", "name: Holiday disconnect")-1 {
		t.Errorf("final = %+v", res.Final)
	}
	var sched []string
	for _, s := range res.Steps {
		if s.Kind == StepSchedule {
			sched = append(sched, s.Detail)
		}
	}
	if len(sched) != 2 || !strings.Contains(sched[0], `holiday at 2026-12-25T10:00:00 Fri EST (schedule "Christmas 2026")`) {
		t.Errorf("schedule steps = %q", sched)
	}
}

func TestSimulateErrors(t *testing.T) {
	t.Parallel()
	org := simpleOrg(t)
	if _, err := Simulate(context.Background(), org, Call{DNIS: "+19999999999", Time: time.Now()}); err == nil || !strings.Contains(err.Error(), "+19999999999") {
		t.Errorf("unknown DNIS: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Simulate(ctx, org, Call{DNIS: "+13175550001", Time: time.Now()}); err == nil {
		t.Error("cancelled context: no error")
	}

	// A schedule group the org does not have is an error step, then error handling.
	noGroup := *org
	noGroup.groups = []ScheduleGroup{{ID: "sg-1", Name: "Other", TimeZone: "UTC", Open: []string{"s-weekdays"}}}
	res, err := Simulate(context.Background(), &noGroup, Call{DNIS: "+13175550001", Time: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Final.Detail != "error handling: disconnect" || !slices.ContainsFunc(res.Steps, func(s Step) bool {
		return s.Kind == StepError && strings.Contains(s.Detail, `"Main Office Hours" does not exist`)
	}) {
		t.Errorf("missing group: steps = %+v", res.Steps)
	}
}

func TestSimulateLoopStops(t *testing.T) {
	t.Parallel()
	f, err := Parse("loop.yaml", []byte(`inboundCall:
  name: Loop
  startUpRef: ./tasks/task[a]
  tasks:
    - task:
        name: A
        refId: a
        actions:
          - jumpToTask:
              name: again
              targetTaskRef: ./tasks/task[a]
`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := SimulateFlow(context.Background(), nil, f, Call{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Final.Kind != StepError || !strings.Contains(res.Final.Detail, "loops") || len(res.Steps) > maxSteps+1 {
		t.Errorf("final = %+v after %d steps", res.Final, len(res.Steps))
	}
}

func TestSimulateFlowWithoutOrg(t *testing.T) {
	t.Parallel()
	f := parseSimFixture(t, "simple_ivr.yaml")
	res, err := SimulateFlow(context.Background(), nil, f, Call{DTMF: []string{"1"}})
	if err != nil {
		t.Fatal(err)
	}
	// Without an org the schedule group is unknown: the flow's error handling disconnects.
	if res.Final.Kind != StepDisconnect || res.Final.Detail != "error handling: disconnect" {
		t.Errorf("final = %+v", res.Final)
	}
}

func TestScheduleContains(t *testing.T) {
	t.Parallel()
	nyc, _ := time.LoadLocation("America/New_York")
	weekdays := Schedule{Name: "Weekdays", Start: "2026-01-05T08:00:00.000", End: "2026-01-05T17:00:00.000", RRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}
	night := Schedule{Name: "Night", Start: "2026-01-05T22:00:00", End: "2026-01-06T06:00:00", RRule: "RRULE:FREQ=DAILY"}
	once := Schedule{Name: "Once", Start: "2026-12-25T00:00:00.000", End: "2026-12-26T00:00:00.000"}
	for _, tc := range []struct {
		s    Schedule
		t    time.Time
		want bool
	}{
		{weekdays, time.Date(2026, 3, 10, 10, 0, 0, 0, nyc), true},
		{weekdays, time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC), true}, // 10:00 EDT
		{weekdays, time.Date(2026, 1, 13, 14, 0, 0, 0, time.UTC), true}, // 09:00 EST
		{weekdays, time.Date(2026, 1, 13, 12, 59, 0, 0, time.UTC), false},
		{weekdays, time.Date(2026, 3, 10, 17, 0, 0, 0, nyc), false}, // end is exclusive
		{weekdays, time.Date(2026, 3, 10, 8, 0, 0, 0, nyc), true},
		{weekdays, time.Date(2026, 3, 14, 10, 0, 0, 0, nyc), false},  // Saturday
		{weekdays, time.Date(2025, 12, 30, 10, 0, 0, 0, nyc), false}, // before the first occurrence
		{night, time.Date(2026, 2, 3, 2, 0, 0, 0, nyc), true},        // crosses midnight
		{night, time.Date(2026, 2, 3, 7, 0, 0, 0, nyc), false},
		{once, time.Date(2026, 12, 25, 23, 59, 0, 0, nyc), true},
		{once, time.Date(2026, 12, 26, 0, 0, 0, 0, nyc), false},
	} {
		got, err := tc.s.Contains(tc.t, nyc)
		if err != nil || got != tc.want {
			t.Errorf("%s contains %s = %v, %v; want %v", tc.s.Name, tc.t, got, err, tc.want)
		}
	}
	if _, err := (Schedule{Name: "Bad", Start: "tomorrow", End: "2026-01-01T00:00:00"}).Contains(time.Now(), nyc); err == nil {
		t.Error("bad start: no error")
	}
}

func TestEvaluateScheduleGroupOrder(t *testing.T) {
	t.Parallel()
	scheds := map[string]Schedule{
		"open":    {Name: "Open", Start: "2026-01-05T08:00:00", End: "2026-01-05T17:00:00", RRule: "FREQ=DAILY"},
		"lunch":   {Name: "Lunch", Start: "2026-01-05T12:00:00", End: "2026-01-05T13:00:00", RRule: "FREQ=DAILY"},
		"holiday": {Name: "Holiday", Start: "2026-07-03T00:00:00", End: "2026-07-04T00:00:00"},
	}
	lookup := func(id string) (Schedule, bool) { s, ok := scheds[id]; return s, ok }
	g := ScheduleGroup{Name: "G", TimeZone: "Europe/Berlin", Open: []string{"open"}, Closed: []string{"lunch"}, Holiday: []string{"holiday"}}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, tc := range []struct {
		t     time.Time
		state GroupState
		sched string
	}{
		{time.Date(2026, 7, 2, 10, 0, 0, 0, berlin), StateOpen, "Open"},
		{time.Date(2026, 7, 2, 12, 30, 0, 0, berlin), StateClosed, "Lunch"}, // closed beats open
		{time.Date(2026, 7, 3, 12, 30, 0, 0, berlin), StateHoliday, "Holiday"},
		{time.Date(2026, 7, 2, 20, 0, 0, 0, berlin), StateClosed, ""}, // nothing covers it
	} {
		ev, err := EvaluateScheduleGroup(g, tc.t, lookup)
		if err != nil || ev.State != tc.state || ev.Schedule != tc.sched {
			t.Errorf("at %s: %+v, %v; want %s (%q)", tc.t, ev, err, tc.state, tc.sched)
		}
	}
	g.Open = append(g.Open, "missing")
	if _, err := EvaluateScheduleGroup(g, time.Date(2026, 7, 2, 20, 0, 0, 0, berlin), lookup); err == nil {
		t.Error("missing schedule: no error")
	}
	if _, err := EvaluateScheduleGroup(ScheduleGroup{Name: "Z", TimeZone: "Mars/Olympus"}, time.Now(), lookup); err == nil {
		t.Error("bad zone: no error")
	}
}

func TestSimulateMenuSettings(t *testing.T) {
	t.Parallel()
	f, err := Parse("menus.yaml", []byte(`inboundCall:
  name: Menus
  startUpRef: ./menus/menu[main]
  settingsMenu:
    repeatCount:
      lit: 1
  menus:
    - menu:
        name: Main
        refId: main
        audio:
          tts: main
        noMatch:
          actions:
            - switch:
                name: Route
                evaluate:
                  firstTrue:
                    cases:
                      - case:
                          value:
                            exp: Call.Ani == "+1000"
                          actions:
                            - transferToAcd:
                                name: Case one
                                targetQueue:
                                  lit:
                                    name: One
                    default:
                      actions:
                        - transferToNumber:
                            name: Operator
                            targetNumber:
                              lit: "+13175550199"
        choices:
          - menuJumpToMenu:
              name: Help
              dtmf: digit_2
              targetMenuRef: ./menus/menu[help]
    - menu:
        name: Help
        refId: help
        audio:
          tts: help
        choices:
          - menuDisconnect:
              name: Operator anywhere
              dtmf: digit_0
              globalDtmf: true
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		call  Call
		final string
	}{
		{Call{DTMF: []string{"5"}}, `transferToNumber to "+13175550199"`}, // one play, then noMatch → switch default
		{Call{ANI: "+1000"}, `transfer to ACD queue "One"`},               // switch case 1
		{Call{DTMF: []string{"0"}, Decisions: nil}, "disconnect"},         // a global choice of another menu
		{Call{DTMF: []string{"2", "0"}}, "disconnect"},
	} {
		res, err := SimulateFlow(context.Background(), nil, f, tc.call)
		if err != nil {
			t.Fatal(err)
		}
		if res.Final.Detail != tc.final {
			t.Errorf("%+v: final = %+v, want %q", tc.call, res.Final, tc.final)
		}
	}
}
