// Package orgseed fills an org with a large, realistic contact center through the Platform
// API: lines of business, each with its Archy flow (menus that transfer to the line's queues
// with a shared skill, an hours check on its schedule group), its IVR and phone numbers,
// queues, a data table; shared skills, languages, wrap-up codes and schedules; agents in
// groups. cx export, its tests and its benchmark read such an org.
package orgseed

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
)

// Options configure Seed.
type Options struct {
	// Objects is about how many objects to make (at least 100); the mix scales with it.
	Objects int
	// Prefix starts every name, so that a second seed does not collide ("" : "Seed").
	Prefix string
	// Parallel bounds requests at once (0: 8).
	Parallel int
	// More are further clients to the same org, each with its own token: the org's rate
	// budget is per token, and a large seed spends several. Worker w uses client w mod n.
	More []*platform.Client
	// HTTPClient uploads flow files to their presigned URL (nil: http.DefaultClient).
	HTTPClient *http.Client
	// Progress is told each kind's count as it is made (nil: nothing is told).
	Progress io.Writer
}

// Mix is how many objects of each kind a seed makes.
type Mix struct {
	Lines, Languages, Skills, WrapupCodes, Schedules, Queues, DataTables, DataTableRows, Groups, Users int
}

// Total is the number of objects of the mix: a line is a flow, an IVR, a DID pool and a
// schedule group besides its queues and data table.
func (m Mix) Total() int {
	return 4*m.Lines + m.Languages + m.Skills + m.WrapupCodes + m.Schedules + m.Queues + m.DataTables + m.DataTableRows + m.Groups + m.Users
}

// MixFor scales the mix to about n objects: one line of business per 100 objects, three
// queues a line, a shared skill per 25 objects, agents filling the rest.
func MixFor(n int) Mix {
	n = max(n, 100)
	m := Mix{Lines: n / 100, Languages: 5, Skills: n / 25, WrapupCodes: n / 50, Schedules: 4 + n/250, Groups: n / 100}
	m.Queues = 3 * m.Lines
	m.DataTables = max(m.Lines/2, 1)
	m.DataTableRows = 4 * m.DataTables
	m.Users = max(n-m.Total(), 0)
	return m
}

