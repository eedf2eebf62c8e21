package kinds

import "testing"

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
