// Package tour is cxascode's main job (`make demo`, `cx demo`): it starts the embedded local
// org and walks through what the rest of cxascode builds on — a client logs in, creates
// skills and a queue routed by them, lists them, is refused a write with a read-only
// client, and reads the audit trail that says who changed what.
package tour

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// Options configure Run.
type Options struct {
	// DataDir holds the org; "" keeps it in memory, so the tour leaves nothing behind.
	DataDir string
	// Addr is the listen address; "" picks a free loopback port.
	Addr string
}

// Run gives the tour, writing what it does to w.
func Run(ctx context.Context, w io.Writer, opts Options) error {
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	step := stepper{w: w}

	step.title("Start a local Genesys Cloud org")
	org, err := orgserver.Serve(ctx, orgserver.ServeOptions{Addr: addr, Config: orgserver.Config{DataDir: opts.DataDir}})
	if err != nil {
		return fmt.Errorf("start the local org: %w", err)
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		org.Shutdown(sctx) //nolint:errcheck // the tour's result is already decided
	}()
	fmt.Fprintf(w, "  Platform API v2 at %s, orgs:", org.URL)
	seen := map[string]bool{}
	for _, c := range org.Credentials.Clients {
		if !seen[c.Org] {
			seen[c.Org] = true
			fmt.Fprintf(w, " %s", c.Org)
		}
	}
	fmt.Fprintln(w, " (each with a \"deploy\" and a \"readonly\" OAuth client)")

	deploy, err := clientFor(org, "dev", "deploy")
	if err != nil {
		return err
	}
	me, err := deploy.GetTokenMe(ctx)
	if err != nil {
		return fmt.Errorf("log in: %w", err)
	}
	fmt.Fprintf(w, "  Logged in with client credentials as %q of org %q\n", name(me.OAuthClient), entityName(me.Organization))

	step.title("Create routing skills")
	skillNames := []string{"Billing", "Sales", "Technical Support"}
	skills := map[string]string{}
	for _, n := range skillNames {
		sk, err := deploy.CreateSkill(ctx, platform.CreateRoutingSkill{Name: platform.Ptr(n)})
		if err != nil {
			return fmt.Errorf("create skill %q: %w", n, err)
		}
		skills[n] = deref(sk.ID)
		fmt.Fprintf(w, "  + skill %-18s %s\n", n, deref(sk.ID))
	}

	step.title("Create a queue routed by those skills (bullseye rings)")
	q, err := deploy.CreateQueue(ctx, customerCareQueue(skills))
	if err != nil {
		return fmt.Errorf("create queue: %w", err)
	}
	fmt.Fprintf(w, "  + queue %q %s\n", deref(q.Name), deref(q.ID))
	if q.Bullseye != nil {
		for i, ring := range q.Bullseye.Rings {
			fmt.Fprintf(w, "    ring %d: %s\n", i+1, describeRing(ring, skills))
		}
	}

	step.title("List what the org holds")
	listed, err := deploy.ListSkills(ctx, nil)
	if err != nil {
		return fmt.Errorf("list skills: %w", err)
	}
	queues, err := deploy.ListQueues(ctx, nil)
	if err != nil {
		return fmt.Errorf("list queues: %w", err)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  TYPE\tNAME\tDIVISION\tID")
	for _, s := range listed {
		fmt.Fprintf(tw, "  skill\t%s\t%s\t%s\n", deref(s.Name), divisionName(s.Division), deref(s.ID))
	}
	for _, q := range queues {
		fmt.Fprintf(tw, "  queue\t%s\t%s\t%s\n", deref(q.Name), divisionName(q.Division), deref(q.ID))
	}
	tw.Flush()

	step.title("A read-only client cannot change the org")
	ro, err := clientFor(org, "dev", "readonly")
	if err != nil {
		return err
	}
	_, err = ro.CreateSkill(ctx, platform.CreateRoutingSkill{Name: platform.Ptr("Sneaky")})
	var apiErr *platform.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusForbidden {
		return fmt.Errorf("a read-only client's write should be refused with 403, got %v", err)
	}
	fmt.Fprintf(w, "  refused: %d %s\n", apiErr.Status, apiErr.Code)

	step.title("Change the queue: longer after-call work, a new description")
	var upd platform.QueueRequest
	if err := convert(customerCareQueue(skills), &upd); err != nil {
		return err
	}
	upd.Description = platform.Ptr("Billing and sales; 60 s of after-call work")
	upd.AcwSettings.TimeoutMs = platform.Ptr(60000)
	if _, err := deploy.UpdateQueue(ctx, deref(q.ID), upd); err != nil {
		return fmt.Errorf("update queue: %w", err)
	}
	fmt.Fprintf(w, "  ~ queue %q updated\n", deref(q.Name))

	step.title("The audit trail: who changed what")
	return printAudit(ctx, w, deploy)
}

// customerCareQueue asks for Billing first, then widens after 15 s and 30 s: the common
// bullseye set-up that Terraform configs express as bullseye_rings.
func customerCareQueue(skills map[string]string) platform.CreateQueueRequest {
	ring := func(seconds float64, remove ...string) platform.Ring {
		r := platform.Ring{ExpansionCriteria: []platform.ExpansionCriterium{{Type: platform.Ptr("TIMEOUT_SECONDS"), Threshold: platform.Ptr(seconds)}}}
		for _, n := range remove {
			r.Actions = &platform.Actions{SkillsToRemove: append(actionsOf(r), platform.SkillsToRemove{ID: platform.Ptr(skills[n])})}
		}
		return r
	}
	return platform.CreateQueueRequest{
		Name:                  platform.Ptr("Customer Care"),
		Description:           platform.Ptr("Billing and sales questions, widening to every agent"),
		SkillEvaluationMethod: platform.Ptr("BEST"),
		AcwSettings:           &platform.AcwSettings{WrapupPrompt: platform.Ptr("MANDATORY_TIMEOUT"), TimeoutMs: platform.Ptr(30000)},
		MediaSettings: &platform.QueueMediaSettings{Call: &platform.MediaSettings{
			AlertingTimeoutSeconds: platform.Ptr(8),
			ServiceLevel:           &platform.ServiceLevel{Percentage: platform.Ptr(0.8), DurationMs: platform.Ptr(20000)},
		}},
		Bullseye: &platform.Bullseye{Rings: []platform.Ring{ring(15, "Billing"), ring(30, "Sales"), {}}},
	}
}

func actionsOf(r platform.Ring) []platform.SkillsToRemove {
	if r.Actions == nil {
		return nil
	}
	return r.Actions.SkillsToRemove
}

func describeRing(r platform.Ring, skills map[string]string) string {
	var parts []string
	for _, c := range r.ExpansionCriteria {
		if c.Threshold != nil {
			parts = append(parts, fmt.Sprintf("after %gs", *c.Threshold))
		}
	}
	if r.Actions != nil {
		for _, s := range r.Actions.SkillsToRemove {
			parts = append(parts, "drop skill "+skillName(deref(s.ID), skills))
		}
	}
	if len(parts) == 0 {
		return "every remaining agent"
	}
	return strings.Join(parts, ", ")
}

func skillName(id string, skills map[string]string) string {
	for n, sid := range skills {
		if sid == id {
			return n
		}
	}
	return id
}

func printAudit(ctx context.Context, w io.Writer, c *platform.Client) error {
	now := time.Now().UTC()
	interval := now.Add(-time.Hour).Format(time.RFC3339) + "/" + now.Add(time.Hour).Format(time.RFC3339)
	res, err := c.QueryAuditsRealtime(ctx, platform.AuditRealtimeQueryRequest{
		Interval:    platform.Ptr(interval),
		ServiceName: platform.Ptr("Routing"),
		Sort:        []platform.AuditQuerySort{{Name: platform.Ptr("Timestamp"), SortOrder: platform.Ptr("ascending")}},
		PageSize:    platform.Ptr(100),
	})
	if err != nil {
		return fmt.Errorf("query the audit log: %w", err)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  TIME (UTC)\tCLIENT\tACTION\tTYPE\tNAME\tCHANGED")
	for _, m := range res.Entities {
		when := deref(m.EventDate)
		if t, err := time.Parse(time.RFC3339Nano, when); err == nil {
			when = t.Format("15:04:05.000")
		}
		changed := fmt.Sprintf("%d properties set", len(m.PropertyChanges))
		if deref(m.Action) != "Create" {
			var props []string
			for _, pc := range m.PropertyChanges {
				props = append(props, fmt.Sprintf("%s: %s → %s", deref(pc.Property), strings.Join(pc.OldValues, ","), strings.Join(pc.NewValues, ",")))
			}
			changed = summarize(props, 3)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", when, m.Context["clientName"], deref(m.Action), deref(m.EntityType),
			entityName(m.Entity), changed)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n  %d audit records. The refused write left none: only changes are recorded.\n", len(res.Entities))
	fmt.Fprintln(w, "\nNext: `cx org serve` runs this org for OpenTofu and the Genesys provider; `make test` runs the test suite.")
	return nil
}

// convert copies between two models of the same JSON shape (e.g. create and update requests).
func convert(from, to any) error {
	b, err := json.Marshal(from)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, to)
}

func summarize(xs []string, n int) string {
	if len(xs) <= n {
		return strings.Join(xs, ", ")
	}
	return strings.Join(xs[:n], ", ") + fmt.Sprintf(", … (+%d)", len(xs)-n)
}

func clientFor(org *orgserver.Standalone, orgName, client string) (*platform.Client, error) {
	cred, ok := org.Credential(orgName, client)
	if !ok {
		return nil, fmt.Errorf("the local org has no client %q in org %q", client, orgName)
	}
	// No client-side budget: the local org is ours alone; real orgs get the 300/min default.
	return platform.New(platform.Config{BaseURL: org.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1, UserAgent: "cx-tour"})
}

type stepper struct {
	w io.Writer
	n int
}

func (s *stepper) title(t string) {
	s.n++
	if s.n > 1 {
		fmt.Fprintln(s.w)
	}
	fmt.Fprintf(s.w, "%d. %s\n", s.n, t)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// name reads the "name" of a raw JSON object (TokenInfo.OAuthClient is untyped in the model).
func name(raw json.RawMessage) string {
	var v struct {
		Name string `json:"name"`
	}
	json.Unmarshal(raw, &v) //nolint:errcheck // a missing name prints as ""
	return v.Name
}

// entityName is the name of any entity reference the models use (NamedEntity, DomainEntityRef).
func entityName[T platform.NamedEntity | platform.DomainEntityRef](e *T) string {
	if e == nil {
		return ""
	}
	switch v := any(*e).(type) {
	case platform.NamedEntity:
		return deref(v.Name)
	case platform.DomainEntityRef:
		return deref(v.Name)
	}
	return ""
}

func divisionName(d *platform.Division) string {
	if d == nil {
		return ""
	}
	return deref(d.Name)
}
