package kinds

// Catalogue names of the telephony area's kinds added for breadth.
const (
	ExtensionPool = "telephony.extensionpool"
	TrunkBase     = "telephony.trunkbase"
	Site          = "telephony.site"
)

// telephonyListing is the listing the telephony collections share: sortOrder ASC or DESC,
// sortBy name, the total repeated as totalNumberOfEntities.
func telephonyListing() Listing {
	return Listing{Ascending: []string{"asc", "ascending"}, Descending: []string{"desc", "descending"}, RepeatTotal: true}
}

// telephonyWrites are the telephony collections' permissions: telephony:plugin:all for every
// write, view to read.
func telephonyWrites() map[string]string {
	return map[string]string{"GET": "view", "POST": "all", "PUT": "all", "DELETE": "all"}
}

// telephonyAreaKinds are telephony kinds beyond DID pools: extension pools, trunk base
// settings, sites.
func telephonyAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: Site, Resource: "genesyscloud_telephony_providers_edges_site",
			DataSource: "genesyscloud_telephony_providers_edges_site", Noun: "site",
			API: API{Collection: "/api/v2/telephony/providers/edges/sites", NameFilter: "name", Update: "PUT",
				Version: IntVersion, List: telephonyListing()},
			Model: "Site", Audit: Audit{"Telephony", "Site"}, Permission: "telephony:plugin", Actions: telephonyWrites(),
			BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"site_id", "inbound_site_id", "default_site_id", "primary_sites", "secondary_sites"},
			DependsOn:    []string{Location},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the entity."},
				{Attr: "location_id", JSON: "location.id", Type: String, Mode: Required, Ref: Location,
					Description: "Site location ID."},
				{Attr: "media_model", JSON: "mediaModel", Type: String, Mode: Required, Enum: []string{"Premises", "Cloud"},
					ForceNew: true, Description: "Media model for the site. Changing it replaces the site."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Site description."},
				{Attr: "caller_id", JSON: "callerId", Type: String, Mode: Optional, Format: E164,
					Description: "The caller ID value for the site, a valid E.164 number."},
				{Attr: "caller_name", JSON: "callerName", Type: String, Mode: Optional,
					Description: "The caller name for the site."},
				{Attr: "edge_auto_update_config", JSON: "edgeAutoUpdateConfig", Type: Object, Mode: Optional,
					Description: "Recurrence configuration for the site's edge auto update.",
					Nested: []Field{
						{Attr: "time_zone", JSON: "timeZone", Type: String, Mode: Required, Format: TimeZone,
							Description: "The timezone of the window in which any updates to the edges assigned to the site can be applied."},
						{Attr: "rrule", JSON: "rrule", Type: String, Mode: Required, Format: RRule,
							Description: "A reoccurring rule for updating the edges assigned to the site (e.g. `FREQ=WEEKLY;BYDAY=SU`)."},
						{Attr: "start", JSON: "start", Type: String, Mode: Required, Format: LocalDateTime,
							Description: "Date time is represented as an ISO-8601 string without a timezone."},
						{Attr: "end", JSON: "end", Type: String, Mode: Required, Format: LocalDateTime, NotBefore: "start",
							Description: "Date time is represented as an ISO-8601 string without a timezone."},
					}},
				{Attr: "media_regions", JSON: "mediaRegions", Type: StringList, Mode: Optional,
					Description: "The ordered list of AWS regions through which media can stream."},
				{Attr: "media_regions_use_latency_based", JSON: "mediaRegionsUseLatencyBased", Type: Bool, Mode: Optional, Default: false,
					Description: "Whether the site's media is routed through the region of lowest latency."},
				{Attr: "primary_sites", JSON: "primarySites[].id", Type: StringList, Mode: Optional, Ref: Site,
					Description: "Used for primary phone edge assignment on physical edges only."},
				{Attr: "secondary_sites", JSON: "secondarySites[].id", Type: StringList, Mode: Optional, Ref: Site,
					Description: "Used for secondary phone edge assignment on physical edges only."},
				{Attr: "managed", JSON: "managed", Type: Bool, Mode: Computed,
					Description: "Whether the site is managed by Genesys Cloud."},
				{Attr: "number_plans", JSON: "numberPlans", Type: Block, Mode: Optional,
					KeptAt: &Subresource{Path: "numberplans", Key: "name"},
					Description: "Number plans of the site, each classifying the numbers dialled from it. The plans the org gives " +
						"every site are kept unless a block names them; with no block, the plans are not managed.",
					Nested: []Field{
						{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the number plan."},
						{Attr: "classification", JSON: "classification", Type: String, Mode: Required,
							Description: "What dialled numbers matching the plan are classified as."},
						{Attr: "match_type", JSON: "matchType", Type: String, Mode: Required,
							Description: "How numbers are matched: `digitLength`, `intraCountryCode`, `interCountryCode`, `numberList` or `regex`."},
						{Attr: "match_format", JSON: "match", Type: String, Mode: Optional,
							Description: "The regular expression numbers are matched by (match_type `regex`)."},
						{Attr: "normalized_format", JSON: "normalizedFormat", Type: String, Mode: Optional,
							Description: "How a matching number is normalized (regex replacement)."},
						{Attr: "digit_length", JSON: "digitLength", Type: Object, Mode: Optional,
							Description: "The range of digit counts a number matches (match_type `digitLength`), 1-20 digits.",
							Nested: []Field{
								{Attr: "start", JSON: "start", Type: String, Mode: Optional, Description: "The fewest digits."},
								{Attr: "end", JSON: "end", Type: String, Mode: Optional, Description: "The most digits."},
							}},
						{Attr: "numbers", JSON: "numbers", Type: Block, Mode: Optional,
							Description: "The number ranges a number matches (match_type `numberList`), 2-9 digits long.",
							Nested: []Field{
								{Attr: "start", JSON: "start", Type: String, Mode: Optional, Description: "The first number of the range."},
								{Attr: "end", JSON: "end", Type: String, Mode: Optional, Description: "The last number of the range."},
							}},
					}},
				{Attr: "set_as_default_site", JSON: "setAsDefaultSite", Type: Bool, Mode: Optional, Default: false,
					NamedBy: &Namer{Path: "/api/v2/organizations/me", JSON: "defaultSiteId"},
					Description: "Whether the site is the organization's default site (its defaultSiteId). Only one site should say " +
						"true; false changes nothing (another site must become the default)."},
			},
		},
		{
			Name: TrunkBase, Resource: "genesyscloud_telephony_providers_edges_trunkbasesettings",
			DataSource: "genesyscloud_telephony_providers_edges_trunkbasesettings", Noun: "trunk base settings",
			API: API{Collection: "/api/v2/telephony/providers/edges/trunkbasesettings", NameFilter: "name", Update: "PUT",
				Version: IntVersion, List: telephonyListing()},
			Model: "TrunkBase", Audit: Audit{"Telephony", "TrunkBase"}, Permission: "telephony:plugin", Actions: telephonyWrites(),
			BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"trunk_base_settings_id", "external_trunk_base_ids", "phone_trunk_base_ids"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the entity."},
				{Attr: "trunk_meta_base_id", JSON: "trunkMetabase.id", Type: String, Mode: Required,
					Description: "The meta-base this trunk is based on (e.g. `external_sip_pcv_byoc_carrier.json`)."},
				{Attr: "trunk_type", JSON: "trunkType", Type: String, Mode: Required, Enum: []string{"EXTERNAL", "PHONE", "EDGE"},
					Description: "The type of this trunk base."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "The resource's description."},
				{Attr: "properties", JSON: "properties", Type: String, Format: JSONText, Mode: Optional,
					Description: "The trunk's properties as JSON text (use jsonencode()), keyed by property name."},
				{Attr: "managed", JSON: "managed", Type: Bool, Mode: Optional,
					Description: "Whether the trunk base settings are managed by Genesys Cloud."},
				{Attr: "site_id", JSON: "site.id", Type: String, Mode: Optional, Ref: Site,
					Description: "Used to determine the site for an external trunk."},
				{Attr: "inbound_site_id", JSON: "inboundSite.id", Type: String, Mode: Optional, Ref: Site,
					Description: "The site to which inbound calls will be routed. Only valid for External BYOC Trunks."},
				{Attr: "state", JSON: "state", Type: String, Mode: OptionalComputed,
					Description: "The resource's state. The org answers `active` for a live object."},
			},
		},
		{
			Name: ExtensionPool, Resource: "genesyscloud_telephony_providers_edges_extension_pool",
			DataSource: "genesyscloud_telephony_providers_edges_extension_pool", Noun: "extension pool", Names: NoName,
			Summary: "Genesys Cloud extension pool: a range of extensions that users' phones can be given.",
			// As a DID pool, a pool has no name of its own (the org names it after its first
			// number), so its first number tells pools apart. Its data source finds it by both
			// numbers and is hand-written, as is the local org's handler (ranges must not overlap).
			FoundBy: "start_number", Unmanaged: true,
			API:   API{Collection: "/api/v2/telephony/providers/edges/extensionpools", Update: "PUT", Version: IntVersion},
			Model: "ExtensionPool", Audit: Audit{"Telephony", "ExtensionPool"}, Permission: "telephony:extensionPool",
			IDAttributes: []string{"extension_pool_id"}, DependsOn: []string{Division},
			Fields: []Field{
				{Attr: "start_number", JSON: "startNumber", Type: String, Mode: Required, ForceNew: true,
					Description: "Starting phone number of the Extension Pool range."},
				{Attr: "end_number", JSON: "endNumber", Type: String, Mode: Required, ForceNew: true,
					Description: "Ending phone number of the Extension Pool range."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional,
					Description: "Extension Pool description."},
				divisionField("extension pool"),
			},
		},
	}
}
