package provider

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A response asset: a file (an image, a document) canned responses show. It is made in two
// steps, as the official provider makes it: POST …/uploads with the asset's name and
// division answers a presigned URL, and the asset exists once the file is PUT there (a real
// org lists it a moment later, so the create waits for it). Afterwards only the division
// changes in place; a new name or new content is a new asset.

// responseAssetUploadTimeout bounds the upload and the wait for the asset to appear.
const responseAssetUploadTimeout = time.Minute

// responseAsset is the API model ResponseAsset, as far as the resource reads it.
type responseAsset struct {
	uploadedObject
	ContentLocation *string `json:"contentLocation,omitempty"`
}

// responseAssetUpload is the API model CreateResponseAssetResponse.
type responseAssetUpload struct {
	ID      string            `json:"id"`
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers"`
}

// responseAssetWrite is CreateResponseAssetRequest and ResponseAssetRequest.
type responseAssetWrite struct {
	Name       string `json:"name"`
	DivisionID string `json:"divisionId,omitempty"`
}

func responseAssetAPI(c *platform.Client) entityAPI[responseAsset] {
	k := kinds.Genesys().Named(kinds.ResponseAsset)
	return entityAPI[responseAsset]{client: c, path: k.API.Collection, search: k.API.Search,
		name: func(a *responseAsset) string { return a.Name }, deleteTimeout: 30 * time.Second}
}

type responseAssetModel struct {
	ID              types.String `tfsdk:"id"`
	Filename        types.String `tfsdk:"filename"`
	Name            types.String `tfsdk:"name"`
	DivisionID      types.String `tfsdk:"division_id"`
	FileContentHash types.String `tfsdk:"file_content_hash"`
	ContentLocation types.String `tfsdk:"content_location"`
}

// assetName is the name the asset is made with: name when set, else the file's own name.
func (m *responseAssetModel) assetName() string {
	if isSet(m.Name) {
		return m.Name.ValueString()
	}
	return filepath.Base(m.Filename.ValueString())
}

type responseAssetResource struct {
	crudResource[responseAssetModel, responseAsset]
}

func newResponseAssetResource() resource.Resource {
	return &responseAssetResource{crudResource[responseAssetModel, responseAsset]{
		resourceBase: resourceBase{typeSuffix: "_responsemanagement_responseasset"}, what: "response asset",
		api: responseAssetAPI, errorAttr: "filename",
		label:          func(m *responseAssetModel) string { return fmt.Sprintf("%q", m.assetName()) },
		createThenRead: createResponseAsset,
		update:         updateResponseAsset,
		fromAPI:        (*responseAssetModel).fromAPI,
	}}
}

// createResponseAsset registers the upload, PUTs the file and waits for the asset.
func createResponseAsset(ctx context.Context, c *platform.Client, plan *responseAssetModel, diags *diag.Diagnostics) (string, error) {
	content, err := os.ReadFile(localPath(ctx, plan.Filename.ValueString()))
	if err != nil {
		diags.AddAttributeError(path.Root("filename"), "Cannot read the response asset's file", err.Error())
		return "", nil
	}
	api := responseAssetAPI(c)
	var up responseAssetUpload
	// Repeating the registration is harmless: an upload never sent makes no asset.
	body := responseAssetWrite{Name: plan.assetName(), DivisionID: plan.DivisionID.ValueString()}
	if err := c.PostRepeatable(ctx, api.path+"/uploads", nil, body, &up); err != nil {
		return "", err
	}
	if up.ID == "" || up.URL == "" {
		return "", fmt.Errorf("POST %s/uploads answered no asset id or upload URL", api.path)
	}
	if err := putPresigned(ctx, presignedUploadClient(), responseAssetUploadTimeout, up.URL, up.Headers, content); err != nil {
		return "", fmt.Errorf("upload %s: %w", plan.Filename.ValueString(), err)
	}
	_, ok, err := awaitMatch(ctx, responseAssetUploadTimeout, func(ctx context.Context) (*responseAsset, bool, error) {
		a, err := api.getByID(ctx, up.ID)
		return a, a != nil, err
	})
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("response asset %s did not appear within %s of its upload", up.ID, responseAssetUploadTimeout)
	}
	if !isSet(plan.FileContentHash) {
		plan.FileContentHash = types.StringValue(contentHash(content))
	}
	return up.ID, nil
}

// updateResponseAsset moves the asset to the planned division (its name cannot change in
// place).
func updateResponseAsset(ctx context.Context, c *platform.Client, plan *responseAssetModel, _ *diag.Diagnostics) (*responseAsset, error) {
	body := responseAssetWrite{Name: plan.assetName(), DivisionID: plan.DivisionID.ValueString()}
	return responseAssetAPI(c).update(ctx, http.MethodPut, plan.ID.ValueString(), body)
}

// fromAPI reads an asset. Imported, it has no file: its filename is taken to be its name
// and its hash is left for the next plan to fill from the file.
func (m *responseAssetModel) fromAPI(a *responseAsset) {
	m.ID = types.StringValue(a.ID)
	m.Name = types.StringValue(a.Name)
	if m.Filename.IsNull() {
		m.Filename = types.StringValue(a.Name)
	}
	if a.Division != nil {
		m.DivisionID = types.StringValue(deref(a.Division.ID))
	}
	m.ContentLocation = stringOrNull(deref(a.ContentLocation))
	if m.FileContentHash.IsUnknown() {
		m.FileContentHash = types.StringNull()
	}
}

// assetNameValidators are the API's rule for an asset's name, checked at plan time: no
// whitespace or characters URLs cannot carry.
func assetNameValidators() []validator.String {
	return []validator.String{stringvalidator.RegexMatches(assetNamePattern,
		"must not hold whitespace or any of \\{^}%`]\">[~<#|")}
}

// assetNamePattern is a name without whitespace or the characters the API refuses.
var assetNamePattern = regexp.MustCompile("^[^\\s\\\\{^}%`\\]\">\\[~<#|]+$")

func (r *responseAssetResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud response asset: a file (an image, a document) canned responses show.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"filename": schema.StringAttribute{Required: true, Validators: assetNameValidators(),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Description: "Path of the file to upload. Changing it replaces the asset. Whitespace and the characters " +
					"\\{^}%`]\">[~<#| are not allowed."},
			"name": schema.StringAttribute{Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Description:   "Name of the asset in the org; the file's own name when not set. Changing it replaces the asset."},
			"division_id": schema.StringAttribute{Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description:   "The division the asset belongs to. When not set, the org puts it in the home division."},
			"file_content_hash": schema.StringAttribute{Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{hashOfFile{fileAttr: "filename"}, replacedWhenContentChanges()},
				Description: "SHA-256 of the file's content (as filesha256() writes it). Defaults to the hash of the file, " +
					"so that a changed file uploads a new asset."},
			"content_location": schema.StringAttribute{Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description:   "Where the org serves the asset's content, as it answers it."},
		},
	}
}

// replacedWhenContentChanges replaces an object whose known content hash changes; a hash
// first learnt (after an import) changes nothing in the org.
func replacedWhenContentChanges() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !req.StateValue.IsNull() && isSet(req.PlanValue) && req.PlanValue != req.StateValue
	}, "A new content replaces the object.", "A new content replaces the object.")
}
