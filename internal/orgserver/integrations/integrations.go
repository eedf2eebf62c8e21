package integrations

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Integrations: instances of a few built-in types. An integration's configuration is a
// separate versioned document (config/current); its name and notes are the integration's
// name and notes, so writes to either side keep both in step. DELETE returns the deleted
// integration and removes its data actions with it.
func (s *api) integrationRoutes() {
	s.Route("GET /api/v2/integrations/types", "integrations:integration:view", s.listIntegrationTypes)
	s.Route("GET /api/v2/integrations/types/{typeId}", "integrations:integration:view", s.getIntegrationType)
	s.integrationConfigSchemaRoutes() // configschemas.go
	s.Route("GET /api/v2/integrations/{id}/config/current", "integrations:integration:view", s.getIntegrationConfig)
	s.Route("PUT /api/v2/integrations/{id}/config/current", "integrations:integration:edit", s.putIntegrationConfig)
}

func integrationSelfURI(id string) string { return "/api/v2/integrations/" + id }

// integrationTypes are the built-in types this org offers, in listing order. It is a
// function so no caller can change the table.
func integrationTypes() []platform.IntegrationType {
	mk := func(id, name, desc, category string, dataActions bool) platform.IntegrationType {
		t := platform.IntegrationType{
			ID: host.Ptr(id), Name: host.Ptr(name), Description: host.Ptr(desc), Provider: host.Ptr("genesys"), Category: host.Ptr(category),
			ConfigPropertiesSchemaURI: host.Ptr("/api/v2/integrations/types/" + id + "/configschemas/properties"),
			ConfigAdvancedSchemaURI:   host.Ptr("/api/v2/integrations/types/" + id + "/configschemas/advanced"),
			NonInstallable:            host.Ptr(false), SelfURI: host.Ptr("/api/v2/integrations/types/" + id),
		}
		if dataActions {
			t.UserPermissions = []string{"integrations:action:view"}
		}
		return t
	}
	return []platform.IntegrationType{
		mk("custom-rest-actions", "Web Services Data Actions", "Call REST web services from flows and scripts.", "Data Actions", true),
		mk("embedded-client-app", "Client Application", "Embed a web application in the agent user interface.", "Client Apps", false),
		mk("purecloud-data-actions", "Genesys Cloud Data Actions", "Call the Genesys Cloud Platform API from flows and scripts.", "Data Actions", true),
	}
}

func integrationType(id string) (platform.IntegrationType, bool) {
	for _, t := range integrationTypes() {
		if *t.ID == id {
			return t, true
		}
	}
	return platform.IntegrationType{}, false
}

// hasDataActions reports whether integrations of a type hold data actions.
func hasDataActions(typeID string) bool {
	return typeID == "custom-rest-actions" || typeID == "purecloud-data-actions"
}

func integrationTypeIDs() []string {
	var out []string
	for _, t := range integrationTypes() {
		out = append(out, *t.ID)
	}
	return out
}

func (s *api) listIntegrationTypes(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	var items [][]byte
	for _, t := range integrationTypes() {
		b, _ := json.Marshal(t)
		items = append(items, b)
	}
	return apihttp.WritePage(w, r, p, items)
}

func (s *api) getIntegrationType(w http.ResponseWriter, r *http.Request) error {
	t, ok := integrationType(r.PathValue("typeId"))
	if !ok {
		return apihttp.NotFound()
	}
	return apihttp.OK(w, t)
}

func (s *api) listIntegrations(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	ids := host.SetOf(apihttp.MultiParam(r, "ids"))
	typ := r.URL.Query().Get("integrationType")
	var items [][]byte
	for _, o := range s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, host.KindIntegration, "") {
		if len(ids) > 0 && !ids[o.ID] {
			continue
		}
		if typ != "" {
			var in platform.Integration
			if host.DecodeObject(o, &in) != nil || in.IntegrationType == nil || host.Deref(in.IntegrationType.ID) != typ {
				continue
			}
		}
		items = append(items, o.Data)
	}
	return apihttp.WritePage(w, r, p, items)
}

// reportedState is what the org reports for an intended state: enabling is immediate here.
func reportedState(intended, now string) *platform.IntegrationStatusInfo {
	code, effective := "INACTIVE", "Inactive"
	if intended == "ENABLED" {
		code, effective = "ACTIVE", "Active"
	}
	return &platform.IntegrationStatusInfo{Code: host.Ptr(code), Effective: host.Ptr(effective), LastUpdated: host.Ptr(now)}
}

