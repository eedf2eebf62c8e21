package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// idAttribute is the computed GUID every resource has; it never changes after create.
func idAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Computed:      true,
		Description:   "The object's GUID.",
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// requiredReplacing is a required string whose change replaces the object: what the object
// belongs to (its queue, flow, table, domain) or the name others find it by.
func requiredReplacing(description string) schema.StringAttribute {
	return schema.StringAttribute{
		Required:      true,
		Description:   description,
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// unmanagedSet is an Optional+Computed set: left out of the configuration, the org's value
// is kept and not managed; an empty set clears it.
func unmanagedSet(elem attr.Type, description string) schema.SetAttribute {
	return schema.SetAttribute{
		Optional:      true,
		Computed:      true,
		ElementType:   elem,
		Description:   description,
		PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
	}
}

// e164Validators checks a phone number at plan time.
func e164Validators() []validator.String {
	return []validator.String{stringvalidator.RegexMatches(e164, "must be an E.164 number such as +13175550100")}
}
