package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Function data actions run a code package (a zip) instead of calling a URL. The package and
// its settings belong to the action's draft: the draft's function settings are PUT, the zip
// goes to a presigned URL the API hands out, and publishing the draft makes both the
// action's own. So a function action is created as a draft and published, and updated by
// drafting it again. The zip cannot be read back; its SHA-256 (file_content_hash, as newer
// official providers keep it) is what tells a changed package from the one uploaded, and a
// changed one plans a new zip_id, that is, an upload.

const (
	// functionUploadTimeout bounds the retries of the presigned upload.
	functionUploadTimeout = 30 * time.Second
	// functionZipTimeout bounds the wait for the org to accept an uploaded package.
	functionZipTimeout = 2 * time.Minute
)

// dataAction is an action as the data action resource reads it: the action and, for a
// function data action, its published function settings.
type dataAction struct {
	platform.Action
	function *actionFunctionConfig
}

// actionFunctionSettings is the Platform API model Function.
type actionFunctionSettings struct {
	Description    *string `json:"description,omitempty"`
	ZipID          *string `json:"zipId,omitempty"`
	Handler        *string `json:"handler,omitempty"`
	Runtime        *string `json:"runtime,omitempty"`
	TimeoutSeconds *int    `json:"timeoutSeconds,omitempty"`
}

// actionFunctionConfig is the Platform API model FunctionConfig.
type actionFunctionConfig struct {
	Function *actionFunctionSettings `json:"function,omitempty"`
	Zip      *struct {
		Status       string `json:"status"`
		ID           string `json:"id"`
		Name         string `json:"name"`
		ErrorMessage string `json:"errorMessage"`
	} `json:"zip,omitempty"`
}

type actionFunctionMdl struct {
	FilePath        types.String `tfsdk:"file_path"`
	Description     types.String `tfsdk:"description"`
	Handler         types.String `tfsdk:"handler"`
	Runtime         types.String `tfsdk:"runtime"`
	TimeoutSeconds  types.Int64  `tfsdk:"timeout_seconds"`
	ZipID           types.String `tfsdk:"zip_id"`
	FileContentHash types.String `tfsdk:"file_content_hash"`
}

func functionConfigBlock() schema.ListNestedBlock {
	kept := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, Description: description,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	return schema.ListNestedBlock{
		Description: "The code a function data action runs. Only a function data action has it.",
		Validators:  []validator.List{listvalidator.SizeAtMost(1)},
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"file_path": schema.StringAttribute{Required: true,
				Description: "Path of the zip holding the function's code; a changed file is uploaded again."},
			"description": kept("Description of the function (the API requires one)."),
			"handler":     kept("The function's entry point, e.g. `index.handler` (the API requires one)."),
			"runtime":     kept("The runtime the function runs on, e.g. `nodejs22.x` (the API requires one)."),
			"timeout_seconds": schema.Int64Attribute{Optional: true, Computed: true, Description: "Seconds the function may run (1-60).",
				Validators:    []validator.Int64{int64validator.Between(1, 60)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}},
			"zip_id": schema.StringAttribute{Optional: true, Computed: true,
				Description: "The uploaded package the function runs; a new one after each upload."},
			"file_content_hash": schema.StringAttribute{Computed: true,
				Description: "SHA-256 of the zip at file_path when it was uploaded."},
		}},
	}
}

// ModifyPlan hashes the function's zip: a file that differs from the one uploaded plans an
// upload (zip_id known after apply), the same file keeps zip_id.
func (r *integrationActionResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	fnPath := path.Root("function_config")
	var planned []actionFunctionMdl
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, fnPath, &planned)...)
	if resp.Diagnostics.HasError() || len(planned) == 0 || !known(planned[0].FilePath) {
		return
	}
	fn := &planned[0]
	hash, err := fileContentHash(localPath(ctx, fn.FilePath.ValueString()))
	if err != nil {
		resp.Diagnostics.AddAttributeError(fnPath.AtListIndex(0).AtName("file_path"), "Cannot read the function package", err.Error())
		return
	}
	fn.FileContentHash = types.StringValue(hash)
	var configZip types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, fnPath.AtListIndex(0).AtName("zip_id"), &configZip)...)
	if configZip.IsNull() {
		var prior []actionFunctionMdl
		if !req.State.Raw.IsNull() {
			resp.Diagnostics.Append(req.State.GetAttribute(ctx, fnPath, &prior)...)
		}
		// A replaced action is a new one: its package is uploaded again whatever the hash.
		same := len(prior) > 0 && prior[0].FileContentHash.ValueString() == hash && known(prior[0].ZipID) &&
			!replacesAction(ctx, req, &resp.Diagnostics)
		fn.ZipID = types.StringUnknown()
		if same {
			fn.ZipID = prior[0].ZipID
		}
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, fnPath, planned)...)
}

