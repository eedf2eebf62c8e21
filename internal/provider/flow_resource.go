package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// genesyscloud_flow publishes an Archy YAML file through the Architect job protocol, like
// the official resource (same attributes, same file_content_hash: the sha256 of the file as
// written, before substitutions). Beyond it:
//
//   - content drift: Read exports the published flow whenever its published version is not
//     the one last seen, and records the sha256 of its canonical form (archy.Canonical) in
//     published_content_hash. The plan sets that attribute to the hash of the file's
//     canonical form after substitutions, so an edit made in the org (a new published
//     version with other content) shows as an update, and content_drift names the first
//     place where the published flow differs from the file;
//   - plan-time checks: the plan parses and validates the file after substitutions
//     (unresolved placeholders and broken *Ref links fail it with file:line:col) and, when
//     the plan publishes, checks every by-name reference (flow_refcheck.go).

type flowResource struct{ resourceBase }

// readsBeyondAPI: a flow's Read downloads its export from the URL the API hands out, outside
// the platform client, so its reads are never answered from the read memo.
func (*flowResource) readsBeyondAPI() {}

type flowModel struct {
	ID                   types.String `tfsdk:"id"`
	Filepath             types.String `tfsdk:"filepath"`
	FileContentHash      types.String `tfsdk:"file_content_hash"`
	Substitutions        types.Map    `tfsdk:"substitutions"`
	ForceUnlock          types.Bool   `tfsdk:"force_unlock"`
	UpdateTriggerHash    types.String `tfsdk:"update_trigger_hash"`
	Name                 types.String `tfsdk:"name"`
	Type                 types.String `tfsdk:"type"`
	PublishedContentHash types.String `tfsdk:"published_content_hash"`
	PublishedVersion     types.String `tfsdk:"published_version"`
	ContentDrift         types.String `tfsdk:"content_drift"`
}

var (
	_ resource.ResourceWithConfigure   = (*flowResource)(nil)
	_ resource.ResourceWithImportState = (*flowResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*flowResource)(nil)
)

func newFlowResource() resource.Resource { return &flowResource{resourceBase{typeSuffix: "_flow"}} }

func (r *flowResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Genesys Cloud Architect flow, published from an Archy YAML file. " +
			"The plan validates the file after `substitutions` and, when it publishes, checks that every object the " +
			"flow names (queues, skills, schedule groups, data actions, …) exists in the org or is declared in the same " +
			"configuration. A change made to the published flow in the org shows as an update (`published_content_hash`, " +
			"`content_drift`); applying republishes the file.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"filepath": schema.StringAttribute{
				Required: true,
				Description: "Path to the Archy YAML file, relative to the root module (the provider's working directory). " +
					"Remote files (`http(s)://`, `s3://`) are not supported.",
			},
			"file_content_hash": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Description: "sha256 (hex) of the file as written, before substitutions; a change republishes the flow unless the file still means what the org has published (only comments or layout changed). " +
					"Computed: leave it out. Older configurations that set it (e.g. `filesha256(\"flow.yaml\")`) are accepted with a warning, and the plan fails when the value is not the file's hash.",
			},
			"substitutions": schema.MapAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Description: "Values for `{{key}}` placeholders, replaced in the file before it is published. A placeholder without a value fails the plan.",
			},
			"force_unlock": schema.BoolAttribute{
				Optional:    true,
				Computed:    true,
				Default:     booldefault.StaticBool(false),
				Description: "Unlock the flow (whoever holds the lock) before publishing or deleting it.",
			},
			"update_trigger_hash": schema.StringAttribute{
				Optional:    true,
				Description: "Any value; changing it republishes the flow.",
			},
			"name": schema.StringAttribute{
				Optional:    true,
				Computed:    true,
				Description: "The flow's name, taken from the YAML. When set, it must match the YAML.",
			},
			"type": schema.StringAttribute{
				Optional:    true,
				Computed:    true,
				Description: "The flow's type as the API writes it (e.g. `INBOUNDCALL`), taken from the YAML. When set, it must match the YAML (any case).",
			},
			"published_content_hash": schema.StringAttribute{
				Computed: true,
				Description: "sha256 of the canonical form of the flow published in the org (after a refresh) or of the file " +
					"after substitutions (in a plan). They differ when the file changed or the published flow was edited in the org.",
			},
			"published_version": schema.StringAttribute{
				Computed:    true,
				Description: "The flow's published version (e.g. `2.0`).",
			},
			"content_drift": schema.StringAttribute{
				Computed: true,
				Description: "When a refresh found a published version other than the one this configuration published, and " +
					"its content differs from the file: where it differs first (path in the YAML, value in the org and in the file). Null otherwise.",
			},
		},
	}
}

