package architect

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Flow log levels: how much of a flow's executions the org logs. A flow has no setting of
// its own until one is made (POST), so GET answers 404 until then and the org's listing
// of settings starts empty; the official provider's genesyscloud_flow_loglevel creates
// with POST, changes with PUT and removes with DELETE. A setting of a deleted flow is
// neither readable nor listed. Its routes are the catalogue kind's (register.go).

// flowLogLevels are the values of FlowLogLevel.level (the SDKs' enum, without its
// "Unknown" placeholder), from logging nothing to logging everything.
func flowLogLevels() []string { return []string{"Disabled", "Base", "Notes", "VerboseNotes", "All"} }

// flowCharacteristics is the API model FlowCharacteristics: what a level logs.
type flowCharacteristics struct {
	ExecutionItems        *bool `json:"executionItems,omitempty"`
	ExecutionInputOutputs *bool `json:"executionInputOutputs,omitempty"`
	Communications        *bool `json:"communications,omitempty"`
	EventError            *bool `json:"eventError,omitempty"`
	EventWarning          *bool `json:"eventWarning,omitempty"`
	EventOther            *bool `json:"eventOther,omitempty"`
	Variables             *bool `json:"variables,omitempty"`
	Names                 *bool `json:"names,omitempty"`
}

// flowLogLevel is the API model FlowLogLevel.
type flowLogLevel struct {
	Level           *string              `json:"level,omitempty"`
	Characteristics *flowCharacteristics `json:"characteristics,omitempty"`
}

// flowSettings is the API model FlowSettingsResponse.
type flowSettings struct {
	ID                      string                    `json:"id"`
	Name                    string                    `json:"name,omitempty"`
	ModifiedByClient        *platform.DomainEntityRef `json:"modifiedByClient,omitempty"`
	DateModified            string                    `json:"dateModified"`
	LogLevelCharacteristics flowLogLevel              `json:"logLevelCharacteristics"`
	SelfURI                 string                    `json:"selfUri"`
}

// levelCharacteristics are what each level logs when the request names no characteristic:
// every level logs what the one below it logs, and more.
func levelCharacteristics(level string) flowCharacteristics {
	rank := map[string]int{"Disabled": 0, "Base": 1, "Notes": 2, "VerboseNotes": 3, "All": 4}[level]
	at := func(min int) *bool { return host.Ptr(rank >= min) }
	return flowCharacteristics{EventError: at(1), EventWarning: at(1), EventOther: at(2), Communications: at(2),
		ExecutionItems: at(3), Names: at(3), ExecutionInputOutputs: at(4), Variables: at(4)}
}

func flowLogLevelSelfURI(flowID string) string {
	return "/api/v2/flows/" + flowID + "/instances/settings/loglevels"
}

// listFlowLogLevels is FlowSettingsResponseEntityListing: the settings of live flows,
// page-number paging up to 200 a page.
func (s *api) listFlowLogLevels(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, 200)
	if err != nil {
		return err
	}
	org := apihttp.PrincipalOf(r.Context()).OrgID
	items := [][]byte{}
	for _, o := range s.Store.List(org, host.KindFlowLogLevel, "") {
		f := s.Store.Get(org, host.KindFlow, o.ID)
		if f == nil || !host.CanSee(r, f) {
			continue
		}
		var flow platform.Flow
		if err := host.DecodeObject(f, &flow); err != nil {
			return err
		}
		if host.Deref(flow.Deleted) {
			continue
		}
		items = append(items, o.Data)
	}
	return apihttp.WritePage(w, r, p, items)
}

func (s *api) getFlowLogLevel(w http.ResponseWriter, r *http.Request) error {
	if _, _, err := s.visibleFlow(r); err != nil {
		return err
	}
	o := s.Store.Get(apihttp.PrincipalOf(r.Context()).OrgID, host.KindFlowLogLevel, r.PathValue("id"))
	if o == nil {
		return apihttp.NotFound()
	}
	return apihttp.OKRaw(w, o.Data)
}

// setFlowLogLevel is POST (the flow has no setting yet, else 409) and PUT (it has one,
// else 404). Characteristics sent override the level's own.
func (s *api) setFlowLogLevel(create bool) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var in struct {
			LogLevelCharacteristics *flowLogLevel `json:"logLevelCharacteristics"`
		}
		if err := apihttp.DecodeBody(r, &in); err != nil {
			return err
		}
		if in.LogLevelCharacteristics == nil {
			return apihttp.Required("logLevelCharacteristics")
		}
		level := in.LogLevelCharacteristics.Level
		if level == nil {
			return apihttp.Required("logLevelCharacteristics.level")
		}
		if err := host.CheckEnum("logLevelCharacteristics.level", level, flowLogLevels()...); err != nil {
			return err
		}
		chars := levelCharacteristics(*level)
		if sent := in.LogLevelCharacteristics.Characteristics; sent != nil {
			overrideCharacteristics(&chars, sent)
		}
		if _, err := s.Lookup(r, host.KindFlow, r.PathValue("id")); err != nil {
			return err
		}
		return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
			flow, _, err := txFlow(tx, r.PathValue("id"))
			if err != nil {
				return nil, err
			}
			old := tx.Get(host.KindFlowLogLevel, flow.ID)
			if create && old != nil {
				return nil, apihttp.Conflict("The flow [%s] has a log level already; change it with PUT.", flow.Name)
			}
			if !create && old == nil {
				return nil, apihttp.NotFound()
			}
			settings := flowSettings{ID: flow.ID, Name: flow.Name, ModifiedByClient: host.ClientRef(p), DateModified: apihttp.FormatTime(tx.Now()),
				LogLevelCharacteristics: flowLogLevel{Level: level, Characteristics: &chars}, SelfURI: flowLogLevelSelfURI(flow.ID)}
			stored, err := entity.Put(tx, host.KindFlowLogLevel, flow.ID, "", flow.Name, settings)
			if err != nil {
				return nil, err
			}
			ev := audit.Event{Service: "Architect", EntityType: "FlowLogLevel", Action: "Create", ID: flow.ID, Name: flow.Name, New: stored}
			if old != nil {
				ev.Action, ev.Old = "Update", old.Data
			}
			audit.Record(tx, p, ev)
			return stored, nil
		})
	}
}

// overrideCharacteristics sets in dst every characteristic src names.
func overrideCharacteristics(dst, src *flowCharacteristics) {
	host.SetPtr(&dst.ExecutionItems, src.ExecutionItems)
	host.SetPtr(&dst.ExecutionInputOutputs, src.ExecutionInputOutputs)
	host.SetPtr(&dst.Communications, src.Communications)
	host.SetPtr(&dst.EventError, src.EventError)
	host.SetPtr(&dst.EventWarning, src.EventWarning)
	host.SetPtr(&dst.EventOther, src.EventOther)
	host.SetPtr(&dst.Variables, src.Variables)
	host.SetPtr(&dst.Names, src.Names)
}

func (s *api) deleteFlowLogLevel(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.Lookup(r, host.KindFlow, r.PathValue("id")); err != nil {
		return err
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		flow, _, err := txFlow(tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		old := tx.Get(host.KindFlowLogLevel, flow.ID)
		if old == nil {
			return apihttp.NotFound()
		}
		tx.Delete(host.KindFlowLogLevel, flow.ID)
		audit.Record(tx, p, audit.Event{Service: "Architect", EntityType: "FlowLogLevel", Action: "Delete", ID: flow.ID, Name: flow.Name, Old: old.Data})
		return nil
	})
}
