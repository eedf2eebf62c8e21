package provider

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Data sources that find an object by arguments which together tell it apart, where a
// by-name lookup does not fit: a pool by its first and last number, an email route by its
// domain and pattern, a data action by its name in one integration, the custom auth action of
// an integration. They differ only in their arguments and in how the org is asked, so one
// implementation serves them all.

// didPoolsPath is the DID pool collection. The resource is the catalogue's generic one
// (kinds.DIDPool); only the data source, which finds a pool by its exact range, is here.
const didPoolsPath = "/api/v2/telephony/providers/edges/didpools"

// lookupArgument is one argument of an argument lookup, required unless optional.
type lookupArgument struct {
	name, description string
	validators        []validator.String
	optional          bool
}

// argumentLookupDataSource finds one object by the values of its arguments.
type argumentLookupDataSource struct {
	dataSourceBase
	// what names the kind in messages ("DID pool"); description and idDescription document
	// the data source and its id.
	what, description, idDescription string
	args                             []lookupArgument
	// label names the object looked for by its arguments' values, in args' order
	// ("1000..1999"); an optional argument left out is "".
	label func(values []string) string
	// noMatch is the detail of the error on the first argument when nothing matched.
	noMatch string
	// find asks the org for the object's id; ok is false when nothing matches (yet).
	find func(ctx context.Context, c *platform.Client, values []string) (id string, ok bool, err error)
}

func (d *argumentLookupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]dsschema.Attribute{"id": dsschema.StringAttribute{Computed: true, Description: d.idDescription}}
	for _, a := range d.args {
		attrs[a.name] = dsschema.StringAttribute{Required: !a.optional, Optional: a.optional, Validators: a.validators, Description: a.description}
	}
	resp.Schema = dsschema.Schema{Description: d.description, Attributes: attrs}
}

func (d *argumentLookupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	configured := make([]types.String, len(d.args))
	values := make([]string, len(d.args))
	for i, a := range d.args {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(a.name), &configured[i])...)
		values[i] = configured[i].ValueString()
	}
	if resp.Diagnostics.HasError() {
		return
	}
	describe := func(*[]string) string { return d.what + " " + d.label(values) }
	id, ok := runLookup(ctx, &values, &resp.Diagnostics, lookup[[]string, string]{
		find: func(ctx context.Context, _ *[]string) (string, bool, error) {
			return d.find(ctx, d.client, values)
		},
		describe: describe,
		notFound: func(m *[]string, diags *diag.Diagnostics) {
			diags.AddAttributeError(path.Root(d.args[0].name), "No "+describe(m), d.noMatch)
		},
	})
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), types.StringValue(id))...)
	for i, a := range d.args {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(a.name), configured[i])...)
	}
}

// rangeLabel names a pool by its range, e.g. "+13175550000..+13175550099".
func rangeLabel(values []string) string { return values[0] + ".." + values[1] }

// noPoolDetail explains that no pool of the kind what has exactly the configured range.
func noPoolDetail(what string) string {
	return fmt.Sprintf("No %s has exactly this range (waited %s for it to appear). Check both numbers and the org the provider is configured for.", what, lookupWait(lookupTimeout))
}

// newTelephonyDidPoolDataSource finds a DID pool by its exact range, as the official one does.
func newTelephonyDidPoolDataSource() datasource.DataSource {
	return &argumentLookupDataSource{
		dataSourceBase: dataSourceBase{typeSuffix: "_telephony_providers_edges_did_pool"},
		what:           "DID pool", description: "Looks up a DID pool by its first and last number.", idDescription: "The DID pool's GUID.",
		args: []lookupArgument{
			{name: "start_phone_number", description: "First number of the pool (E.164).", validators: e164Validators()},
			{name: "end_phone_number", description: "Last number of the pool (E.164).", validators: e164Validators()},
		},
		label: rangeLabel, noMatch: noPoolDetail("DID pool"),
		find: func(ctx context.Context, c *platform.Client, values []string) (string, bool, error) {
			start, end := values[0], values[1]
			// The pool list has no number filter; it is read whole, a page of 500 at a time.
			pools, err := platform.ListAll[apiObject](ctx, c, didPoolsPath, nil, 500)
			return firstLive(pools, err, func(p apiObject) bool {
				return p["startPhoneNumber"] == start && p["endPhoneNumber"] == end
			})
		},
	}
}