func (s *api) createIntegration(w http.ResponseWriter, r *http.Request) error {
	var in platform.CreateIntegrationRequest
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if in.IntegrationType == nil || host.Deref(in.IntegrationType.ID) == "" {
		return apihttp.Required("integrationType.id")
	}
	typ, ok := integrationType(*in.IntegrationType.ID)
	if !ok {
		return apihttp.InvalidValue("integrationType.id", *in.IntegrationType.ID, integrationTypeIDs())
	}
	// TF sends only the type; the real org then names the integration after its type.
	name := strings.TrimSpace(host.Deref(in.Name))
	if name == "" {
		name = *typ.Name
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		id := uuid.NewString()
		now := apihttp.FormatTime(tx.Now())
		ig := platform.Integration{
			ID: host.Ptr(id), Name: host.Ptr(name), IntendedState: host.Ptr("DISABLED"), ReportedState: reportedState("DISABLED", now),
			IntegrationType: &platform.IntegrationType{ID: typ.ID, Name: typ.Name, Description: typ.Description,
				Provider: typ.Provider, Category: typ.Category, SelfURI: typ.SelfURI},
			SelfURI: host.Ptr(integrationSelfURI(id)),
		}
		cfg := platform.IntegrationConfiguration{
			ID: host.Ptr(id), Name: host.Ptr(name), Version: host.Ptr(1), Properties: json.RawMessage(`{}`), Advanced: json.RawMessage(`{}`),
			Notes: host.Ptr(""), Credentials: map[string]platform.CredentialInfo{}, SelfURI: host.Ptr(integrationSelfURI(id) + "/config/current"),
		}
		if _, err := entity.Put(tx, host.KindIntegrationConfig, id, id, name, cfg); err != nil {
			return nil, err
		}
		return host.PutAudited(tx, p, host.KindIntegration, ig, audit.Event{Service: "Integrations", EntityType: "Integration", Action: "Create", ID: id, Name: name})
	})
}

// patchIntegration changes the intended state, name or notes; name and notes also change
// in the current configuration, whose version then moves on.
func (s *api) patchIntegration(w http.ResponseWriter, r *http.Request) error {
	var in platform.Integration
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if err := host.CheckEnum("intendedState", in.IntendedState, "ENABLED", "DISABLED"); err != nil {
		return err
	}
	return host.CommitStored(s.Host, w, r, host.KindIntegration, func(tx *store.Tx, p apihttp.Principal, o *store.Object, ig platform.Integration) ([]byte, error) {
		if in.IntendedState != nil && *in.IntendedState != host.Deref(ig.IntendedState) {
			ig.IntendedState = in.IntendedState
			ig.ReportedState = reportedState(*in.IntendedState, apihttp.FormatTime(tx.Now()))
		}
		name := strings.TrimSpace(host.Deref(in.Name))
		if in.Name != nil && name == "" {
			return nil, apihttp.BadRequest("The field [name] must not be empty.")
		}
		if name != "" {
			ig.Name = host.Ptr(name)
		}
		if in.Notes != nil {
			ig.Notes = in.Notes
		}
		if name != "" || in.Notes != nil {
			if err := syncIntegrationConfig(tx, o.ID, ig.Name, in.Notes); err != nil {
				return nil, err
			}
		}
		return host.PutAudited(tx, p, host.KindIntegration, ig, audit.Event{Service: "Integrations", EntityType: "Integration", Action: "Update", ID: o.ID, Name: host.Deref(ig.Name), Old: o.Data})
	})
}

// syncIntegrationConfig carries a name or notes change of the integration into its
// configuration, moving the configuration's version on when anything changed.
func syncIntegrationConfig(tx *store.Tx, id string, name, notes *string) error {
	c, cfg, err := host.FindStored[platform.IntegrationConfiguration](tx.Get, host.KindIntegrationConfig, id)
	if c == nil || err != nil {
		return err
	}
	changed := false
	if name != nil && *name != host.Deref(cfg.Name) {
		cfg.Name, changed = name, true
	}
	if notes != nil && *notes != host.Deref(cfg.Notes) {
		cfg.Notes, changed = notes, true
	}
	if !changed {
		return nil
	}
	cfg.Version = host.Ptr(host.Deref(cfg.Version) + 1)
	_, err = entity.Put(tx, host.KindIntegrationConfig, id, id, host.Deref(cfg.Name), cfg)
	return err
}

