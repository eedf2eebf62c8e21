package integrations

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Data actions of an integration. Contract schemas are arbitrary JSON Schema and are kept
// byte for byte as sent (TF compares them on read). Reads leave out the contract unless
// expand=contract and the config unless includeConfig=true, as the real API does.
// A draft is a separate document with the id of the action it becomes on publish.
func (s *api) integrationActionRoutes() {
	s.Route("GET /api/v2/integrations/actions/drafts", "integrations:action:view", s.listActionDrafts)
	s.Route("POST /api/v2/integrations/actions/drafts", "integrations:action:add", s.createActionDraft)
	s.Route("GET /api/v2/integrations/actions/{id}/templates/{fileName}", "integrations:action:view", s.getActionTemplate)
	s.Route("POST /api/v2/integrations/actions/{id}/draft", "integrations:action:add", s.draftFromAction)
	s.Route("GET /api/v2/integrations/actions/{id}/draft", "integrations:action:view", s.getActionDraft)
	s.Route("PATCH /api/v2/integrations/actions/{id}/draft", "integrations:action:edit", s.patchActionDraft)
	s.Route("DELETE /api/v2/integrations/actions/{id}/draft", "integrations:action:delete", s.deleteActionDraft)
	s.Route("POST /api/v2/integrations/actions/{id}/draft/publish", "integrations:action:edit", s.publishActionDraft)
	s.Route("GET /api/v2/integrations/actions/{id}/draft/templates/{fileName}", "integrations:action:view", s.getActionTemplate)
	s.actionFunctionRoutes()  // action_functions.go
	s.actionExecutionRoutes() // action_execution.go
}

func actionSelfURI(id string, draft bool) string {
	if draft {
		return "/api/v2/integrations/actions/" + id + "/draft"
	}
	return "/api/v2/integrations/actions/" + id
}

// actionView projects a stored action for a read.
func actionView(data []byte, contract, config bool) []byte {
	if contract && config {
		return data
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil {
		return data
	}
	if !contract {
		delete(m, "contract")
	}
	if !config {
		delete(m, "config")
	}
	b, err := json.Marshal(m)
	if err != nil {
		return data
	}
	return b
}

// readOptions reads expand=contract and includeConfig.
func readOptions(r *http.Request) (contract, config bool, err error) {
	contract = slices.Contains(apihttp.MultiParam(r, "expand"), "contract")
	config, err = host.BoolParam(r, "includeConfig")
	return contract, config, err
}

func (s *api) listActions(w http.ResponseWriter, r *http.Request) error {
	return s.listActionKind(w, r, host.KindAction)
}

func (s *api) listActionDrafts(w http.ResponseWriter, r *http.Request) error {
	return s.listActionKind(w, r, host.KindActionDraft)
}

// listActionKind lists actions or drafts: name (contains, ignoring case), category
// (exact), ids, secure, integrationId; sortBy name|category, sortOrder asc|desc.
func (s *api) listActionKind(w http.ResponseWriter, r *http.Request, kind store.Kind) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	_, config, err := readOptions(r)
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	sortBy, desc, err := host.Sorting(r, "name", "category")
	if err != nil {
		return err
	}
	var secure *bool
	if qs.Get("secure") != "" {
		b, err := host.BoolParam(r, "secure")
		if err != nil {
			return err
		}
		secure = &b
	}
	name, category, integration := strings.ToLower(qs.Get("name")), qs.Get("category"), qs.Get("integrationId")
	ids := host.SetOf(apihttp.MultiParam(r, "ids"))
	type entry struct {
		category string
		data     []byte
	}
	var entries []entry
	for _, o := range s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, kind, "*") {
		var a platform.Action
		if host.DecodeObject(o, &a) != nil {
			continue
		}
		switch {
		case len(ids) > 0 && !ids[o.ID],
			name != "" && !strings.Contains(strings.ToLower(o.Name), name),
			category != "" && host.Deref(a.Category) != category,
			integration != "" && o.Parent != integration,
			secure != nil && host.Deref(a.Secure) != *secure:
			continue
		}
		entries = append(entries, entry{host.Deref(a.Category), actionView(o.Data, false, config)})
	}
	if sortBy == "category" {
		slices.SortStableFunc(entries, func(a, b entry) int { return strings.Compare(strings.ToLower(a.category), strings.ToLower(b.category)) })
	}
	items := make([][]byte, len(entries))
	for i, e := range entries {
		items[i] = e.data
	}
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}

