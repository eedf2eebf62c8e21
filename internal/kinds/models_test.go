package kinds

import (
	"strings"
	"testing"
)

// Every model a kind names must be in the embedded list, or the local org could not
// validate its bodies; a missing one means models_gen.json is stale (run go generate).
func TestModelListCoversCatalogue(t *testing.T) {
	for _, k := range Genesys().All() {
		for _, m := range []string{k.Model, k.CreateModel, k.UpdateModel} {
			if m != "" && ModelOf(m) == nil {
				t.Errorf("%s: model %q is not in models_gen.json; run go generate ./internal/kinds", k.Name, m)
			}
		}
	}
	if f := FieldOf("Queue", "scoringMethod"); f == nil || len(f.Enum) == 0 {
		t.Errorf("Queue.scoringMethod carries no enum values: %+v", f)
	}
	if f := FieldOf("EmergencyGroup", "name"); f == nil || !f.Required {
		t.Errorf("EmergencyGroup.name is not required: %+v", f)
	}
	if elem, ok := ArrayElem("Array<EmergencyCallFlow>"); !ok || elem != "EmergencyCallFlow" || !IsModel(elem) {
		t.Errorf("ArrayElem(Array<EmergencyCallFlow>) = %q, %v", elem, ok)
	}
	if elem, ok := MapElem("{ [key: string]: MediaUtilization; }"); !ok || elem != "MediaUtilization" {
		t.Errorf("MapElem = %q, %v", elem, ok)
	}
}

// A field the API takes without must be one the model list marks required, in the kind's
// create or update model: otherwise the exception says nothing.
func TestTakesWithoutNamesRequiredFields(t *testing.T) {
	for _, k := range Genesys().All() {
		for _, path := range k.TakesWithout {
			if !requiredAt(k.RequestModel("POST"), Steps(path)) && !requiredAt(k.RequestModel(k.API.Update), Steps(path)) {
				t.Errorf("%s: %s is not a required field of its request models", k.Name, path)
			}
		}
	}
}

// requiredAt reports whether the field at the path's steps is required in model.
func requiredAt(model string, steps []string) bool {
	name, _ := strings.CutSuffix(steps[0], "[]")
	f := FieldOf(model, name)
	if f == nil {
		return false
	}
	if len(steps) == 1 {
		return f.Required
	}
	if elem, ok := ArrayElem(f.Type); ok {
		return requiredAt(elem, steps[1:])
	}
	return requiredAt(f.Type, steps[1:])
}
