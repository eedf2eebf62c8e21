package kinds

// Catalogue names of the telephony area's kinds added for breadth.
const (
	ExtensionPool = "telephony.extensionpool"
	TrunkBase     = "telephony.trunkbase"
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
// settings.
func telephonyAreaKinds() []*Kind {
	return []*Kind{
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
				{Attr: "site_id", JSON: "site.id", Type: String, Mode: Optional,
					Description: "Used to determine the site for an external trunk."},
				{Attr: "inbound_site_id", JSON: "inboundSite.id", Type: String, Mode: Optional,
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
			FoundBy: "start_number",
			API:     API{Collection: "/api/v2/telephony/providers/edges/extensionpools", Update: "PUT", Version: IntVersion},
			Model:   "ExtensionPool", Audit: Audit{"Telephony", "ExtensionPool"}, Permission: "telephony:extensionPool",
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