// flowFile is a flow file read and prepared for publishing.
type flowFile struct {
	path          string
	rawHash       string // file_content_hash
	content       []byte // after substitutions: what is uploaded
	flow          *archy.Flow
	canonical     []byte
	canonicalHash string // published_content_hash
}

// flowFileProblems carries the problems loadFlowFile found, one per line, each starting
// with file:line:col.
type flowFileProblems []string

func (p flowFileProblems) Error() string { return strings.Join(p, "\n") }

// loadFlowFile reads the file at path, applies subs and checks the result: unresolved
// placeholders, YAML syntax and the flow's internal references. Problems with the content
// come back as flowFileProblems; a file that cannot be read as another error.
func loadFlowFile(ctx context.Context, file string, subs map[string]string) (*flowFile, error) {
	raw, err := os.ReadFile(localPath(ctx, file))
	if err != nil {
		return nil, fmt.Errorf("cannot read the flow file: %w", unwrapPathErr(err))
	}
	sum := sha256.Sum256(raw)
	f := &flowFile{path: file, rawHash: hex.EncodeToString(sum[:])}
	content, unresolved := archy.Substitute(raw, subs)
	var problems flowFileProblems
	for _, u := range unresolved {
		u.Pos.File = file
		problems = append(problems, fmt.Sprintf("%s: the placeholder {{%s}} has no value in substitutions", u.Pos, u.Key))
	}
	if len(problems) > 0 {
		return nil, problems
	}
	f.content = content
	f.flow, err = archy.Parse(file, content)
	if err != nil {
		return nil, flowFileProblems{err.Error()}
	}
	for _, e := range f.flow.Validate() {
		problems = append(problems, e.Error())
	}
	if len(problems) > 0 {
		return nil, problems
	}
	f.canonical, err = archy.Canonical(f.flow)
	if err != nil {
		return nil, flowFileProblems{err.Error()}
	}
	f.canonicalHash = canonicalHash(f.canonical)
	return f, nil
}

func canonicalHash(canonical []byte) string {
	sum := sha256.Sum256(canonical)
	return hex.EncodeToString(sum[:])
}

// unwrapPathErr drops the "open <path>:" prefix: diagnostics name the attribute and file.
func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// addFlowFileError reports a loadFlowFile error on the filepath attribute.
func addFlowFileError(diags *diag.Diagnostics, file string, err error) {
	var problems flowFileProblems
	if errors.As(err, &problems) {
		for _, p := range problems {
			diags.AddAttributeError(path.Root("filepath"), "Invalid flow file "+file, p)
		}
		return
	}
	diags.AddAttributeError(path.Root("filepath"), "Cannot read flow file "+file, err.Error())
}

// substitutions reads the map; ok is false when it (or a value) is unknown.
func (m flowModel) substitutions() (map[string]string, bool) {
	if m.Substitutions.IsUnknown() {
		return nil, false
	}
	out := map[string]string{}
	for k, v := range m.Substitutions.Elements() {
		s, isString := v.(types.String)
		if !isString || s.IsUnknown() {
			return nil, false
		}
		out[k] = s.ValueString()
	}
	return out, true
}

