package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A user prompt: what a flow plays, one resource per language (its text and text-to-speech
// string). The prompt is written at /architect/prompts, each resource at
// /prompts/{id}/resources/{languageCode}; a read takes both from the prompt. Audio files
// (the official filename and file_content_hash) are not uploaded yet, so the schema does
// not have them: a configuration naming one is refused by OpenTofu rather than applied
// without its audio.

// userPrompt is the API model Prompt, as far as the resource reads it.
type userPrompt struct {
	ID          string            `json:"id,omitempty"`
	Name        string            `json:"name"`
	Description string            `json:"description,omitempty"`
	Resources   []userPromptAsset `json:"resources,omitempty"`
}

// userPromptAsset is the API model PromptAsset (PromptAssetCreate when made).
type userPromptAsset struct {
	Language  string `json:"language"`
	Text      string `json:"text,omitempty"`
	TTSString string `json:"ttsString,omitempty"`
}

// userPromptAPI is the API seam for user prompts.
func userPromptAPI(c *platform.Client) entityAPI[userPrompt] {
	return entityAPI[userPrompt]{
		client: c, path: kinds.Genesys().Named(kinds.UserPrompt).API.Collection,
		name: func(p *userPrompt) string { return p.Name }, deleteTimeout: 30 * time.Second,
		// The official provider deletes a prompt with all its resources.
		deleteQuery: url.Values{"allResources": {"true"}},
	}
}

// promptResourcePath is one language's resource of a prompt.
func promptResourcePath(promptID, lang string) string {
	return userPromptAPI(nil).path + "/" + promptID + "/resources/" + url.PathEscape(lang)
}

var promptResourceType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"language": types.StringType, "text": types.StringType, "tts_string": types.StringType,
}}

type userPromptModel struct {
	describedObject
	Resources types.Set `tfsdk:"resources"`
}

type promptResourceModel struct {
	Language  types.String `tfsdk:"language"`
	Text      types.String `tfsdk:"text"`
	TTSString types.String `tfsdk:"tts_string"`
}

type userPromptResource struct {
	crudResource[userPromptModel, userPrompt]
}

func newUserPromptResource() resource.Resource {
	return &userPromptResource{crudResource[userPromptModel, userPrompt]{
		resourceBase: resourceBase{typeSuffix: "_architect_user_prompt"}, what: "user prompt", api: userPromptAPI, errorAttr: "name",
		label:   func(m *userPromptModel) string { return quotedName(m.Name) },
		create:  createUserPrompt,
		update:  updateUserPrompt,
		fromAPI: (*userPromptModel).fromAPI,
	}}
}

// createUserPrompt makes the prompt (found by name when the answer was lost), then its
// resources, and reads it back.
func createUserPrompt(ctx context.Context, c *platform.Client, plan *userPromptModel, diags *diag.Diagnostics) (*userPrompt, error) {
	wanted, ok := plan.resources(ctx, diags)
	if !ok {
		return nil, nil
	}
	api := userPromptAPI(c)
	made, err := api.create(ctx, plan.Name.ValueString(), userPrompt{Name: plan.Name.ValueString(), Description: plan.Description.ValueString()})
	if err != nil {
		return nil, err
	}
	plan.ID = types.StringValue(made.ID)
	for _, res := range wanted {
		if err := c.Do(ctx, http.MethodPost, api.path+"/"+made.ID+"/resources", nil, res, nil); err != nil {
			return nil, fmt.Errorf("add the %s resource: %w", res.Language, err)
		}
	}
	return readUserPrompt(ctx, api, made.ID)
}

