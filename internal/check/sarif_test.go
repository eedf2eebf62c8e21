package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// validateSARIF checks a SARIF log against the rules of the SARIF 2.1.0 schema for every
// property cx check writes: required properties present, types and enumerations as the
// schema declares them, numbers in range, and ruleIndex pointing at the rule of ruleId.
// The official schema is not vendored, so the structure is checked here, field by field.
func validateSARIF(data []byte) error {
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if log["version"] != "2.1.0" {
		return fmt.Errorf("version = %v, want 2.1.0", log["version"])
	}
	if _, ok := log["$schema"].(string); !ok {
		return fmt.Errorf("$schema must be a string")
	}
	runs, ok := log["runs"].([]any)
	if !ok || len(runs) == 0 {
		return fmt.Errorf("runs must be a non-empty array")
	}
	for i, r := range runs {
		if err := validateRun(r); err != nil {
			return fmt.Errorf("runs[%d]: %w", i, err)
		}
	}
	return nil
}

func validateRun(r any) error {
	run, ok := r.(map[string]any)
	if !ok {
		return fmt.Errorf("not an object")
	}
	tool, _ := run["tool"].(map[string]any)
	driver, _ := tool["driver"].(map[string]any)
	if driver == nil {
		return fmt.Errorf("tool.driver is required")
	}
	if name, _ := driver["name"].(string); name == "" {
		return fmt.Errorf("tool.driver.name is required")
	}
	rules, _ := driver["rules"].([]any)
	var ruleIDs []string
	for i, ru := range rules {
		rule, _ := ru.(map[string]any)
		id, _ := rule["id"].(string)
		if id == "" {
			return fmt.Errorf("rules[%d].id is required", i)
		}
		if d, ok := rule["shortDescription"].(map[string]any); ok {
			if _, ok := d["text"].(string); !ok {
				return fmt.Errorf("rules[%d].shortDescription.text is required", i)
			}
		}
		ruleIDs = append(ruleIDs, id)
	}
	results, ok := run["results"].([]any)
	if !ok {
		return fmt.Errorf("results must be an array")
	}
	for i, re := range results {
		if err := validateResult(re, ruleIDs); err != nil {
			return fmt.Errorf("results[%d]: %w", i, err)
		}
	}
	return nil
}

func validateResult(re any, ruleIDs []string) error {
	res, ok := re.(map[string]any)
	if !ok {
		return fmt.Errorf("not an object")
	}
	msg, _ := res["message"].(map[string]any)
	if text, _ := msg["text"].(string); text == "" {
		return fmt.Errorf("message.text is required")
	}
	switch res["level"] {
	case "none", "note", "warning", "error":
	default:
		return fmt.Errorf("level %v is not one of none, note, warning, error", res["level"])
	}
	id, _ := res["ruleId"].(string)
	idx, ok := res["ruleIndex"].(float64)
	if !ok || idx < 0 || int(idx) >= len(ruleIDs) || ruleIDs[int(idx)] != id {
		return fmt.Errorf("ruleIndex %v does not point at rule %q", res["ruleIndex"], id)
	}
	locs, _ := res["locations"].([]any)
	for j, l := range locs {
		loc, _ := l.(map[string]any)
		phys, _ := loc["physicalLocation"].(map[string]any)
		art, _ := phys["artifactLocation"].(map[string]any)
		if uri, _ := art["uri"].(string); uri == "" {
			return fmt.Errorf("locations[%d].physicalLocation.artifactLocation.uri is required", j)
		}
		if region, ok := phys["region"].(map[string]any); ok {
			if line, _ := region["startLine"].(float64); line < 1 {
				return fmt.Errorf("locations[%d] region.startLine must be >= 1", j)
			}
			if col, present := region["startColumn"]; present && col.(float64) < 1 {
				return fmt.Errorf("locations[%d] region.startColumn must be >= 1", j)
			}
		}
	}
	sups, _ := res["suppressions"].([]any)
	for j, s := range sups {
		sup, _ := s.(map[string]any)
		if k := sup["kind"]; k != "inSource" && k != "external" {
			return fmt.Errorf("suppressions[%d].kind %v is not inSource or external", j, k)
		}
		if _, ok := sup["justification"].(string); !ok {
			return fmt.Errorf("suppressions[%d].justification must be a string", j)
		}
	}
	return nil
}

