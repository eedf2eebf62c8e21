package provider

import (
	"reflect"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// A child kind's request leaves its parent to the path and names sibling objects by their
// own ids; its answer names them by the ids their resources hold, under its own parent.
func TestChildKindRequestsAndAnswers(t *testing.T) {
	k := kinds.Genesys().Named(kinds.WorktypeStatus)
	body := apiObject{"name": "Received", "worktype": map[string]any{"id": "w1"},
		"destinationStatusIds": []any{"w1/s2", "s3"}, "defaultDestinationStatusId": "w1/s2"}
	childRequest(k, body)
	want := apiObject{"name": "Received", "destinationStatusIds": []any{"s2", "s3"}, "defaultDestinationStatusId": "s2"}
	if !reflect.DeepEqual(body, want) {
		t.Errorf("request = %v, want %v", body, want)
	}

	answer := apiObject{"id": "s1", "worktype": map[string]any{"id": "w1"},
		"destinationStatuses": []any{map[string]any{"id": "s2"}}, "defaultDestinationStatus": map[string]any{"id": "s2"}}
	childAnswer(k, answer)
	if got := kinds.Get(answer, "destinationStatuses[].id"); !reflect.DeepEqual(got, []any{"w1/s2"}) {
		t.Errorf("destination statuses read as %v", got)
	}
	if got := kinds.Get(answer, "defaultDestinationStatus.id"); got != "w1/s2" {
		t.Errorf("default destination read as %v", got)
	}
	r := &kindResource{kind: k}
	if id := r.resourceID(answer); id != "w1/s1" {
		t.Errorf("resource id = %q, want w1/s1", id)
	}
	// A kind without a parent is left as it is.
	skill := kinds.Genesys().Named(kinds.Skill)
	plain := apiObject{"name": "x", "id": "a"}
	childRequest(skill, plain)
	childAnswer(skill, plain)
	if !reflect.DeepEqual(plain, apiObject{"name": "x", "id": "a"}) || (&kindResource{kind: skill}).resourceID(plain) != "a" {
		t.Errorf("a kind without a parent changed: %v", plain)
	}
}