func (r *flowResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan, cfg flowModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	var state *flowModel
	if !req.State.Raw.IsNull() {
		state = &flowModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	subs, subsKnown := plan.substitutions()
	if plan.Filepath.IsUnknown() || !subsKnown {
		// The file or its values are only known at apply: so are the hashes and the checks.
		plan.FileContentHash, plan.PublishedContentHash = types.StringUnknown(), types.StringUnknown()
		plan.PublishedVersion, plan.ContentDrift = types.StringUnknown(), types.StringNull()
		if cfg.Name.IsNull() {
			plan.Name = types.StringUnknown()
		}
		if cfg.Type.IsNull() {
			plan.Type = types.StringUnknown()
		}
		resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
		return
	}
	file := plan.Filepath.ValueString()
	f, err := loadFlowFile(ctx, file, subs)
	if err != nil {
		addFlowFileError(&resp.Diagnostics, file, err)
		return
	}
	plan.FileContentHash = types.StringValue(f.rawHash)
	hashSet := checkConfiguredFileHash(cfg.FileContentHash, file, f.rawHash, &resp.Diagnostics)
	plan.PublishedContentHash = types.StringValue(f.canonicalHash)
	apiType := archy.APIType(f.flow.Type)
	plan.Name, plan.Type = types.StringValue(f.flow.Name), types.StringValue(apiType)
	if !cfg.Name.IsNull() && !cfg.Name.IsUnknown() {
		if cfg.Name.ValueString() != f.flow.Name {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "name does not match the flow file",
				fmt.Sprintf("name is %q but %s names the flow %q (%s). Remove name or make them equal.", cfg.Name.ValueString(), file, f.flow.Name, f.flow.TypePos))
		}
		plan.Name = cfg.Name
	}
	if !cfg.Type.IsNull() && !cfg.Type.IsUnknown() {
		if !strings.EqualFold(cfg.Type.ValueString(), apiType) {
			resp.Diagnostics.AddAttributeError(path.Root("type"), "type does not match the flow file",
				fmt.Sprintf("type is %q but %s is a %s flow (%s, API type %s). Remove type or make them equal.", cfg.Type.ValueString(), file, f.flow.Type, f.flow.TypePos, apiType))
		}
		plan.Type = cfg.Type
	}
	if resp.Diagnostics.HasError() {
		return
	}

	// An imported flow has no file in its state yet: when the file means what the org has
	// published (cx export wrote it from the org), taking it on publishes nothing — the
	// update only records the file.
	adopting := state != nil && state.Filepath.IsNull() && !state.PublishedContentHash.IsNull() &&
		state.PublishedContentHash.Equal(plan.PublishedContentHash)
	if state != nil && !adopting && !hashSet && !state.PublishedContentHash.IsNull() && state.PublishedContentHash.Equal(plan.PublishedContentHash) &&
		!state.FileContentHash.Equal(plan.FileContentHash) {
		// The file means what the org has published (same canonical form after substitutions):
		// a comment or layout edit, or a backport that wrote the org's content back. There is
		// nothing to publish, so the recorded file hash stays as it is.
		plan.FileContentHash = state.FileContentHash
	}
	publishes := state == nil || !adopting && flowPlanChanged(*state, plan)
	if publishes {
		plan.PublishedVersion, plan.ContentDrift = types.StringUnknown(), types.StringNull()
	} else {
		plan.PublishedVersion, plan.ContentDrift = state.PublishedVersion, state.ContentDrift
	}
	if state != nil {
		// Archy publishes by (name, type): another name is another flow, so replace this one
		// rather than leave it behind as the official provider does.
		if !strings.EqualFold(state.Name.ValueString(), f.flow.Name) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("name"))
		}
		if !strings.EqualFold(state.Type.ValueString(), apiType) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("type"))
		}
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
	if publishes && r.client != nil {
		newFlowRefChecker(r.client).check(ctx, f, &resp.Diagnostics)
	}
}

// flowPlanChanged reports whether plan publishes something other than what state holds.
func flowPlanChanged(state, plan flowModel) bool {
	return !state.Filepath.Equal(plan.Filepath) ||
		!state.FileContentHash.Equal(plan.FileContentHash) ||
		!state.PublishedContentHash.Equal(plan.PublishedContentHash) ||
		!state.Substitutions.Equal(plan.Substitutions) ||
		!state.ForceUnlock.Equal(plan.ForceUnlock) ||
		!state.UpdateTriggerHash.Equal(plan.UpdateTriggerHash) ||
		!state.Name.Equal(plan.Name) || !state.Type.Equal(plan.Type)
}

func (r *flowResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.publishPlan(ctx, req.Plan, "", &resp.State, &resp.Diagnostics)
}