// replacesAction reports whether the plan replaces the action: whether one of the attributes
// whose plan modifiers say RequiresReplace changes (the resource's ModifyPlan is not told).
func replacesAction(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics) bool {
	for _, name := range []string{"integration_id", "secure", "contract_input", "contract_output"} {
		var planned, prior attr.Value
		diags.Append(req.Plan.GetAttribute(ctx, path.Root(name), &planned)...)
		diags.Append(req.State.GetAttribute(ctx, path.Root(name), &prior)...)
		if planned != nil && prior != nil && !planned.Equal(prior) {
			return true
		}
	}
	return false
}

// readDataAction reads the action and, when m manages its function or is being imported,
// its published function settings (one request more); nil when gone.
func readDataAction(ctx context.Context, c *platform.Client, m *integrationActionModel, id string) (*dataAction, error) {
	a, err := readAction(ctx, c, id)
	if err != nil || a == nil {
		return nil, err
	}
	if len(m.FunctionConfig) == 0 && !m.Name.IsNull() {
		return &dataAction{Action: *a}, nil
	}
	var fc actionFunctionConfig
	if err := c.Do(ctx, http.MethodGet, actionItemPath(id, "function"), nil, nil, &fc); err != nil && !platform.IsNotFound(err) {
		return nil, fmt.Errorf("read the function of action %s: %w", id, err)
	}
	return &dataAction{Action: *a, function: &fc}, nil
}

// actionItemPath is a path under one action, e.g. …/actions/{id}/draft/function.
func actionItemPath(id string, under ...string) string {
	p := actionsPath + "/" + url.PathEscape(id)
	for _, u := range under {
		p += "/" + u
	}
	return p
}

// functionFromAPI fills function_config from the org when it is configured or imported. The
// package itself cannot be read: file_path and its hash keep their planned values, and an
// import names the package the org holds.
func (m *integrationActionModel) functionFromAPI(fc *actionFunctionConfig, imported bool) {
	if fc == nil || fc.Function == nil || (len(m.FunctionConfig) == 0 && !imported) {
		m.FunctionConfig = []actionFunctionMdl{}
		return
	}
	prior := actionFunctionMdl{FilePath: types.StringNull(), FileContentHash: types.StringNull()}
	if len(m.FunctionConfig) > 0 {
		prior = m.FunctionConfig[0]
	} else if fc.Zip != nil {
		prior.FilePath = types.StringValue(fc.Zip.Name)
	}
	fn := fc.Function
	m.FunctionConfig = []actionFunctionMdl{{
		FilePath:        prior.FilePath,
		Description:     types.StringPointerValue(fn.Description),
		Handler:         types.StringPointerValue(fn.Handler),
		Runtime:         types.StringPointerValue(fn.Runtime),
		TimeoutSeconds:  optionalInt(fn.TimeoutSeconds),
		ZipID:           types.StringPointerValue(fn.ZipID),
		FileContentHash: prior.FileContentHash,
	}}
}

// createFunctionAction creates the action as a draft, gives the draft its function and
// package, and publishes it. A draft left behind by a failure is deleted, so that the next
// apply starts afresh instead of meeting its name.
func createFunctionAction(ctx context.Context, c *platform.Client, body platform.PostActionInput, fn actionFunctionMdl) (string, error) {
	draft, err := draftsAPI(c).createFoundBy(ctx, body, func(ctx context.Context) (*platform.Action, error) {
		return findActionIn(ctx, c, actionsPath+"/drafts", deref(body.Name), deref(body.IntegrationID))
	})
	if err != nil {
		return "", fmt.Errorf("create the draft: %w", err)
	}
	id := deref(draft.ID)
	if err := deployFunction(ctx, c, id, fn); err != nil {
		if cleanup := c.Do(ctx, http.MethodDelete, actionItemPath(id, "draft"), nil, nil, nil); cleanup != nil && !platform.IsNotFound(cleanup) {
			err = errors.Join(err, fmt.Errorf("delete the draft %s: %w", id, cleanup))
		}
		return "", err
	}
	return id, nil
}

// updateFunctionAction drafts the published action again (or takes the draft someone left),
// writes name, category and configuration to the draft, then its function, and publishes.
func updateFunctionAction(ctx context.Context, c *platform.Client, id string, in platform.UpdateDraftInput, fn actionFunctionMdl) error {
	if err := c.Do(ctx, http.MethodPost, actionItemPath(id, "draft"), nil, struct{}{}, nil); err != nil && !platform.IsConflict(err) {
		return fmt.Errorf("draft the action: %w", err)
	}
	var draft platform.Action
	if err := c.Do(ctx, http.MethodGet, actionItemPath(id, "draft"), nil, nil, &draft); err != nil {
		return fmt.Errorf("read the draft: %w", err)
	}
	in.Version = draft.Version
	if err := c.Do(ctx, http.MethodPatch, actionItemPath(id, "draft"), nil, in, nil); err != nil {
		return fmt.Errorf("update the draft: %w", err)
	}
	return deployFunction(ctx, c, id, fn)
}