// actionFields are the writable fields of an action or draft.
type actionFields struct {
	name, category *string
	config         *platform.ActionConfig
	contract       *platform.ActionContractInput
	secure         *bool
}

// buildAction validates fields against the integration and returns the stored form.
// old is the document being changed (nil on create): absent fields keep its values.
// Published actions need a config and a full contract; drafts may be incomplete.
func buildAction(tx *store.Tx, integrationID, id string, version int, f actionFields, old *platform.Action, draft bool) (platform.Action, error) {
	ig, igDoc, err := host.FindStored[platform.Integration](tx.Get, host.KindIntegration, integrationID)
	if err != nil {
		return platform.Action{}, err
	}
	if ig == nil {
		return platform.Action{}, apihttp.UnknownRef("integrationId", integrationID)
	}
	if igDoc.IntegrationType != nil && !hasDataActions(host.Deref(igDoc.IntegrationType.ID)) {
		return platform.Action{}, apihttp.BadRequest("The field [integrationId] refers to the integration [%s] of type [%s], which has no data actions.", ig.Name, host.Deref(igDoc.IntegrationType.ID))
	}
	a := platform.Action{ID: host.Ptr(id), IntegrationID: host.Ptr(integrationID), Version: host.Ptr(version), Secure: host.Ptr(false), SelfURI: host.Ptr(actionSelfURI(id, draft))}
	if old != nil {
		a.Name, a.Category, a.Config, a.Contract, a.Secure = old.Name, old.Category, old.Config, old.Contract, old.Secure
	}
	if f.name != nil {
		n := strings.TrimSpace(*f.name)
		if n == "" {
			return platform.Action{}, apihttp.BadRequest("The field [name] must not be empty.")
		}
		if len(n) > 256 {
			return platform.Action{}, apihttp.BadRequest("The field [name] must be at most 256 characters.")
		}
		a.Name = host.Ptr(n)
	}
	if host.Deref(a.Name) == "" {
		return platform.Action{}, apihttp.Required("name")
	}
	kind := host.KindAction
	if draft {
		kind = host.KindActionDraft
	}
	for _, other := range tx.List(kind, integrationID) {
		if other.ID != id && strings.EqualFold(other.Name, *a.Name) {
			return platform.Action{}, apihttp.Conflict("The integration [%s] has an action named [%s] already (id %s).", ig.Name, *a.Name, other.ID)
		}
	}
	if c := strings.TrimSpace(host.Deref(f.category)); c != "" {
		a.Category = host.Ptr(c)
	}
	if host.Deref(a.Category) == "" {
		a.Category = host.Ptr(ig.Name)
	}
	if f.secure != nil {
		a.Secure = f.secure
	}
	if f.config != nil {
		cfg, err := actionConfig(*f.config, id, draft)
		if err != nil {
			return platform.Action{}, err
		}
		a.Config = cfg
	}
	if f.contract != nil {
		c, err := actionContract(*f.contract, draft)
		if err != nil {
			return platform.Action{}, err
		}
		a.Contract = c
	}
	if !draft {
		if a.Config == nil {
			return platform.Action{}, apihttp.Required("config")
		}
		if a.Contract == nil || a.Contract.Input == nil || a.Contract.Output == nil {
			return platform.Action{}, apihttp.Required("contract")
		}
	}
	return a, nil
}

// actionConfig validates a config and adds the template URIs the real API returns.
func actionConfig(in platform.ActionConfig, id string, draft bool) (*platform.ActionConfig, error) {
	if t := in.TimeoutSeconds; t != nil && (*t < 1 || *t > 60) {
		return nil, apihttp.BadRequest("The field [config.timeoutSeconds] must be from 1 to 60, not [%d].", *t)
	}
	cfg := in
	if in.Request != nil {
		req := *in.Request
		if err := host.CheckEnum("config.request.requestType", req.RequestType, "GET", "PUT", "POST", "PATCH", "DELETE"); err != nil {
			return nil, err
		}
		req.RequestTemplateURI = nil
		if req.RequestTemplate != nil {
			req.RequestTemplateURI = host.Ptr(actionSelfURI(id, draft) + "/templates/requesttemplate.vm")
		}
		cfg.Request = &req
	}
	if in.Response != nil {
		resp := *in.Response
		resp.SuccessTemplateURI = nil
		if resp.SuccessTemplate != nil {
			resp.SuccessTemplateURI = host.Ptr(actionSelfURI(id, draft) + "/templates/successtemplate.vm")
		}
		cfg.Response = &resp
	}
	return &cfg, nil
}

