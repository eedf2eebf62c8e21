package directory

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/google/uuid"
)

// Presence definitions: the presences a user can be in. Every org starts with the system
// ones (Available, Away, Busy, …, one per system presence), which configurations refer to by
// name (e.g. a flow's or a schedule's "set presence"). The API has two views of them:
// /presence/definitions (OrganizationPresenceDefinition, one unpaged listing) and the older
// /presencedefinitions (OrganizationPresence, page-number paging). The local org seeds the
// system definitions; custom ones are created, replaced and deleted by the generic entity's
// handlers (host.Host.EntityKindRoutes and EntityWrites, from the catalogue's
// kinds.PresenceDefinition) and listed here.
func (s *api) presenceRoutes() {
	s.EntityKindRoutes(kinds.PresenceDefinition, host.KindHandlers{List: s.listPresenceDefinitions,
		Get: s.Stored(host.KindPresenceDefinition)}, host.WriteRules{})
	// The older view writes the same objects and answers them as OrganizationPresence.
	custom := kinds.Genesys().Named(kinds.PresenceDefinition)
	legacy := s.EntityWrites(custom, organizationPresenceView)
	s.Route("POST /api/v2/presencedefinitions", custom.PermissionFor("POST"), legacy.Create)
	s.Route("PUT /api/v2/presencedefinitions/{id}", custom.PermissionFor("PUT"), legacy.Update)
	s.Route("DELETE /api/v2/presencedefinitions/{id}", custom.PermissionFor("DELETE"), legacy.Delete)
	s.Route("GET /api/v2/presencedefinitions", "presence:presenceDefinition:view", s.listOrganizationPresences)
	s.Route("GET /api/v2/presencedefinitions/{id}", "presence:presenceDefinition:view", s.getOrganizationPresence)
	s.Route("GET /api/v2/systempresences", "presence:presenceDefinition:view", s.listSystemPresences)
}

// host.KindPresenceDefinition holds OrganizationPresenceDefinition JSON, one per presence.

// systemPresences are the system presences of Genesys Cloud, in the API's spelling
// (OrganizationPresenceDefinition.systemPresence); each org has one definition of each.
func systemPresences() []string {
	return []string{"Available", "Away", "Break", "Busy", "Idle", "Meal", "Meeting", "Offline", "On Queue", "Training"}
}

// presenceDefinition is the API model OrganizationPresenceDefinition.
type presenceDefinition struct {
	ID             string            `json:"id"`
	Name           string            `json:"name,omitempty"`
	Type           string            `json:"type"`
	LanguageLabels map[string]string `json:"languageLabels"`
	SystemPresence string            `json:"systemPresence"`
	Deactivated    bool              `json:"deactivated"`
	SelfURI        string            `json:"selfUri"`
}

// organizationPresence is the API model OrganizationPresence (the /presencedefinitions view).
type organizationPresence struct {
	ID             string            `json:"id"`
	Name           string            `json:"name,omitempty"`
	LanguageLabels map[string]string `json:"languageLabels"`
	SystemPresence string            `json:"systemPresence"`
	Deactivated    bool              `json:"deactivated"`
	Primary        bool              `json:"primary"`
	SelfURI        string            `json:"selfUri"`
}

// SeedPresenceDefinitions adds one system definition per system presence: every new org
// has them.
func SeedPresenceDefinitions(tx *store.Tx) error {
	for _, sp := range systemPresences() {
		id := uuid.NewString()
		d := presenceDefinition{ID: id, Name: sp, Type: "System", LanguageLabels: map[string]string{"en_US": sp},
			SystemPresence: sp, SelfURI: "/api/v2/presence/definitions/" + id}
		if _, err := entity.Put(tx, host.KindPresenceDefinition, id, "", sp, d); err != nil {
			return err
		}
	}
	return nil
}

// presenceDefinitions reads the org's definitions, honouring the deactivated filter both
// listings have (default: active definitions only).
func (s *api) presenceDefinitions(r *http.Request, param string) ([]presenceDefinition, error) {
	want := strings.ToLower(r.URL.Query().Get(param))
	if want == "" {
		want = "false"
	}
	if err := host.CheckEnum(param, &want, "true", "false", "all"); err != nil {
		return nil, err
	}
	var out []presenceDefinition
	for _, o := range s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, host.KindPresenceDefinition, "") {
		var d presenceDefinition
		if err := host.DecodeObject(o, &d); err != nil {
			return nil, err
		}
		if want == "all" || d.Deactivated == (want == "true") {
			out = append(out, d)
		}
	}
	return out, nil
}

func (s *api) listPresenceDefinitions(w http.ResponseWriter, r *http.Request) error {
	defs, err := s.presenceDefinitions(r, "deactivated")
	if err != nil {
		return err
	}
	if defs == nil {
		defs = []presenceDefinition{}
	}
	return apihttp.OK(w, map[string]any{"total": len(defs), "entities": defs, "selfUri": "/api/v2/presence/definitions"})
}

func asOrganizationPresence(d presenceDefinition) organizationPresence {
	return organizationPresence{ID: d.ID, Name: d.Name, LanguageLabels: d.LanguageLabels, SystemPresence: d.SystemPresence,
		Deactivated: d.Deactivated, Primary: d.Type == "System", SelfURI: "/api/v2/presencedefinitions/" + d.ID}
}

// organizationPresenceView turns a stored OrganizationPresenceDefinition into the
// OrganizationPresence the /presencedefinitions view answers.
func organizationPresenceView(stored []byte) ([]byte, error) {
	var d presenceDefinition
	if err := json.Unmarshal(stored, &d); err != nil {
		return nil, fmt.Errorf("decode stored presence definition: %w", err)
	}
	return json.Marshal(asOrganizationPresence(d))
}

func (s *api) listOrganizationPresences(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	defs, err := s.presenceDefinitions(r, "deleted")
	if err != nil {
		return err
	}
	items := make([][]byte, 0, len(defs))
	for _, d := range defs {
		b, err := json.Marshal(asOrganizationPresence(d))
		if err != nil {
			return err
		}
		items = append(items, b)
	}
	return apihttp.WritePage(w, r, p, items)
}

func (s *api) getOrganizationPresence(w http.ResponseWriter, r *http.Request) error {
	_, d, err := host.LookupAs[presenceDefinition](s.Host, r, host.KindPresenceDefinition, r.PathValue("id"))
	if err != nil {
		return err
	}
	return apihttp.OK(w, asOrganizationPresence(d))
}

// listSystemPresences is GET /systempresences: the system presences (SystemPresence), the
// same in every org.
func (s *api) listSystemPresences(w http.ResponseWriter, r *http.Request) error {
	type systemPresence struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	out := []systemPresence{}
	for _, sp := range systemPresences() {
		out = append(out, systemPresence{ID: strings.ToUpper(strings.ReplaceAll(sp, " ", "_")), Name: sp})
	}
	return apihttp.OK(w, out)
}