// deployFunction writes the draft's function settings, uploads its package when the plan
// expects a new one (zip_id unknown), and publishes the draft.
func deployFunction(ctx context.Context, c *platform.Client, id string, fn actionFunctionMdl) error {
	settings := actionFunctionSettings{
		Description: knownString(fn.Description), Handler: knownString(fn.Handler), Runtime: knownString(fn.Runtime),
		ZipID: knownString(fn.ZipID),
	}
	if known(fn.TimeoutSeconds) {
		settings.TimeoutSeconds = ptr(int(fn.TimeoutSeconds.ValueInt64()))
	}
	if err := c.Do(ctx, http.MethodPut, actionItemPath(id, "draft", "function"), nil, settings, nil); err != nil {
		return fmt.Errorf("set the function: %w", err)
	}
	if !known(fn.ZipID) {
		if err := uploadFunctionPackage(ctx, c, id, fn.FilePath.ValueString()); err != nil {
			return err
		}
	}
	var draft platform.Action
	if err := c.Do(ctx, http.MethodGet, actionItemPath(id, "draft"), nil, nil, &draft); err != nil {
		return fmt.Errorf("read the draft: %w", err)
	}
	if err := c.Do(ctx, http.MethodPost, actionItemPath(id, "draft", "publish"), nil, platform.PublishDraftInput{Version: draft.Version}, nil); err != nil {
		return fmt.Errorf("publish the draft: %w", err)
	}
	return nil
}

// uploadFunctionPackage uploads the zip at file to the draft's presigned URL and waits until
// the org has taken it (or says why not).
func uploadFunctionPackage(ctx context.Context, c *platform.Client, id, file string) error {
	content, err := os.ReadFile(localPath(ctx, file))
	if err != nil {
		return fmt.Errorf("read the function package: %w", err)
	}
	var target struct {
		URL     string            `json:"url"`
		Headers map[string]string `json:"headers"`
	}
	req := map[string]any{"fileName": filepath.Base(file)}
	if err := c.Do(ctx, http.MethodPost, actionItemPath(id, "draft", "function", "upload"), nil, req, &target); err != nil {
		return fmt.Errorf("ask for the package's upload URL: %w", err)
	}
	files := &http.Client{Timeout: 2 * time.Minute}
	if err := putPresigned(ctx, files, functionUploadTimeout, target.URL, target.Headers, content); err != nil {
		return fmt.Errorf("upload the function package %s: %w", file, err)
	}
	return poll(ctx, functionZipTimeout, func(ctx context.Context) (bool, error) {
		var fc actionFunctionConfig
		if err := c.Do(ctx, http.MethodGet, actionItemPath(id, "draft", "function"), nil, nil, &fc); err != nil {
			return false, permanent(err)
		}
		switch {
		case fc.Zip == nil:
			return false, errors.New("the org has not registered the package yet")
		case fc.Zip.Status == "Available":
			return true, nil
		case fc.Zip.Status == "Failed":
			return false, permanent(fmt.Errorf("the org refused the function package %s: %s", file, fc.Zip.ErrorMessage))
		}
		return false, fmt.Errorf("the function package is %s", fc.Zip.Status)
	})
}

// knownString is a known, non-null value's pointer; nil otherwise (left to the API).
func knownString(v types.String) *string {
	if !known(v) {
		return nil
	}
	return v.ValueStringPointer()
}

// draftsAPI is the seam over action drafts, for creating one that is found by name when its
// answer was lost.
func draftsAPI(c *platform.Client) entityAPI[platform.Action] {
	return seamFor(c, actionsPath+"/drafts", 30*time.Second, func(a *platform.Action) *string { return a.Name })
}

// functionOf is the planned function block, if any.
func (m *integrationActionModel) functionOf(diags *diag.Diagnostics) (actionFunctionMdl, bool) {
	if len(m.FunctionConfig) == 0 {
		return actionFunctionMdl{}, false
	}
	fn := m.FunctionConfig[0]
	if !known(fn.FilePath) {
		diags.AddAttributeError(path.Root("function_config").AtListIndex(0).AtName("file_path"), "Unknown function package",
			"The function's file_path is not known yet; it must be known to upload the package.")
	}
	return fn, true
}
