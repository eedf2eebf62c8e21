package release

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"
)

func queueChange(actions tfjson.Actions, before, after map[string]any, unknown, sensitive any) *tfjson.ResourceChange {
	return &tfjson.ResourceChange{Address: "genesyscloud_routing_queue.q", Type: "genesyscloud_routing_queue",
		Mode: tfjson.ManagedResourceMode, Change: &tfjson.Change{Actions: actions, Before: before, After: after,
			AfterUnknown: unknown, AfterSensitive: sensitive, BeforeSensitive: sensitive}}
}

func TestDiffPlans(t *testing.T) {
	noop := tfjson.Actions{tfjson.ActionNoop}
	update := tfjson.Actions{tfjson.ActionUpdate}
	state := map[string]any{"id": "1", "name": "Q", "skill_evaluation_method": "ALL", "members": []any{}}
	best := map[string]any{"id": "1", "name": "Q", "skill_evaluation_method": "BEST", "members": []any{}}
	tests := []struct {
		name      string
		current   []*tfjson.ResourceChange
		candidate []*tfjson.ResourceChange
		want      []ResourceDiff
	}{
		{name: "same plans", current: nil, candidate: nil},
		{name: "both update the same way",
			current:   []*tfjson.ResourceChange{queueChange(update, state, best, nil, nil)},
			candidate: []*tfjson.ResourceChange{queueChange(update, state, best, nil, nil)}},
		{name: "only the candidate changes a default; the current plan had no changes",
			candidate: []*tfjson.ResourceChange{queueChange(update, state, best, map[string]any{}, nil)},
			want: []ResourceDiff{{Address: "genesyscloud_routing_queue.q", Kind: "genesyscloud_routing_queue",
				CurrentActions: []string{"no-op"}, CandidateActions: []string{"update"},
				Attributes: []AttributeChange{{Path: "skill_evaluation_method", Current: "ALL", Candidate: "BEST"}}}}},
		{name: "an attribute the candidate leaves unknown",
			current:   []*tfjson.ResourceChange{queueChange(noop, state, state, nil, nil)},
			candidate: []*tfjson.ResourceChange{queueChange(update, state, map[string]any{"id": "1", "name": "Q", "skill_evaluation_method": "ALL", "members": []any{}}, map[string]any{"id": true}, nil)},
			want: []ResourceDiff{{Address: "genesyscloud_routing_queue.q", Kind: "genesyscloud_routing_queue",
				CurrentActions: []string{"no-op"}, CandidateActions: []string{"update"},
				Attributes: []AttributeChange{{Path: "id", Current: "1", Candidate: unknownValue}}}}},
		{name: "a sensitive attribute is masked",
			current: []*tfjson.ResourceChange{queueChange(noop, map[string]any{"secret": "a"}, map[string]any{"secret": "a"}, nil, map[string]any{"secret": true})},
			candidate: []*tfjson.ResourceChange{queueChange(update, map[string]any{"secret": "a"}, map[string]any{"secret": "b"}, nil,
				map[string]any{"secret": true})},
			want: []ResourceDiff{{Address: "genesyscloud_routing_queue.q", Kind: "genesyscloud_routing_queue",
				CurrentActions: []string{"no-op"}, CandidateActions: []string{"update"},
				Attributes: []AttributeChange{{Path: "secret", Current: sensitiveValue, Candidate: sensitiveValue}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, DiffPlans(tt.current, tt.candidate)); diff != "" {
				t.Errorf("DiffPlans (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUpgradeReportExitCode(t *testing.T) {
	clean := UpgradeReport{Envs: []EnvUpgrade{{Env: "dev", Projects: []ProjectUpgrade{{Project: "a"}}}}}
	differs := UpgradeReport{Envs: []EnvUpgrade{{Env: "dev", Projects: []ProjectUpgrade{{Project: "a", Resources: []ResourceDiff{{Address: "x.y"}}}}}}}
	failed := UpgradeReport{Envs: []EnvUpgrade{{Env: "dev", Projects: []ProjectUpgrade{{Project: "a", Resources: []ResourceDiff{{Address: "x.y"}}}, {Project: "b", Error: "failed"}}}}}
	for _, tt := range []struct {
		report UpgradeReport
		want   int
	}{{clean, 0}, {differs, 2}, {failed, 1}} {
		if got := tt.report.ExitCode(); got != tt.want {
			t.Errorf("ExitCode of %+v = %d, want %d", tt.report, got, tt.want)
		}
	}
}