// actionContract checks that the schemas are JSON objects and keeps them verbatim.
func actionContract(in platform.ActionContractInput, draft bool) (*platform.ActionContract, error) {
	var c platform.ActionContract
	var inSchema, outSchema json.RawMessage
	if in.Input != nil {
		inSchema = in.Input.InputSchema
	}
	if in.Output != nil {
		outSchema = in.Output.SuccessSchema
	}
	for _, f := range []struct {
		field  string
		schema json.RawMessage
	}{{"contract.input.inputSchema", inSchema}, {"contract.output.successSchema", outSchema}} {
		t := strings.TrimSpace(string(f.schema))
		if t == "" || t == "null" {
			if draft {
				continue
			}
			return nil, apihttp.Required(f.field)
		}
		if !strings.HasPrefix(t, "{") {
			return nil, apihttp.BadRequest("The field [%s] must be a JSON Schema object.", f.field)
		}
	}
	if len(inSchema) > 0 {
		c.Input = &platform.ActionInput{InputSchema: inSchema}
	}
	if len(outSchema) > 0 {
		c.Output = &platform.ActionOutput{SuccessSchema: outSchema}
	}
	return &c, nil
}

func (s *api) createAction(w http.ResponseWriter, r *http.Request) error {
	return s.createActionDoc(w, r, false)
}

func (s *api) createActionDraft(w http.ResponseWriter, r *http.Request) error {
	return s.createActionDoc(w, r, true)
}

func (s *api) createActionDoc(w http.ResponseWriter, r *http.Request, draft bool) error {
	var in platform.PostActionInput
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	integrationID := host.Deref(in.IntegrationID)
	if integrationID == "" {
		return apihttp.Required("integrationId")
	}
	if in.Name == nil {
		return apihttp.Required("name")
	}
	kind, entityType := host.KindAction, "Action"
	if draft {
		kind, entityType = host.KindActionDraft, "ActionDraft"
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		id := uuid.NewString()
		a, err := buildAction(tx, integrationID, id, 1, actionFields{in.Name, in.Category, in.Config, in.Contract, in.Secure}, nil, draft)
		if err != nil {
			return nil, err
		}
		return host.PutChildAudited(tx, p, kind, integrationID, a, audit.Event{Service: "Integrations", EntityType: entityType, Action: "Create", ID: id, Name: *a.Name})
	})
}

func (s *api) getAction(w http.ResponseWriter, r *http.Request) error {
	return s.getActionDoc(w, r, host.KindAction)
}

func (s *api) getActionDraft(w http.ResponseWriter, r *http.Request) error {
	return s.getActionDoc(w, r, host.KindActionDraft)
}

func (s *api) getActionDoc(w http.ResponseWriter, r *http.Request, kind store.Kind) error {
	contract, config, err := readOptions(r)
	if err != nil {
		return err
	}
	o, err := s.Lookup(r, kind, r.PathValue("id"))
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, actionView(o.Data, contract, config))
}

func (s *api) patchAction(w http.ResponseWriter, r *http.Request) error {
	var in platform.UpdateActionInput
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.patchActionDoc(w, r, host.KindAction, in.Version, actionFields{name: in.Name, category: in.Category, config: in.Config})
}

func (s *api) patchActionDraft(w http.ResponseWriter, r *http.Request) error {
	var in platform.UpdateDraftInput
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.patchActionDoc(w, r, host.KindActionDraft, in.Version, actionFields{in.Name, in.Category, in.Config, in.Contract, in.Secure})
}

// patchActionDoc updates an action or draft whose current version the body carries.
func (s *api) patchActionDoc(w http.ResponseWriter, r *http.Request, kind store.Kind, version *int, f actionFields) error {
	draft := kind == host.KindActionDraft
	entityType := "Action"
	if draft {
		entityType = "ActionDraft"
	}
	return host.CommitStored(s.Host, w, r, kind, func(tx *store.Tx, p apihttp.Principal, o *store.Object, old platform.Action) ([]byte, error) {
		if err := entity.CheckVersion(version, host.Deref(old.Version)); err != nil {
			return nil, err
		}
		a, err := buildAction(tx, o.Parent, o.ID, host.Deref(old.Version)+1, f, &old, draft)
		if err != nil {
			return nil, err
		}
		return host.PutChildAudited(tx, p, kind, o.Parent, a, audit.Event{Service: "Integrations", EntityType: entityType, Action: "Update", ID: o.ID, Name: *a.Name, Old: o.Data})
	})
}

