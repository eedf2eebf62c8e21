package provider

import (
	"context"
	"net/http"
	"net/url"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A user's utilization (routing_utilization): how many interactions of each media type the
// agent takes at once. The API keeps it at /api/v2/routing/users/{id}/utilization: PUT
// replaces it, DELETE returns the user to the org's utilization, and GET answers level
// "Organization" while the user follows the org, which reads as no element (as the official
// provider reads it). Unset in the configuration, it is unmanaged; `routing_utilization = []`
// returns the user to the org's utilization.

// utilizationMedia are the media blocks of routing_utilization, each named as the API's key.
var utilizationMedia = []string{"call", "callback", "chat", "email", "message"}

var (
	mediaUtilizationType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"maximum_capacity": types.Int64Type, "interruptible_media_types": types.SetType{ElemType: types.StringType}, "include_non_acd": types.BoolType}}
	labelUtilizationType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"label_id": types.StringType, "maximum_capacity": types.Int64Type, "interrupting_label_ids": types.SetType{ElemType: types.StringType}}}
	routingUtilizationType = types.ObjectType{AttrTypes: routingUtilizationAttrTypes()}
)

func routingUtilizationAttrTypes() map[string]attr.Type {
	out := map[string]attr.Type{"label_utilizations": types.ListType{ElemType: labelUtilizationType}}
	for _, m := range utilizationMedia {
		out[m] = types.ListType{ElemType: mediaUtilizationType}
	}
	return out
}

// routingUtilizationAttribute is the schema of routing_utilization: a list of objects, so
// that it can be computed (unset = unmanaged) and still be written in the official block syntax.
func routingUtilizationAttribute() schema.ListAttribute {
	return schema.ListAttribute{
		Optional: true, Computed: true, ElementType: routingUtilizationType,
		Description: "The user's own utilization: blocks `call`, `callback`, `chat`, `email`, `message` " +
			"(`maximum_capacity` 0-25, `interruptible_media_types`, `include_non_acd`) and `label_utilizations` " +
			"(`label_id`, `maximum_capacity`, `interrupting_label_ids`). Unset = unmanaged (not read); `[]` returns the user to the org's utilization.",
		Validators:    []validator.List{listvalidator.SizeAtMost(1)},
		PlanModifiers: []planmodifier.List{heldWhenUnset{}},
	}
}

// apiMediaUtilization is the API model MediaUtilization.
type apiMediaUtilization struct {
	MaximumCapacity         int64    `json:"maximumCapacity"`
	InterruptableMediaTypes []string `json:"interruptableMediaTypes"`
	IncludeNonAcd           bool     `json:"includeNonAcd"`
}

// apiLabelUtilization is the API model LabelUtilizationRequest (and its response).
type apiLabelUtilization struct {
	MaximumCapacity      int64    `json:"maximumCapacity"`
	InterruptingLabelIDs []string `json:"interruptingLabelIds"`
}

// apiUtilization is UtilizationRequest and, with level, AgentMaxUtilizationResponse.
type apiUtilization struct {
	Utilization       map[string]apiMediaUtilization `json:"utilization"`
	LabelUtilizations map[string]apiLabelUtilization `json:"labelUtilizations,omitempty"`
	Level             string                         `json:"level,omitempty"`
}

func userUtilizationPath(userID string) string {
	return "/api/v2/routing/users/" + url.PathEscape(userID) + "/utilization"
}

func readUserUtilization(ctx context.Context, c *platform.Client, userID string) (*apiUtilization, error) {
	var out apiUtilization
	if err := c.Do(ctx, http.MethodGet, userUtilizationPath(userID), nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// writeUserUtilization PUTs the planned utilization, or DELETEs the user's own when the
// configuration writes `[]`; unset (not managed), nothing is sent.
func writeUserUtilization(ctx context.Context, c *platform.Client, userID string, plan types.List, managed bool, diags *diag.Diagnostics) error {
	if !managed || !isSet(plan) {
		return nil
	}
	if len(plan.Elements()) == 0 {
		return c.Do(ctx, http.MethodDelete, userUtilizationPath(userID), nil, nil, nil)
	}
	body := utilizationRequest(plan.Elements()[0].(types.Object), diags)
	if diags.HasError() {
		return nil
	}
	return c.Do(ctx, http.MethodPut, userUtilizationPath(userID), nil, body, nil)
}

// utilizationRequest maps the configured element to the API's request; a media block left out
// is left out of the request.
func utilizationRequest(obj types.Object, diags *diag.Diagnostics) apiUtilization {
	ctx := context.Background()
	out := apiUtilization{Utilization: map[string]apiMediaUtilization{}, LabelUtilizations: map[string]apiLabelUtilization{}}
	fields := obj.Attributes()
	for _, m := range utilizationMedia {
		list, _ := fields[m].(types.List)
		if !isSet(list) || len(list.Elements()) == 0 {
			continue
		}
		media := list.Elements()[0].(types.Object).Attributes()
		interruptible := stringsOf(ctx, media["interruptible_media_types"].(types.Set), diags)
		if interruptible == nil {
			interruptible = []string{}
		}
		out.Utilization[m] = apiMediaUtilization{MaximumCapacity: media["maximum_capacity"].(types.Int64).ValueInt64(),
			InterruptableMediaTypes: interruptible, IncludeNonAcd: media["include_non_acd"].(types.Bool).ValueBool()}
	}
	if labels, _ := fields["label_utilizations"].(types.List); isSet(labels) {
		for _, e := range labels.Elements() {
			l := e.(types.Object).Attributes()
			interrupting := stringsOf(ctx, l["interrupting_label_ids"].(types.Set), diags)
			if interrupting == nil {
				interrupting = []string{}
			}
			out.LabelUtilizations[l["label_id"].(types.String).ValueString()] = apiLabelUtilization{
				MaximumCapacity: l["maximum_capacity"].(types.Int64).ValueInt64(), InterruptingLabelIDs: interrupting}
		}
	}
	return out
}