// updateUserPrompt changes the description, then brings the resources to the plan: removed
// languages deleted, changed ones replaced, new ones added.
func updateUserPrompt(ctx context.Context, c *platform.Client, plan *userPromptModel, diags *diag.Diagnostics) (*userPrompt, error) {
	wanted, ok := plan.resources(ctx, diags)
	if !ok {
		return nil, nil
	}
	api := userPromptAPI(c)
	id := plan.ID.ValueString()
	current, err := api.update(ctx, http.MethodPut, id, userPrompt{Name: plan.Name.ValueString(), Description: plan.Description.ValueString()})
	if err != nil {
		return nil, err
	}
	have := map[string]userPromptAsset{}
	for _, res := range current.Resources {
		have[strings.ToLower(res.Language)] = res
	}
	for _, res := range wanted {
		old, exists := have[strings.ToLower(res.Language)]
		delete(have, strings.ToLower(res.Language))
		switch {
		case !exists:
			err = c.Do(ctx, http.MethodPost, api.path+"/"+id+"/resources", nil, res, nil)
		case old != res:
			err = c.Do(ctx, http.MethodPut, promptResourcePath(id, old.Language), nil, res, nil)
		}
		if err != nil {
			return nil, fmt.Errorf("write the %s resource: %w", res.Language, err)
		}
	}
	for _, gone := range have {
		if err := c.Do(ctx, http.MethodDelete, promptResourcePath(id, gone.Language), nil, nil, nil); err != nil && !platform.IsNotFound(err) {
			return nil, fmt.Errorf("remove the %s resource: %w", gone.Language, err)
		}
	}
	return readUserPrompt(ctx, api, id)
}

// readUserPrompt reads a prompt just written; gone by then is an error.
func readUserPrompt(ctx context.Context, api entityAPI[userPrompt], id string) (*userPrompt, error) {
	p, err := api.getByID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read the prompt back: %w", err)
	}
	if p == nil {
		return nil, fmt.Errorf("user prompt %s disappeared while it was being written", id)
	}
	return p, nil
}

// resources are the planned resources as the API takes them.
func (m *userPromptModel) resources(ctx context.Context, diags *diag.Diagnostics) ([]userPromptAsset, bool) {
	if !isSet(m.Resources) {
		return nil, true
	}
	var planned []promptResourceModel
	diags.Append(m.Resources.ElementsAs(ctx, &planned, false)...)
	if diags.HasError() {
		return nil, false
	}
	out := make([]userPromptAsset, 0, len(planned))
	for _, r := range planned {
		out = append(out, userPromptAsset{Language: r.Language.ValueString(), Text: r.Text.ValueString(), TTSString: r.TTSString.ValueString()})
	}
	return out, true
}

// fromAPI reads a prompt: name, description and one resource per language.
func (m *userPromptModel) fromAPI(p *userPrompt) {
	m.readDescribed(p.ID, p.Name, &p.Description)
	if len(p.Resources) == 0 && !isSet(m.Resources) {
		m.Resources = types.SetNull(promptResourceType)
		return
	}
	prior := map[string]promptResourceModel{}
	if isSet(m.Resources) {
		var planned []promptResourceModel
		_ = m.Resources.ElementsAs(context.Background(), &planned, false)
		for _, r := range planned {
			prior[strings.ToLower(r.Language.ValueString())] = r
		}
	}
	elems := make([]attr.Value, 0, len(p.Resources))
	for _, res := range p.Resources {
		before := prior[strings.ToLower(res.Language)]
		v, _ := types.ObjectValue(promptResourceType.AttrTypes, map[string]attr.Value{
			"language":   types.StringValue(res.Language),
			"text":       optionalString(&res.Text, before.Text),
			"tts_string": optionalString(&res.TTSString, before.TTSString),
		})
		elems = append(elems, v)
	}
	m.Resources, _ = types.SetValue(promptResourceType, elems)
}

func (r *userPromptResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud user prompt: what a flow plays (Prompt.<name>), one resource per language.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"name": requiredReplacing("Name of the user prompt: a letter, then letters, digits and underscores. " +
				"Changing it replaces the prompt, since flows refer to it by name."),
			"description": schema.StringAttribute{Optional: true, Description: "Description of the user prompt."},
			// A set of objects rather than a nested block: OpenTofu accepts the block syntax
			// of the official provider's examples for it.
			"resources": schema.SetAttribute{Optional: true, ElementType: promptResourceType,
				Description: "One resource per language `{language, text, tts_string}`. " +
					"Audio files (the official filename and file_content_hash) are not supported yet."},
		},
	}
}

// newUserPromptDataSource finds a user prompt by its name, as the official one does.
func newUserPromptDataSource() datasource.DataSource {
	return &nameLookupDataSource[userPrompt]{
		dataSourceBase: dataSourceBase{typeSuffix: "_architect_user_prompt"}, what: "user prompt", api: userPromptAPI,
		id: func(p *userPrompt) string { return p.ID },
	}
}
