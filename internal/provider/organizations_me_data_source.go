package provider

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// newOrganizationsMeDataSource is genesyscloud_organizations_me: the org the provider talks to.
// The official schema marks most attributes optional: a configuration may set them, and what
// it sets is checked against the org.
func newOrganizationsMeDataSource() datasource.DataSource {
	return &singleObjectDataSource{
		dataSourceBase: dataSourceBase{typeSuffix: "_organizations_me"}, what: "the organization",
		description: "The organization of the provider's credentials.", path: "/api/v2/organizations/me",
		attributes: map[string]objectAttribute{
			"id":                   {json: "id", typ: kinds.String, description: "Organization GUID."},
			"name":                 {json: "name", typ: kinds.String, description: "Organization name.", optional: true},
			"default_language":     {json: "defaultLanguage", typ: kinds.String, description: "Default language, e.g. en.", optional: true},
			"default_country_code": {json: "defaultCountryCode", typ: kinds.String, description: "Default country code, e.g. US.", optional: true},
			"third_party_org_name": {json: "thirdPartyOrgName", typ: kinds.String, description: "The organization's short name (globally unique).", optional: true},
			"third_party_uri":      {json: "thirdPartyURI", typ: kinds.String, description: "Third-party URI."},
			"domain":               {json: "domain", typ: kinds.String, description: "Domain.", optional: true},
			"version":              {json: "version", typ: kinds.Int, description: "Version of the organization settings."},
			"state":                {json: "state", typ: kinds.String, description: "State: active, inactive or deleted."},
			"default_site_id":      {json: "defaultSiteId", typ: kinds.String, description: "Default site GUID.", optional: true},
			"support_uri":          {json: "supportURI", typ: kinds.String, description: "Support URI.", optional: true},
			"voicemail_enabled":    {json: "voicemailEnabled", typ: kinds.Bool, description: "Whether voicemail is enabled.", optional: true},
			"product_platform":     {json: "productPlatform", typ: kinds.String, description: "Product platform, e.g. GenesysCloud.", optional: true},
		},
	}
}
