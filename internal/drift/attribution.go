package drift

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// MaxAuditDays is how far back the realtime audit query reaches ("only retrieve 14 days
// worth of audits"); older changes need the asynchronous query.
const MaxAuditDays = 14

// auditService is the audit service that records writes to objects of a resource type, from
// the catalogue ("" for a type it does not know). The real API wants serviceName on realtime
// queries; it also keeps each query small.
func auditService(typ string) string {
	if k := kinds.Genesys().ByResource(typ); k != nil {
		return k.Audit.Service
	}
	return ""
}

// Attributor finds who last changed each finding's object in the org's audit log.
type Attributor struct {
	Client *platform.Client
	// Days is how far back to look (0 or more than MaxAuditDays: MaxAuditDays).
	Days int
	// Parallel bounds concurrent queries (0: 4); they share the client's rate budget.
	Parallel int
	// Now is the clock (nil: time.Now); tests pin it.
	Now func() time.Time
}

// Attribute fills in Attribution for every finding with an id, from the newest audit record
// of that object. A finding with no record in the window keeps a nil Attribution (the change
// is older, or the org does not audit that type). Failed queries are returned as errors,
// one per object.
func (a *Attributor) Attribute(ctx context.Context, findings []Finding) []RunError {
	days := a.Days
	if days <= 0 || days > MaxAuditDays {
		days = MaxAuditDays
	}
	now := time.Now
	if a.Now != nil {
		now = a.Now
	}
	end := now().UTC().Add(time.Minute).Truncate(time.Second) // a write of this second is in
	start := end.Add(-time.Duration(days)*24*time.Hour + time.Minute)
	interval := start.Format(time.RFC3339) + "/" + end.Format(time.RFC3339)
	parallel := a.Parallel
	if parallel <= 0 {
		parallel = 4
	}
	var (
		mu    sync.Mutex
		errs  []RunError
		wg    sync.WaitGroup
		slots = make(chan struct{}, parallel)
	)
	for i := range findings {
		f := &findings[i]
		if f.ID == "" {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-slots }()
			att, err := a.latest(ctx, interval, f.Type, f.ID)
			if own := ownIDOfChild(f.Type, f.ID); err == nil && att == nil && own != "" {
				att, err = a.latest(ctx, interval, f.Type, own)
			}
			if err != nil {
				mu.Lock()
				errs = append(errs, RunError{Project: f.Project, Type: f.Type,
					Error: fmt.Sprintf("audit log of %s %q (%s): %v", f.Type, f.Name, f.ID, err)})
				mu.Unlock()
				return
			}
			f.Attribution = att // each goroutine writes its own finding
		}()
	}
	wg.Wait()
	return errs
}

// ownIDOfChild is the object's own id when typ is a child kind and id the ChildID drift
// holds for it ("" otherwise): the audit log may name a child by its own id alone (an email
// route, while a data table row is named by table and key).
func ownIDOfChild(typ, id string) string {
	k := kinds.Genesys().ByResource(typ)
	if k == nil || k.API.Parent == "" {
		return ""
	}
	_, own, ok := kinds.SplitChildID(id)
	if !ok {
		return ""
	}
	return own
}

// latest returns the newest audit record of one object, or nil when there is none.
func (a *Attributor) latest(ctx context.Context, interval, typ, id string) (*Attribution, error) {
	q := platform.AuditRealtimeQueryRequest{
		Interval: platform.Ptr(interval),
		Filters:  []platform.AuditQueryFilter{{Property: platform.Ptr("EntityId"), Value: platform.Ptr(id)}},
		Sort:     []platform.AuditQuerySort{{Name: platform.Ptr("Timestamp"), SortOrder: platform.Ptr("descending")}},
		// A few records, not one: several writes can share a timestamp and the newest of
		// them is picked below by date, then by position.
		PageSize:   platform.Ptr(5),
		PageNumber: platform.Ptr(1),
	}
	if s := auditService(typ); s != "" {
		q.ServiceName = platform.Ptr(s)
	}
	res, err := a.Client.QueryAuditsRealtime(ctx, q, "user")
	if err != nil {
		return nil, err
	}
	var best *platform.AuditLogMessage
	var bestAt time.Time
	for i := range res.Entities {
		m := &res.Entities[i]
		at, err := parseAuditTime(deref(m.EventDate))
		if err != nil {
			continue
		}
		if best == nil || at.After(bestAt) {
			best, bestAt = m, at
		}
	}
	if best == nil {
		return nil, nil
	}
	return attributionOf(best, bestAt), nil
}

// attributionOf reads who, when and what from one audit record.
func attributionOf(m *platform.AuditLogMessage, at time.Time) *Attribution {
	att := &Attribution{When: at, Action: deref(m.Action)}
	if m.Client != nil {
		att.Client = deref(m.Client.ID)
	}
	switch {
	case m.User != nil && deref(m.User.Name) != "":
		att.Who = deref(m.User.Name)
	case m.Context["clientName"] != "":
		att.Who = m.Context["clientName"]
	case m.User != nil && deref(m.User.ID) != "":
		att.Who = "user " + deref(m.User.ID)
	case att.Client != "":
		att.Who = "client " + att.Client
	default:
		att.Who = "unknown"
	}
	if m.Context["breakGlass"] == "true" {
		att.BreakGlass = true
		att.Reason = m.Context["reason"]
	}
	for _, pc := range m.PropertyChanges {
		if p := deref(pc.Property); p != "" {
			att.Properties = append(att.Properties, p)
		}
	}
	return att
}

// parseAuditTime reads the API's date-time (UTC, literal Z, up to nanoseconds).
func parseAuditTime(s string) (time.Time, error) {
	return time.Parse(time.RFC3339Nano, s)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
