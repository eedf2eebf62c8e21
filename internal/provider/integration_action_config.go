package provider

import (
	"context"
	"net/http"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The request and response configuration of a data action, shared by data actions and the
// custom auth action of an integration: the same blocks, the same API model and the same
// versioned PATCH.

// actionTemplate is a Velocity template the org fills with its default when left out; it is
// then not managed.
func actionTemplate(description string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Description: description,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
}

// actionConfigBlocks are config_request and config_response, described for what the request
// is for (requestFor) and what the response becomes (responseTo).
func actionConfigBlocks(requestFor, responseTo string) map[string]schema.Block {
	return map[string]schema.Block{
		"config_request": schema.ListNestedBlock{
			Description: requestFor,
			Validators:  []validator.List{listvalidator.SizeAtMost(1)},
			NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
				"request_url_template": schema.StringAttribute{Required: true, Description: "URL template (Velocity), e.g. `https://api.example.com/users/$${input.id}`."},
				"request_type": schema.StringAttribute{Required: true, Description: "HTTP method: `GET`, `PUT`, `POST`, `PATCH` or `DELETE`.",
					Validators: []validator.String{stringvalidator.OneOf("GET", "PUT", "POST", "PATCH", "DELETE")}},
				"request_template": actionTemplate("Body template (Velocity); write `$${` for a literal `${`. When not set, the org's default is kept."),
				"headers":          schema.MapAttribute{Optional: true, ElementType: types.StringType, Description: "Request headers."},
			}},
		},
		"config_response": schema.ListNestedBlock{
			Description: responseTo,
			Validators:  []validator.List{listvalidator.SizeAtMost(1)},
			NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
				"translation_map":          schema.MapAttribute{Optional: true, ElementType: types.StringType, Description: "Output variable name → JSONPath into the response."},
				"translation_map_defaults": schema.MapAttribute{Optional: true, ElementType: types.StringType, Description: "Defaults for translation_map entries the response lacks."},
				"success_template":         actionTemplate("Output template (Velocity); write `$${` for a literal `${`. When not set, the org's default is kept."),
			}},
		},
	}
}

// patchAction writes in (name, category, configuration) over the action at its current
// version, retrying when someone else changed it meanwhile.
func patchAction(ctx context.Context, c *platform.Client, id string, in platform.UpdateActionInput) error {
	_, err := writeVersioned(ctx, actionAPI(c), http.MethodPatch, id,
		func(a *platform.Action) int { return deref(a.Version) },
		func(version int) any {
			in.Version = &version
			return in
		})
	return err
}
