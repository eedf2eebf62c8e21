package provider

import (
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// routingUtilizationState reads the API's utilization as routing_utilization. prior (plan or
// state) decides how what the configuration leaves out reads: block syntax leaves an omitted
// block or field null, and that null must survive the apply. The API answers every media type
// (those the user has not set follow the org's), so a media block the prior holds as null
// stays null, and a field the API answers as zero keeps the prior's null. Without a prior
// element (import, or unmanaged at create) everything the API answers is read.
func routingUtilizationState(api *apiUtilization, prior types.List) types.List {
	if api == nil || api.Level == "Organization" {
		return types.ListValueMust(routingUtilizationType, []attr.Value{})
	}
	priorFields := firstObjectFields(prior)
	values := map[string]attr.Value{}
	for _, m := range utilizationMedia {
		priorList, _ := priorFields[m].(types.List)
		v, ok := api.Utilization[m]
		if priorFields != nil && priorList.IsNull() {
			values[m] = types.ListNull(mediaUtilizationType)
			continue
		}
		if !ok {
			values[m] = emptyLike(priorList, mediaUtilizationType)
			continue
		}
		p := firstObjectFields(priorList)
		values[m] = types.ListValueMust(mediaUtilizationType, []attr.Value{types.ObjectValueMust(mediaUtilizationType.AttrTypes, map[string]attr.Value{
			"maximum_capacity":          types.Int64Value(v.MaximumCapacity),
			"interruptible_media_types": stringSetOrPriorNull(v.InterruptableMediaTypes, p["interruptible_media_types"]),
			"include_non_acd":           boolOrPriorNull(v.IncludeNonAcd, p["include_non_acd"]),
		})})
	}
	priorLabels, _ := priorFields["label_utilizations"].(types.List)
	values["label_utilizations"] = labelUtilizationsState(api.LabelUtilizations, priorLabels)
	return types.ListValueMust(routingUtilizationType, []attr.Value{types.ObjectValueMust(routingUtilizationType.AttrTypes, values)})
}

// labelUtilizationsState lists the API's label utilizations in the prior's order of label ids,
// then the others by id.
func labelUtilizationsState(api map[string]apiLabelUtilization, prior types.List) types.List {
	if len(api) == 0 {
		return emptyLike(prior, labelUtilizationType)
	}
	priorByID := map[string]map[string]attr.Value{}
	var order []string
	if isSet(prior) {
		for _, e := range prior.Elements() {
			fields := e.(types.Object).Attributes()
			id := fields["label_id"].(types.String).ValueString()
			if _, ok := api[id]; ok {
				order = append(order, id)
				priorByID[id] = fields
			}
		}
	}
	var rest []string
	for id := range api {
		if priorByID[id] == nil {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	elems := []attr.Value{}
	for _, id := range append(order, rest...) {
		l := api[id]
		elems = append(elems, types.ObjectValueMust(labelUtilizationType.AttrTypes, map[string]attr.Value{
			"label_id":               types.StringValue(id),
			"maximum_capacity":       types.Int64Value(l.MaximumCapacity),
			"interrupting_label_ids": stringSetOrPriorNull(l.InterruptingLabelIDs, priorByID[id]["interrupting_label_ids"]),
		}))
	}
	return types.ListValueMust(labelUtilizationType, elems)
}

// firstObjectFields are the fields of a list's first object; nil when there is none.
func firstObjectFields(l types.List) map[string]attr.Value {
	if !isSet(l) || len(l.Elements()) == 0 {
		return nil
	}
	obj, ok := l.Elements()[0].(types.Object)
	if !ok || obj.IsNull() || obj.IsUnknown() {
		return nil
	}
	return obj.Attributes()
}

// emptyLike is an absent nested block as the prior spelled it: an empty list when the prior
// held one, else null.
func emptyLike(prior types.List, elem types.ObjectType) types.List {
	if isSet(prior) {
		return types.ListValueMust(elem, []attr.Value{})
	}
	return types.ListNull(elem)
}

// stringSetOrPriorNull is the API's strings as a set, or null when they are none and the prior was null.
func stringSetOrPriorNull(api []string, prior attr.Value) types.Set {
	if len(api) == 0 && prior != nil && prior.IsNull() {
		return types.SetNull(types.StringType)
	}
	return stringSetValue(api)
}

// boolOrPriorNull is the API's bool, or null when it is false and the prior was null.
func boolOrPriorNull(api bool, prior attr.Value) types.Bool {
	if !api && prior != nil && prior.IsNull() {
		return types.BoolNull()
	}
	return types.BoolValue(api)
}