func (r *flowResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var priorID types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &priorID)...)
	r.publishPlan(ctx, req.Plan, priorID.ValueString(), &resp.State, &resp.Diagnostics)
}

// publishPlan publishes the planned flow (over the flow priorID, "" for a new one) and
// stores the result.
func (r *flowResource) publishPlan(ctx context.Context, p tfsdk.Plan, priorID string, state *tfsdk.State, diags *diag.Diagnostics) {
	var plan flowModel
	diags.Append(p.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	// The plan leaves published_version unknown exactly when it publishes (ModifyPlan); an
	// imported flow taking on its file publishes nothing. A create always publishes.
	if plan.PublishedVersion.IsUnknown() {
		r.publish(ctx, &plan, priorID, diags)
		if diags.HasError() {
			return
		}
	}
	diags.Append(state.Set(ctx, plan)...)
}

// publish publishes the planned file and fills m from the result. priorID is the flow's id
// when it exists already.
func (r *flowResource) publish(ctx context.Context, m *flowModel, priorID string, diags *diag.Diagnostics) {
	subs, _ := m.substitutions()
	file := m.Filepath.ValueString()
	f, err := loadFlowFile(ctx, file, subs)
	if err != nil {
		addFlowFileError(diags, file, err)
		return
	}
	if !m.FileContentHash.IsUnknown() && m.FileContentHash.ValueString() != f.rawHash ||
		!m.PublishedContentHash.IsUnknown() && m.PublishedContentHash.ValueString() != f.canonicalHash {
		diags.AddAttributeError(path.Root("filepath"), "Flow file changed since the plan",
			file+" is not the file the plan was made with. Plan again.")
		return
	}
	jobs := newFlowJobs(r.client)
	apiType := archy.APIType(f.flow.Type)
	if m.ForceUnlock.ValueBool() {
		unlockID := priorID
		if unlockID == "" {
			// Archy publishes over an existing flow of the same name and type: unlock that one.
			if found, err := findFlows(ctx, r.client, f.flow.Name, apiType); err == nil && len(found) > 0 {
				unlockID = deref(found[0].ID)
			}
		}
		if unlockID != "" {
			if err := jobs.unlock(ctx, unlockID); err != nil {
				addAPIError(diags, nil, fmt.Sprintf("Could not unlock flow %q", f.flow.Name), err)
				return
			}
		}
	}
	id, err := jobs.publish(ctx, file, f.content)
	if err != nil {
		var fail *flowJobFailure
		if errors.As(err, &fail) {
			diags.AddAttributeError(path.Root("filepath"), fmt.Sprintf("Could not publish flow %q from %s", f.flow.Name, file),
				fail.Error()+"\nPositions in the messages are lines of "+file+" after substitutions.")
			return
		}
		addAPIError(diags, nil, fmt.Sprintf("Could not publish flow %q from %s", f.flow.Name, file), err)
		return
	}
	if priorID != "" && id != priorID {
		diags.AddError(fmt.Sprintf("Publishing %s updated another flow", file),
			fmt.Sprintf("The org published flow %q as %s, but this resource manages flow %s. Remove the other flow or import it.", f.flow.Name, id, priorID))
		return
	}
	flow, err := flowAPI(r.client).getByID(ctx, id)
	if err != nil || flow == nil {
		if err == nil {
			err = fmt.Errorf("flow %s is not found right after it was published", id)
		}
		addAPIError(diags, nil, fmt.Sprintf("Could not read flow %q after publishing it", f.flow.Name), err)
		return
	}
	m.ID = types.StringValue(id)
	m.FileContentHash = types.StringValue(f.rawHash)
	m.PublishedContentHash = types.StringValue(f.canonicalHash)
	m.PublishedVersion = types.StringValue(publishedVersion(flow))
	m.ContentDrift = types.StringNull()
	m.Name = keepConfigured(m.Name, deref(flow.Name))
	m.Type = keepConfigured(m.Type, deref(flow.Type))
}

// keepConfigured returns the API value unless v already holds it in another case (a
// configured `type = "inboundcall"` stays as written).
func keepConfigured(v types.String, api string) types.String {
	if !v.IsNull() && !v.IsUnknown() && strings.EqualFold(v.ValueString(), api) {
		return v
	}
	return types.StringValue(api)
}

func (r *flowResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, flow, ok := readCurrent(ctx, req, resp, "flow", func(ctx context.Context, _ *flowModel, id string) (*platform.Flow, error) {
		return flowAPI(r.client).getByID(ctx, id)
	})
	if !ok {
		return
	}
	state.Name = keepConfigured(state.Name, deref(flow.Name))
	state.Type = keepConfigured(state.Type, deref(flow.Type))
	if state.ForceUnlock.IsNull() {
		state.ForceUnlock = types.BoolValue(false) // after an import
	}
	version := publishedVersion(flow)
	switch {
	case version == "":
		// Not published (any more): the plan republishes.
		state.PublishedVersion, state.PublishedContentHash, state.ContentDrift = types.StringNull(), types.StringNull(), types.StringNull()
	case version == state.PublishedVersion.ValueString() && !state.PublishedContentHash.IsNull() && !state.PublishedContentHash.IsUnknown():
		// The version seen last is still published: versions do not change, so neither did
		// the content. This keeps a refresh at one API call per flow.
	default:
		data, err := newFlowJobs(r.client).export(ctx, state.ID.ValueString())
		if err != nil {
			addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not export flow %q (%s) to compare it with its file", deref(flow.Name), state.ID.ValueString()), err)
			return
		}
		state.PublishedVersion = types.StringValue(version)
		state.PublishedContentHash, state.ContentDrift = publishedContent(ctx, data, state)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// publishedContent hashes an exported flow's canonical form and compares it with the file
// the state names (after the state's substitutions).
func publishedContent(ctx context.Context, data []byte, state flowModel) (hash, drift types.String) {
	pub, err := archy.Parse("published flow", data)
	if err != nil {
		return types.StringValue(canonicalHash(data)), types.StringValue("the published flow is not readable Archy YAML: " + err.Error())
	}
	canon, err := archy.Canonical(pub)
	if err != nil {
		return types.StringValue(canonicalHash(data)), types.StringValue("the published flow has no canonical form: " + err.Error())
	}
	hash = types.StringValue(canonicalHash(canon))
	if state.Filepath.IsNull() || state.Filepath.IsUnknown() {
		return hash, types.StringNull() // imported: no file to compare with yet
	}
	subs, ok := state.substitutions()
	if !ok {
		return hash, types.StringNull()
	}
	f, err := loadFlowFile(ctx, state.Filepath.ValueString(), subs)
	if err != nil || f.canonicalHash == hash.ValueString() {
		return hash, types.StringNull() // an unreadable file is the plan's to report
	}
	return hash, types.StringValue(describeFlowDrift(canon, f.canonical, f.path))
}

func (r *flowResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state flowModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if state.ForceUnlock.ValueBool() {
		if err := newFlowJobs(r.client).unlock(ctx, id); err != nil {
			addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not unlock flow %q (%s)", state.Name.ValueString(), id), err)
			return
		}
	}
	if err := flowAPI(r.client).delete(ctx, id); err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not delete flow %q (%s)", state.Name.ValueString(), id), err)
	}
}

// ImportState takes a flow id. filepath (and substitutions) must then come from the
// configuration; until the next apply, content_drift stays null.

// checkConfiguredFileHash accepts file_content_hash set in an older configuration (the
// official provider once took it as an input): it warns that the attribute is computed, and
// fails the plan when the value is not the hash of the file as written. It reports whether
// the configuration sets the value (the plan must then carry exactly that value).
func checkConfiguredFileHash(configured types.String, file, actual string, diags *diag.Diagnostics) bool {
	if configured.IsNull() || configured.IsUnknown() {
		return false
	}
	if configured.ValueString() != actual {
		diags.AddAttributeError(path.Root("file_content_hash"), "file_content_hash does not match the flow file",
			fmt.Sprintf("file_content_hash is %q but the sha256 of %s is %q. Remove file_content_hash (it is computed), or set it to filesha256(filepath).",
				configured.ValueString(), file, actual))
		return true
	}
	diags.AddAttributeWarning(path.Root("file_content_hash"), "file_content_hash is computed",
		"This provider computes file_content_hash from the file; setting it is accepted for older configurations. Remove the attribute from the configuration.")
	return true
}