func (s *api) deleteAction(w http.ResponseWriter, r *http.Request) error {
	return s.DeleteStored(w, r, host.KindAction, "Integrations", "Action", func(tx *store.Tx, o *store.Object) error {
		// A draft of a deleted action has nothing to publish onto; it goes too.
		if d := tx.Get(host.KindActionDraft, o.ID); d != nil {
			tx.Delete(host.KindActionDraft, o.ID)
		}
		return nil
	})
}

func (s *api) deleteActionDraft(w http.ResponseWriter, r *http.Request) error {
	return s.DeleteStored(w, r, host.KindActionDraft, "Integrations", "ActionDraft", nil)
}

// draftFromAction starts a draft holding the action's current definition.
func (s *api) draftFromAction(w http.ResponseWriter, r *http.Request) error {
	return host.CommitStored(s.Host, w, r, host.KindAction, func(tx *store.Tx, p apihttp.Principal, o *store.Object, a platform.Action) ([]byte, error) {
		if tx.Get(host.KindActionDraft, o.ID) != nil {
			return nil, apihttp.Conflict("The action [%s] has a draft already; edit or delete it.", o.Name)
		}
		d, err := buildAction(tx, o.Parent, o.ID, 1, actionFields{config: a.Config}, &a, true)
		if err != nil {
			return nil, err
		}
		return host.PutChildAudited(tx, p, host.KindActionDraft, o.Parent, d, audit.Event{Service: "Integrations", EntityType: "ActionDraft", Action: "Create", ID: o.ID, Name: *d.Name})
	})
}

// publishActionDraft turns a draft (at the version the body names) into the action with
// the same id, creating or replacing it, and removes the draft.
func (s *api) publishActionDraft(w http.ResponseWriter, r *http.Request) error {
	var in platform.PublishDraftInput
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	var out []byte
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		d, draft, err := host.LoadVersioned(tx, host.KindActionDraft, r.PathValue("id"), in.Version, func(v platform.Action) *int { return v.Version })
		if err != nil {
			return nil, err
		}
		version, action := 1, "Create"
		old := tx.Get(host.KindAction, d.ID)
		if old != nil {
			var prev platform.Action
			if err := host.DecodeObject(old, &prev); err != nil {
				return nil, err
			}
			version, action = host.Deref(prev.Version)+1, "Update"
		}
		// Re-validate as a published action: a draft may lack a config or a contract.
		f := actionFields{name: draft.Name, category: draft.Category, config: draft.Config, secure: draft.Secure}
		if c := draft.Contract; c != nil {
			f.contract = &platform.ActionContractInput{}
			if c.Input != nil {
				f.contract.Input = &platform.PostInputContract{InputSchema: c.Input.InputSchema}
			}
			if c.Output != nil {
				f.contract.Output = &platform.PostOutputContract{SuccessSchema: c.Output.SuccessSchema}
			}
		}
		a, err := buildAction(tx, d.Parent, d.ID, version, f, nil, false)
		if err != nil {
			return nil, err
		}
		if out, err = entity.Put(tx, host.KindAction, d.ID, d.Parent, *a.Name, a); err != nil {
			return nil, err
		}
		tx.Delete(host.KindActionDraft, d.ID)
		if err := publishActionFunction(tx, d.ID); err != nil {
			return nil, err
		}
		ev := audit.Event{Service: "Integrations", EntityType: "Action", Action: action, ID: d.ID, Name: *a.Name, Old: host.DataOf(old), New: out}
		audit.Record(tx, p, ev)
		return out, nil
	})
}

// getActionTemplate returns a Velocity template of an action or its draft as text.
func (s *api) getActionTemplate(w http.ResponseWriter, r *http.Request) error {
	kind := host.KindAction
	if strings.Contains(r.URL.Path, "/draft/templates/") {
		kind = host.KindActionDraft
	}
	_, a, err := host.LookupAs[platform.Action](s.Host, r, kind, r.PathValue("id"))
	if err != nil {
		return err
	}
	var text string
	switch r.PathValue("fileName") {
	case "requesttemplate.vm":
		if a.Config != nil && a.Config.Request != nil {
			text = host.Deref(a.Config.Request.RequestTemplate)
		}
	case "successtemplate.vm":
		if a.Config != nil && a.Config.Response != nil {
			text = host.Deref(a.Config.Response.SuccessTemplate)
		}
	default:
		return apihttp.NotFound()
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(text)) //nolint:errcheck // the client went away; nothing to do
	return nil
}
