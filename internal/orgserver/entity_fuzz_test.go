package orgserver

import (
	"encoding/json"
	"testing"
)

// FuzzEntityWrite sends fuzzed bodies to the create and update of every generic kind
// (model validation, references, versions, projection) and checks the contract every
// response keeps: no panic, no 5xx, the API error body on 4xx.
func FuzzEntityWrite(f *testing.F) {
	fo := newFuzzOrg(f)
	for _, k := range genericKinds() {
		b, _ := json.Marshal(minimalBody(k.RequestModel("POST"), "Fuzz "+k.Noun))
		f.Add(string(b))
	}
	for _, s := range []string{
		`{"name":"Fire","enabled":true,"description":"Evacuate","emergencyCallFlows":[{"emergencyFlow":{"id":"x"},"ivrs":[{"id":"y"}]}]}`,
		`{"name":"Fire","emergencyCallFlows":[{"ivrs":[null,{},{"id":7}]},null,"x"]}`,
		`{"name":"Voice","utilization":{"maximumCapacity":3,"interruptingLabelIds":["a","b"]}}`,
		`{"name":"Replies","version":1,"responseType":"MessagingTemplate","division":{"id":"nope"}}`,
		`{"name":"X","version":1e300}`, `{"name":"X","version":"1"}`, `{"name":"\u0000"}`,
		`{"name":""}`, `{"name":123}`, `{}`, `null`, `[]`, `{`, ``,
	} {
		f.Add(s)
	}
	kinds := genericKinds()
	ids := make([]string, len(kinds))
	for i, k := range kinds {
		b, _ := json.Marshal(minimalBody(k.RequestModel("POST"), "Fuzz target "+k.Noun))
		ids[i] = fo.createID(f, k.API.Collection, string(b))
	}
	f.Fuzz(func(t *testing.T, body string) {
		fo.maybeReset(t)
		for i, k := range kinds {
			checkResponse(t, "POST "+k.API.Collection, fo.serve(t, "POST", k.API.Collection, "", body))
			if k.API.Update != "" && ids[i] != "" {
				checkResponse(t, k.API.Update+" "+k.API.Item("{id}"), fo.serve(t, k.API.Update, k.API.Item(ids[i]), "", body))
			}
		}
	})
}
