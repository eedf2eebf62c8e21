package check

import (
	"encoding/json"
	"io"
	"path"
	"sort"
)

// SARIF 2.1.0 (OASIS), the subset code-scanning services read: one run, the tool's rules,
// and a result per finding with its physical location. Suppressed findings are results too,
// carrying a suppression with the written reason, as the standard provides.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations,omitempty"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

// sarifLevel maps a severity to SARIF's result level.
func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// WriteSARIF writes the report as a SARIF 2.1.0 log.
func (r *Report) WriteSARIF(w io.Writer) error {
	type entry struct {
		f      Finding
		reason string
	}
	var entries []entry
	for _, f := range r.Findings {
		entries = append(entries, entry{f: f})
	}
	for _, s := range r.Suppressed {
		entries = append(entries, entry{f: s.Finding, reason: s.Reason})
	}
	ruleIndex := map[string]int{}
	var ids []string
	for _, e := range entries {
		if _, ok := ruleIndex[e.f.ID()]; !ok {
			ruleIndex[e.f.ID()] = 0
			ids = append(ids, e.f.ID())
		}
	}
	sort.Strings(ids)
	rules := make([]sarifRule, len(ids))
	for i, id := range ids {
		ruleIndex[id] = i
		rules[i] = sarifRule{ID: id, ShortDescription: sarifMessage{Text: ruleDescription(id)}}
	}
	results := make([]sarifResult, 0, len(entries))
	for _, e := range entries {
		res := sarifResult{RuleID: e.f.ID(), RuleIndex: ruleIndex[e.f.ID()], Level: sarifLevel(e.f.Severity),
			Message: sarifMessage{Text: e.f.Message}}
		file := e.f.Pos.File
		if file == "" {
			// A project-level finding points at the project's directory.
			file = e.f.Project
		}
		if file == "" {
			file = "cx.hcl"
		}
		loc := sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: path.Join(r.RepositoryPath, file)}}
		if e.f.Pos.Line > 0 {
			loc.Region = &sarifRegion{StartLine: e.f.Pos.Line, StartColumn: e.f.Pos.Column}
		}
		res.Locations = []sarifLocation{{PhysicalLocation: loc}}
		if e.reason != "" {
			res.Suppressions = []sarifSuppression{{Kind: "external", Justification: e.reason}}
		}
		results = append(results, res)
	}
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{{
		Tool:    sarifTool{Driver: sarifDriver{Name: "cx check", InformationURI: "https://github.com/cxascode/cxascode", Rules: rules}},
		Results: results,
	}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
