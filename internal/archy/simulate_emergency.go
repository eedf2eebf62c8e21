package archy

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Emergency groups in a simulated call. An emergency group is a switch: while it is active
// (enabled), calls to the IVRs (call routes) it lists go to its emergency flow whatever the
// time, and Genesys Cloud evaluates emergencies before the holiday, closed and open schedules
// (help.mypurecloud.com "Activate or deactivate an emergency group"; "Evaluate Schedule Group
// action": schedules are evaluated in the order emergency, holiday, closed, open). Inside a
// flow, evaluateScheduleGroup takes its emergency output when its emergency group is active,
// and evaluateSchedule with an emergency group takes active or inactive by the group's state.

// StateEmergency is the state of a call route whose emergency group is active.
const StateEmergency GroupState = "emergency"

// EmergencyGroup is an org's emergency group as the simulator needs it.
type EmergencyGroup struct {
	ID, Name string
	// Enabled is whether the group is active.
	Enabled   bool
	CallFlows []EmergencyCallFlow
}

// EmergencyCallFlow is the flow (by id) that calls to the listed IVRs (by id) go to.
type EmergencyCallFlow struct {
	Flow string
	IVRs []string
}

// EmergencyOrg is an Org that can show its emergency groups. Without it no emergency group
// is ever active in a simulation.
type EmergencyOrg interface {
	EmergencyGroups() []EmergencyGroup
}

// EmergencyGroupFromAPI reads the API model EmergencyGroup (JSON) as far as routing needs it.
func EmergencyGroupFromAPI(data []byte) (EmergencyGroup, error) {
	type ref struct {
		ID string `json:"id"`
	}
	var g struct {
		ID                 string `json:"id"`
		Name               string `json:"name"`
		Enabled            bool   `json:"enabled"`
		EmergencyCallFlows []struct {
			EmergencyFlow ref   `json:"emergencyFlow"`
			Ivrs          []ref `json:"ivrs"`
		} `json:"emergencyCallFlows"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return EmergencyGroup{}, fmt.Errorf("read an emergency group: %w", err)
	}
	eg := EmergencyGroup{ID: g.ID, Name: g.Name, Enabled: g.Enabled}
	for _, cf := range g.EmergencyCallFlows {
		flow := EmergencyCallFlow{Flow: cf.EmergencyFlow.ID}
		for _, ivr := range cf.Ivrs {
			flow.IVRs = append(flow.IVRs, ivr.ID)
		}
		eg.CallFlows = append(eg.CallFlows, flow)
	}
	return eg, nil
}

// activeEmergencyFor finds the active group routing calls to the IVR, and its flow's id.
func activeEmergencyFor(org Org, ivrID string) (EmergencyGroup, string, bool) {
	eo, ok := org.(EmergencyOrg)
	if !ok {
		return EmergencyGroup{}, "", false
	}
	for _, g := range eo.EmergencyGroups() {
		if !g.Enabled {
			continue
		}
		for _, cf := range g.CallFlows {
			if cf.Flow != "" && slices.Contains(cf.IVRs, ivrID) {
				return g, cf.Flow, true
			}
		}
	}
	return EmergencyGroup{}, "", false
}

// emergencyGroupNamed finds an emergency group by name, ignoring case.
func (s *simulator) emergencyGroupNamed(name string) (EmergencyGroup, bool) {
	eo, ok := s.org.(EmergencyOrg)
	if !ok {
		return EmergencyGroup{}, false
	}
	for _, g := range eo.EmergencyGroups() {
		if strings.EqualFold(g.Name, name) {
			return g, true
		}
	}
	return EmergencyGroup{}, false
}

// emergencyOf reads an action's emergencyGroup input: its literal name ("" when the action
// names none). ok is false, with the call failed by the flow's error handling, when it names a
// group the org does not have.
func (s *simulator) emergencyOf(fr *frame, k, body *yaml.Node) (g EmergencyGroup, named, ok bool) {
	v := mapValue(body, "emergencyGroup")
	if v == nil || mapValue(v, "noValue") != nil {
		return EmergencyGroup{}, false, true
	}
	ns := namesIn("emergencyGroup", v)
	if len(ns) == 0 {
		return EmergencyGroup{}, false, true
	}
	g, found := s.emergencyGroupNamed(ns[0].Value)
	if !found {
		s.fail(fr, k, fmt.Sprintf("emergency group %q does not exist in the org", ns[0].Value))
		return EmergencyGroup{}, true, false
	}
	return g, true, true
}
