package integrations

import (
	"encoding/json"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// The custom auth action of a web services data actions integration: the org makes it when
// the integration's configuration gets a user-defined OAuth credential, under an id derived
// from the integration's, and it is then read and changed (PATCH) like any data action. No
// one creates or deletes it; it goes with its integration.

// userDefinedOAuth is the credential type that gives an integration a custom auth action.
const userDefinedOAuth = "userDefinedOAuth"

// customAuthActionID is the id of an integration's custom auth action, as the API names it.
func customAuthActionID(integrationID string) string {
	return kinds.CustomAuthActionPrefix + integrationID
}

// ensureCustomAuthAction makes the integration's custom auth action when its configuration
// holds a user-defined OAuth credential and the action does not exist yet.
func ensureCustomAuthAction(tx *store.Tx, p apihttp.Principal, ig *store.Object, creds map[string]platform.CredentialInfo) error {
	id := customAuthActionID(ig.ID)
	if tx.Get(host.KindAction, id) != nil || !holdsUserDefinedOAuth(tx, creds) {
		return nil
	}
	var doc platform.Integration
	if err := host.DecodeObject(ig, &doc); err != nil {
		return err
	}
	if doc.IntegrationType == nil || !hasDataActions(host.Deref(doc.IntegrationType.ID)) {
		return nil
	}
	name := "Custom Auth - " + ig.Name
	a, err := buildAction(tx, ig.ID, id, 1, actionFields{name: &name, config: customAuthDefaultConfig(), contract: &platform.ActionContractInput{
		Input:  &platform.PostInputContract{InputSchema: json.RawMessage(`{"type":"object","properties":{}}`)},
		Output: &platform.PostOutputContract{SuccessSchema: json.RawMessage(`{"type":"object","properties":{"token":{"type":"string"}}}`)},
	}}, nil, false)
	if err != nil {
		return err
	}
	_, err = host.PutChildAudited(tx, p, host.KindAction, ig.ID, a,
		audit.Event{Service: "Integrations", EntityType: "Action", Action: "Create", ID: id, Name: name})
	return err
}

// holdsUserDefinedOAuth reports whether one of the credentials is of the user-defined OAuth
// type.
func holdsUserDefinedOAuth(tx *store.Tx, creds map[string]platform.CredentialInfo) bool {
	for _, c := range creds {
		o := tx.Get(store.Kind(kinds.IntegrationCredential), host.Deref(c.ID))
		if o == nil {
			continue
		}
		var cred map[string]any
		if json.Unmarshal(o.Data, &cred) != nil {
			continue
		}
		if kinds.Get(cred, "type.name") == userDefinedOAuth {
			return true
		}
	}
	return false
}

// customAuthDefaultConfig is what a new custom auth action does until someone changes it: post
// to the credential's login URL and answer the raw result.
func customAuthDefaultConfig() *platform.ActionConfig {
	return &platform.ActionConfig{
		Request: &platform.RequestConfig{RequestUrlTemplate: host.Ptr("${credentials.loginUrl}"), RequestType: host.Ptr("POST"),
			RequestTemplate: host.Ptr("${input.rawRequest}")},
		Response: &platform.ResponseConfig{SuccessTemplate: host.Ptr("${rawResult}")},
	}
}
