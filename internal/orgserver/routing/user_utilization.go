package routing

import (
	"net/http"
	"sort"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// A user's utilization: how many interactions of each media type the agent takes at once.
// Until it is set, a user follows the org's utilization and GET answers that with level
// "Organization"; PUT gives the user its own (level "Agent"); DELETE returns the user to
// the org's. The official provider reads it with every user (routing_utilization) and
// treats an "Organization" answer as "not set".
func (s *api) userUtilizationRoutes() {
	s.Route("GET /api/v2/routing/users/{id}/utilization", "routing:utilization:view", s.getUserUtilization)
	s.Route("PUT /api/v2/routing/users/{id}/utilization", "routing:utilization:manage", s.putUserUtilization)
	s.Route("DELETE /api/v2/routing/users/{id}/utilization", "routing:utilization:manage", s.deleteUserUtilization)
}

const kindUserUtilization store.Kind = "user.utilization" // Parent = ID = user id; Data = agentUtilization

// mediaUtilization is the API model MediaUtilization.
type mediaUtilization struct {
	MaximumCapacity         int      `json:"maximumCapacity"`
	InterruptableMediaTypes []string `json:"interruptableMediaTypes"`
	IncludeNonAcd           bool     `json:"includeNonAcd"`
}

// labelUtilization is LabelUtilizationResponse (labelName filled in on the way out).
type labelUtilization struct {
	MaximumCapacity      int      `json:"maximumCapacity"`
	InterruptingLabelIDs []string `json:"interruptingLabelIds,omitempty"`
	LabelName            string   `json:"labelName,omitempty"`
}

// agentUtilization is AgentMaxUtilizationResponse (and, without level, UtilizationRequest).
type agentUtilization struct {
	Utilization       map[string]mediaUtilization `json:"utilization"`
	LabelUtilizations map[string]labelUtilization `json:"labelUtilizations,omitempty"`
	MaxInboundCalls   *int                        `json:"maxInboundCalls,omitempty"`
	Level             string                      `json:"level,omitempty"`
}

// utilizationMediaTypes are the media types utilization is set for.
func utilizationMediaTypes() []string {
	return []string{"call", "callback", "chat", "email", "message", "workitem"}
}

// orgUtilization is a new org's utilization: one call, callback, email or work item at a
// time, up to four chats or messages.
func orgUtilization() agentUtilization {
	u := agentUtilization{Utilization: map[string]mediaUtilization{}, Level: "Organization"}
	for _, m := range utilizationMediaTypes() {
		capacity := 1
		if m == "chat" || m == "message" {
			capacity = 4
		}
		u.Utilization[m] = mediaUtilization{MaximumCapacity: capacity, InterruptableMediaTypes: []string{}}
	}
	return u
}

func (s *api) getUserUtilization(w http.ResponseWriter, r *http.Request) error {
	get := s.ReaderOf(r)
	out := orgUtilization()
	if err := host.OwnerSetting(get, host.KindUser, r, kindUserUtilization, &out); err != nil {
		return err
	}
	for id, l := range out.LabelUtilizations {
		if o := get(s.Entities.StoreKind(kinds.UtilizationLabel), id); o != nil {
			l.LabelName = o.Name
			out.LabelUtilizations[id] = l
		}
	}
	return apihttp.OK(w, out)
}

// checkUtilization validates a UtilizationRequest: known media types, capacities 0–25 (the
// range the official provider's schema allows), interruptable types that are media types.
func checkUtilization(in agentUtilization) error {
	known := host.SetOf(utilizationMediaTypes())
	types := make([]string, 0, len(in.Utilization))
	for m := range in.Utilization {
		types = append(types, m)
	}
	sort.Strings(types)
	for _, m := range types {
		mu := in.Utilization[m]
		if !known[m] {
			return apihttp.InvalidValue("utilization", m, utilizationMediaTypes())
		}
		if mu.MaximumCapacity < 0 || mu.MaximumCapacity > 25 {
			return apihttp.BadRequest("The field [utilization.%s.maximumCapacity] must be between 0 and 25, not [%d].", m, mu.MaximumCapacity)
		}
		for _, i := range mu.InterruptableMediaTypes {
			if !known[i] {
				return apihttp.InvalidValue("utilization."+m+".interruptableMediaTypes", i, utilizationMediaTypes())
			}
		}
	}
	for id, l := range in.LabelUtilizations {
		if l.MaximumCapacity < 0 || l.MaximumCapacity > 25 {
			return apihttp.BadRequest("The field [labelUtilizations.%s.maximumCapacity] must be between 0 and 25, not [%d].", id, l.MaximumCapacity)
		}
	}
	return nil
}

func (s *api) putUserUtilization(w http.ResponseWriter, r *http.Request) error {
	var in agentUtilization
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if err := checkUtilization(in); err != nil {
		return err
	}
	id := r.PathValue("id")
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		u, err := host.LiveOwner(tx.Get, host.KindUser, id)
		if err != nil {
			return nil, err
		}
		for labelID, l := range in.LabelUtilizations {
			if s.Entities.Live(tx, kinds.UtilizationLabel, labelID) == nil {
				return nil, apihttp.UnknownRef("labelUtilizations", labelID)
			}
			l.LabelName = ""
			in.LabelUtilizations[labelID] = l
		}
		in.Level = "Agent"
		if in.Utilization == nil {
			in.Utilization = map[string]mediaUtilization{}
		}
		old := tx.Get(kindUserUtilization, id)
		stored, err := entity.Put(tx, kindUserUtilization, id, id, u.Name, in)
		if err != nil {
			return nil, err
		}
		recordUtilizationChange(tx, p, u, old, stored)
		return stored, nil
	})
}

func (s *api) deleteUserUtilization(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		u, err := host.LiveOwner(tx.Get, host.KindUser, id)
		if err != nil {
			return err
		}
		if old := tx.Get(kindUserUtilization, id); old != nil {
			tx.Delete(kindUserUtilization, id)
			recordUtilizationChange(tx, p, u, old, nil)
		}
		return nil
	})
}

// recordUtilizationChange audits a change of a user's utilization; stored is nil when the
// user went back to the org's.
func recordUtilizationChange(tx *store.Tx, p apihttp.Principal, user, old *store.Object, stored []byte) {
	ev := audit.Event{Service: "Routing", EntityType: "AgentUtilization", Action: "Update", ID: user.ID, Name: user.Name, Old: host.DataOf(old), New: stored}
	if stored == nil {
		ev.Action = "Delete"
	}
	audit.Record(tx, p, ev)
}
