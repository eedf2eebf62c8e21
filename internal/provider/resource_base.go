package provider

import (
	"context"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// resourceBase is what every hand-written resource has in common besides its schema and
// CRUD: its type name, the configured client, and import by id.
type resourceBase struct {
	clientHolder
	typeSuffix string // e.g. "_routing_wrapupcode"
}

func (r *resourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + r.typeSuffix
}

func (r *resourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configureFrom(req.ProviderData, &resp.Diagnostics)
}

// ImportState imports by the object's GUID; Read fills in the rest.
func (r *resourceBase) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// describedObject opens the model of a hand-written resource whose object has a name and a
// description beside its id (divisions, roles, groups, skill groups, user prompts).
type describedObject struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
}

// readDescribed takes the id, name and description the org answers; an empty description
// reads as the prior value has it (see optionalString).
func (o *describedObject) readDescribed(id, name string, description *string) {
	o.ID, o.Name = types.StringValue(id), types.StringValue(name)
	o.Description = optionalString(description, o.Description)
}

// uploadedObject is what the resources made by uploading a file (a script, a response asset)
// read of the object the upload makes: the file itself never comes back, only the object's
// id, name and division.
type uploadedObject struct {
	ID       string                    `json:"id,omitempty"`
	Name     string                    `json:"name"`
	Division *platform.DomainEntityRef `json:"division,omitempty"`
}

// dataSourceBase is what every hand-written data source has in common besides its schema
// and Read: its type name and the configured client.
type dataSourceBase struct {
	clientHolder
	typeSuffix string // e.g. "_auth_division_home"
}

func (d *dataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + d.typeSuffix
}

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configureFrom(req.ProviderData, &resp.Diagnostics)
}