// Seed makes the mix for o.Objects in the org behind c and returns it.
func Seed(ctx context.Context, c *platform.Client, o Options) (Mix, error) {
	if o.Objects < 100 {
		return Mix{}, fmt.Errorf("seed at least 100 objects (asked for %d)", o.Objects)
	}
	if o.Prefix == "" {
		o.Prefix = "Seed"
	}
	if o.Parallel <= 0 {
		o.Parallel = 8
	}
	if o.HTTPClient == nil {
		o.HTTPClient = http.DefaultClient
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	s := &seeder{clients: append([]*platform.Client{c}, o.More...), o: o, m: MixFor(o.Objects)}
	steps := []struct {
		what string
		n    int
		run  func(ctx context.Context, i int) error
	}{
		{"languages", s.m.Languages, s.language},
		{"skills", s.m.Skills, s.skill},
		{"wrap-up codes", s.m.WrapupCodes, s.wrapupCode},
		{"schedules", s.m.Schedules, s.schedule},
		{"schedule groups", s.m.Lines, s.scheduleGroup},
		{"queues", s.m.Queues, s.queue},
		{"data tables", s.m.DataTables, s.dataTable},
		{"users", s.m.Users, s.user},
		{"groups", s.m.Groups, s.group},
		{"DID pools", s.m.Lines, s.didPool},
		{"flows", s.m.Lines, s.flow},
		{"IVRs", s.m.Lines, s.ivr},
	}
	s.ids = map[string][]string{}
	for _, step := range steps {
		start := time.Now()
		s.ids[step.what] = make([]string, step.n)
		if err := s.parallel(ctx, step.n, step.run); err != nil {
			return Mix{}, fmt.Errorf("seed %s: %w", step.what, err)
		}
		fmt.Fprintf(o.Progress, "  %-16s %6d  %5.1fs\n", step.what, step.n, time.Since(start).Seconds())
	}
	return s.m, nil
}

type seeder struct {
	clients []*platform.Client
	o       Options
	m       Mix
	// ids are the made objects' ids by step and index (each index written by one goroutine).
	mu  sync.Mutex
	ids map[string][]string
}

// cl is the client for object i: objects spread over the clients' tokens.
func (s *seeder) cl(i int) *platform.Client { return s.clients[i%len(s.clients)] }

func (s *seeder) set(what string, i int, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ids[what][i] = id
}

func (s *seeder) id(what string, i int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := s.ids[what]
	return list[i%len(list)]
}

// parallel runs f for 0..n-1 with at most o.Parallel at once; the first error stops it.
func (s *seeder) parallel(ctx context.Context, n int, f func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan int)
	)
	for w := 0; w < min(s.o.Parallel, max(n, 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := f(ctx, i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
						cancel()
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return first
}

// create posts body to path and records the new object's id under what.
func (s *seeder) create(ctx context.Context, what string, i int, path string, body any) error {
	var out struct {
		ID string `json:"id"`
	}
	if err := s.cl(i).Do(ctx, http.MethodPost, path, nil, body, &out); err != nil {
		return err
	}
	s.set(what, i, out.ID)
	return nil
}

func (s *seeder) name(kind string, i int) string {
	return fmt.Sprintf("%s %s %04d", s.o.Prefix, kind, i)
}

func ref(id string) map[string]string { return map[string]string{"id": id} }

func (s *seeder) language(ctx context.Context, i int) error {
	return s.create(ctx, "languages", i, "/api/v2/routing/languages", map[string]any{"name": s.name("Language", i)})
}

func (s *seeder) skill(ctx context.Context, i int) error {
	return s.create(ctx, "skills", i, "/api/v2/routing/skills", map[string]any{"name": s.name("Skill", i)})
}

func (s *seeder) wrapupCode(ctx context.Context, i int) error {
	return s.create(ctx, "wrap-up codes", i, "/api/v2/routing/wrapupcodes", map[string]any{"name": s.name("Wrap-up", i)})
}

func (s *seeder) schedule(ctx context.Context, i int) error {
	return s.create(ctx, "schedules", i, "/api/v2/architect/schedules", map[string]any{
		"name": s.name("Hours", i), "start": "2021-08-02T08:00:00.000", "end": "2021-08-02T17:00:00.000",
		"rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
	})
}

// scheduleGroup is line i's opening hours: two of the shared schedules.
func (s *seeder) scheduleGroup(ctx context.Context, i int) error {
	return s.create(ctx, "schedule groups", i, "/api/v2/architect/schedulegroups", map[string]any{
		"name": s.name("Line Hours", i), "timeZone": "America/New_York",
		"openSchedules": []any{ref(s.id("schedules", i))}, "closedSchedules": []any{ref(s.id("schedules", i+1))},
	})
}

// queue j belongs to line j/3; it takes two wrap-up codes and rings a shared skill first.
func (s *seeder) queue(ctx context.Context, j int) error {
	if err := s.create(ctx, "queues", j, "/api/v2/routing/queues", map[string]any{
		"name": s.name("Queue", j), "description": fmt.Sprintf("Queue %d of line %d", j%3+1, j/3),
		"skillEvaluationMethod": "BEST",
		"bullseye": map[string]any{"rings": []any{
			map[string]any{"expansionCriteria": []any{map[string]any{"type": "TIMEOUT_SECONDS", "threshold": 20}},
				"actions": map[string]any{"skillsToRemove": []any{ref(s.id("skills", j))}}},
			map[string]any{"expansionCriteria": []any{map[string]any{"type": "TIMEOUT_SECONDS", "threshold": 40}}},
		}},
	}); err != nil {
		return err
	}
	codes := []any{ref(s.id("wrap-up codes", j)), ref(s.id("wrap-up codes", j+7))}
	return s.cl(j).Do(ctx, http.MethodPost, "/api/v2/routing/queues/"+s.id("queues", j)+"/wrapupcodes", nil, codes, nil)
}

// dataTable holds a line's account tiers, with rows.
func (s *seeder) dataTable(ctx context.Context, i int) error {
	if err := s.create(ctx, "data tables", i, "/api/v2/flows/datatables", map[string]any{
		"name": s.name("Tiers", i), "description": "Account tiers",
		"schema": map[string]any{
			"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "additionalProperties": false,
			"properties": map[string]any{
				"key":  map[string]any{"title": "Account", "type": "string", "$id": "/properties/key", "displayOrder": 0},
				"tier": map[string]any{"title": "tier", "type": "string", "$id": "/properties/tier", "displayOrder": 1},
			},
			"required": []any{"key"},
		},
	}); err != nil {
		return err
	}
	for r := 0; r < s.m.DataTableRows/s.m.DataTables; r++ {
		row := map[string]any{"key": fmt.Sprintf("A%04d", r), "tier": []string{"gold", "silver", "bronze"}[r%3]}
		if err := s.cl(i+r).Do(ctx, http.MethodPost, "/api/v2/flows/datatables/"+s.id("data tables", i)+"/rows", nil, row, nil); err != nil {
			return err
		}
	}
	return nil
}

func (s *seeder) user(ctx context.Context, i int) error {
	return s.create(ctx, "users", i, "/api/v2/users", map[string]any{
		"name": s.name("Agent", i), "email": fmt.Sprintf("%s.agent%05d@example.com", strings.ToLower(s.o.Prefix), i),
		"department": fmt.Sprintf("Line %d", i%max(s.m.Lines, 1)), "title": "Agent",
	})
}

// group i holds every Groups-th agent.
func (s *seeder) group(ctx context.Context, i int) error {
	if err := s.create(ctx, "groups", i, "/api/v2/groups", map[string]any{
		"name": s.name("Team", i), "type": "official", "visibility": "public", "rulesVisible": true, "description": "Agents of a team",
	}); err != nil {
		return err
	}
	var members []string
	for u := i; u < s.m.Users && len(members) < 20; u += s.m.Groups {
		members = append(members, s.id("users", u))
	}
	if len(members) == 0 {
		return nil
	}
	var group struct {
		Version int `json:"version"`
	}
	if err := s.cl(i).Do(ctx, http.MethodGet, "/api/v2/groups/"+s.id("groups", i), nil, nil, &group); err != nil {
		return err
	}
	return s.cl(i).Do(ctx, http.MethodPost, "/api/v2/groups/"+s.id("groups", i)+"/members", nil,
		map[string]any{"memberIds": members, "version": group.Version}, nil)
}

// number is line i's k-th phone number: lines have blocks of 100 numbers.
func number(i, k int) string { return fmt.Sprintf("+1317%03d%04d", 600+i/100, (i%100)*100+k) }

func (s *seeder) didPool(ctx context.Context, i int) error {
	return s.create(ctx, "DID pools", i, "/api/v2/telephony/providers/edges/didpools", map[string]any{
		"startPhoneNumber": number(i, 0), "endPhoneNumber": number(i, 99), "description": fmt.Sprintf("Line %d numbers", i),
	})
}

func (s *seeder) ivr(ctx context.Context, i int) error {
	flow := ref(s.id("flows", i))
	return s.create(ctx, "IVRs", i, "/api/v2/architect/ivrs", map[string]any{
		"name": s.name("Line", i), "dnis": []string{number(i, 1), number(i, 2)},
		"openHoursFlow": flow, "closedHoursFlow": flow, "holidayHoursFlow": flow,
		"scheduleGroup": ref(s.id("schedule groups", i)),
	})
}

// flow publishes line i's inbound call flow: an hours check, then a menu to its three queues.
func (s *seeder) flow(ctx context.Context, i int) error {
	name := s.name("Line IVR", i)
	var yaml bytes.Buffer
	fmt.Fprintf(&yaml, `inboundCall:
  name: %s
  division: Home
  startUpRef: "/inboundCall/tasks/task[Hours_1]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  initialGreeting:
    tts: Welcome to line %d.
  tasks:
    - task:
        name: Hours
        refId: Hours_1
        actions:
          - evaluateScheduleGroup:
              name: Open?
              evaluate:
                now: true
              scheduleGroup:
                lit:
                  name: %s
              outputs:
                open:
                  actions:
                    - jumpToMenu:
                        name: To the menu
                        targetMenuRef: "/inboundCall/menus/menu[Main_1]"
                closed:
                  actions:
                    - disconnect:
                        name: Closed
  menus:
    - menu:
        name: Main
        refId: Main_1
        audio:
          tts: Press 1, 2 or 3.
        choices:
`, name, i, s.name("Line Hours", i))
	for q := 0; q < 3; q++ {
		fmt.Fprintf(&yaml, `          - menuTransferToAcd:
              name: Queue %d
              dtmf: digit_%d
              targetQueue:
                lit:
                  name: %s
              acdSkills:
                - acdSkill:
                    lit:
                      name: %s
`, q+1, q+1, s.name("Queue", 3*i+q), s.name("Skill", 3*i+q))
	}
	id, err := PublishFlow(ctx, s.cl(i), s.o.HTTPClient, yaml.Bytes())
	if err != nil {
		return fmt.Errorf("flow %q: %w", name, err)
	}
	s.set("flows", i, id)
	return nil
}

// PublishFlow uploads a flow file through an Architect job, as a person with Archy would,
// and waits for it (until ctx ends); it returns the flow's id. files sends the upload to its
// presigned URL (nil: http.DefaultClient).
func PublishFlow(ctx context.Context, c *platform.Client, files *http.Client, yaml []byte) (string, error) {
	if files == nil {
		files = http.DefaultClient
	}
	var reg platform.RegisterArchitectJobResponse
	if err := c.Do(ctx, http.MethodPost, "/api/v2/flows/jobs", nil, map[string]any{}, &reg); err != nil {
		return "", err
	}
	if reg.ID == nil || reg.PresignedURL == nil {
		return "", fmt.Errorf("the flow job has no id or upload URL")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, *reg.PresignedURL, bytes.NewReader(yaml))
	if err != nil {
		return "", err
	}
	for k, v := range reg.Headers {
		req.Header.Set(k, v)
	}
	resp, err := files.Do(req)
	if err != nil {
		return "", fmt.Errorf("upload the flow file: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("upload the flow file: %s", resp.Status)
	}
	for wait := 50 * time.Millisecond; ; wait = min(2*wait, 2*time.Second) {
		var st platform.ArchitectJobStateResponse
		if err := c.Do(ctx, http.MethodGet, "/api/v2/flows/jobs/"+*reg.ID, map[string][]string{"expand": {"messages"}}, nil, &st); err != nil {
			return "", err
		}
		switch deref(st.Status) {
		case "Success":
			if st.Flow == nil || st.Flow.ID == nil {
				return "", fmt.Errorf("the flow job succeeded without naming the flow")
			}
			return *st.Flow.ID, nil
		case "Failure":
			var msgs []string
			for _, m := range st.Messages {
				msgs = append(msgs, deref(m.Text))
			}
			return "", fmt.Errorf("publish failed: %s", strings.Join(msgs, "; "))
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(wait):
		}
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