func sampleReport() *Report {
	cfg := DefaultConfig()
	cfg.Suppressions = []Suppression{{ID: "hard-coded", Path: "flow-a", Reason: "same URL in every org"}}
	found := []Finding{
		ruleReachInRemoteState.at("flow-a", Pos{File: "flow-a/main.tf", Line: 3, Column: 1}, "remote state"),
		ruleHygieneUngated.at("", Pos{File: "cx.hcl", Line: 9, Column: 1}, "prod is ungated"),
		ruleMonolithFlows.at("big", Pos{}, "two flows"),
		ruleHardCodedURL.at("flow-a", Pos{File: "flow-a/main.tf", Line: 7, Column: 12}, "a URL"),
	}
	return assemble("sample", found, cfg)
}

func TestCheckSARIFValidates(t *testing.T) {
	var buf bytes.Buffer
	if err := sampleReport().WriteSARIF(&buf); err != nil {
		t.Fatal(err)
	}
	if err := validateSARIF(buf.Bytes()); err != nil {
		t.Fatalf("SARIF does not validate: %v\n%s", err, buf.String())
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct{ Justification string }
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	results := log.Runs[0].Results
	if len(results) != 4 {
		t.Fatalf("%d results, want 4 (3 findings, 1 suppressed)", len(results))
	}
	last := results[3]
	if last.RuleID != "hard-coded/url" || len(last.Suppressions) != 1 || last.Suppressions[0].Justification != "same URL in every org" {
		t.Errorf("the suppressed finding is not a result with its justification: %+v", last)
	}
}

// TestCheckSARIFValidatorRejects makes sure the validator catches what it claims to.
func TestCheckSARIFValidatorRejects(t *testing.T) {
	for name, doc := range map[string]string{
		"version":   `{"version":"2.0.0","$schema":"x","runs":[]}`,
		"no runs":   `{"version":"2.1.0","$schema":"x","runs":[]}`,
		"no driver": `{"version":"2.1.0","$schema":"x","runs":[{"tool":{},"results":[]}]}`,
		"level":     `{"version":"2.1.0","$schema":"x","runs":[{"tool":{"driver":{"name":"c","rules":[{"id":"a"}]}},"results":[{"ruleId":"a","ruleIndex":0,"level":"fatal","message":{"text":"m"}}]}]}`,
		"index":     `{"version":"2.1.0","$schema":"x","runs":[{"tool":{"driver":{"name":"c","rules":[{"id":"a"}]}},"results":[{"ruleId":"b","ruleIndex":0,"level":"note","message":{"text":"m"}}]}]}`,
		"line":      `{"version":"2.1.0","$schema":"x","runs":[{"tool":{"driver":{"name":"c","rules":[{"id":"a"}]}},"results":[{"ruleId":"a","ruleIndex":0,"level":"note","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"f"},"region":{"startLine":0}}}]}]}]}`,
	} {
		if validateSARIF([]byte(doc)) == nil {
			t.Errorf("%s: accepted an invalid log", name)
		}
	}
}

// SARIF locations are read relative to the repository, so a workspace in a subdirectory
// has its path in front of every file.
func TestCheckSARIFPathsFromRepositoryRoot(t *testing.T) {
	if _, ok := repositoryRoot("."); !ok {
		t.Skip("not in a git checkout: no repository root to be relative to")
	}
	report, err := Run("testdata/reach-in")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteSARIF(&buf); err != nil {
		t.Fatal(err)
	}
	if err := validateSARIF(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if want := `"uri": "internal/check/testdata/reach-in/flow-claims/main.tf"`; !bytes.Contains(buf.Bytes(), []byte(want)) {
		t.Errorf("SARIF lacks %s:\n%s", want, buf.String())
	}
}
