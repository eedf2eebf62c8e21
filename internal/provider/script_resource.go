package provider

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A script agents follow, written as the official provider writes it: the file (a script
// export, `{{key}}` placeholders filled from substitutions) is posted as a multipart form to
// the org's upload service (/uploads/v2/scripter, on the apps host beside the API host),
// the upload's status is polled, the script is found by its name, moved to its division and
// published. An update uploads the file again, replacing the script in place. The org does
// not give the file back, so only the name and the division are read.

// scriptUploadTimeout bounds the wait for an upload's import and for the script to be
// listed under its name.
const scriptUploadTimeout = time.Minute

// scriptObject is the API model Script, as far as the resource reads it.
type scriptObject = uploadedObject

func scriptAPI(c *platform.Client) entityAPI[scriptObject] {
	return entityAPI[scriptObject]{client: c, path: kinds.Genesys().Named(kinds.Script).API.Collection,
		name: func(s *scriptObject) string { return s.Name }, deleteTimeout: 30 * time.Second}
}

type scriptModel struct {
	ID              types.String `tfsdk:"id"`
	Filepath        types.String `tfsdk:"filepath"`
	ScriptName      types.String `tfsdk:"script_name"`
	DivisionID      types.String `tfsdk:"division_id"`
	FileContentHash types.String `tfsdk:"file_content_hash"`
	Substitutions   types.Map    `tfsdk:"substitutions"`
}

type scriptResource struct {
	crudResource[scriptModel, scriptObject]
}

func newScriptResource() resource.Resource {
	return &scriptResource{crudResource[scriptModel, scriptObject]{
		resourceBase: resourceBase{typeSuffix: "_script"}, what: "script", api: scriptAPI, errorAttr: "filepath",
		label: func(m *scriptModel) string { return quotedName(m.ScriptName) },
		createThenRead: func(ctx context.Context, c *platform.Client, plan *scriptModel, diags *diag.Diagnostics) (string, error) {
			return writeScript(ctx, c, plan, "", diags)
		},
		updateThenRead: func(ctx context.Context, c *platform.Client, plan *scriptModel, diags *diag.Diagnostics) (string, error) {
			return writeScript(ctx, c, plan, plan.ID.ValueString(), diags)
		},
		fromAPI: (*scriptModel).fromAPI,
	}}
}

// writeScript uploads the planned file as a new script (replaces "") or over the script
// replaces, then moves it to its division and publishes it. It returns the script's id.
func writeScript(ctx context.Context, c *platform.Client, plan *scriptModel, replaces string, diags *diag.Diagnostics) (string, error) {
	content, ok := plan.content(ctx, diags)
	if !ok {
		return "", nil
	}
	api, name := scriptAPI(c), plan.ScriptName.ValueString()
	if replaces == "" {
		// Names are how scripts are found after an upload, so the official provider
		// refuses to make a second script of a name.
		taken, err := api.findByName(ctx, name)
		if err != nil {
			return "", err
		}
		if taken != nil {
			diags.AddAttributeError(path.Root("script_name"), fmt.Sprintf("A script named %q exists", name),
				fmt.Sprintf("Script %s already has this name; scripts are found by their name after an upload, so choose another one (or import that script).", taken.ID))
			return "", nil
		}
	}
	if err := uploadScript(ctx, c, filepath.Base(plan.Filepath.ValueString()), content, name, replaces); err != nil {
		return "", err
	}
	id := replaces
	if id == "" {
		found, ok, err := awaitMatch(ctx, scriptUploadTimeout, func(ctx context.Context) (*scriptObject, bool, error) {
			s, err := api.findByName(ctx, name)
			return s, s != nil, err
		})
		if err != nil {
			return "", err
		}
		if !ok {
			return "", fmt.Errorf("the script %q was uploaded but is not listed under its name after %s", name, scriptUploadTimeout)
		}
		id = found.ID
	}
	if div := plan.DivisionID.ValueString(); div != "" {
		target := "/api/v2/authorization/divisions/" + url.PathEscape(div) + "/objects/SCRIPT"
		if err := c.PostRepeatable(ctx, target, nil, []string{id}, nil); err != nil {
			return "", fmt.Errorf("move script %s to division %s: %w", id, div, err)
		}
	}
	if err := c.PostRepeatable(ctx, api.path+"/published", url.Values{"scriptDataVersion": {"0"}}, map[string]string{"scriptId": id}, nil); err != nil {
		if replaces == "" {
			// A script that cannot be published is not left behind half made.
			_ = api.delete(ctx, id)
		}
		return "", fmt.Errorf("publish script %s: %w", id, err)
	}
	if !isSet(plan.FileContentHash) {
		plan.FileContentHash = types.StringValue(contentHash(content))
	}
	return id, nil
}

// content is the planned file with the substitutions' `{{key}}` placeholders filled in;
// placeholders without a value stay (scripts use the same braces for their variables).
func (m *scriptModel) content(ctx context.Context, diags *diag.Diagnostics) ([]byte, bool) {
	raw, err := os.ReadFile(localPath(ctx, m.Filepath.ValueString()))
	if err != nil {
		diags.AddAttributeError(path.Root("filepath"), "Cannot read the script file", err.Error())
		return nil, false
	}
	subs := map[string]string{}
	if isSet(m.Substitutions) {
		diags.Append(m.Substitutions.ElementsAs(ctx, &subs, false)...)
		if diags.HasError() {
			return nil, false
		}
	}
	out, _ := archy.Substitute(raw, subs)
	return out, true
}

// uploadScript posts the file to the org's upload service and waits until its import
// succeeded.
func uploadScript(ctx context.Context, c *platform.Client, fileName string, content []byte, name, replaces string) error {
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, err := mw.CreateFormFile("file", fileName)
	if err == nil {
		_, err = fw.Write(content)
	}
	for field, v := range map[string]string{"scriptName": name, "scriptIdToReplace": replaces} {
		if err == nil && v != "" {
			err = mw.WriteField(field, v)
		}
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		return fmt.Errorf("build the upload form: %w", err)
	}
	var up struct {
		CorrelationID string `json:"correlationId"`
	}
	if err := c.PostUpload(ctx, scriptUploadURL(c), platform.RawBody{ContentType: mw.FormDataContentType(), Data: form.Bytes()}, &up); err != nil {
		return err
	}
	if up.CorrelationID == "" {
		return fmt.Errorf("the script upload answered no correlationId")
	}
	return poll(ctx, scriptUploadTimeout, func(ctx context.Context) (bool, error) {
		var st struct {
			Succeeded bool   `json:"succeeded"`
			Message   string `json:"message"`
		}
		if err := c.Do(ctx, http.MethodGet, scriptAPI(c).path+"/uploads/"+url.PathEscape(up.CorrelationID)+"/status", nil, nil, &st); err != nil {
			return false, permanent(err)
		}
		if !st.Succeeded {
			return false, fmt.Errorf("the import of script %q has not succeeded yet: %s", name, st.Message)
		}
		return true, nil
	})
}

// scriptUploadURL is the org's scripter upload service: on the apps host beside the API host
// of a real org, on the API host itself behind a gateway or for the local org.
func scriptUploadURL(c *platform.Client) string {
	return strings.Replace(c.BaseURL(), "://api.", "://apps.", 1) + kinds.Genesys().Named(kinds.Script).API.CreateAt()
}

// fromAPI reads a script's name and division; the file's attributes stay as planned.
func (m *scriptModel) fromAPI(s *scriptObject) {
	m.ID = types.StringValue(s.ID)
	m.ScriptName = types.StringValue(s.Name)
	if s.Division != nil {
		m.DivisionID = types.StringValue(deref(s.Division.ID))
	} else if m.DivisionID.IsUnknown() {
		m.DivisionID = types.StringNull()
	}
	if m.FileContentHash.IsUnknown() {
		m.FileContentHash = types.StringNull()
	}
}

func (r *scriptResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud script: what agents see and fill in during an interaction, uploaded from a script export file.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"filepath": schema.StringAttribute{Required: true,
				Description: "Path of the script file (a script exported from the script editor, JSON). A change uploads it again."},
			"script_name": schema.StringAttribute{Required: true,
				Description: "Name of the script; scripts are found by it after an upload, so it must be unused when the script is made."},
			"division_id": schema.StringAttribute{Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description:   "The division the script belongs to. When not set, the org puts it in the home division."},
			"file_content_hash": schema.StringAttribute{Optional: true, Computed: true,
				PlanModifiers: []planmodifier.String{hashOfFile{fileAttr: "filepath"}},
				Description: "SHA-256 of the script file (as filesha256() writes it). Defaults to the hash of the file, " +
					"so that an edited file is uploaded again."},
			"substitutions": schema.MapAttribute{Optional: true, ElementType: types.StringType,
				Description: "Values for `{{key}}` placeholders in the file, filled in before the upload."},
		},
	}
}