// deleteIntegration answers with the integration as it was.
func (s *api) deleteIntegration(w http.ResponseWriter, r *http.Request) error {
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, err := entity.Lookup(tx, host.KindIntegration, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		// The actions live inside the integration; each leaves its own audit record.
		for _, a := range tx.List(host.KindAction, o.ID) {
			host.DeleteAudited(tx, p, a, "Integrations", "Action")
		}
		for _, d := range tx.List(host.KindActionDraft, o.ID) {
			tx.Delete(host.KindActionDraft, d.ID)
		}
		tx.Delete(host.KindIntegrationConfig, o.ID)
		host.DeleteAudited(tx, p, o, "Integrations", "Integration")
		return o.Data, nil
	})
}

func (s *api) getIntegrationConfig(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := s.Lookup(r, host.KindIntegration, id); err != nil {
		return err
	}
	o, err := s.Lookup(r, host.KindIntegrationConfig, id)
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, o.Data)
}

// putIntegrationConfig replaces the current configuration. properties and advanced are
// free-form JSON objects (absent = empty); credentials map a credential slot to an id.
func (s *api) putIntegrationConfig(w http.ResponseWriter, r *http.Request) error {
	var in platform.IntegrationConfiguration
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	for _, f := range []struct {
		field string
		v     *json.RawMessage
	}{{"properties", &in.Properties}, {"advanced", &in.Advanced}} {
		switch t := strings.TrimSpace(string(*f.v)); {
		case t == "" || t == "null":
			*f.v = json.RawMessage(`{}`)
		case !strings.HasPrefix(t, "{"):
			return apihttp.BadRequest("The field [%s] must be a JSON object.", f.field)
		}
	}
	creds := map[string]platform.CredentialInfo{}
	for slot, c := range in.Credentials {
		if host.Deref(c.ID) == "" {
			return apihttp.Required("credentials." + slot + ".id")
		}
		creds[slot] = platform.CredentialInfo{ID: c.ID, Name: c.Name, SelfURI: host.Ptr("/api/v2/integrations/credentials/" + *c.ID)}
	}
	var out []byte
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		ig, err := entity.Lookup(tx, host.KindIntegration, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		c, old, err := host.LoadVersioned(tx, host.KindIntegrationConfig, ig.ID, in.Version, func(v platform.IntegrationConfiguration) *int { return v.Version })
		if err != nil {
			return nil, err
		}
		name := strings.TrimSpace(host.Deref(in.Name))
		if name == "" {
			name = host.Deref(old.Name)
		}
		cfg := platform.IntegrationConfiguration{
			ID: host.Ptr(ig.ID), Name: host.Ptr(name), Version: host.Ptr(host.Deref(old.Version) + 1),
			Properties: in.Properties, Advanced: in.Advanced, Notes: host.Ptr(host.Deref(in.Notes)), Credentials: creds,
			SelfURI: old.SelfURI,
		}
		if out, err = entity.Put(tx, host.KindIntegrationConfig, ig.ID, ig.ID, name, cfg); err != nil {
			return nil, err
		}
		if err := ensureCustomAuthAction(tx, p, ig, creds); err != nil { // custom_auth_actions.go
			return nil, err
		}
		var doc platform.Integration
		if err := host.DecodeObject(ig, &doc); err != nil {
			return nil, err
		}
		if host.Deref(doc.Name) != name || host.Deref(doc.Notes) != host.Deref(cfg.Notes) {
			doc.Name = host.Ptr(name)
			doc.Notes = cfg.Notes
			if host.Deref(cfg.Notes) == "" {
				doc.Notes = nil
			}
			if _, err := entity.Put(tx, host.KindIntegration, ig.ID, "", name, doc); err != nil {
				return nil, err
			}
		}
		audit.Record(tx, p, audit.Event{Service: "Integrations", EntityType: "Integration", Action: "Update", ID: ig.ID, Name: name, Old: c.Data, New: out})
		return out, nil
	})
}
