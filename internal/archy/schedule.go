package archy

import (
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // schedule groups name IANA zones; evaluate them even without a zoneinfo database

	"github.com/teambition/rrule-go"
)

// Schedule is one Architect schedule as the Platform API holds it: a start and an end as
// zone-less local date-times (yyyy-MM-ddTHH:mm:ss.SSS) and an optional iCal RRULE. The zone
// comes from the schedule group that uses the schedule.
type Schedule struct {
	ID, Name   string
	Start, End string
	RRule      string
}

// ScheduleGroup is one Architect schedule group: an IANA time zone and the ids of its
// open, closed and holiday schedules.
type ScheduleGroup struct {
	ID, Name              string
	TimeZone              string
	Open, Closed, Holiday []string
}

// GroupState is the outcome of evaluating a schedule group, named like the outputs of
// Architect's Evaluate Schedule Group action.
type GroupState string

// The states a schedule group evaluates to (StateEmergency, an active emergency group, is in
// simulate_emergency.go).
const (
	StateOpen    GroupState = "open"
	StateClosed  GroupState = "closed"
	StateHoliday GroupState = "holiday"
)

// localLayout parses the API's LocalDateTime; the fraction is optional on input.
const localLayout = "2006-01-02T15:04:05.999999999"

// Location returns the group's time zone; an empty zone is UTC.
func (g ScheduleGroup) Location() (*time.Location, error) {
	if strings.TrimSpace(g.TimeZone) == "" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(g.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("schedule group %q: time zone %q: %w", g.Name, g.TimeZone, err)
	}
	return loc, nil
}

// Contains reports whether instant t falls inside the schedule, reading its local
// date-times in loc. Without a rule the schedule is the one interval [start, end). With a
// rule, start is the first occurrence (DTSTART) and every occurrence lasts end − start,
// which is how Architect stores a recurring schedule: the first day's start and end times
// plus the recurrence. Occurrences keep their wall-clock time across DST changes.
func (s Schedule) Contains(t time.Time, loc *time.Location) (bool, error) {
	start, err := time.ParseInLocation(localLayout, strings.TrimSpace(s.Start), loc)
	if err != nil {
		return false, fmt.Errorf("schedule %q: start %q is not a local date-time: %w", s.Name, s.Start, err)
	}
	end, err := time.ParseInLocation(localLayout, strings.TrimSpace(s.End), loc)
	if err != nil {
		return false, fmt.Errorf("schedule %q: end %q is not a local date-time: %w", s.Name, s.End, err)
	}
	dur := end.Sub(start)
	if dur <= 0 {
		return false, nil
	}
	rule := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s.RRule), "RRULE:"))
	if rule == "" {
		return !t.Before(start) && t.Before(end), nil
	}
	opt, err := rrule.StrToROption(rule)
	if err != nil {
		return false, fmt.Errorf("schedule %q: rrule %q: %w", s.Name, s.RRule, err)
	}
	opt.Dtstart = start
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return false, fmt.Errorf("schedule %q: rrule %q: %w", s.Name, s.RRule, err)
	}
	// Any occurrence that started in (t − dur, t] still runs at t.
	for _, occ := range r.Between(t.Add(-dur), t, true) {
		if !occ.After(t) && t.Before(occ.Add(dur)) {
			return true, nil
		}
	}
	return false, nil
}

// GroupEvaluation is the state of a schedule group at one instant and why.
type GroupEvaluation struct {
	State GroupState `json:"state"`
	// Schedule names the schedule that decided the state ("" when nothing matched and
	// the group is closed by default).
	Schedule string `json:"schedule,omitempty"`
	// Local is the instant in the group's time zone, as the schedules read it.
	Local string `json:"local"`
}

// EvaluateScheduleGroup returns the state of g at t. Genesys Cloud evaluates a group's
// schedules in the order holiday, closed, open, and a time no schedule covers is closed
// (help.mypurecloud.com "Schedule groups"); so a holiday beats an open schedule on the same
// day, and a closed schedule carves a gap out of an open one. lookup resolves schedule ids;
// an id it cannot resolve is an error, since the real org refuses such a group.
func EvaluateScheduleGroup(g ScheduleGroup, t time.Time, lookup func(id string) (Schedule, bool)) (GroupEvaluation, error) {
	loc, err := g.Location()
	if err != nil {
		return GroupEvaluation{}, err
	}
	ev := GroupEvaluation{State: StateClosed, Local: t.In(loc).Format("2006-01-02T15:04:05 Mon MST")}
	for _, set := range []struct {
		state GroupState
		ids   []string
	}{{StateHoliday, g.Holiday}, {StateClosed, g.Closed}, {StateOpen, g.Open}} {
		for _, id := range set.ids {
			sc, ok := lookup(id)
			if !ok {
				return GroupEvaluation{}, fmt.Errorf("schedule group %q: schedule %s does not exist", g.Name, id)
			}
			in, err := sc.Contains(t, loc)
			if err != nil {
				return GroupEvaluation{}, err
			}
			if in {
				ev.State, ev.Schedule = set.state, sc.Name
				return ev, nil
			}
		}
	}
	return ev, nil
}