// newTelephonyExtensionPoolDataSource finds an extension pool by its exact range, as the
// official one does. The resource is the catalogue's generic one (kinds.ExtensionPool).
func newTelephonyExtensionPoolDataSource() datasource.DataSource {
	return &argumentLookupDataSource{
		dataSourceBase: dataSourceBase{typeSuffix: "_telephony_providers_edges_extension_pool"},
		what:           "extension pool", description: "Looks up an extension pool by its first and last number.", idDescription: "The extension pool's GUID.",
		args: []lookupArgument{
			{name: "start_number", description: "Starting number of the Extension Pool range."},
			{name: "end_number", description: "Ending number of the Extension Pool range."},
		},
		label: rangeLabel, noMatch: noPoolDetail("extension pool"),
		find: func(ctx context.Context, c *platform.Client, values []string) (string, bool, error) {
			start, end := values[0], values[1]
			// The listing filters by one number a pool holds: the start number narrows it to
			// the pool that begins there (pools do not overlap), whose end must match too.
			collection := kinds.Genesys().Named(kinds.ExtensionPool).API.Collection
			pools, err := platform.ListAll[apiObject](ctx, c, collection, url.Values{"number": {start}}, 100)
			return firstLive(pools, err, func(p apiObject) bool {
				return p["startNumber"] == start && p["endNumber"] == end
			})
		},
	}
}

// newEmailRouteDataSource finds an email route by its domain and pattern, as the official one
// does. Its id is the route resource's (<domain id>/<route id>), which a reply address takes
// as well.
func newEmailRouteDataSource() datasource.DataSource {
	return &argumentLookupDataSource{
		dataSourceBase: dataSourceBase{typeSuffix: "_routing_email_route"},
		what:           "email route", description: "Looks up an email route by its domain and pattern.",
		idDescription: "The route's id, `<domain id>/<route id>` as the resource has it.",
		// The pattern comes first: a failed lookup is reported on it, the argument a user
		// most likely mistyped.
		args: []lookupArgument{
			{name: "pattern", description: "The route's address pattern."},
			{name: "domain_id", description: "Id of the email domain (its domain name)."},
		},
		label:   func(values []string) string { return fmt.Sprintf("%q of %s", values[0], values[1]) },
		noMatch: noMatchDetail("email route of the domain", "pattern"),
		find: func(ctx context.Context, c *platform.Client, values []string) (string, bool, error) {
			pattern, domain := values[0], values[1]
			routes := kinds.Genesys().Named(kinds.EmailRoute)
			found, err := platform.ListAll[apiObject](ctx, c, routes.API.CollectionOf(domain),
				url.Values{"pattern": {pattern}}, routes.API.PageSize())
			id, ok, err := firstLive(found, err, func(r apiObject) bool {
				p, _ := r["pattern"].(string)
				return strings.EqualFold(p, pattern)
			})
			if ok {
				id = kinds.ChildID(domain, id)
			}
			return id, ok, err
		},
	}
}

// firstLive is the id of the first listed object that is not soft-deleted and that match
// keeps; ok is false when there is none. A failed listing (err) is passed on.
func firstLive(listed []apiObject, err error, match func(apiObject) bool) (id string, ok bool, _ error) {
	if err != nil {
		return "", false, err
	}
	for _, obj := range listed {
		if obj["state"] != "deleted" && match(obj) {
			id, _ := obj["id"].(string)
			return id, true, nil
		}
	}
	return "", false, nil
}
