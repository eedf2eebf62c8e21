package provider

import (
	"context"
	"net/http"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type organizationsMeModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	DefaultLanguage    types.String `tfsdk:"default_language"`
	DefaultCountryCode types.String `tfsdk:"default_country_code"`
	ThirdPartyOrgName  types.String `tfsdk:"third_party_org_name"`
	ThirdPartyURI      types.String `tfsdk:"third_party_uri"`
	Domain             types.String `tfsdk:"domain"`
	Version            types.Int64  `tfsdk:"version"`
	State              types.String `tfsdk:"state"`
	DefaultSiteID      types.String `tfsdk:"default_site_id"`
	SupportURI         types.String `tfsdk:"support_uri"`
	VoicemailEnabled   types.Bool   `tfsdk:"voicemail_enabled"`
	ProductPlatform    types.String `tfsdk:"product_platform"`
}

// newOrganizationsMeDataSource is genesyscloud_organizations_me: the org the provider talks to.
func newOrganizationsMeDataSource() datasource.DataSource {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Description: desc}
	}
	// The official schema marks these optional: a configuration may set them, and what it
	// sets is checked against the org (see checkConfigured).
	optional := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, Description: desc + " Optional: when set, the org must have this value."}
	}
	return &singleObjectDataSource[platform.Organization]{
		dataSourceBase: dataSourceBase{typeSuffix: "_organizations_me"}, what: "the organization",
		schema: schema.Schema{
			Description: "The organization of the provider's credentials.",
			Attributes: map[string]schema.Attribute{
				"id":                   str("Organization GUID."),
				"name":                 optional("Organization name."),
				"default_language":     optional("Default language, e.g. en."),
				"default_country_code": optional("Default country code, e.g. US."),
				"third_party_org_name": optional("The organization's short name (globally unique)."),
				"third_party_uri":      str("Third-party URI."),
				"domain":               optional("Domain."),
				"version":              schema.Int64Attribute{Computed: true, Description: "Version of the organization settings."},
				"state":                str("State: active, inactive or deleted."),
				"default_site_id":      optional("Default site GUID."),
				"support_uri":          optional("Support URI."),
				"voicemail_enabled": schema.BoolAttribute{Optional: true, Computed: true,
					Description: "Whether voicemail is enabled. Optional: when set, the org must have this value."},
				"product_platform": optional("Product platform, e.g. GenesysCloud."),
			},
		},
		read: func(ctx context.Context, c *platform.Client) (*platform.Organization, error) {
			var org platform.Organization
			return &org, c.Do(ctx, http.MethodGet, "/api/v2/organizations/me", nil, nil, &org)
		},
		state: func(org *platform.Organization) any {
			return organizationsMeModel{
				ID:                 types.StringValue(deref(org.ID)),
				Name:               types.StringValue(deref(org.Name)),
				DefaultLanguage:    types.StringValue(deref(org.DefaultLanguage)),
				DefaultCountryCode: types.StringValue(deref(org.DefaultCountryCode)),
				ThirdPartyOrgName:  types.StringValue(deref(org.ThirdPartyOrgName)),
				ThirdPartyURI:      types.StringValue(deref(org.ThirdPartyURI)),
				Domain:             types.StringValue(deref(org.Domain)),
				Version:            types.Int64Value(int64(deref(org.Version))),
				State:              types.StringValue(deref(org.State)),
				DefaultSiteID:      types.StringValue(deref(org.DefaultSiteID)),
				SupportURI:         types.StringValue(deref(org.SupportURI)),
				VoicemailEnabled:   types.BoolValue(deref(org.VoicemailEnabled)),
				ProductPlatform:    types.StringValue(deref(org.ProductPlatform)),
			}
		},
	}
}
